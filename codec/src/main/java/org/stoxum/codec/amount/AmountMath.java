package org.stoxum.codec.amount;

import org.stoxum.codec.CodecException;

/**
 * rippled's {@code multiply}, {@code divide}, {@code mulRound} and {@code divRound} on
 * {@link STAmount}, and the offer-rate encoding built on them ({@code getRate},
 * {@code amountFromQuality}).
 *
 * <p>Every operand is first brought to a 16-digit mantissa (native drops are scaled up by tens, lowering
 * the exponent). A product of two such mantissas is divided by 10^14 and a quotient is taken of the
 * numerator times 10^17, keeping 16 to 18 digits before the result is canonicalised for the requested
 * issue. The plain forms nudge the last digit (+7 for products, +5 for quotients); the rounding forms
 * round toward or away from zero on request.
 */
public final class AmountMath {
    private static final long TEN_TO_14 = 100_000_000_000_000L;
    private static final long TEN_TO_17 = TEN_TO_14 * 1000;
    /** {@code sqrt(cMaxNative)}: above this a native product may not fit. */
    private static final long NATIVE_FACTOR_LIMIT = 3_000_000_000L;
    /** {@code cMaxNative / 2^32}. */
    private static final long NATIVE_PRODUCT_LIMIT = 2_095_475_792L;

    private AmountMath() {
    }

    /**
     * {@code num / den} expressed in {@code issue}.
     *
     * @throws CodecException when {@code den} is zero or the quotient overflows
     */
    public static STAmount divide(STAmount num, STAmount den, Issue issue) {
        if (den.signum() == 0) {
            throw CodecException.invalid("division by zero");
        }
        if (num.signum() == 0) {
            return STAmount.zero(issue);
        }
        Scaled n = Scaled.of(num);
        Scaled d = Scaled.of(den);
        return STAmount.of(issue, UInt128.mulDiv(n.value, TEN_TO_17, d.value, 0) + 5,
                n.offset - d.offset - 17, num.isNegative() != den.isNegative());
    }

    /**
     * {@code v1 * v2} expressed in {@code issue}. Two native amounts multiplied into the native issue are
     * multiplied as integers, and must both be non-negative and small enough.
     *
     * @throws CodecException on overflow
     */
    public static STAmount multiply(STAmount v1, STAmount v2, Issue issue) {
        if (v1.signum() == 0 || v2.signum() == 0) {
            return STAmount.zero(issue);
        }
        if (v1.isNative() && v2.isNative() && issue.isNative()) {
            return nativeProduct(v1, v2);
        }
        Scaled a = Scaled.of(v1);
        Scaled b = Scaled.of(v2);
        return STAmount.of(issue, UInt128.mulDiv(a.value, b.value, TEN_TO_14, 0) + 7,
                a.offset + b.offset + 14, v1.isNegative() != v2.isNegative());
    }

    /**
     * {@code v1 * v2} in {@code issue}, rounded up (away from zero for positive results) when
     * {@code roundUp}, else truncated toward zero; negative results round the other way, as in rippled.
     *
     * @throws CodecException on overflow
     */
    public static STAmount mulRound(STAmount v1, STAmount v2, Issue issue, boolean roundUp,
                                    CalcSwitchover switchover) {
        if (v1.signum() == 0 || v2.signum() == 0) {
            return STAmount.zero(issue);
        }
        boolean nativeIssue = issue.isNative();
        if (v1.isNative() && v2.isNative() && nativeIssue) {
            return nativeProduct(v1, v2);
        }
        Scaled a = Scaled.of(v1);
        Scaled b = Scaled.of(v2);
        boolean resultNegative = v1.isNegative() != v2.isNegative();
        boolean awayFromZero = resultNegative != roundUp;
        long amount = UInt128.mulDiv(a.value, b.value, TEN_TO_14, awayFromZero ? TEN_TO_14 - 1 : 0);
        int offset = a.offset + b.offset + 14;
        return finishRounding(issue, amount, offset, resultNegative, roundUp, awayFromZero, switchover);
    }

