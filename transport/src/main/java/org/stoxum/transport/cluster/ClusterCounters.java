package org.stoxum.transport.cluster;

import java.util.concurrent.atomic.AtomicLongArray;

/** The cluster's counters: bumped by any thread, read by any thread. */
final class ClusterCounters {
    private final AtomicLongArray values = new AtomicLongArray(ClusterCounter.values().length);

    void increment(ClusterCounter c) {
        values.incrementAndGet(c.ordinal());
    }

    long get(ClusterCounter c) {
        return values.get(c.ordinal());
    }
}
