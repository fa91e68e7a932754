package org.stoxum.transport.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.agrona.concurrent.EpochClock;
import org.stoxum.codec.types.Hash256;

/**
 * Signature verdicts by hash, bounded and expiring: the engine asks before it checks a signature, and
 * skips the check when a member already did it.
 *
 * <p>A bad verdict is never overwritten by a good one. Checking is deterministic, so members disagree
 * only through a fault, and then refusing a good signature is the lesser harm.
 *
 * <p>Thread-safe: the cluster thread records remote verdicts while engine threads look up and record
 * their own.
 */
final class VerdictCache {
    private final int capacity;
    private final long ttlMs;
    private final EpochClock clock;
    private final LinkedHashMap<Hash256, Entry> entries = new LinkedHashMap<>();

    private record Entry(Verdict verdict, long expiresAt) {
    }

    VerdictCache(int capacity, long ttlMs, EpochClock clock) {
        this.capacity = capacity;
        this.ttlMs = ttlMs;
        this.clock = clock;
    }

    /** What is known about {@code hash}; {@link Verdict#UNKNOWN} when nothing, or only an expired verdict. */
    synchronized Verdict lookup(Hash256 hash) {
        Entry e = entries.get(hash);
        if (e == null) {
            return Verdict.UNKNOWN;
        }
        if (e.expiresAt <= clock.time()) {
            entries.remove(hash);
            return Verdict.UNKNOWN;
        }
        return e.verdict;
    }

    /** Records a verdict (GOOD or BAD) for the next TTL; returns false when it changed nothing. */
    synchronized boolean record(Hash256 hash, Verdict verdict) {
        if (verdict == Verdict.UNKNOWN) {
            throw new IllegalArgumentException("only GOOD or BAD can be recorded");
        }
        long now = clock.time();
        Entry old = entries.remove(hash);
        boolean live = old != null && old.expiresAt > now;
        Verdict kept = live && old.verdict == Verdict.BAD ? Verdict.BAD : verdict;
        entries.put(hash, new Entry(kept, now + ttlMs));
        evict(now);
        return !live || old.verdict != kept;
    }

    synchronized int size() {
        return entries.size();
    }

    /** Drops expired entries from the oldest end, then the oldest live ones beyond capacity. */
    private void evict(long now) {
        var it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Hash256, Entry> oldest = it.next();
            if (entries.size() <= capacity && oldest.getValue().expiresAt > now) {
                return;
            }
            it.remove();
        }
    }
}
