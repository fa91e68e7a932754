package org.stoxum.engine.tx.paths;

import org.stoxum.codec.amount.Amounts;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Quality;

/**
 * What an offer or a step takes in and gives out, in the engine's amount kinds (rippled's
 * {@code TAmounts}); for offers {@code in} is TakerPays and {@code out} TakerGets.
 */
public record TAmounts<I, O>(I in, O out) {
    /** True when either side is zero or negative. */
    public boolean empty(AmountOps<I> inOps, AmountOps<O> outOps) {
        return inOps.signum(in) <= 0 || outOps.signum(out) <= 0;
    }

    /**
     * These amounts with {@code in} limited to {@code limit} at quality {@code q}, the output rounded up
     * but never above the original (rippled's templated {@code Quality::ceil_in}).
     */
    public TAmounts<I, O> ceilIn(Quality q, I limit, AmountOps<I> inOps, AmountOps<O> outOps, CalcSwitchover so) {
        if (inOps.compare(in, limit) <= 0) {
            return this;
        }
        Amounts r = q.ceilIn(new Amounts(inOps.toSTAmount(in), outOps.toSTAmount(out)), inOps.toSTAmount(limit), so);
        return new TAmounts<>(inOps.fromSTAmount(r.in()), outOps.fromSTAmount(r.out()));
    }

    /**
     * These amounts with {@code out} limited to {@code limit} at quality {@code q}, the input rounded up
     * but never above the original (rippled's templated {@code Quality::ceil_out}).
     */
    public TAmounts<I, O> ceilOut(Quality q, O limit, AmountOps<I> inOps, AmountOps<O> outOps, CalcSwitchover so) {
        if (outOps.compare(out, limit) <= 0) {
            return this;
        }
        Amounts r = q.ceilOut(new Amounts(inOps.toSTAmount(in), outOps.toSTAmount(out)), outOps.toSTAmount(limit), so);
        return new TAmounts<>(inOps.fromSTAmount(r.in()), outOps.fromSTAmount(r.out()));
    }
}
