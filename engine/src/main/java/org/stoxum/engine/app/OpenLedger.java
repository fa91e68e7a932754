package org.stoxum.engine.app;

import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.ReadView;

/**
 * The open ledger as the node drives it: readers take consistent views from any thread; only the single
 * writer applies transactions and closes it.
 */
public interface OpenLedger {
    /** What applying one transaction did. */
    record ApplyResult(TER ter, boolean applied) {
    }

    /** A consistent read-only view of the open ledger as it is now (any thread). */
    ReadView current();

    /** How many transactions the open ledger holds. */
    int txCount();

    /** Applies a signed, checked transaction to the open ledger (writer thread only). */
    ApplyResult apply(STObject tx);

    /**
     * Closes the open ledger (writer thread only): its transactions are applied again in canonical order to
     * the last closed ledger, giving the new closed ledger; a new open ledger is started on it.
     *
     * @param closeTime        the close time to record (network seconds, already rounded)
     * @param closeResolution  the new ledger's close-time resolution
     * @param closeTimeCorrect false when validators did not agree on the time
     */
    Ledger close(long closeTime, int closeResolution, boolean closeTimeCorrect);
}
