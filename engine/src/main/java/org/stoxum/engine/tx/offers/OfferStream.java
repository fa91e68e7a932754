package org.stoxum.engine.tx.offers;

import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.paths.Book;

/**
 * The offers of a book for offer crossing without FlowCross (rippled's {@code OfferStream}): amounts are
 * plain {@link STAmount}s, and an offer found expired, empty or unfunded is deleted at once from the cancel
 * view (the main view loses it when the stream moves past it), so the book is groomed even when the
 * crossing is thrown away.
 */
public final class OfferStream extends OfferStreamBase<STAmount, STAmount> {
    public OfferStream(ApplyView view, ApplyView cancelView, Book book, long when, StepCounter counter) {
        super(view, cancelView, book, when, counter, STAmountOps.INSTANCE, STAmountOps.INSTANCE);
    }

    @Override
    protected void permRmOffer(Hash256 offerIndex) {
        Views.offerDelete(cancelView, cancelView.peek(Keylets.offer(offerIndex)));
    }
}
