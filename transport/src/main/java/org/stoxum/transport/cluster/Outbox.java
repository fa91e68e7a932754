package org.stoxum.transport.cluster;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.types.Hash256;

/**
 * What the engine asked the cluster to send and that waits to share a signed frame: a batch goes out
 * once its oldest item has waited the batch interval. Used by the cluster thread only.
 */
final class Outbox {
    /** A signature we checked. */
    record Mark(Hash256 hash, boolean good) {
    }

    /** A serialized transaction to relay; {@code deferred} when we held it rather than applied it. */
    record Relay(byte[] raw, boolean deferred) {
    }

    final List<Mark> marks = new ArrayList<>();
    final List<Relay> transactions = new ArrayList<>();
    final List<LoadSource> charges = new ArrayList<>();
    private final long intervalMs;
    private long oldest = Long.MAX_VALUE;

    Outbox(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    void mark(Mark m, long now) {
        touch(now);
        marks.add(m);
    }

    void transaction(Relay relay, long now) {
        touch(now);
        transactions.add(relay);
    }

    void charge(LoadSource s, long now) {
        touch(now);
        charges.add(s);
    }

    /** Whether something waits and the oldest item has waited long enough. */
    boolean isDue(long now) {
        return oldest != Long.MAX_VALUE && now - oldest >= intervalMs;
    }

    void clear() {
        marks.clear();
        transactions.clear();
        charges.clear();
        oldest = Long.MAX_VALUE;
    }

    private void touch(long now) {
        if (oldest == Long.MAX_VALUE) {
            oldest = now;
        }
    }
}
