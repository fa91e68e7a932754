package org.stoxum.engine.tx;

import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;

/** What the read-only stage sees: the view, the preflight result, the transaction, flags and node setup. */
public record PreclaimContext(ReadView view, TER preflightResult, STTx tx, int flags, EngineSetup setup) {
}
