package io.jiangxin.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One JSON object per log line ({@code --log-format json}), for a log collector (Loki, Elasticsearch, 阿里云 SLS):
 * {@code time, level, logger, thread, message}, the event's key-value pairs (e.g. {@code requestId}) as fields of
 * their own, and {@code exception} with the stack trace when there is one.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        JsonObject line = new JsonObject()
                .put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString())
                .put("level", event.getLevel().toString())
                .put("logger", event.getLoggerName())
                .put("thread", event.getThreadName())
                .put("message", event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> {
                if (!line.containsKey(pair.key)) {
                    line.put(pair.key, pair.value instanceof Number || pair.value instanceof Boolean ? pair.value
                            : String.valueOf(pair.value));
                }
            });
        }
        if (event.getThrowableProxy() != null) {
            line.put("exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return (line.encode() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
