package org.stoxum.transport.peer;

import java.util.function.BooleanSupplier;

/** Waits for a condition of a live network; fails with a message after a generous time. */
final class Await {
    private static final long DEFAULT_MILLIS = 10_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_MILLIS, condition);
    }

    static void until(String what, long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    /** Lets a network run for a while, for conditions that must stay false. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
