package org.stoxum.engine.consensus.sim;

/** What simulated nodes flood to each other, tagged by origin and the origin's sequence for relaying. */
public sealed interface SimMessage {
    /** A signed position. */
    record Proposal(SimPosition position) implements SimMessage {
    }

    /** A candidate transaction set. */
    record TxSet(SimTxSet set) implements SimMessage {
    }

    /** A transaction. */
    record Tx(SimTx tx) implements SimMessage {
    }

    /** A serialized, signed STValidation. */
    record Validation(byte[] bytes) implements SimMessage {
    }

    /** A flooded message: each node handles and relays a given (origin, seq) at most once. */
    record Broadcast(SimMessage message, long seq, int origin) {
    }
}
