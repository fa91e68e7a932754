package org.stoxum.engine.app;

import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.STTx;

/** What became of a transaction sent through the pipeline. */
public sealed interface SubmitOutcome {
    /** Refused before the open ledger saw it (undecodable, bad signature, local checks): why, as stoxumd says it. */
    record Rejected(String exception) implements SubmitOutcome {
    }

    /** Offered to the open ledger: the engine result, and whether it went in. */
    record Processed(STTx tx, TER ter, boolean applied) implements SubmitOutcome {
    }
}
