package org.stoxum.engine.tx.offers;

import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.tx.paths.AmountOps;
import org.stoxum.engine.tx.paths.TAmounts;

/**
 * An offer at the tip of a book, in the engine's amount kinds (rippled's {@code TOffer}). Its quality is
 * the one of the book page it sits in (fixed when it was placed), not recomputed from what is left.
 */
public final class TOffer<I, O> {
    private final SLE entry;
    private final Quality quality;
    private final AccountId owner;
    private final Issue issueIn;
    private final Issue issueOut;
    private final AmountOps<I> inOps;
    private final AmountOps<O> outOps;
    private TAmounts<I, O> amounts;

    TOffer(SLE entry, Quality quality, AmountOps<I> inOps, AmountOps<O> outOps) {
        this.entry = entry;
        this.quality = quality;
        this.inOps = inOps;
        this.outOps = outOps;
        this.owner = entry.object().getAccountId(SField.ACCOUNT);
        STAmount pays = entry.object().getAmount(SField.TAKER_PAYS);
        STAmount gets = entry.object().getAmount(SField.TAKER_GETS);
        this.issueIn = pays.issue();
        this.issueOut = gets.issue();
        this.amounts = new TAmounts<>(inOps.fromSTAmount(pays), outOps.fromSTAmount(gets));
    }

    public Quality quality() {
        return quality;
    }

    public AccountId owner() {
        return owner;
    }

    /** What is left of the offer; some or all of the output may be unfunded. */
    public TAmounts<I, O> amount() {
        return amounts;
    }

    public Issue issueIn() {
        return issueIn;
    }

    public Issue issueOut() {
        return issueOut;
    }

    public Hash256 key() {
        return entry.key();
    }

    /** True when nothing more can flow through this offer. */
    public boolean fullyConsumed() {
        return inOps.signum(amounts.in()) <= 0 || outOps.signum(amounts.out()) <= 0;
    }

    /** Takes {@code consumed} out of the offer and writes the rest into its entry. */
    public void consume(ApplyView view, TAmounts<I, O> consumed) {
        if (inOps.compare(consumed.in(), amounts.in()) > 0) {
            throw new IllegalStateException("can't consume more than is available.");
        }
        if (outOps.compare(consumed.out(), amounts.out()) > 0) {
            throw new IllegalStateException("can't produce more than is available.");
        }
        amounts = new TAmounts<>(inOps.subtract(amounts.in(), consumed.in()),
                outOps.subtract(amounts.out(), consumed.out()));
        entry.object().setAmount(SField.TAKER_PAYS, inOps.toSTAmount(amounts.in(), issueIn));
        entry.object().setAmount(SField.TAKER_GETS, outOps.toSTAmount(amounts.out(), issueOut));
        view.update(entry);
    }

    @Override
    public String toString() {
        return entry.key().toString();
    }
}
