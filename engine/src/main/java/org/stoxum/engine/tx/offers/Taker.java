package org.stoxum.engine.tx.offers;

import org.stoxum.codec.amount.Amounts;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.TrustLines;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.paths.TAmounts;

/**
 * An offer crossing the books without FlowCross (rippled's {@code Taker}): the flows {@link BasicTaker}
 * computes are taken out of the crossed offers and the funds moved at once, directly between the parties
 * and the issuers (no payment engine, no limits or NoRipple checks). It counts the crossings, which the
 * protocol caps.
 */
public final class Taker extends BasicTaker {
    private final ApplyView view;
    private int directCrossings;
    private int bridgeCrossings;

    /**
     * @param offer what the taker offers ({@code in}, the transaction's TakerGets) for what it wants
     *              ({@code out}, TakerPays); crossing is at its quality
     */
    public Taker(CrossType crossType, ApplyView view, AccountId account, Amounts offer, long flags,
                 CalcSwitchover switchover) {
        super(crossType, account, offer, Quality.of(offer), flags, calculateRate(view, offer.in().issuer(), account),
                calculateRate(view, offer.out().issuer(), account), switchover);
        this.view = view;
    }

    /** The issuer's transfer rate, except for the native currency and the issuer's own offers. */
    private static Rate calculateRate(ReadView view, AccountId issuer, AccountId account) {
        return issuer.equals(AccountId.ZERO) || account.equals(issuer) ? Rate.PARITY : Views.transferRate(view, issuer);
    }

    @Override
    public STAmount funds(AccountId owner, STAmount amount) {
        return Views.accountFunds(view, owner, amount, true);
    }

    public int directCrossings() {
        return directCrossings;
    }

    public int bridgeCrossings() {
        return bridgeCrossings;
    }

    /** Crosses one offer of the book; tefINTERNAL when it exchanges native for native. */
    public TER cross(TOffer<STAmount, STAmount> offer) {
        if (offer.amount().in().isNative() && offer.amount().out().isNative()) {
            return TER.tefINTERNAL;
        }
        Flow flow = doCross(amounts(offer), offer.quality(), offer.owner());
        return fill(flow, offer);
    }

    /** Crosses two offers bridged by the native currency; tefINTERNAL when a leg is the wrong way round. */
    public TER cross(TOffer<STAmount, STAmount> leg1, TOffer<STAmount, STAmount> leg2) {
        if (leg1.amount().in().isNative() || leg2.amount().out().isNative()) {
            return TER.tefINTERNAL;
        }
        Bridged flows = doCross(amounts(leg1), leg1.quality(), leg1.owner(), amounts(leg2), leg2.quality(),
                leg2.owner());
        return fill(flows.leg1(), leg1, flows.leg2(), leg2);
    }

    private static Amounts amounts(TOffer<STAmount, STAmount> offer) {
        return new Amounts(offer.amount().in(), offer.amount().out());
    }

    private void consume(TOffer<STAmount, STAmount> offer, Amounts order) {
        if (order.in().signum() < 0) {
            throw new IllegalStateException("flow with negative input.");
        }
        if (order.out().signum() < 0) {
            throw new IllegalStateException("flow with negative output.");
        }
        offer.consume(view, new TAmounts<>(order.in(), order.out()));
    }

    private TER fill(Flow flow, TOffer<STAmount, STAmount> offer) {
        consume(offer, flow.order());
        TER result;
        if (crossType() != CrossType.XRP_TO_IOU) {
            result = redeemIOU(account(), flow.issuers().in());
            if (result == TER.tesSUCCESS) {
                result = issueIOU(offer.owner(), flow.order().in());
            }
        } else {
            result = transferXRP(account(), offer.owner(), flow.order().in());
        }
        if (crossType() != CrossType.IOU_TO_XRP) {
            if (result == TER.tesSUCCESS) {
                result = redeemIOU(offer.owner(), flow.issuers().out());
            }
            if (result == TER.tesSUCCESS) {
                result = issueIOU(account(), flow.order().out());
            }
        } else if (result == TER.tesSUCCESS) {
            result = transferXRP(offer.owner(), account(), flow.order().out());
        }
        if (result == TER.tesSUCCESS) {
            directCrossings++;
        }
        return result;
    }

    private TER fill(Flow flow1, TOffer<STAmount, STAmount> leg1, Flow flow2, TOffer<STAmount, STAmount> leg2) {
        consume(leg1, flow1.order());
        consume(leg2, flow2.order());
        TER result = TER.tesSUCCESS;
        if (!leg1.owner().equals(account())) {
            result = redeemIOU(account(), flow1.issuers().in());
            if (result == TER.tesSUCCESS) {
                result = issueIOU(leg1.owner(), flow1.order().in());
            }
        }
        if (result == TER.tesSUCCESS) {
            result = transferXRP(leg1.owner(), leg2.owner(), flow1.order().out());
        }
        if (!leg2.owner().equals(account())) {
            if (result == TER.tesSUCCESS) {
                result = redeemIOU(leg2.owner(), flow2.issuers().out());
            }
            if (result == TER.tesSUCCESS) {
                result = issueIOU(account(), flow2.order().out());
            }
        }
        if (result == TER.tesSUCCESS) {
            bridgeCrossings++;
        }
        return result;
    }

    private TER transferXRP(AccountId from, AccountId to, STAmount amount) {
        if (!amount.isNative()) {
            throw new IllegalStateException("Using transferXRP with IOU");
        }
        if (from.equals(to) || amount.isZero()) {
            return TER.tesSUCCESS;
        }
        return Views.transferXRP(view, from, to, amount);
    }

    /** {@code account} gives {@code amount} back to its issuer. */
    private TER redeemIOU(AccountId account, STAmount amount) {
        if (amount.isNative()) {
            throw new IllegalStateException("Using redeemIOU with XRP");
        }
        Issue issue = amount.issue();
        if (account.equals(issue.account()) || amount.isZero()) {
            return TER.tesSUCCESS;
        }
        // redeeming needs a balance (and so a trust line) to redeem from
        if (funds(account, amount).signum() <= 0) {
            throw new IllegalStateException("redeemIOU has no funds to redeem");
        }
        TER ret = TrustLines.rippleCredit(view, account, issue.account(), amount);
        if (funds(account, amount).signum() < 0) {
            throw new IllegalStateException("redeemIOU redeemed more funds than available");
        }
        return ret;
    }

    /** The issuer of {@code amount} issues it to {@code account}. */
    private TER issueIOU(AccountId account, STAmount amount) {
        if (amount.isNative()) {
            throw new IllegalStateException("Using issueIOU with XRP");
        }
        Issue issue = amount.issue();
        if (account.equals(issue.account()) || amount.isZero()) {
            return TER.tesSUCCESS;
        }
        return TrustLines.rippleCredit(view, issue.account(), account, amount);
    }
}
