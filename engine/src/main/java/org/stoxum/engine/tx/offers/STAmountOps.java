package org.stoxum.engine.tx.offers;

import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.engine.tx.paths.AmountOps;
import org.stoxum.engine.tx.paths.EitherAmount;

/**
 * {@link STAmount} as the amount kind of an offer stream, for the older offer crossing (rippled's
 * {@code TOffer<STAmount, STAmount>}): amounts carry their own issue and are stored back as they are.
 * Those amounts never enter the payment engine, so what only the engine needs (a kind-wide zero or
 * nativeness, ratios, {@link EitherAmount}) is not supported.
 */
final class STAmountOps implements AmountOps<STAmount> {
    static final STAmountOps INSTANCE = new STAmountOps();

    private STAmountOps() {
    }

    @Override
    public boolean isNative() {
        throw unsupported();
    }

    @Override
    public STAmount zero() {
        throw unsupported();
    }

    @Override
    public STAmount add(STAmount a, STAmount b) {
        return a.add(b);
    }

    @Override
    public STAmount subtract(STAmount a, STAmount b) {
        return a.subtract(b);
    }

    @Override
    public int compare(STAmount a, STAmount b) {
        return a.compareTo(b);
    }

    @Override
    public int signum(STAmount a) {
        return a.signum();
    }

    @Override
    public STAmount mulRatio(STAmount a, long num, long den, boolean roundUp) {
        throw unsupported();
    }

    @Override
    public STAmount toSTAmount(STAmount a, Issue issue) {
        return a;
    }

    @Override
    public STAmount toSTAmount(STAmount a) {
        return a;
    }

    @Override
    public STAmount fromSTAmount(STAmount a) {
        return a;
    }

    @Override
    public EitherAmount wrap(STAmount a) {
        throw unsupported();
    }

    @Override
    public STAmount unwrap(EitherAmount e) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not a payment engine amount kind");
    }
}
