package io.jiangxin.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits for a condition through Awaitility, asking it in the test's own thread (a browser driver or a test's state
 * is not shared with a poller) and failing with {@code what} at the deadline.
 */
public final class Poll {

    private static final Duration EVERY = Duration.ofMillis(50);

    private Poll() {
    }

    public static void until(Duration atMost, String what, BooleanSupplier condition) {
        until(atMost, what, condition::getAsBoolean, Boolean.TRUE::equals);
    }

    /** Asks {@code value} until {@code done} accepts its answer, and answers that. */
    public static <T> T until(Duration atMost, String what, Callable<T> value, Predicate<? super T> done) {
        return until(atMost, EVERY, what, value, done);
    }

    /** As above, asking every {@code every}: a measured delay is only as fine as the asking. */
    public static <T> T until(Duration atMost, Duration every, String what, Callable<T> value,
                              Predicate<? super T> done) {
        return Awaitility.await(what).atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(every)
                .until(value, done::test);
    }

    /** Runs {@code assertion} until it passes; at the deadline its last failure is the test's. */
    public static void untilAsserted(Duration atMost, Duration every, String what, ThrowingRunnable assertion) {
        Awaitility.await(what).atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(every)
                .untilAsserted(assertion);
    }
}
