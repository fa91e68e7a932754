package org.stoxum.engine.net.fetch;

import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Ledger;

/** The ledgers this node can serve to peers (implemented over LedgerMaster). */
public interface LedgerLookup {
    /** A complete ledger we hold with this hash, or null. */
    Ledger byHash(Hash256 hash);

    /** The complete ledger of our chain with this sequence, or null. */
    Ledger bySeq(long seq);

    /** Our last closed ledger (what {@code ltCLOSED} asks for), or null. */
    Ledger closed();

    /**
     * The oldest sequence we serve: the validated ledger's minus {@code [fetch_depth]} (rippled's
     * {@code getEarliestFetch}); older ledgers are refused.
     */
    long earliestFetch();
}
