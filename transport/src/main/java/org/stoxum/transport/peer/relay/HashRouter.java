package org.stoxum.transport.peer.relay;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.stoxum.codec.types.Hash256;

/**
 * stoxumd's {@code HashRouter}: remembers, per message hash (transaction id, proposal or validation
 * suppression hash), which peers sent it, whether it was processed or relayed recently, and sticky
 * flags. It suppresses duplicates: a transaction is processed at most once per
 * {@link #TRANSACTION_INTERVAL}, and a message is relayed at most once per hold time, never back to
 * the peers it came from.
 *
 * <p>Thread-safe (one lock); entries are forgotten after the hold time without being touched. The map
 * keeps entries in the order they were last touched, so forgetting looks only at the oldest ones: a sweep
 * of the whole map every so many touches cost time in proportion to the map, which at a few thousand
 * transactions a second holds hundreds of thousands of entries.
 */
public final class HashRouter {
    /** How long an entry is kept, and how long a relay suppresses the next one (stoxumd: 300 s). */
    public static final Duration DEFAULT_HOLD_TIME = Duration.ofSeconds(300);
    /** The interval stoxumd passes to {@link #shouldProcess} for transactions from peers. */
    public static final Duration TRANSACTION_INTERVAL = Duration.ofSeconds(10);

    /** Flag: the item failed a check (stoxumd {@code SF_BAD}); peers sending it again are charged. */
    public static final int FLAG_BAD = 0x02;
    /** Flag: the item's signature was checked good ({@code SF_SIGGOOD}). */
    public static final int FLAG_SIGGOOD = 0x04;
    /** Flag: the item came from a trusted cluster peer ({@code SF_TRUSTED}). */
    public static final int FLAG_TRUSTED = 0x10;

    private final NanoClock clock;
    private final long holdNanos;
    /** In the order of their last touch (access order), oldest first. */
    private final Map<Hash256, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    /** A router with stoxumd's hold time on the system clock. */
    public HashRouter() {
        this(SystemNanoClock.INSTANCE, DEFAULT_HOLD_TIME);
    }

    public HashRouter(NanoClock clock, Duration holdTime) {
        this.clock = clock;
        this.holdNanos = holdTime.toNanos();
    }

    /**
     * Records that {@code peer} sent the item.
     *
     * @return true when the item was not known before
     */
    public synchronized boolean addSuppressionPeer(Hash256 key, long peer) {
        long now = clock.nanoTime();
        forgetUntouchedSince(now - holdNanos);
        boolean fresh = !entries.containsKey(key);
        entry(key, now).addPeer(peer);
        return fresh;
    }

    /**
     * Records that {@code peer} sent the item and says whether to process it: true unless it was
     * processed less than {@code interval} ago.
     */
    public synchronized boolean shouldProcess(Hash256 key, long peer, Duration interval) {
        long now = clock.nanoTime();
        Entry e = entry(key, now);
        e.addPeer(peer);
        if (e.processed != null && now - e.processed < interval.toNanos()) {
            return false;
        }
        e.processed = now;
        return true;
    }

    /**
     * Whether to relay the item now: empty when it was relayed within the hold time; otherwise the
     * peers that already have it (to skip), and that set starts afresh.
     */
    public synchronized Optional<Set<Long>> shouldRelay(Hash256 key) {
        long now = clock.nanoTime();
        Entry e = entry(key, now);
        if (e.relayed != null && now - e.relayed < holdNanos) {
            return Optional.empty();
        }
        e.relayed = now;
        Set<Long> peers = e.peers;
        e.peers = new HashSet<>();
        return Optional.of(peers);
    }

    /** The item's flags (0 for an unknown item). */
    public synchronized int getFlags(Hash256 key) {
        return entry(key, clock.nanoTime()).flags;
    }

    /**
     * Adds flags to the item.
     *
     * @return true when that changed them
     */
    public synchronized boolean setFlags(Hash256 key, int flags) {
        if (flags == 0) {
            throw new IllegalArgumentException("no flags to set");
        }
        Entry e = entry(key, clock.nanoTime());
        int before = e.flags;
        e.flags |= flags;
        return before != e.flags;
    }

    private Entry entry(Hash256 key, long now) {
        forgetUntouchedSince(now - holdNanos);
        Entry e = entries.get(key); // a touch: moves the entry to the young end
        if (e == null) {
            e = new Entry();
            entries.put(key, e);
        }
        e.touched = now;
        return e;
    }

    /** How many items are remembered (tests). */
    synchronized int size() {
        return entries.size();
    }

    /** Drops the entries last touched before {@code cutoff}: the oldest, at the head of the map. */
    private void forgetUntouchedSince(long cutoff) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (it.next().touched - cutoff >= 0) {
                return;
            }
            it.remove();
        }
    }

    private static final class Entry {
        private Set<Long> peers = new HashSet<>();
        private int flags;
        private Long processed;
        private Long relayed;
        private long touched;

        void addPeer(long peer) {
            if (peer != 0) {
                peers.add(peer);
            }
        }
    }
}
