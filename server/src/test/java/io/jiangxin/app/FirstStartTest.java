package io.jiangxin.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** First start: the organizer code as a banner on stdout, and the production logging without Hazelcast's CP warning. */
class FirstStartTest {

    @Test
    void theFirstOrganizerCodeIsPrintedAsABanner() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FirstStartBanner.print(new PrintStream(out, true, StandardCharsets.UTF_8), "ABCD-EFGH-JKLM");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("首个组委会登录码", "One-time organizer sign-in code", "      ABCD-EFGH-JKLM",
                "/organizer/", "=".repeat(72));
    }

    @Test
    void theProductionLoggingDropsOnlyTheCpSubsystemWarning() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        // the server's own logback.xml (the test classpath also has logback-test.xml, which tests use)
        configurator.doConfigure(FirstStartTest.class.getResource("/logback.xml"));
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(seen);

        org.slf4j.Logger cp = context.getLogger("com.hazelcast.cp.CPSubsystem");
        // as Hazelcast logs it: the member and cluster first
        cp.warn("[127.0.0.1]:5701 [jiangxin] [5.3.8] CP Subsystem is not enabled. CP data structures will operate in"
                + " UNSAFE mode! Please note that UNSAFE"
                + " mode will not provide strong consistency guarantees.");
        cp.warn("another CP warning");
        context.getLogger("com.hazelcast.internal.cluster").warn("Members {size:1} left");

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("another CP warning", "Members {size:1} left");
        context.stop();
    }
}
