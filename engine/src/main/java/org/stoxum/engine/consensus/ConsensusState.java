package org.stoxum.engine.consensus;

/** The outcome of checking for agreement. */
public enum ConsensusState {
    /** No consensus yet. */
    NO,
    /** The network reached consensus without us: most proposers validated a child of our previous ledger. */
    MOVED_ON,
    /** We reached consensus with the network. */
    YES
}
