package org.stoxum.engine.tx.offers;

import java.util.NavigableSet;
import java.util.TreeSet;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.tx.paths.AmountOps;
import org.stoxum.engine.tx.paths.Book;

/**
 * The offers of a book for the payment engine (rippled's {@code FlowOfferStream}): offers to remove are
 * only collected in {@link #permToRemove()}, and removed by the caller even if the payment fails, since a
 * strand's view may be thrown away.
 */
public final class FlowOfferStream<I, O> extends OfferStreamBase<I, O> {
    private final NavigableSet<Hash256> permToRemove = new TreeSet<>();

    /** See {@link OfferStreamBase#OfferStreamBase}; the cancel view holds the balances before the strand ran. */
    public FlowOfferStream(ApplyView view, ApplyView cancelView, Book book, long when, StepCounter counter,
                           AmountOps<I> inOps, AmountOps<O> outOps) {
        super(view, cancelView, book, when, counter, inOps, outOps);
    }

    /** Offers to remove whatever happens to the payment, in key order. */
    public NavigableSet<Hash256> permToRemove() {
        return permToRemove;
    }

    /** Marks an offer for removal whatever happens to the payment. */
    @Override
    public void permRmOffer(Hash256 offerIndex) {
        permToRemove.add(offerIndex);
    }
}
