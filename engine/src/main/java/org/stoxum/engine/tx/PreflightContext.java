package org.stoxum.engine.tx;

import org.stoxum.engine.ledger.Rules;
import org.stoxum.engine.ledger.STTx;

/** What the stateless checks see: the transaction, the rules in force, the apply flags and the node setup. */
public record PreflightContext(STTx tx, Rules rules, int flags, EngineSetup setup) {
}
