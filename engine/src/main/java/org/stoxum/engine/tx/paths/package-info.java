/**
 * The payment engine (rippled's Flow, {@code src/ripple/app/paths/impl}): a payment or an offer crossing
 * is turned into strands of steps ({@link org.stoxum.engine.tx.paths.Strands}) — rippling between
 * accounts, crossing order books, native currency in and out — and the strands are run best quality first
 * until the amount is delivered ({@link org.stoxum.engine.tx.paths.Flow}). All work happens in
 * {@link org.stoxum.engine.ledger.PaymentSandbox}es, so that a failed strand leaves nothing behind and a
 * payment never spends what it was credited on the way.
 *
 * <p>Amounts inside the engine are native drops or issued values without their issue, exactly as
 * rippled's templates compute with them; {@link org.stoxum.engine.tx.paths.AmountOps} gives each step the
 * arithmetic of the kinds it takes in and gives out.
 */
package org.stoxum.engine.tx.paths;
