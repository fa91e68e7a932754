package org.stoxum.engine.tx.offers;

import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.Amounts;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.tx.TxFlags;

/**
 * The arithmetic of offer crossing without FlowCross (rippled's {@code BasicTaker}): how much flows
 * through one offer, or through two offers bridged by the native currency, limited in turn by the offer
 * owner's funds, what the taker still wants, what it still offers and its own funds. Each limit recomputes
 * the other side at the crossed offer's quality, so the order of the clamps and their rounding are part of
 * the protocol. Where the funds come from is left to {@link #funds}.
 */
public abstract class BasicTaker {
    /**
     * What flows through one offer: {@code order} is what the taker pays and gets, {@code issuers} the
     * same with the issuers' transfer fees on top (what leaves the payer). Sides in the native currency
     * have no fee and their issuers amount stays a native zero.
     */
    public static final class Flow {
        private STAmount orderIn;
        private STAmount orderOut;
        private STAmount issuersIn = STAmount.ofDrops(0);
        private STAmount issuersOut = STAmount.ofDrops(0);

        private Flow(Amounts order) {
            this.orderIn = order.in();
            this.orderOut = order.out();
        }

        public Amounts order() {
            return new Amounts(orderIn, orderOut);
        }

        public Amounts issuers() {
            return new Amounts(issuersIn, issuersOut);
        }

        private boolean sane() {
            if (orderIn.isNative() && orderOut.isNative()) {
                return false;
            }
            return orderIn.signum() >= 0 && orderOut.signum() >= 0 && issuersIn.signum() >= 0
                    && issuersOut.signum() >= 0;
        }
    }

    /** The flows through the two legs of a bridge; the native amount leaving the first enters the second. */
    public record Bridged(Flow leg1, Flow leg2) {
    }

    private final AccountId account;
    private final Quality quality;
    private final Quality threshold;
    private final boolean sell;
    private final Amounts original;
    private STAmount remainingIn;
    private STAmount remainingOut;
    private final Issue issueIn;
    private final Issue issueOut;
    private final Rate rateIn;
    private final Rate rateOut;
    private final CrossType crossType;
    private final CalcSwitchover switchover;

    /**
     * @param amount     what the taker offers to pay ({@code in}) and wants ({@code out}); both positive
     * @param quality    the taker's own quality: offers of a lower one are rejected
     * @param flags      the transaction's flags (Passive also rejects offers of exactly its quality; Sell
     *                   takes more than {@code out} when offered)
     * @param rateIn     the transfer rate of the input's issuer (parity when the taker is the issuer)
     * @param rateOut    the transfer rate of the output's issuer
     * @param switchover the amount rounding in force, for {@link #remainingOffer}
     */
    protected BasicTaker(CrossType crossType, AccountId account, Amounts amount, Quality quality, long flags,
                         Rate rateIn, Rate rateOut, CalcSwitchover switchover) {
        if (amount.in().signum() <= 0 || amount.out().signum() <= 0) {
            throw new IllegalArgumentException("a taker offers and wants something");
        }
        if (amount.in().isNative() && amount.out().isNative()) {
            throw new IllegalArgumentException("a taker does not cross the native currency for itself");
        }
        this.account = account;
        this.quality = quality;
        this.threshold = (flags & TxFlags.PASSIVE) != 0 ? quality.higher() : quality;
        this.sell = (flags & TxFlags.SELL) != 0;
        this.original = amount;
        this.remainingIn = amount.in();
        this.remainingOut = amount.out();
        this.issueIn = amount.in().issue();
        this.issueOut = amount.out().issue();
        this.rateIn = rateIn;
        this.rateOut = rateOut;
        this.crossType = crossType;
        this.switchover = switchover;
    }

    /** What {@code owner} can pay of {@code amount}'s issue (rippled's {@code get_funds}). */
    public abstract STAmount funds(AccountId owner, STAmount amount);

    public AccountId account() {
        return account;
    }

    public CrossType crossType() {
        return crossType;
    }

    public Issue issueIn() {
        return issueIn;
    }

    public Issue issueOut() {
        return issueOut;
    }

    /** True when an offer of {@code offerQuality} is not good enough for the taker. */
    public boolean reject(Quality offerQuality) {
        return offerQuality.compareTo(threshold) < 0;
    }

    /** True when the taker has nothing left to pay with. */
    public boolean unfunded() {
        return funds(account, remainingIn).signum() <= 0;
    }

    /** True when crossing should stop: all offered was paid, all wanted was got (buying), or no funds. */
    public boolean done() {
        if (remainingIn.signum() <= 0) {
            return true;
        }
        if (!sell && remainingOut.signum() <= 0) {
            return true;
        }
        return unfunded();
    }

