package org.stoxum.engine.consensus;

import org.stoxum.codec.types.Hash256;

/** What consensus needs to know of a closed ledger: identity and close-time history. */
public interface ConsensusLedger {
    /** The ledger hash. */
    Hash256 id();

    /** The ledger sequence. */
    long seq();

    /** The close-time resolution it used (seconds). */
    int closeTimeResolution();

    /** Whether its close time was agreed (no sLCF_NoConsensusTime flag). */
    boolean closeAgree();

    /** Its close time (NetClock seconds). */
    long closeTime();

    /** Its parent's close time (NetClock seconds). */
    long parentCloseTime();
}
