package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.types.Hash256;

/** Verdicts by hash: bounded, expiring, and a bad one is never whitewashed. */
class VerdictCacheTest {
    private final CachedEpochClock clock = new CachedEpochClock();
    private final VerdictCache cache = new VerdictCache(3, 1000, clock);

    private static Hash256 h(int i) {
        return Hash256.fromHex(String.format("%064x", i));
    }

    @Test
    void unknownUntilRecorded() {
        assertEquals(Verdict.UNKNOWN, cache.lookup(h(1)));
        assertTrue(cache.record(h(1), Verdict.GOOD));
        assertEquals(Verdict.GOOD, cache.lookup(h(1)));
        assertFalse(cache.record(h(1), Verdict.GOOD), "nothing new");
        assertThrows(IllegalArgumentException.class, () -> cache.record(h(1), Verdict.UNKNOWN));
    }

    @Test
    void badIsNeverOverwrittenByGood() {
        cache.record(h(1), Verdict.GOOD);
        assertTrue(cache.record(h(1), Verdict.BAD));
        assertFalse(cache.record(h(1), Verdict.GOOD));
        assertEquals(Verdict.BAD, cache.lookup(h(1)));
    }

    @Test
    void verdictsExpire() {
        clock.update(0);
        cache.record(h(1), Verdict.BAD);
        clock.update(999);
        assertEquals(Verdict.BAD, cache.lookup(h(1)));
        clock.update(1000);
        assertEquals(Verdict.UNKNOWN, cache.lookup(h(1)));
        assertTrue(cache.record(h(1), Verdict.GOOD), "an expired bad verdict no longer holds");
        assertEquals(Verdict.GOOD, cache.lookup(h(1)));
    }

    @Test
    void theOldestGoBeyondCapacity() {
        for (int i = 1; i <= 4; i++) {
            clock.update(i);
            cache.record(h(i), Verdict.GOOD);
        }
        assertEquals(3, cache.size());
        assertEquals(Verdict.UNKNOWN, cache.lookup(h(1)));
        assertEquals(Verdict.GOOD, cache.lookup(h(4)));
        clock.update(5);
        cache.record(h(2), Verdict.GOOD);  // renewed: now the youngest
        cache.record(h(5), Verdict.GOOD);
        assertEquals(Verdict.GOOD, cache.lookup(h(2)));
        assertEquals(Verdict.UNKNOWN, cache.lookup(h(3)));
    }
}