    /**
     * What is left to place in the book, at the taker's original quality: nothing when done, the whole
     * offer when nothing crossed, else the rest of the input (selling) or of the output (buying) with the
     * other side recomputed, rounded up.
     */
    public Amounts remainingOffer() {
        if (done()) {
            return new Amounts(remainingIn.zeroed(), remainingOut.zeroed());
        }
        if (original.in().valueEquals(remainingIn) && original.out().valueEquals(remainingOut)) {
            return original;
        }
        if (sell) {
            return new Amounts(remainingIn,
                    AmountMath.divRound(remainingIn, quality.rate(), issueOut, true, switchover));
        }
        return new Amounts(AmountMath.mulRound(remainingOut, quality.rate(), issueIn, true, switchover),
                remainingOut);
    }

    /** The transfer rate that applies when {@code from} pays {@code to} in {@code issue}. */
    private static Rate effectiveRate(Rate rate, Issue issue, AccountId from, AccountId to) {
        if (!rate.equals(Rate.PARITY) && !from.equals(to) && !from.equals(issue.account())
                && !to.equals(issue.account())) {
            return rate;
        }
        return Rate.PARITY;
    }

    private Rate inRate(AccountId from, AccountId to) {
        return effectiveRate(rateIn, original.in().issue(), from, to);
    }

    private Rate outRate(AccountId from, AccountId to) {
        return effectiveRate(rateOut, original.out().issue(), from, to);
    }

    /** {@code amount / quality}, never above {@code limit}. */
    private static STAmount qualDiv(STAmount amount, Quality q, STAmount limit) {
        return STAmount.min(AmountMath.divide(amount, q.rate(), limit.issue()), limit);
    }

    /** {@code amount * quality}, never above {@code limit}. */
    private static STAmount qualMul(STAmount amount, Quality q, STAmount limit) {
        return STAmount.min(AmountMath.multiply(amount, q.rate(), limit.issue()), limit);
    }

    private Flow flowXrpToIou(Amounts order, Quality q, STAmount ownerFunds, STAmount takerFunds, Rate rateOut) {
        Flow f = new Flow(order);
        f.issuersOut = rateOut.multiply(f.orderOut);
        if (ownerFunds.compareTo(f.issuersOut) < 0) {
            f.issuersOut = ownerFunds;
            f.orderOut = rateOut.divide(f.issuersOut);
            f.orderIn = qualMul(f.orderOut, q, f.orderIn);
        }
        if (!sell && remainingOut.compareTo(f.orderOut) < 0) {
            f.orderOut = remainingOut;
            f.orderIn = qualMul(f.orderOut, q, f.orderIn);
            f.issuersOut = rateOut.multiply(f.orderOut);
        }
        if (takerFunds.compareTo(f.orderIn) < 0) {
            f.orderIn = takerFunds;
            f.orderOut = qualDiv(f.orderIn, q, f.orderOut);
            f.issuersOut = rateOut.multiply(f.orderOut);
        }
        // the taker's offer only limits the input when this is not the second leg of a bridge
        if (crossType == CrossType.XRP_TO_IOU && remainingIn.compareTo(f.orderIn) < 0) {
            f.orderIn = remainingIn;
            f.orderOut = qualDiv(f.orderIn, q, f.orderOut);
            f.issuersOut = rateOut.multiply(f.orderOut);
        }
        return f;
    }

    private Flow flowIouToXrp(Amounts order, Quality q, STAmount ownerFunds, STAmount takerFunds, Rate rateIn) {
        Flow f = new Flow(order);
        f.issuersIn = rateIn.multiply(f.orderIn);
        if (ownerFunds.compareTo(f.orderOut) < 0) {
            f.orderOut = ownerFunds;
            f.orderIn = qualMul(f.orderOut, q, f.orderIn);
            f.issuersIn = rateIn.multiply(f.orderIn);
        }
        // what the taker wants only limits the output when this is not the first leg of a bridge
        if (!sell && crossType == CrossType.IOU_TO_XRP && remainingOut.compareTo(f.orderOut) < 0) {
            f.orderOut = remainingOut;
            f.orderIn = qualMul(f.orderOut, q, f.orderIn);
            f.issuersIn = rateIn.multiply(f.orderIn);
        }
        if (remainingIn.compareTo(f.orderIn) < 0) {
            f.orderIn = remainingIn;
            f.issuersIn = rateIn.multiply(f.orderIn);
            f.orderOut = qualDiv(f.orderIn, q, f.orderOut);
        }
        if (takerFunds.compareTo(f.issuersIn) < 0) {
            f.issuersIn = takerFunds;
            f.orderIn = rateIn.divide(f.issuersIn);
            f.orderOut = qualDiv(f.orderIn, q, f.orderOut);
        }
        return f;
    }

