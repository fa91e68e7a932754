/**
 * Amounts as rippled 0.90.1 (and so stoxumd) holds, encodes, prints and computes them.
 *
 * <p>{@link org.stoxum.codec.amount.STAmount} is the ledger's amount (8-byte native drops or a 48-byte
 * issued value with currency and issuer); {@link org.stoxum.codec.amount.AmountMath} and
 * {@link org.stoxum.codec.amount.Rate} reproduce its multiplication and division bit for bit, including
 * the rounding quirks transactions depend on; {@link org.stoxum.codec.amount.Quality} is the packed offer
 * price that orders books; {@link org.stoxum.codec.amount.IOUAmount} and
 * {@link org.stoxum.codec.amount.XRPAmount} are the payment engine's own amount types.
 *
 * <p>Where rippled's behaviour is odd (64-bit wrap-around while scaling native values, a 32-digit limit
 * on value strings, rounding "up" that can land below the exact value) the odd behaviour is kept and
 * pinned by tests: nodes must agree on every bit, not on what would have been right.
 */
package org.stoxum.codec.amount;