    /**
     * {@code num / den} in {@code issue} with the rounding of {@link #mulRound}.
     *
     * @throws CodecException when {@code den} is zero or the quotient overflows
     */
    public static STAmount divRound(STAmount num, STAmount den, Issue issue, boolean roundUp,
                                    CalcSwitchover switchover) {
        if (den.signum() == 0) {
            throw CodecException.invalid("division by zero");
        }
        if (num.signum() == 0) {
            return STAmount.zero(issue);
        }
        Scaled n = Scaled.of(num);
        Scaled d = Scaled.of(den);
        boolean resultNegative = num.isNegative() != den.isNegative();
        boolean awayFromZero = resultNegative != roundUp;
        long amount = UInt128.mulDiv(n.value, TEN_TO_17, d.value, awayFromZero ? d.value - 1 : 0);
        int offset = n.offset - d.offset - 17;
        return finishRounding(issue, amount, offset, resultNegative, roundUp, awayFromZero, switchover);
    }

    private static STAmount finishRounding(Issue issue, long amount, int offset, boolean resultNegative,
                                           boolean roundUp, boolean awayFromZero, CalcSwitchover so) {
        long value = amount;
        int exponent = offset;
        if (awayFromZero) {
            if (issue.isNative()) {
                if (exponent < 0) {
                    int loops = 0;
                    while (exponent < -1) {
                        value = Long.divideUnsigned(value, 10);
                        exponent++;
                        loops++;
                    }
                    value += loops >= 2 ? 9 : 10;
                    value = Long.divideUnsigned(value, 10);
                    exponent++;
                }
            } else if (Long.compareUnsigned(value, STAmount.MAX_MANTISSA) > 0) {
                while (Long.compareUnsigned(value, 10 * STAmount.MAX_MANTISSA) > 0) {
                    value = Long.divideUnsigned(value, 10);
                    exponent++;
                }
                value += 9;
                value = Long.divideUnsigned(value, 10);
                exponent++;
            }
        }
        STAmount result = STAmount.of(issue, value, exponent, resultNegative);
        if (roundUp && !resultNegative && result.signum() == 0 && so.first()) {
            // the smallest positive value instead of zero
            if (issue.isNative() && so.second()) {
                return STAmount.of(issue, 1, 0, false);
            }
            return STAmount.of(issue, STAmount.MIN_MANTISSA, STAmount.MIN_EXPONENT, false);
        }
        return result;
    }

    private static STAmount nativeProduct(STAmount v1, STAmount v2) {
        long d1 = v1.drops();
        long d2 = v2.drops();
        // Signed order, unsigned limits: a negative factor reads as huge and is refused.
        long minV = Math.min(d1, d2);
        long maxV = Math.max(d1, d2);
        if (Long.compareUnsigned(minV, NATIVE_FACTOR_LIMIT) > 0
                || Long.compareUnsigned((maxV >>> 32) * minV, NATIVE_PRODUCT_LIMIT) > 0) {
            throw CodecException.invalid("Native value overflow");
        }
        return STAmount.unchecked(Issue.NATIVE, minV * maxV, 0, true, false);
    }

    /**
     * rippled {@code getRate}: the price of an offer, {@code offerIn / offerOut} as a no-issue amount,
     * packed as {@code (exponent + 100) << 56 | mantissa}. Lower is better for the taker. Zero when
     * {@code offerOut} is zero, when the quotient underflows to zero, or when it overflows.
     */
    public static long getRate(STAmount offerOut, STAmount offerIn) {
        if (offerOut.signum() == 0) {
            return 0;
        }
        try {
            STAmount r = divide(offerIn, offerOut, Issue.NO_ISSUE);
            if (r.signum() == 0) {
                return 0;
            }
            return ((long) (r.exponent() + 100) << 56) | r.mantissa();
        } catch (CodecException overflow) {
            return 0;
        }
    }

    /** rippled {@code amountFromQuality}: the no-issue amount a packed rate stands for. */
    public static STAmount amountFromQuality(long rate) {
        if (rate == 0) {
            return STAmount.zero(Issue.NO_ISSUE);
        }
        long mantissa = rate & ~(255L << 56);
        int exponent = (int) (rate >>> 56) - 100;
        return STAmount.of(Issue.NO_ISSUE, mantissa, exponent, false);
    }

    /** An operand's mantissa brought to at least 10^15 (natives are scaled up) with its exponent. */
    private record Scaled(long value, int offset) {
        static Scaled of(STAmount a) {
            long value = a.mantissa();
            int offset = a.exponent();
            if (a.isNative()) {
                while (Long.compareUnsigned(value, STAmount.MIN_MANTISSA) < 0) {
                    value *= 10;
                    offset--;
                }
            }
            return new Scaled(value, offset);
        }
    }
}
