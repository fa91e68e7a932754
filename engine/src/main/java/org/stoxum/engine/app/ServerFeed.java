package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Supplier;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.tx.FeeTrack;
import org.stoxum.engine.tx.queue.TxQ;

/**
 * The {@code server} stream (stoxumd's {@code reportFeeChange} and {@code pubServer}): a
 * {@code serverStatus} message when the fee summary differs from the one last sent (after transactions
 * reach the open ledger, after a close, when the local load fee moves) and on every operating-mode change.
 *
 * <p>Callers work the summary out on their own thread (the writer's is a few lookups) and the message
 * leaves through the {@link StreamPublisher}, in order with the other streams; nobody waits for the send.
 */
final class ServerFeed {
    private static final long MAX32 = 0xFFFF_FFFFL;

    /** What a serverStatus message reports of the fees (stoxumd's {@code ServerFeeSummary}). */
    record FeeSummary(long loadFactorServer, long loadBase, long baseFee, Optional<TxQ.Metrics> escalation) {
        /** stoxumd's comparison: the load figures, the base fee, and the queue's three fee levels. */
        boolean differs(FeeSummary b) {
            if (loadFactorServer != b.loadFactorServer || loadBase != b.loadBase || baseFee != b.baseFee
                    || escalation.isPresent() != b.escalation.isPresent()) {
                return true;
            }
            if (escalation.isEmpty()) {
                return false;
            }
            TxQ.Metrics m = escalation.get();
            TxQ.Metrics o = b.escalation.get();
            return m.minFeeLevel() != o.minFeeLevel() || m.expFeeLevel() != o.expFeeLevel()
                    || m.referenceFeeLevel() != o.referenceFeeLevel();
        }
    }

    /** Before anything was sent: differs from every real summary, so the first report goes out. */
    private static final FeeSummary NONE = new FeeSummary(0, 0, 0, Optional.empty());

    private final Subscriptions subscriptions;
    private final StreamPublisher publisher;
    private final LedgerMaster ledgers;
    private final LoadFeeTrack loadFeeTrack;
    private final FeeEscalation feeEscalation;
    private final Supplier<String> serverState;
    private FeeSummary lastSent = NONE;

    ServerFeed(Subscriptions subscriptions, StreamPublisher publisher, LedgerMaster ledgers,
               LoadFeeTrack loadFeeTrack, FeeEscalation feeEscalation, Supplier<String> serverState) {
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.ledgers = ledgers;
        this.loadFeeTrack = loadFeeTrack;
        this.feeEscalation = feeEscalation;
        this.serverState = serverState;
    }

    /**
     * The fees may have changed (on the ledger writer, which holds the live open ledger): sends a
     * serverStatus message when someone follows the stream and the summary differs from the last one sent.
     */
    void reportFeeChange(OpenView open) {
        if (subscriptions.publishesServer()) {
            send(summary(open, open.txCount()), false);
        }
    }

    /** As {@link #reportFeeChange(OpenView)}, from any thread, reading the open ledger's last snapshot. */
    void reportFeeChange() {
        if (subscriptions.publishesServer()) {
            send(summary(ledgers.currentLedger(), ledgers.openTxCount()), false);
        }
    }

    /** The operating mode changed: sends a serverStatus message whatever the fees. */
    void modeChanged() {
        if (subscriptions.publishesServer()) {
            send(summary(ledgers.currentLedger(), ledgers.openTxCount()), true);
        }
    }

    private FeeSummary summary(ReadView open, long txInLedger) {
        return new FeeSummary(loadFeeTrack.loadFactor(), FeeTrack.LOAD_BASE, open.fees().base(),
                feeEscalation.metrics(open, txInLedger));
    }

    private void send(FeeSummary f, boolean always) {
        ObjectNode msg;
        synchronized (this) {
            if (!always && !f.differs(lastSent)) {
                return;
            }
            lastSent = f;
            msg = message(f, serverState.get());
        }
        publisher.server(msg);
    }

    /** stoxumd's pubServer message; numbers the JSON carries as 32-bit are capped there. */
    static ObjectNode message(FeeSummary f, String serverStatus) {
        ObjectNode msg = JsonNodeFactory.instance.objectNode();
        msg.put("type", "serverStatus");
        msg.put("server_status", serverStatus);
        msg.put("load_base", f.loadBase());
        msg.put("load_factor_server", f.loadFactorServer());
        msg.put("base_fee", clamp(f.baseFee()));
        if (f.escalation().isPresent()) {
            TxQ.Metrics m = f.escalation().get();
            long escalated = mulDiv(m.expFeeLevel(), f.loadBase(), m.referenceFeeLevel());
            msg.put("load_factor", clamp(Math.max(f.loadFactorServer(), escalated)));
            msg.put("load_factor_fee_escalation", clamp(m.expFeeLevel()));
            msg.put("load_factor_fee_queue", clamp(m.minFeeLevel()));
            msg.put("load_factor_fee_reference", clamp(m.referenceFeeLevel()));
        } else {
            msg.put("load_factor", f.loadFactorServer());
        }
        return msg;
    }

    private static long clamp(long v) {
        return v < 0 || v > MAX32 ? MAX32 : v;
    }

    /** {@code value * mul / div} without overflow; saturates where stoxumd's mulDiv would. */
    private static long mulDiv(long value, long mul, long div) {
        long high = Math.multiplyHigh(value, mul);
        long low = value * mul;
        if (high == 0 && low >= 0) {
            return low / div;
        }
        return BigInteger.valueOf(value).multiply(BigInteger.valueOf(mul)).divide(BigInteger.valueOf(div))
                .min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }
}
