package org.stoxum.engine.tx;

import java.util.function.Consumer;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;

/**
 * The door through which {@link OpenLedger} lets transactions into an open view: every submission, held
 * and local transaction goes through {@link #apply}, and each new open ledger is offered the waiting ones
 * through {@link #accept}. Without fee escalation the door is {@link #DIRECT}; with it, rippled's
 * transaction queue ({@code org.stoxum.engine.tx.queue.TxQ}) decides between applying and queueing.
 */
public interface TxQueue {
    /**
     * Applies {@code tx} to {@code view}, or keeps it for a later ledger (terQUEUED), as rippled's
     * {@code TxQ::apply}. Only {@code tx} itself is applied when the result says so.
     */
    ApplyResult apply(EngineSetup setup, OpenView view, STTx tx, int flags);

    /**
     * Learns from a newly closed ledger before the next open ledger is filled (rippled's
     * {@code TxQ::processClosedLedger}).
     *
     * @param timeLeap the round took longer than consensus should, so the expected ledger size shrinks
     */
    void processClosedLedger(EngineSetup setup, ReadView closed, boolean timeLeap);

    /**
     * Moves waiting transactions into a new open view (rippled's {@code TxQ::accept}), reporting each one
     * applied to {@code applied}.
     *
     * @return true when the view changed
     */
    boolean accept(EngineSetup setup, OpenView view, Consumer<STTx> applied);

    /** No queue: transactions are applied as they come, and nothing waits. */
    TxQueue DIRECT = new TxQueue() {
        @Override
        public ApplyResult apply(EngineSetup setup, OpenView view, STTx tx, int flags) {
            return TxEngine.apply(setup, view, tx, flags);
        }

        @Override
        public void processClosedLedger(EngineSetup setup, ReadView closed, boolean timeLeap) {
        }

        @Override
        public boolean accept(EngineSetup setup, OpenView view, Consumer<STTx> applied) {
            return false;
        }
    };
}
