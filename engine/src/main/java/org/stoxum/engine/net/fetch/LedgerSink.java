package org.stoxum.engine.net.fetch;

import org.stoxum.engine.ledger.Ledger;

/**
 * Where an acquired ledger is kept: the node store, through the same path accepted ledgers take, so
 * that its transaction index ({@code tx}, {@code account_tx}) is written as for any other ledger.
 */
@FunctionalInterface
public interface LedgerSink {
    /** Stores the complete, verified {@code ledger}; called once per acquisition, off the I/O thread. */
    void store(Ledger ledger);
}