    private Flow flowIouToIou(Amounts order, Quality q, STAmount ownerFunds, STAmount takerFunds, Rate rateIn,
                              Rate rateOut) {
        Flow f = new Flow(order);
        f.issuersIn = rateIn.multiply(f.orderIn);
        f.issuersOut = rateOut.multiply(f.orderOut);
        if (ownerFunds.compareTo(f.issuersOut) < 0) {
            f.issuersOut = ownerFunds;
            f.orderOut = rateOut.divide(f.issuersOut);
            f.orderIn = qualMul(f.orderOut, q, f.orderIn);
            f.issuersIn = rateIn.multiply(f.orderIn);
        }
        if (!sell && remainingOut.compareTo(f.orderOut) < 0) {
            f.orderOut = remainingOut;
            f.orderIn = qualMul(f.orderOut, q, f.orderIn);
            f.issuersOut = rateOut.multiply(f.orderOut);
            f.issuersIn = rateIn.multiply(f.orderIn);
        }
        if (remainingIn.compareTo(f.orderIn) < 0) {
            f.orderIn = remainingIn;
            f.issuersIn = rateIn.multiply(f.orderIn);
            f.orderOut = qualDiv(f.orderIn, q, f.orderOut);
            f.issuersOut = rateOut.multiply(f.orderOut);
        }
        if (takerFunds.compareTo(f.issuersIn) < 0) {
            f.issuersIn = takerFunds;
            f.orderIn = rateIn.divide(f.issuersIn);
            f.orderOut = qualDiv(f.orderIn, q, f.orderOut);
            f.issuersOut = rateOut.multiply(f.orderOut);
        }
        return f;
    }

    private static void requireSane(Flow f, String what) {
        if (!f.sane()) {
            throw new IllegalStateException("Computed " + what + " fails sanity check.");
        }
    }

    /** The flow through one offer of {@code owner}; what it takes is no longer wanted by the taker. */
    public Flow doCross(Amounts offer, Quality q, AccountId owner) {
        STAmount ownerFunds = funds(owner, offer.out());
        STAmount takerFunds = funds(account, offer.in());
        Flow result = switch (crossType) {
            case XRP_TO_IOU -> flowXrpToIou(offer, q, ownerFunds, takerFunds, outRate(owner, account));
            case IOU_TO_XRP -> flowIouToXrp(offer, q, ownerFunds, takerFunds, inRate(owner, account));
            case IOU_TO_IOU -> flowIouToIou(offer, q, ownerFunds, takerFunds, inRate(owner, account),
                    outRate(owner, account));
        };
        requireSane(result, "flow");
        remainingOut = remainingOut.subtract(result.orderOut);
        remainingIn = remainingIn.subtract(result.orderIn);
        return result;
    }

    /**
     * The flows through two offers bridged by the native currency: {@code offer1} takes the taker's input
     * for native, {@code offer2} takes native for the taker's output. Each leg is computed alone, then the
     * one giving or taking more native is cut down to the other.
     */
    public Bridged doCross(Amounts offer1, Quality quality1, AccountId owner1, Amounts offer2, Quality quality2,
                          AccountId owner2) {
        // an offer of the taker's own is limited by itself, not by the taker's funds
        STAmount leg1InFunds = funds(account, offer1.in());
        if (account.equals(owner1)) {
            leg1InFunds = STAmount.max(leg1InFunds, offer1.in());
        }
        STAmount leg2OutFunds = funds(owner2, offer2.out());
        if (account.equals(owner2)) {
            leg2OutFunds = STAmount.max(leg2OutFunds, offer2.out());
        }
        // native passing between two offers of one owner moves from pocket to pocket: no limit but the offers
        STAmount xrpFunds = funds(owner1, offer1.out());
        if (owner1.equals(owner2)) {
            xrpFunds = STAmount.max(offer1.out(), offer2.in());
        }
        Rate leg1Rate = inRate(owner1, account);
        Rate leg2Rate = outRate(owner2, account);
        Flow flow1 = flowIouToXrp(offer1, quality1, xrpFunds, leg1InFunds, leg1Rate);
        requireSane(flow1, "flow1");
        Flow flow2 = flowXrpToIou(offer2, quality2, leg2OutFunds, xrpFunds, leg2Rate);
        requireSane(flow2, "flow2");
        int c = flow1.orderOut.compareTo(flow2.orderIn);
        if (c < 0) {
            flow2.orderIn = flow1.orderOut;
            flow2.orderOut = qualDiv(flow2.orderIn, quality2, flow2.orderOut);
            flow2.issuersOut = leg2Rate.multiply(flow2.orderOut);
        } else if (c > 0) {
            flow1.orderOut = flow2.orderIn;
            flow1.orderIn = qualMul(flow1.orderOut, quality1, flow1.orderIn);
            flow1.issuersIn = leg1Rate.multiply(flow1.orderIn);
        }
        if (!flow1.orderOut.valueEquals(flow2.orderIn)) {
            throw new IllegalStateException("Bridged flow is out of balance.");
        }
        remainingOut = remainingOut.subtract(flow2.orderOut);
        remainingIn = remainingIn.subtract(flow1.orderIn);
        return new Bridged(flow1, flow2);
    }
}
