package org.stoxum.engine.tx;

import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.stoxum.codec.binary.TER;

/**
 * The behaviour of one transaction type in each stage: stateless checks, cost in fee units, read-only
 * checks, and the transactor that applies it.
 */
public record TransactorType(Function<PreflightContext, TER> preflight,
                             ToLongFunction<PreclaimContext> calculateBaseFee,
                             Function<PreclaimContext, TER> preclaim,
                             Function<ApplyContext, Transactor> transactor) {
    /** A type with the standard cost and no read-only checks of its own. */
    static TransactorType of(Function<PreflightContext, TER> preflight, Function<ApplyContext, Transactor> transactor) {
        return new TransactorType(preflight, Transactor::calculateBaseFee, ctx -> TER.tesSUCCESS, transactor);
    }

    /** A type with the standard cost and its own read-only checks. */
    static TransactorType of(Function<PreflightContext, TER> preflight, Function<PreclaimContext, TER> preclaim,
                             Function<ApplyContext, Transactor> transactor) {
        return new TransactorType(preflight, Transactor::calculateBaseFee, preclaim, transactor);
    }
}
