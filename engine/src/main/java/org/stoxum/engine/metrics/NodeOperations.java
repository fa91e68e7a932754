package org.stoxum.engine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.net.NetworkOps;
import org.stoxum.engine.pipeline.TxPipeline;
import org.stoxum.engine.rpc.handlers.ServerInfo;

/**
 * A running node's health and metrics, read from its public getters when asked: nothing here runs on
 * its own or holds the node's locks between scrapes. The health check reads what {@code server_state}
 * shows (the state, the load factor), as rippled's health check reads its server info.
 */
public final class NodeOperations implements Operations {
    /** Bucket bounds (seconds) for ledger close intervals and consensus rounds: stoxumd closes every few. */
    /** Bucket bounds (seconds) for building a ledger: milliseconds empty, up to seconds for the largest. */
    private static final double[] BUILD_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    private static final double[] CLOSE_BUCKETS = {0.25, 0.5, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 60, 120};

    private final Application app;
    private final MetricsRegistry registry = new MetricsRegistry();
    private final Histogram closeInterval = registry.histogram("stoxumd_ledger_close_interval_seconds",
            "Seconds between successive ledger closes on this node: consensus rounds on a network, "
                    + "ledger_accept calls stand-alone.", CLOSE_BUCKETS);
    private final Histogram roundSeconds = registry.histogram("stoxumd_consensus_round_seconds",
            "How long each consensus round took to agree on its ledger (server_info's "
                    + "last_close.converge_time_s); not observed stand-alone, where there is no round.",
            CLOSE_BUCKETS);
    private final Histogram buildSeconds = registry.histogram("stoxumd_ledger_build_seconds",
            "How long building each closed ledger from its transaction set took: canonical apply, retry passes and "
                    + "rehash, off the writer thread; the node store commits it afterwards, in the background.",
            BUILD_BUCKETS);
    /** When the last ledger closed (System.nanoTime), or 0 before the first. */
    private final AtomicLong lastClose = new AtomicLong();

    /**
     * @param app      the node
     * @param pipeline its transaction pipeline, whose counters and ring are shown
     */
    public NodeOperations(Application app, TxPipeline pipeline) {
        this.app = Objects.requireNonNull(app, "app");
        Objects.requireNonNull(pipeline, "pipeline");
        LedgerMaster lm = app.ledgerMaster();
        registry.gauge("stoxumd_ledger_validated_index", "Sequence of the newest validated ledger.",
                () -> lm.validLedgerIndex());
        registry.gauge("stoxumd_ledger_closed_index", "Sequence of the last closed ledger.",
                () -> lm.closedLedger().seq());
        registry.gauge("stoxumd_ledger_validated_age_seconds", "Seconds since the validated ledger closed.",
                () -> age(lm.validatedLedger()));
        registry.gauge("stoxumd_ledger_closed_age_seconds", "Seconds since the last closed ledger closed.",
                () -> age(lm.closedLedger()));
        registry.gauge("stoxumd_ledger_open_transactions", "Transactions in the open ledger.", lm::openTxCount);
        registry.gauge("stoxumd_nodestore_queued_ledgers", "Closed ledgers waiting for the node store's writer "
                + "to commit them.", () -> lm.store().queuedLedgers());
        registry.gauge("stoxumd_stream_backlog", "Ledgers, transactions and replies handed to the stream "
                + "publisher and not yet published to subscribers.", app::streamBacklog);
        app.onLedgerClosed(this::ledgerClosed);
        for (Metric m : pipeline.metrics()) {
            registry.register(m);
        }
        registry.gauge("stoxumd_pipeline_ring_capacity", "Slots of the transaction pipeline's ring.",
                pipeline::capacity);
        registry.gauge("stoxumd_pipeline_ring_remaining", "Free slots of the pipeline's ring; at 0 submissions "
                + "are answered tooBusy.", pipeline::remainingCapacity);
        registry.gauge("stoxumd_pipeline_in_flight", "Transactions and commands published but not yet done "
                + "by the writer.", () -> pipeline.capacity() - pipeline.remainingCapacity());
        registry.gauge("stoxumd_client_jobs", "API commands waiting or running on the client job threads.",
                () -> app.jobs().count());
        registry.gauge("stoxumd_load_factor", "The load factor over the load base (1 when unloaded), as "
                + "server_state reports it.", () -> loadFactor(ServerInfo.build(app, false, false)));
        registry.gauge("stoxumd_peers", "Connected peers.", this::peers);
        registry.gauge("stoxumd_health", "The health check's level: 0 healthy, 1 warning, 2 critical.",
                () -> health().level().ordinal());
        registry.gauge("stoxumd_uptime_seconds", "Seconds since the node started.",
                () -> app.status().uptimeSeconds());
        JvmMetrics.register(registry);
    }

    /** Observes one close; closes come one at a time (the writer stand-alone, consensus on a network). */
    private void ledgerClosed(Ledger ledger, long convergeMillis, long buildNanos) {
        buildSeconds.observe(buildNanos / 1e9);
        long now = System.nanoTime();
        long before = lastClose.getAndSet(now);
        if (before != 0) {
            closeInterval.observe((now - before) / 1e9);
        }
        if (!app.standalone()) {
            roundSeconds.observe(convergeMillis / 1000.0);
        }
    }

    private int peers() {
        return app.network().map(NetworkOps::peerCount).orElse(0);
    }

    @Override
    public HealthReport health() {
        ObjectNode state = ServerInfo.build(app, false, false);
        Ledger validated = app.ledgerMaster().validatedLedger();
        long age = validated == null ? -1 : age(validated);
        return HealthCheck.evaluate(new HealthCheck.Inputs(age, state.path("amendment_blocked").asBoolean(false),
                peers(), state.path("server_state").asText(""), loadFactor(state), app.standalone()));
    }

    @Override
    public MetricsRegistry registry() {
        return registry;
    }

    private long age(Ledger ledger) {
        return Math.max(0, app.networkTime() - ledger.closeTime());
    }

    private static double loadFactor(ObjectNode state) {
        JsonNode base = state.get("load_base");
        JsonNode factor = state.get("load_factor");
        if (base == null || factor == null || base.asDouble() <= 0) {
            return 1;
        }
        return factor.asDouble() / base.asDouble();
    }
}
