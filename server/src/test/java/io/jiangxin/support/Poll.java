package io.jiangxin.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it, failing with {@code what} at the deadline (Awaitility is not on the path). */
public final class Poll {

    private Poll() {
    }

    public static void until(Duration atMost, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + atMost + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
