package io.jiangxin.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/** Switches the console log to JSON lines at start ({@code --log-format json}); logback.xml stays the text default. */
final class LogFormat {

    private LogFormat() {
    }

    static void apply(io.jiangxin.server.config.Operations.LogFormat format) {
        if (format != io.jiangxin.server.config.Operations.LogFormat.JSON
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (var appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
                JsonLogEncoder encoder = new JsonLogEncoder();
                encoder.setContext(context);
                encoder.start();
                stream.stop();
                stream.setEncoder(encoder);
                stream.start();
            }
        }
    }
}
