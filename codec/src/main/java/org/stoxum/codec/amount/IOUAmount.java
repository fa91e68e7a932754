package org.stoxum.codec.amount;

import java.math.BigInteger;
import org.stoxum.codec.CodecException;

/**
 * rippled's {@code IOUAmount}: an issued value without its issue, with a signed mantissa, as the
 * payment engine ({@code Flow}) computes with. Normalised like an issued {@link STAmount}; underflow is
 * zero, overflow an error.
 *
 * <p>Immutable; equality and order are by value.
 */
public final class IOUAmount implements Comparable<IOUAmount> {
    public static final IOUAmount ZERO = new IOUAmount(0, STAmount.ZERO_EXPONENT);

    /** {@code floor(log10(Long.MAX_VALUE))}: the digits a mantissa may grow to inside {@link #mulRatio}. */
    private static final int MAX_DIGITS = 18;
    private static final BigInteger[] POWERS = new BigInteger[30];

    static {
        POWERS[0] = BigInteger.ONE;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1].multiply(BigInteger.TEN);
        }
    }

    private final long mantissa;
    private final int exponent;

    private IOUAmount(long mantissa, int exponent) {
        this.mantissa = mantissa;
        this.exponent = exponent;
    }

    /**
     * The normalised {@code mantissa * 10^exponent}.
     *
     * @throws CodecException when the value is too large
     */
    public static IOUAmount of(long mantissa, int exponent) {
        if (mantissa == 0) {
            return ZERO;
        }
        boolean negative = mantissa < 0;
        long m = negative ? -mantissa : mantissa;
        int e = exponent;
        while (m < STAmount.MIN_MANTISSA && e > STAmount.MIN_EXPONENT) {
            m *= 10;
            e--;
        }
        while (m > STAmount.MAX_MANTISSA) {
            if (e >= STAmount.MAX_EXPONENT) {
                throw CodecException.invalid("IOUAmount overflow");
            }
            m /= 10;
            e++;
        }
        if (e < STAmount.MIN_EXPONENT || m < STAmount.MIN_MANTISSA) {
            return ZERO;
        }
        if (e > STAmount.MAX_EXPONENT) {
            throw CodecException.invalid("IOUAmount overflow");
        }
        return new IOUAmount(negative ? -m : m, e);
    }

    /**
     * The value of an issued {@link STAmount} (rippled {@code toAmount<IOUAmount>}).
     *
     * @throws IllegalArgumentException for a native amount
     */
    public static IOUAmount of(STAmount amount) {
        if (amount.isNative()) {
            throw new IllegalArgumentException("a native amount is not an IOUAmount");
        }
        return of(amount.isNegative() ? -amount.mantissa() : amount.mantissa(), amount.exponent());
    }

    /** This value as an amount of {@code issue}, taken as is (rippled {@code toSTAmount}). */
    public STAmount toSTAmount(Issue issue) {
        boolean negative = mantissa < 0;
        return STAmount.unchecked(issue, negative ? -mantissa : mantissa, exponent, false, negative);
    }

    /** Signed mantissa. */
    public long mantissa() {
        return mantissa;
    }

    public int exponent() {
        return exponent;
    }

    public int signum() {
        return Long.signum(mantissa);
    }

    public boolean isZero() {
        return mantissa == 0;
    }

    /** rippled {@code operator+=}: aligned by truncation; a sum within 10 of zero in the last place is zero. */
    public IOUAmount add(IOUAmount o) {
        if (o.isZero()) {
            return this;
        }
        if (isZero()) {
            return o;
        }
        long m1 = mantissa;
        int e1 = exponent;
        long m2 = o.mantissa;
        int e2 = o.exponent;
        while (e1 < e2) {
            m1 /= 10;
            e1++;
        }
        while (e2 < e1) {
            m2 /= 10;
            e2++;
        }
        long sum = m1 + m2;
        if (sum >= -10 && sum <= 10) {
            return ZERO;
        }
        return of(sum, e1);
    }

    public IOUAmount subtract(IOUAmount o) {
        return add(o.negate());
    }

    public IOUAmount negate() {
        return isZero() ? this : new IOUAmount(-mantissa, exponent);
    }

    /**
     * rippled {@code mulRatio}: {@code amt * num / den}, keeping the remainder's digits rather than
     * rounding twice, then rounded up (toward positive) or down (toward negative) when inexact.
     *
     * @param num unsigned 32-bit
     * @param den unsigned 32-bit
     * @throws CodecException when {@code den} is zero or the result overflows
     */
    public static IOUAmount mulRatio(IOUAmount amt, int num, int den, boolean roundUp) {
        if (den == 0) {
            throw CodecException.invalid("division by zero");
        }
        boolean negative = amt.mantissa < 0;
        BigInteger den128 = BigInteger.valueOf(Integer.toUnsignedLong(den));
        BigInteger mul = BigInteger.valueOf(amt.mantissa).abs().multiply(BigInteger.valueOf(Integer.toUnsignedLong(num)));
        BigInteger[] qr = mul.divideAndRemainder(den128);
        BigInteger low = qr[0];
        BigInteger rem = qr[1];
        int exponent = amt.exponent;
        if (rem.signum() != 0) {
            // scale so that the remainder's digits land in the mantissa
            int roomToGrow = MAX_DIGITS - log10Ceil(low);
            if (roomToGrow > 0) {
                exponent -= roomToGrow;
                low = low.multiply(POWERS[roomToGrow]);
                rem = rem.multiply(POWERS[roomToGrow]);
            }
            BigInteger[] more = rem.divideAndRemainder(den128);
            low = low.add(more[0]);
            rem = more[1];
        }
        boolean hasRemainder = rem.signum() != 0;
        int mustShrink = log10Ceil(low) - MAX_DIGITS;
        if (mustShrink > 0) {
            BigInteger[] shrunk = low.divideAndRemainder(POWERS[mustShrink]);
            exponent += mustShrink;
            low = shrunk[0];
            hasRemainder |= shrunk[1].signum() != 0;
        }
        long m = low.longValue();
        IOUAmount result = of(negative ? -m : m, exponent);
        if (hasRemainder) {
            if (roundUp && !negative) {
                return result.isZero() ? of(STAmount.MIN_MANTISSA, STAmount.MIN_EXPONENT)
                        : of(result.mantissa + 1, result.exponent);
            }
            if (!roundUp && negative) {
                return result.isZero() ? of(-STAmount.MIN_MANTISSA, STAmount.MIN_EXPONENT)
                        : of(result.mantissa - 1, result.exponent);
            }
        }
        return result;
    }

    /** The smallest {@code i} with {@code 10^i >= v}. */
    private static int log10Ceil(BigInteger v) {
        int i = 0;
        while (i < POWERS.length && POWERS[i].compareTo(v) < 0) {
            i++;
        }
        return i;
    }

    /** rippled {@code IOUAmount::operator<}. */
    @Override
    public int compareTo(IOUAmount o) {
        if (lessThan(this, o)) {
            return -1;
        }
        return lessThan(o, this) ? 1 : 0;
    }

    private static boolean lessThan(IOUAmount l, IOUAmount r) {
        boolean lneg = l.mantissa < 0;
        boolean rneg = r.mantissa < 0;
        if (lneg != rneg) {
            return lneg;
        }
        if (l.mantissa == 0) {
            return r.mantissa > 0;
        }
        if (r.mantissa == 0) {
            return false;
        }
        if (l.exponent != r.exponent) {
            return (l.exponent > r.exponent) == lneg;
        }
        return l.mantissa < r.mantissa;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IOUAmount a && a.mantissa == mantissa && a.exponent == exponent;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(mantissa) * 31 + exponent;
    }

    /** rippled {@code to_string(IOUAmount)}: the same text as {@link STAmount#valueText}. */
    @Override
    public String toString() {
        return toSTAmount(Issue.NO_ISSUE).valueText();
    }
}
