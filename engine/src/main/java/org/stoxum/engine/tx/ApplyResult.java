package org.stoxum.engine.tx;

import org.stoxum.codec.binary.TER;

/**
 * The outcome of applying a transaction to a view.
 *
 * @param ter     the engine result
 * @param applied whether the transaction went into the view (tes, or a claimed tec)
 */
public record ApplyResult(TER ter, boolean applied) {
}
