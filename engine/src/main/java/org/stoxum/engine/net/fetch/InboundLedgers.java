package org.stoxum.engine.net.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.sbe.LedgerDataDecoder;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.storage.nodestore.NodeStore;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * The ledgers being acquired from peers (rippled's {@code InboundLedgers}), by hash.
 *
 * <p>An acquisition takes whatever the node store already holds (a stored header, every stored
 * subtree), asks peers for the rest, checks every node against the hash that names it (the header
 * against the ledger hash, the tree roots against the header, each node against its parent), stores
 * the finished ledger through the {@link LedgerSink} and completes its future with it. Following the
 * network from a stored ledger therefore moves only the nodes that changed.
 *
 * <p>Peers, timeouts and limits are rippled's: 4 peers to start, 2 more after each 2.5 s without
 * progress, failure after 10 such timeouts ({@link AcquisitionFailedException}).
 *
 * <p><b>Threads.</b> {@link #onLedgerData} runs on the overlay's I/O thread and only copies the message;
 * checking and storing run on the executor. {@link #tick} is called every ~250 ms from any thread.
 */
public final class InboundLedgers {
    private static final Logger LOG = LoggerFactory.getLogger(InboundLedgers.class);
    /** How often a long acquisition reports its progress. */
    static final long PROGRESS_LOG_MS = 5_000;

    /** Why a ledger is wanted (rippled's {@code InboundLedger::Reason}). */
    public enum Reason {
        /** An older ledger to fill the history. */
        HISTORY,
        /** A ledger for a history shard. */
        SHARD,
        /** A ledger we need now (the network's validated ledger, a missing parent). */
        GENERIC,
        /** The last closed ledger of the network, needed to take part in consensus. */
        CONSENSUS
    }

    private final NodeStore store;
    private final LedgerSink sink;
    private final Fees configFees;
    private final Set<Hash256> presets;
    private final Supplier<List<Peer>> peers;
    private final Executor executor;
    private final Map<Hash256, Tracked> active = new ConcurrentHashMap<>();
    /** Finished acquisitions, shown by fetch_info until swept ({@link #SWEEP_MS} after they ended). */
    private final Map<Hash256, Ended> finished = new ConcurrentHashMap<>();
    /** Failed acquisitions' sequences, shown by fetch_info for {@link #FAILURE_MEMORY_MS}. */
    private final Map<Hash256, Ended> failures = new ConcurrentHashMap<>();
    private volatile long nowMs;

    /** How long a finished acquisition stays in view (stoxumd sweeps a minute after the last action). */
    static final long SWEEP_MS = 60_000;
    /** How long a failure is remembered (stoxumd's kReacquireInterval, five minutes). */
    static final long FAILURE_MEMORY_MS = 300_000;

    /** An acquisition that ended, and when. */
    private record Ended(LedgerAcquisition acquisition, long atMs) {
    }

    /** An acquisition and its progress-report clock. */
    private static final class Tracked {
        final LedgerAcquisition acquisition;
        final long startMs;
        long lastReportMs;

        Tracked(LedgerAcquisition acquisition, long startMs) {
            this.acquisition = acquisition;
            this.startMs = startMs;
            this.lastReportMs = startMs;
        }
    }

    /**
     * @param store      where local nodes and headers are looked up
     * @param sink       where finished ledgers are stored (normally through LedgerMaster, into {@code store})
     * @param configFees the server's fee defaults, for ledgers without a FeeSettings object
     * @param presets    amendments the server enables regardless of the ledger
     * @param peers      the peers that may be asked (the overlay's active peers)
     * @param executor   where replies are checked, requests built and ledgers stored
     */
    public InboundLedgers(NodeStore store, LedgerSink sink, Fees configFees, Set<Hash256> presets,
                          Supplier<List<Peer>> peers, Executor executor) {
        this.store = Objects.requireNonNull(store, "store");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.configFees = Objects.requireNonNull(configFees, "configFees");
        this.presets = Set.copyOf(presets);
        this.peers = Objects.requireNonNull(peers, "peers");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The ledger with this hash, from the node store or from peers. Concurrent calls for the same hash
     * share one acquisition and one future.
     *
     * @param seq its sequence if known, else 0
     * @return completes with the verified ledger (already stored), or exceptionally with
     *     {@link AcquisitionFailedException}
     */
    public CompletableFuture<Ledger> acquire(Hash256 ledgerHash, long seq, Reason reason) {
        Tracked fresh = new Tracked(new LedgerAcquisition(ledgerHash, seq, reason, peers, store, configFees,
                presets, nowMs), nowMs);
        Tracked existing = active.putIfAbsent(ledgerHash, fresh);
        if (existing != null) {
            return existing.acquisition.future.thenApply(l -> l);
        }
        LedgerAcquisition a = fresh.acquisition;
        a.future.whenComplete((l, e) -> {
            Ended ended = new Ended(a, this.nowMs);
            finished.put(ledgerHash, ended);
            if (e != null) {
                failures.put(ledgerHash, ended);
            }
            active.remove(ledgerHash, fresh);
        });
        executor.execute(() -> start(a));
        return a.future.thenApply(l -> l);
    }

    private void start(LedgerAcquisition a) {
        try {
            if (a.tryLocal(store.ledger(a.hash))) {
                Ledger local = a.claimComplete();
                if (local != null) {
                    LOG.debug("{} is in the node store", a.describe());
                    a.complete(local);
                    return;
                }
            }
            LOG.debug("acquiring {} ({})", a.describe(), a.reason());
            a.addPeers(LedgerAcquisition.PEERS_START);
            if (a.peerCount() == 0) {
                LOG.debug("no peer to ask for {} yet", a.describe());
            }
        } catch (RuntimeException e) {
            failed(a, e);
        }
    }

    /**
     * A peer's {@code LedgerData} that is not about a candidate set. Runs on the I/O thread: copies
     * the message and hands it to the executor. Data for a ledger not being acquired is charged as
     * unwanted.
     */
    public void onLedgerData(Peer peer, LedgerDataDecoder msg) {
        LedgerDataReply reply = LedgerDataReply.copyOf(msg);
        Tracked t = active.get(reply.hash());
        if (t == null) {
            peer.charge(Charge.UNWANTED_DATA);
            return;
        }
        executor.execute(() -> onReply(t.acquisition, peer, reply));
    }

    private void onReply(LedgerAcquisition a, Peer peer, LedgerDataReply reply) {
        try {
            int useful = a.process(peer, reply);
            if (useful > 0) {
                a.trigger(peer, PeerSet.Trigger.REPLY);
            }
            finishIfComplete(a);
        } catch (RuntimeException e) {
            failed(a, e);
        }
    }

    private void finishIfComplete(LedgerAcquisition a) {
        Ledger ledger = a.claimComplete();
        if (ledger == null) {
            return;
        }
        sink.store(ledger);
        if (a.reason() == Reason.HISTORY) {
            // The back-fill reports its progress itself, every few seconds.
            LOG.debug("acquired {} ({} nodes fetched)", a.describe(), a.nodesReceived());
        } else {
            LOG.info("acquired {} ({} nodes fetched)", a.describe(), a.nodesReceived());
        }
        a.complete(ledger);
    }

    private void failed(LedgerAcquisition a, RuntimeException e) {
        LOG.warn("acquiring {} failed", a.describe(), e);
        a.fail(e.toString());
    }

    /**
     * Drives timeouts and progress reports; call every ~250 ms with a monotonic clock in milliseconds.
     */
    public void tick(long nowMs) {
        this.nowMs = nowMs;
        finished.values().removeIf(e -> nowMs - e.atMs >= SWEEP_MS);
        failures.values().removeIf(e -> nowMs - e.atMs >= FAILURE_MEMORY_MS);
        for (Tracked t : active.values()) {
            LedgerAcquisition a = t.acquisition;
            if (a.timerDue(nowMs)) {
                executor.execute(() -> {
                    try {
                        a.onTimer(LedgerAcquisition.PEERS_ADD);
                        finishIfComplete(a);
                    } catch (RuntimeException e) {
                        failed(a, e);
                    }
                });
            }
            if (nowMs - t.lastReportMs >= PROGRESS_LOG_MS) {
                t.lastReportMs = nowMs;
                LOG.info("acquiring {}: {} nodes received in {} s, {} peers, {} timeouts", a.describe(),
                        a.nodesReceived(), (nowMs - t.startMs) / 1000, a.peerCount(), a.timeouts());
            }
        }
    }

    /**
     * The {@code fetch_info} view (stoxumd's InboundLedgers::getInfo): every acquisition under way or recently
     * ended, and the recent failures, each named by its sequence when known (else its hash), in sorted order.
     */
    public ObjectNode info() {
        Map<String, JsonNode> entries = new TreeMap<>();
        for (Map.Entry<Hash256, Ended> f : failures.entrySet()) {
            ObjectNode failed = JsonNodeFactory.instance.objectNode();
            failed.put("failed", true);
            entries.put(name(f.getKey(), f.getValue().acquisition.seq()), failed);
        }
        List<LedgerAcquisition> shown = new ArrayList<>();
        finished.values().forEach(e -> shown.add(e.acquisition));
        active.values().forEach(t -> shown.add(t.acquisition));
        for (LedgerAcquisition a : shown) {
            entries.put(name(a.hash, a.seq()), a.toJson());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        entries.forEach(out::set);
        return out;
    }

    private static String name(Hash256 hash, long seq) {
        return seq > 1 ? Long.toString(seq) : hash.toString();
    }

    /** {@code fetch_info clear}: forgets the recent failures and the ended acquisitions. */
    public void clearFailures() {
        failures.clear();
        finished.clear();
    }

    /** True while the ledger with this hash is being acquired. */
    public boolean isAcquiring(Hash256 ledgerHash) {
        return active.containsKey(ledgerHash);
    }

    /** How many acquisitions are under way. */
    public int activeCount() {
        return active.size();
    }
}
