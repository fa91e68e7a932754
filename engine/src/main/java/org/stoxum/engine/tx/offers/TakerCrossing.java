package org.stoxum.engine.tx.offers;

import org.stoxum.codec.amount.Amounts;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.paths.Book;

/**
 * OfferCreate's crossing without FlowCross (rippled's {@code CreateOffer::takerCross}, {@code direct_cross}
 * and {@code bridged_cross}): walks the direct book, and for two issued currencies also the two books
 * bridging through the native currency, always taking the better of the two, until the taker is done, the
 * next offer is not good enough, or 850 crossings (a bridge counts twice) were made. The order of these
 * operations is part of the protocol.
 */
public final class TakerCrossing {
    /** Offers a transaction may look at, over all its books (rippled's {@code stepCounter_}). */
    private static final int MAX_OFFER_STEPS = 1000;
    /** Crossings after which an offer stops crossing (a bridged crossing counts twice). */
    private static final int MAX_CROSSINGS = 850;

    /** The crossing's result and what is left of the offer, at its quality, to place in the book. */
    public record Result(TER ter, Amounts left) {
    }

    private final ApplyView view;
    private final ApplyView cancelView;
    private final long when;
    private final CalcSwitchover switchover;
    private final OfferStreamBase.StepCounter counter = new OfferStreamBase.StepCounter(MAX_OFFER_STEPS);

    /**
     * @param view       where the crossing is made
     * @param cancelView what is kept if the transaction fails: offers found unfunded or expired are removed
     *                   from it too
     * @param when       the parent ledger's close time (offers expiring then are expired)
     */
    public TakerCrossing(ApplyView view, ApplyView cancelView, long when, CalcSwitchover switchover) {
        this.view = view;
        this.cancelView = cancelView;
        this.when = when;
        this.switchover = switchover;
    }

    /**
     * Crosses an offer of {@code account} paying {@code takerAmount.in} (its TakerGets) for
     * {@code takerAmount.out} (its TakerPays); tecUNFUNDED_OFFER when it has nothing to pay with
     * (fees may have taken a native balance below the reserve since preclaim).
     */
    public Result cross(AccountId account, Amounts takerAmount, long txFlags) {
        CrossType type = CrossType.of(takerAmount.in().issue(), takerAmount.out().issue());
        Taker taker = new Taker(type, view, account, takerAmount, txFlags, switchover);
        if (taker.unfunded()) {
            return new Result(TER.tecUNFUNDED_OFFER, takerAmount);
        }
        try {
            return type == CrossType.IOU_TO_IOU ? bridgedCross(taker) : directCross(taker);
        } catch (RuntimeException e) {
            return new Result(TER.tecINTERNAL, taker.remainingOffer());
        }
    }

    private OfferStream stream(Issue in, Issue out) {
        return new OfferStream(view, cancelView, new Book(in, out), when, counter);
    }

    private Result directCross(Taker taker) {
        OfferStream offers = stream(taker.issueIn(), taker.issueOut());
        TER crossResult = TER.tesSUCCESS;
        boolean haveOffer = stepAccount(offers, taker);
        while (haveOffer) {
            boolean directConsumed = false;
            TOffer<STAmount, STAmount> offer = offers.tip();
            if (taker.reject(offer.quality())) {
                break;
            }
            crossResult = taker.cross(offer);
            if (dry(offer)) {
                directConsumed = true;
                haveOffer = stepAccount(offers, taker);
            }
            if (crossResult != TER.tesSUCCESS) {
                crossResult = TER.tecFAILED_PROCESSING;
                break;
            }
            if (taker.done() || reachedCrossingLimit(taker)) {
                break;
            }
            if (!directConsumed) {
                throw new IllegalStateException("direct crossing: nothing was fully consumed.");
            }
        }
        return new Result(crossResult, taker.remainingOffer());
    }

    private Result bridgedCross(Taker taker) {
        OfferStream direct = stream(taker.issueIn(), taker.issueOut());
        OfferStream leg1 = stream(taker.issueIn(), Issue.NATIVE);
        OfferStream leg2 = stream(Issue.NATIVE, taker.issueOut());
        TER crossResult = TER.tesSUCCESS;
        // the taker's own offers are crossed in a bridge, but skipped in the direct book
        boolean haveBridge = leg1.step() && leg2.step();
        boolean haveDirect = stepAccount(direct, taker);
        while (haveDirect || haveBridge) {
            boolean leg1Consumed = false;
            boolean leg2Consumed = false;
            boolean directConsumed = false;
            Quality bridged = haveBridge
                    ? Quality.composed(leg1.tip().quality(), leg2.tip().quality(), switchover) : null;
            boolean useDirect = !haveBridge || (haveDirect && bridged.compareTo(direct.tip().quality()) < 0);
            Quality quality = useDirect ? direct.tip().quality() : bridged;
            if (taker.reject(quality)) {
                break;
            }
            if (useDirect) {
                crossResult = taker.cross(direct.tip());
                if (dry(direct.tip())) {
                    directConsumed = true;
                    haveDirect = stepAccount(direct, taker);
                }
            } else {
                crossResult = taker.cross(leg1.tip(), leg2.tip());
                if (dry(leg1.tip())) {
                    leg1Consumed = true;
                    haveBridge = haveBridge && leg1.step();
                }
                if (dry(leg2.tip())) {
                    leg2Consumed = true;
                    haveBridge = haveBridge && leg2.step();
                }
            }
            if (crossResult != TER.tesSUCCESS) {
                crossResult = TER.tecFAILED_PROCESSING;
                break;
            }
            if (taker.done() || reachedCrossingLimit(taker)) {
                break;
            }
            if (!directConsumed && !leg1Consumed && !leg2Consumed) {
                throw new IllegalStateException("bridged crossing: nothing was fully consumed.");
            }
        }
        return new Result(crossResult, taker.remainingOffer());
    }

    /**
     * Steps past the taker's own offers (deleting them, as every offer stepped past is) up to one of
     * another owner or one the taker rejects; false when the book ran out.
     */
    private static boolean stepAccount(OfferStream stream, Taker taker) {
        while (stream.step()) {
            TOffer<STAmount, STAmount> offer = stream.tip();
            if (taker.reject(offer.quality()) || !offer.owner().equals(taker.account())) {
                return true;
            }
        }
        return false;
    }

    /** True when nothing more can flow through the offer: consumed, or its owner has nothing left. */
    private boolean dry(TOffer<STAmount, STAmount> offer) {
        if (offer.fullyConsumed()) {
            return true;
        }
        return Views.accountFunds(view, offer.owner(), offer.amount().out(), true).signum() <= 0;
    }

    private static boolean reachedCrossingLimit(Taker taker) {
        return taker.directCrossings() + 2 * taker.bridgeCrossings() >= MAX_CROSSINGS;
    }
}
