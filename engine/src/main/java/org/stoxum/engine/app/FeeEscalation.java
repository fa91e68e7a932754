package org.stoxum.engine.app;

import java.util.Optional;
import org.stoxum.engine.config.TxQueueConfig;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.tx.queue.TxQ;

/**
 * The node's fee escalation: the one transaction queue its open ledger lets transactions in through
 * (attached with {@code OpenLedger.useQueue(queue())}), and the figures the fee, server_info and sign
 * commands read from it. Inactive, and transparent, until the FeeEscalation amendment is enabled.
 */
public final class FeeEscalation {
    private final TxQ queue;

    public FeeEscalation(TxQueueConfig config, boolean standalone) {
        this.queue = new TxQ(config, standalone);
    }

    /** The transaction queue. */
    public TxQ queue() {
        return queue;
    }

    /** The metrics for an open ledger holding {@code txInLedger} transactions; empty without the amendment. */
    public Optional<TxQ.Metrics> metrics(ReadView open, long txInLedger) {
        return queue.metrics(open, txInLedger);
    }
}
