package org.stoxum.engine.tx;

import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.Rules;
import org.stoxum.engine.ledger.STTx;

/**
 * The outcome of the stateless stage; the only way into {@link TxEngine#preclaim}. Carries the rules it
 * was checked under, so preclaim can check again when the view's rules differ.
 */
public record PreflightResult(STTx tx, Rules rules, int flags, EngineSetup setup, TER ter) {
}
