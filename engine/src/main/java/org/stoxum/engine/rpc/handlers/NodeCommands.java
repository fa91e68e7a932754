package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.net.NetworkOps;
import org.stoxum.engine.rpc.server.Role;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.tx.FeeTrack;
import org.stoxum.engine.tx.queue.TxQ;
import org.stoxum.transport.cluster.Cluster;
import org.stoxum.transport.cluster.MemberStatus;
import org.stoxum.transport.peer.PeerSummary;

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

    /** {@code connect}: dial {@code ip} ({@code port}, default 51235) now. */
    public static ObjectNode connect(RpcContext ctx) {
        Optional<NetworkOps> network = ctx.app().network();
        if (network.isEmpty()) {
            ObjectNode out = RpcContext.object();
            out.put("message", "cannot connect in standalone mode");
            return out;
        }
        JsonNode ip = ctx.params().get("ip");
        if (ip == null) {
            return RpcError.missingField("ip");
        }
        JsonNode port = ctx.params().get("port");
        int p = DEFAULT_PEER_PORT;
        if (port != null) {
            if (!port.canConvertToInt() || port.asInt() <= 0 || port.asInt() > 65535) {
                return RpcError.invalidField("port");
            }
            p = port.asInt();
        }
        network.get().overlay().connect(ip.asText(), p);
        ObjectNode out = RpcContext.object();
        out.put("message", "connecting");
        return out;
    }

    /** The peer port {@code connect} dials when none is given (stoxumd's DEFAULT_PEER_PORT). */
    static final int DEFAULT_PEER_PORT = 51235;

    /** {@code peers}: the active peers, and the cluster section. */
    public static ObjectNode peers(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        ArrayNode list = out.putArray("peers");
        ctx.app().network().ifPresent(n -> {
            for (PeerSummary s : n.overlay().peers()) {
                list.add(peerJson(s, ctx.app().profile()));
            }
        });
        out.set("cluster", clusterJson(ctx.app().cluster().map(Cluster::members).orElse(List.of()),
                ctx.app().profile()));
        return out;
    }

    /**
     * {@code peers}' cluster section as stoxumd's doPeers writes it: one object per other member, keyed by its
     * node public key, with its {@code tag} when it has a name, its load {@code fee} relative to normal when
     * neither normal nor 0 (0: the member's validated ledger is old), and the {@code age} of its last report
     * in seconds when it has reported. {@code status} ("up" or "stale") is this server's addition.
     */
    static ObjectNode clusterJson(List<MemberStatus> members, NetworkProfile profile) {
        ObjectNode cluster = RpcContext.object();
        for (MemberStatus m : members) {
            ObjectNode e = cluster.putObject(m.publicKey().toBase58(TokenType.NODE_PUBLIC, profile));
            if (!m.name().isEmpty()) {
                e.put("tag", m.name());
            }
            if (m.loadFee() != 0 && m.loadFee() != FeeTrack.LOAD_BASE) {
                e.put("fee", (double) m.loadFee() / FeeTrack.LOAD_BASE);
            }
            m.reportAge().ifPresent(age -> e.put("age", age.toSeconds()));
            e.put("status", m.status().name().toLowerCase(Locale.ROOT));
        }
        return cluster;
    }

    /** One entry of {@code peers}, in stoxumd's field names. */
    private static ObjectNode peerJson(PeerSummary s, NetworkProfile profile) {
        ObjectNode p = RpcContext.object();
        p.put("public_key", s.publicKey().toBase58(TokenType.NODE_PUBLIC, profile));
        p.put("address", s.address().getAddress().getHostAddress() + ":" + s.address().getPort());
        if (s.inbound()) {
            p.put("inbound", true);
        }
        if (s.cluster()) {
            p.put("cluster", true);
        }
        s.latencyMillis().ifPresent(l -> p.put("latency", l));
        p.put("uptime", s.uptime().toSeconds());
        s.closedLedger().ifPresent(h -> p.put("ledger", h.toString()));
        if (s.minLedger() != 0 || s.maxLedger() != 0) {
            p.put("complete_ledgers", s.minLedger() + " - " + s.maxLedger());
        }
        p.put("load", s.load());
        p.put("version", s.userAgent());
        p.put("protocol", "RTXP/" + (s.protocolVersion() >>> 16) + "." + (s.protocolVersion() & 0xFFFF));
        String sanity = s.sanity().name().toLowerCase(Locale.ROOT);
        if (!sanity.equals("sane")) {
            p.put("sanity", sanity);
        }
        return p;
    }

    /** {@code consensus_info}: the consensus round as it stands (an idle round when stand-alone). */
    public static ObjectNode consensusInfo(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        Optional<NetworkOps> network = ctx.app().network();
        if (network.isPresent()) {
            out.set("info", network.get().consensusInfo());
        } else {
            ObjectNode info = out.putObject("info");
            info.put("proposing", false);
            info.put("validating", false);
            info.put("phase", "open");
        }
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
        // The ledger opened on the one this call closed, as stoxumd answers under its master lock: a later
        // accept may already have closed more by the time this answer is made.
        return ctx.app().acceptLedger().thenApply(closed -> {
            ObjectNode out = RpcContext.object();
            out.put("ledger_current_index", closed.seq() + 1);
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
