package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.stoxum.codec.Hex;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.rpc.server.Role;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.tx.queue.TxQ;

/**
 * The small commands about the node itself: ping, random, stop, log_level, logrotate, fee, version, the
 * ledger counters, and the network commands as a stand-alone server answers them.
 */
public final class NodeCommands {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The only API version of this server, as stoxumd reports it. */
    private static final String API_VERSION = "1.0.0";

    private NodeCommands() {
    }

    /** {@code ping}: nothing, or the caller's role when it is unlimited. */
    public static ObjectNode ping(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        if (ctx.role() == Role.ADMIN) {
            out.put("role", "admin");
        } else if (ctx.role() == Role.IDENTIFIED) {
            out.put("role", "identified");
        }
        return out;
    }

    /** {@code random}: 256 random bits. */
    public static ObjectNode random(RpcContext ctx) {
        byte[] r = new byte[32];
        RANDOM.nextBytes(r);
        ObjectNode out = RpcContext.object();
        out.put("random", Hex.encode(r));
        return out;
    }

    /** {@code stop}: answers, then the node shuts down. */
    public static ObjectNode stop(RpcContext ctx) {
        ctx.app().signalStop();
        ObjectNode out = RpcContext.object();
        out.put("message", "stoxum server stopping");
        return out;
    }

    /** {@code version}: the API versions this server speaks. */
    public static ObjectNode version(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        ObjectNode v = out.putObject("version");
        v.put("first", API_VERSION);
        v.put("good", API_VERSION);
        v.put("last", API_VERSION);
        return out;
    }

    /** {@code connect}: a stand-alone server has no peers to connect to. */
    public static ObjectNode connect(RpcContext ctx) {
        if (!ctx.app().standalone()) {
            return RpcError.NOT_SUPPORTED.make();
        }
        ObjectNode out = RpcContext.object();
        out.put("message", "cannot connect in standalone mode");
        return out;
    }

    /** {@code peers}: none, and no cluster. */
    public static ObjectNode peers(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        out.putArray("peers");
        out.putObject("cluster");
        return out;
    }

    /** {@code unl_list}: no listed validators (stand-alone servers load none). */
    public static ObjectNode unlList(RpcContext ctx) {
        return RpcContext.object();
    }

    /** {@code validation_seed}: disabled in this version of stoxumd. */
    public static ObjectNode validationSeed(RpcContext ctx) {
        return RpcError.NOT_IMPL.make();
    }

    /** {@code ledger_closed}: the last closed ledger's sequence and hash. */
    public static ObjectNode ledgerClosed(RpcContext ctx) {
        Ledger l = ctx.ledgers().closedLedger();
        ObjectNode out = RpcContext.object();
        out.put("ledger_index", l.seq());
        out.put("ledger_hash", l.hash().toString());
        return out;
    }

    /** {@code ledger_current}: the open ledger's sequence. */
    public static ObjectNode ledgerCurrent(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        out.put("ledger_current_index", ctx.ledgers().currentLedgerIndex());
        return out;
    }

    /** {@code ledger_accept}: closes the open ledger (stand-alone only). */
    public static CompletionStage<ObjectNode> ledgerAccept(RpcContext ctx) {
        if (!ctx.app().standalone()) {
            ObjectNode out = RpcContext.object();
            out.put("error", "notStandAlone");
            return CompletableFuture.completedFuture(out);
        }
        return ctx.app().acceptLedger().thenApply(ignored -> {
            ObjectNode out = RpcContext.object();
            out.put("ledger_current_index", ctx.ledgers().currentLedgerIndex());
            return out;
        });
    }

    /** {@code log_level}: the thresholds, or set one. */
    public static ObjectNode logLevel(RpcContext ctx) {
        LogLevels logs = ctx.app().logLevels();
        ObjectNode out = RpcContext.object();
        if (!ctx.has("severity")) {
            ObjectNode levels = out.putObject("levels");
            levels.put("base", logs.base().display());
            for (Map.Entry<String, LogLevels.Severity> e : logs.partitions().entrySet()) {
                levels.put(e.getKey(), e.getValue().display());
            }
            return out;
        }
        Optional<LogLevels.Severity> severity = LogLevels.Severity.parse(ctx.string("severity"));
        if (severity.isEmpty()) {
            return RpcError.INVALID_PARAMS.make();
        }
        if (!ctx.has("partition")) {
            logs.base(severity.get());
        } else {
            logs.partition(ctx.string("partition"), severity.get());
        }
        return out;
    }

    /** {@code logrotate}: closes and reopens the log file, saying whether that worked as stoxumd does. */
    public static ObjectNode logRotate(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        out.put("message", ctx.app().logLevels().rotate()
                ? "The log file was closed and reopened."
                : "The log file could not be closed and reopened.");
        return out;
    }

    /** {@code fee}: the open ledger's cost levels; notEnabled without FeeEscalation. */
    public static ObjectNode fee(RpcContext ctx) {
        ReadView view = ctx.ledgers().currentLedger();
        Optional<TxQ.Metrics> metrics = ctx.app().feeEscalation()
                .metrics(view, ctx.ledgers().openTxCount());
        if (metrics.isEmpty()) {
            return RpcError.NOT_ENABLED.inject(ctx.params());
        }
        TxQ.Metrics m = metrics.get();
        ObjectNode out = RpcContext.object();
        ObjectNode levels = out.putObject("levels");
        out.put("ledger_current_index", view.seq());
        out.put("expected_ledger_size", Long.toString(m.txPerLedger()));
        out.put("current_ledger_size", Long.toString(m.txInLedger()));
        out.put("current_queue_size", Long.toString(m.txCount()));
        if (m.txQMaxSize() != null) {
            out.put("max_queue_size", Long.toString(m.txQMaxSize()));
        }
        levels.put("reference_level", Long.toString(m.referenceFeeLevel()));
        levels.put("minimum_level", Long.toString(m.minFeeLevel()));
        levels.put("median_level", Long.toString(m.medFeeLevel()));
        levels.put("open_ledger_level", Long.toString(m.expFeeLevel()));
        long baseFee = view.fees().base();
        long ref = m.referenceFeeLevel();
        ObjectNode drops = out.putObject("drops");
        drops.put("base_fee", Long.toString(baseFee));
        drops.put("minimum_fee", Long.toString(m.minFeeLevel() * baseFee / ref));
        drops.put("median_fee", Long.toString(m.medFeeLevel() * baseFee / ref));
        long escalated = m.expFeeLevel() * baseFee / ref;
        if (baseFee != 0 && escalated * ref / baseFee < m.expFeeLevel()) {
            escalated++;
        }
        drops.put("open_ledger_fee", Long.toString(escalated));
        return out;
    }
}
