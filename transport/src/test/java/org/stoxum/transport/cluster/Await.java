package org.stoxum.transport.cluster;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something members do over the network; fails naming what never happened. */
final class Await {
    /** Generous: a condition that holds at all holds within a few report intervals. */
    static final long LIMIT_MS = 10_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.currentTimeMillis() + LIMIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("never happened: " + what + " " + state.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
