package org.stoxum.engine.consensus.sim;

import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusMode;

/** Something a simulated node did, reported to the collectors with the node and the virtual time. */
public sealed interface SimEvent {
    /** A round started on {@code bestLcl} (our last closed ledger was {@code prevLedger}). */
    record StartRound(Hash256 bestLcl, SimLedger prevLedger) implements SimEvent {
    }

    /** We closed the open ledger on {@code prevLedger}. */
    record CloseLedger(SimLedger prevLedger, int openTxs) implements SimEvent {
    }

    /** We built {@code ledger}; {@code prior} was our last closed ledger. */
    record AcceptLedger(SimLedger ledger, SimLedger prior) implements SimEvent {
    }

    /** {@code ledger} reached quorum; {@code prior} was our last fully validated ledger. */
    record FullyValidateLedger(SimLedger ledger, SimLedger prior) implements SimEvent {
    }

    /** Trusted validations put the network on {@code right}, not our {@code wrong}. */
    record WrongPrevLedger(Hash256 wrong, Hash256 right) implements SimEvent {
    }

    /** We sent a validation of {@code ledger}. */
    record Validated(SimLedger ledger, boolean full) implements SimEvent {
    }

    /** Our consensus mode changed. */
    record ModeChange(ConsensusMode before, ConsensusMode after) implements SimEvent {
    }

    /** A transaction was submitted to us. */
    record Submit(SimTx tx) implements SimEvent {
    }
}
