package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.Rfc1751;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.app.LoadFeeTrack;
import org.stoxum.engine.app.ServerStatus;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.rpc.server.Role;
import org.stoxum.engine.tx.queue.TxQ;

/**
 * {@code server_info} (human: STM amounts, floats, {@code info}) and {@code server_state} (machine: drops,
 * scaled integers, {@code state}), one builder as rippled's {@code NetworkOPs::getServerInfo}.
 */
public final class ServerInfo {
    /** Drops per STM, as the {@code _xrp} fields divide by. */
    private static final double DROPS_PER_UNIT = 1_000_000.0;
    private static final String BUILD_VERSION = "0.1.0";

    private ServerInfo() {
    }

    public static ObjectNode serverInfo(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        out.set("info", build(ctx.app(), true, ctx.role() == Role.ADMIN));
        return out;
    }

    public static ObjectNode serverState(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        out.set("state", build(ctx.app(), false, ctx.role() == Role.ADMIN));
        return out;
    }

    /** The info object; {@code human} chooses server_info's form. */
    public static ObjectNode build(Application app, boolean human, boolean admin) {
        ObjectNode info = RpcContext.object();
        ServerStatus status = app.status();
        LedgerMaster lm = app.ledgerMaster();
        if (human) {
            info.put("hostid", hostId(app, admin));
        }
        info.put("build_version", BUILD_VERSION);
        info.put("server_state", app.serverState());
        info.put("validation_quorum", app.validationQuorum());
        if (admin) {
            if (human) {
                info.put("validator_list_expires", "unknown");
            } else {
                info.put("validator_list_expires", 0);
            }
        }
        info.put("io_latency_ms", 1);
        if (admin) {
            info.put("pubkey_validator", app.pubkeyValidator());
        }
        info.put("pubkey_node", app.nodeKey().publicKey().toBase58(TokenType.NODE_PUBLIC, app.profile()));
        info.put("complete_ledgers", lm.completeLedgers());
        if (status.amendmentBlocked()) {
            info.put("amendment_blocked", true);
        }
        info.put("peers", app.network().map(n -> n.peerCount()).orElse(0));
        ObjectNode lastClose = info.putObject("last_close");
        lastClose.put("proposers", status.lastProposers());
        if (human) {
            lastClose.put("converge_time_s", status.lastConvergeMillis() / 1000.0);
        } else {
            lastClose.put("converge_time", status.lastConvergeMillis());
        }
        if (admin) {
            info.set("load", app.jobs().json());
        }
        loadFactors(app, info, human, admin);
        validatedLedger(app, info, human);
        info.set("state_accounting", status.accountingJson());
        info.put("uptime", status.uptimeSeconds());
        info.put("jq_trans_overflow", "0");
        info.put("peer_disconnects", "0");
        info.put("peer_disconnects_resources", "0");
        return info;
    }

    /**
     * The load factors, escalation included. Human form: the escalation factor shows only when it differs
     * from the reference and, for a non-admin, from the overall factor it already raised.
     */
    private static void loadFactors(Application app, ObjectNode info, boolean human, boolean admin) {
        ReadView open = app.ledgerMaster().currentLedger();
        Optional<TxQ.Metrics> m = app.feeEscalation().metrics(open, app.ledgerMaster().openTxCount());
        long loadBase = 256;
        LoadFeeTrack track = app.loadFeeTrack();
        long loadFactorServer = track.loadFactor();
        long escalation = m.map(TxQ.Metrics::expFeeLevel).orElse(1L);
        long escalationBase = m.map(TxQ.Metrics::referenceFeeLevel).orElse(1L);
        long loadFactor = Math.max(loadFactorServer, escalation * loadBase / escalationBase);
        if (!human) {
            info.put("load_base", loadBase);
            info.put("load_factor", Math.min(0xFFFF_FFFFL, loadFactor));
            if (m.isPresent()) {
                info.put("load_factor_server", loadFactorServer);
                info.put("load_factor_fee_escalation", Math.min(0xFFFF_FFFFL, escalation));
                info.put("load_factor_fee_queue", Math.min(0xFFFF_FFFFL, m.get().minFeeLevel()));
                info.put("load_factor_fee_reference", Math.min(0xFFFF_FFFFL, escalationBase));
            }
            return;
        }
        putRatio(info, "load_factor", loadFactor, loadBase);
        if (loadFactorServer != loadFactor) {
            putRatio(info, "load_factor_server", loadFactorServer, loadBase);
        }
        if (admin) {
            if (track.localFee() != loadBase) {
                putRatio(info, "load_factor_local", track.localFee(), loadBase);
            }
            if (track.remoteFee() != loadBase) {
                putRatio(info, "load_factor_net", track.remoteFee(), loadBase);
            }
            if (track.clusterFee() != loadBase) {
                putRatio(info, "load_factor_cluster", track.clusterFee(), loadBase);
            }
        }
        if (m.isPresent()) {
            TxQ.Metrics e = m.get();
            if (escalation != e.referenceFeeLevel() && (admin || escalation != loadFactor)) {
                putRatio(info, "load_factor_fee_escalation", escalation, e.referenceFeeLevel());
            }
            if (e.minFeeLevel() != e.referenceFeeLevel()) {
                putRatio(info, "load_factor_fee_queue", e.minFeeLevel(), e.referenceFeeLevel());
            }
        }
    }

    /** A ratio as a double, which the writer prints as rippled does ({@code 1}, {@code 1.5}). */
    private static void putRatio(ObjectNode info, String name, long value, long base) {
        info.put(name, (double) value / base);
    }

    private static void validatedLedger(Application app, ObjectNode info, boolean human) {
        LedgerMaster lm = app.ledgerMaster();
        Ledger ledger = lm.validatedLedger();
        boolean valid = ledger != null;
        if (!valid) {
            ledger = lm.closedLedger();
        }
        if (ledger == null) {
            return;
        }
        Fees fees = ledger.fees();
        ObjectNode l = RpcContext.object();
        l.put("seq", ledger.seq());
        l.put("hash", ledger.hash().toString());
        if (!human) {
            l.put("base_fee", fees.base());
            l.put("reserve_base", fees.accountReserve(0));
            l.put("reserve_inc", fees.increment());
            l.put("close_time", ledger.closeTime());
        } else {
            l.put("base_fee_xrp", fees.base() / DROPS_PER_UNIT);
            l.put("reserve_base_xrp", (fees.accountReserve(0) * fees.base() / fees.units()) / DROPS_PER_UNIT);
            l.put("reserve_inc_xrp", (fees.increment() * fees.base() / fees.units()) / DROPS_PER_UNIT);
            long now = app.networkTime();
            if (ledger.closeTime() <= now) {
                long age = now - ledger.closeTime();
                l.put("age", age < 1_000_000 ? age : 0);
            }
        }
        info.set(valid ? "validated_ledger" : "closed_ledger", l);
    }

    private static String hostId(Application app, boolean admin) {
        if (admin) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
        return Rfc1751.wordFromBlob(app.nodeKey().publicKey().toBytes());
    }
}
