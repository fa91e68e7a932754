/**
 * The payment engine of ledgers without the Flow amendment (rippled 0.90's {@code RippleCalc} with
 * {@code PathState} and {@code PathCursor}): paths are expanded into account and book nodes, and each
 * pass computes every live path's next increment (a reverse pass for what is wanted, a forward pass for
 * what moves) and applies the best one. Kept separate from Flow because its rounding, ordering and quirks
 * decide ledger contents on such ledgers and must be reproduced as they are.
 */
package org.stoxum.engine.tx.paths.v1;
