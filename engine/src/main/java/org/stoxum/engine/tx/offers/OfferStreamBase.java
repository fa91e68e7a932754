package org.stoxum.engine.tx.offers;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.paths.AmountOps;
import org.stoxum.engine.tx.paths.Book;

/**
 * The funded offers of a book, best quality first (rippled's {@code TOfferStreamBase}). Offers whose entry
 * is missing, that expired, that are empty, or that are found unfunded (their owner's balance is nothing,
 * and was nothing in the cancel view too) are skipped and handed to {@link #permRmOffer}, whose meaning
 * differs between the payment engine and the older offer crossing. An offer that became unfunded while
 * this transaction ran is only skipped.
 *
 * <p>Every offer the stream moves past, valid or not, is deleted from the view by the {@link BookTip}.
 */
public abstract class OfferStreamBase<I, O> {
    /** Counts the offers looked at, across all the streams sharing it; rippled's {@code StepCounter}. */
    public static final class StepCounter {
        private final int limit;
        private int count;

        public StepCounter(int limit) {
            this.limit = limit;
        }

        boolean step() {
            if (count >= limit) {
                return false;
            }
            count++;
            return true;
        }

        public int count() {
            return count;
        }
    }

    protected final ApplyView view;
    protected final ApplyView cancelView;
    private final long expire;
    private final BookTip tip;
    private final StepCounter counter;
    private final AmountOps<I> inOps;
    private final AmountOps<O> outOps;
    private TOffer<I, O> offer;
    private O ownerFunds;

    /**
     * @param view       where offers are consumed (and stepped-over offers deleted)
     * @param cancelView the balances before this transaction touched them, to tell "found" from "became"
     *                   unfunded
     * @param when       offers expiring at or before this network time are expired (the parent close time)
     */
    protected OfferStreamBase(ApplyView view, ApplyView cancelView, Book book, long when, StepCounter counter,
                              AmountOps<I> inOps, AmountOps<O> outOps) {
        this.view = view;
        this.cancelView = cancelView;
        this.expire = when;
        this.tip = new BookTip(view, book);
        this.counter = counter;
        this.inOps = inOps;
        this.outOps = outOps;
    }

    /** The offer at the tip; valid after {@link #step} answered true. */
    public TOffer<I, O> tip() {
        return offer;
    }

    /** What the tip offer's owner can pay of its output. */
    public O ownerFunds() {
        return ownerFunds;
    }

    /** Deals with an offer that is to go whatever happens to the transaction. */
    protected abstract void permRmOffer(Hash256 offerIndex);

    /** Moves to the next valid offer; false when there is none (or the step limit is reached). */
    public boolean step() {
        while (true) {
            ownerFunds = null;
            if (!tip.step()) {
                return false;
            }
            SLE entry = tip.entry();
            if (!counter.step()) {
                return false;
            }
            if (entry == null) {
                erase(view);
                erase(cancelView);
                continue;
            }
            if (entry.object().isPresent(SField.EXPIRATION) && entry.object().getU32(SField.EXPIRATION) <= expire) {
                permRmOffer(entry.key());
                continue;
            }
            offer = new TOffer<>(entry, tip.quality(), inOps, outOps);
            if (offer.amount().empty(inOps, outOps)) {
                permRmOffer(entry.key());
                offer = null;
                continue;
            }
            ownerFunds = funds(view, offer.owner(), offer.amount().out(), offer.issueOut());
            if (outOps.signum(ownerFunds) <= 0) {
                O original = funds(cancelView, offer.owner(), offer.amount().out(), offer.issueOut());
                if (outOps.compare(original, ownerFunds) == 0) {
                    permRmOffer(entry.key());
                }
                offer = null;
                continue;
            }
            return true;
        }
    }

    /** What {@code id} can pay of {@code issue} (all it offers when it is the issuer), zero if frozen. */
    private O funds(ReadView v, AccountId id, O amountDefault, Issue issue) {
        if (!issue.isNative() && issue.account().equals(id)) {
            return amountDefault;
        }
        return outOps.fromSTAmount(Views.accountHolds(v, id, issue.currency(), issue.account(), true));
    }

    /** Removes a directory entry that names a missing offer (not through dirDelete, as rippled does). */
    private void erase(ApplyView v) {
        SLE page = v.peek(Keylets.page(tip.dir(), 0));
        if (page == null) {
            return;
        }
        List<Hash256> indexes = new ArrayList<>(page.object().getVector256(SField.INDEXES));
        if (!indexes.remove(tip.index())) {
            return;
        }
        page.object().setVector256(SField.INDEXES, indexes);
        v.update(page);
    }
}
