package org.stoxum.engine.tx.paths;

import java.util.Set;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.ReadView;

/**
 * One step of a strand (rippled's {@code Step}): rippling between two accounts, crossing a book, or
 * taking native currency from the source or giving it to the destination. Amounts go through a step at
 * one quality at a time: {@link #rev} finds the input needed for a wanted output, {@link #fwd} the output
 * an input gives; both are limited by the liquidity there is and make their changes in the sandbox.
 *
 * <p>rippled also has {@code validFwd}, run only in debug builds to cross-check a strand; release builds
 * (the ones that made the ledgers) skip it, so it is not here.
 */
public abstract class Step {
    /**
     * The input needed for {@code out} (or less, if liquidity runs short), and the output actually given.
     *
     * @param afView   balances before the strand ran: tells offers found unfunded from ones that became so
     * @param ofrsToRm collects offers found unfunded or bad
     */
    public abstract InOut rev(PaymentSandbox sb, ApplyView afView, Set<Hash256> ofrsToRm, EitherAmount out);

    /** The output {@code in} gives (or less), and the input actually used. */
    public abstract InOut fwd(PaymentSandbox sb, ApplyView afView, Set<Hash256> ofrsToRm, EitherAmount in);

    /** The input of the last run, or null. */
    public abstract EitherAmount cachedIn();

    /** The output of the last run, or null. */
    public abstract EitherAmount cachedOut();

    /** For a rippling step, its source account (needed for NoRipple checks); else null. */
    public AccountId directStepSrcAcct() {
        return null;
    }

    /** For rippling and native endpoint steps, the accounts the value moves from and to; else null. */
    public AccountId[] directStepAccts() {
        return null;
    }

    /**
     * True when the step's source redeems (pays back what the destination issued to it) rather than
     * issues; for a book step, when the taker rather than the offer owner pays the transfer fee.
     *
     * @param fwd true when asked from the forward pass (which may answer from the reverse pass's cache)
     */
    public boolean redeems(ReadView sb, boolean fwd) {
        return false;
    }

    /** For a rippling step, the destination's QualityIn; else one. */
    public long lineQualityIn(ReadView v) {
        return Rate.QUALITY_ONE;
    }

    /**
     * An upper bound of the step's quality, or null when it is dry.
     *
     * @param redeems in: whether the previous step redeems; out: whether this one does
     */
    public abstract Quality qualityUpperBound(ReadView v, boolean[] redeems);

    /** For a book step, its book; else null. */
    public Book bookStepBook() {
        return null;
    }

    /** True when {@code out} (an output of this step) is zero. */
    public abstract boolean dry(EitherAmount out);

    public abstract boolean equalOut(EitherAmount a, EitherAmount b);

    public abstract boolean equalIn(EitherAmount a, EitherAmount b);

    /** Same kind of step over the same accounts or book (strands are compared step by step). */
    public abstract boolean sameAs(Step other);

    /** What a step took in and gave out. */
    public record InOut(EitherAmount in, EitherAmount out) {
    }
}
