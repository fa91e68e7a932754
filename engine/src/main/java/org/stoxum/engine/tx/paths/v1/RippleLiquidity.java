package org.stoxum.engine.tx.paths.v1;

import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;

/**
 * The arithmetic of rippling through one account (rippled's {@code RippleLiquidity.cpp} and
 * {@code EffectiveRate.cpp}): how much passes from the previous link to the next at the account's
 * qualities, and the trust-line qualities and transfer rates involved.
 */
final class RippleLiquidity {
    /** rippled's {@code STAmount::uRateOne}: the packed rate of 1:1. */
    static final long RATE_ONE = AmountMath.getRate(STAmount.ofDrops(1), STAmount.ofDrops(1));

    private RippleLiquidity() {
    }

    /** Both sides of a link after a call: what the previous and the current node now move, and the rate cap. */
    record Flowed(STAmount prvAct, STAmount curAct, long rateMax) {
    }

    /**
     * Adds to {@code prvAct} and {@code curAct} what can flow from the previous link (limit
     * {@code prvReq}, negative: unlimited) to the current one (limit {@code curReq}) at
     * {@code qualityIn -> qualityOut}, unless that rate is worse than {@code rateMax} (0: none yet). In
     * reverse the current side drives, forward the previous one does.
     */
    static Flowed flow(Rate qualityIn, Rate qualityOut, STAmount prvReq, STAmount curReq, STAmount prvAct,
                       STAmount curAct, long rateMax, CalcSwitchover so) {
        boolean prvUnlimited = prvReq.signum() < 0;
        STAmount prv = prvUnlimited ? prvReq : prvReq.subtract(prvAct);
        STAmount cur = curReq.subtract(curAct);
        if (prv.isZero() || cur.isZero()) {
            return new Flowed(prvAct, curAct, rateMax);
        }
        if (qualityIn.compareTo(qualityOut) >= 0) {
            if (rateMax == 0 || Long.compareUnsigned(RATE_ONE, rateMax) <= 0) {
                STAmount transfer = prvUnlimited ? cur : STAmount.min(prv, cur);
                prvAct = prvAct.add(transfer);
                curAct = curAct.add(transfer);
                if (rateMax == 0) {
                    rateMax = RATE_ONE;
                }
            }
            return new Flowed(prvAct, curAct, rateMax);
        }
        long rate = AmountMath.getRate(STAmount.ofDrops(Integer.toUnsignedLong(qualityOut.value())),
                STAmount.ofDrops(Integer.toUnsignedLong(qualityIn.value())));
        if (rateMax == 0 || Long.compareUnsigned(rate, rateMax) <= 0) {
            STAmount numerator = qualityOut.multiplyRound(cur, true, so);
            STAmount curIn = qualityIn.divideRound(numerator, true, so);
            if (prvUnlimited || curIn.compareTo(prv) <= 0) {
                curAct = curAct.add(cur);
                prvAct = prvAct.add(curIn);
            } else {
                STAmount num = qualityIn.multiplyRound(prv, cur.issue(), true, so);
                STAmount curOut = qualityOut.divideRound(num, cur.issue(), true, so);
                curAct = curAct.add(curOut);
                prvAct = prvReq;
            }
            if (rateMax == 0) {
                rateMax = rate;
            }
        }
        return new Flowed(prvAct, curAct, rateMax);
    }

    /** The QualityIn {@code to} set on its line with {@code from}: what it values incoming IOUs at. */
    static Rate qualityIn(ReadView view, AccountId to, AccountId from, Currency currency) {
        return lineQuality(view, to, from, currency, SField.LOW_QUALITY_IN, SField.HIGH_QUALITY_IN);
    }

    /** The QualityOut {@code to} set on its line with {@code from}. */
    static Rate qualityOut(ReadView view, AccountId to, AccountId from, Currency currency) {
        return lineQuality(view, to, from, currency, SField.LOW_QUALITY_OUT, SField.HIGH_QUALITY_OUT);
    }

    private static Rate lineQuality(ReadView view, AccountId destination, AccountId source, Currency currency,
                                    SField low, SField high) {
        if (destination.equals(source)) {
            return Rate.PARITY;
        }
        SField field = destination.compareTo(source) < 0 ? low : high;
        STObject line = view.read(Keylets.line(destination, source, currency));
        if (line == null || !line.isPresent(field)) {
            return Rate.PARITY;
        }
        long quality = line.getU32(field);
        // a zero quality would divide by zero
        return new Rate((int) (quality == 0 ? 1 : quality));
    }

    /** The transfer rate an offer pays: none for the native currency or when either side is the issuer. */
    static Rate effectiveRate(Issue issue, AccountId account1, AccountId account2, Rate rate) {
        if (issue.currency().isNative()) {
            return Rate.PARITY;
        }
        if (rate == null) {
            throw new IllegalStateException("No transfer rate set for node.");
        }
        if (issue.account().equals(account1) || issue.account().equals(account2)) {
            return Rate.PARITY;
        }
        return rate;
    }
}
