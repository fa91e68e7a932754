package org.stoxum.engine.net.fetch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.sbe.LedgerDataDecoder;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * Consensus candidate transaction sets (rippled's {@code InboundTransactions}): the ones we built or
 * acquired, which peers may fetch from us, and the ones being acquired from peers with the same
 * machinery as ledgers ({@code TS_CANDIDATE} requests, 250 ms timeouts, 2 peers to start).
 *
 * <p><b>Threads.</b> As {@link InboundLedgers}: {@link #onLedgerData} copies on the I/O thread, the work
 * runs on the executor, {@link #tick} comes from any thread.
 */
public final class InboundTxSets {
    private static final Logger LOG = LoggerFactory.getLogger(InboundTxSets.class);
    /** How many known sets are kept for peers (the most recent ones; a round needs only a few). */
    static final int KNOWN_SETS = 256;

    private final Supplier<List<Peer>> peers;
    private final Executor executor;
    private final Map<Hash256, TxSetAcquisition> active = new ConcurrentHashMap<>();
    private final Map<Hash256, SHAMap> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash256, SHAMap> eldest) {
            return size() > KNOWN_SETS;
        }
    };
    private volatile long nowMs;

    /**
     * @param peers    the peers that may be asked (the overlay's active peers)
     * @param executor where replies are checked and requests built
     */
    public InboundTxSets(Supplier<List<Peer>> peers, Executor executor) {
        this.peers = Objects.requireNonNull(peers, "peers");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The set with this root hash: at once if known, else from peers. Concurrent calls share one
     * acquisition.
     *
     * @return completes with the verified set (an immutable snapshot), or exceptionally with
     *     {@link AcquisitionFailedException}
     */
    public CompletableFuture<SHAMap> acquire(Hash256 setHash) {
        SHAMap have = knownSet(setHash);
        if (have != null) {
            return CompletableFuture.completedFuture(have);
        }
        TxSetAcquisition fresh = new TxSetAcquisition(setHash, peers, nowMs);
        TxSetAcquisition existing = active.putIfAbsent(setHash, fresh);
        if (existing != null) {
            return existing.future.thenApply(s -> s);
        }
        fresh.future.whenComplete((s, e) -> active.remove(setHash, fresh));
        executor.execute(() -> guarded(fresh, () -> {
            if (!complete(fresh, knownSet(setHash))) { // given while we were starting
                fresh.addPeers(TxSetAcquisition.PEERS_START);
            }
        }));
        return fresh.future.thenApply(s -> s);
    }

    /**
     * Registers a set we built (or got otherwise) so that peers can fetch it from us; completes an
     * acquisition of it that is under way.
     *
     * @throws IllegalArgumentException if it is not a tree of transactions without metadata
     */
    public void give(SHAMap set) {
        if (set.leafType() != SHAMapLeafType.TRANSACTION_NO_METADATA) {
            throw new IllegalArgumentException("a candidate set holds transactions without metadata, not "
                    + set.leafType());
        }
        SHAMap snapshot = set.snapshot();
        Hash256 hash = snapshot.hash();
        synchronized (known) {
            known.put(hash, snapshot);
        }
        TxSetAcquisition a = active.get(hash);
        if (a != null) {
            executor.execute(() -> guarded(a, () -> complete(a, snapshot)));
        }
    }

    /** A set we hold (built or acquired), or null. */
    public SHAMap knownSet(Hash256 setHash) {
        synchronized (known) {
            return known.get(setHash);
        }
    }

    /**
     * A peer's {@code LedgerData} of type {@code TS_CANDIDATE}. Runs on the I/O thread: copies the
     * message and hands it to the executor. Data for a set not being acquired is charged as unwanted.
     */
    public void onLedgerData(Peer peer, LedgerDataDecoder msg) {
        LedgerDataReply reply = LedgerDataReply.copyOf(msg);
        TxSetAcquisition a = active.get(reply.hash());
        if (a == null) {
            peer.charge(Charge.UNWANTED_DATA);
            return;
        }
        executor.execute(() -> guarded(a, () -> {
            if (a.process(peer, reply) > 0) {
                a.trigger(peer, PeerSet.Trigger.REPLY);
            }
            complete(a, a.claimComplete());
        }));
    }

    /** Drives timeouts; call every ~250 ms with a monotonic clock in milliseconds. */
    public void tick(long nowMs) {
        this.nowMs = nowMs;
        for (TxSetAcquisition a : active.values()) {
            if (a.timerDue(nowMs)) {
                executor.execute(() -> guarded(a, () -> {
                    a.onTimer(TxSetAcquisition.PEERS_ADD);
                    complete(a, a.claimComplete());
                }));
            }
        }
    }

    /** How many sets are being acquired. */
    public int activeCount() {
        return active.size();
    }

    private boolean complete(TxSetAcquisition a, SHAMap set) {
        if (set == null) {
            return false;
        }
        synchronized (known) {
            known.put(a.hash, set);
        }
        LOG.debug("acquired {} ({} nodes fetched)", a.describe(), a.nodesFetched());
        a.complete(set);
        return true;
    }

    private static void guarded(TxSetAcquisition a, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("acquiring {} failed", a.describe(), e);
            a.fail(e.toString());
        }
    }
}
