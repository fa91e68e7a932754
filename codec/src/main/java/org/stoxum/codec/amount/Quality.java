package org.stoxum.codec.amount;

/**
 * The price of an offer as rippled orders books: {@code in / out} packed by {@link AmountMath#getRate}
 * into an unsigned 64-bit number, so that a lower number is a better deal for the taker ("higher
 * quality"). It is also the low 64 bits of a book directory's key.
 *
 * @param value the packed rate, unsigned
 */
public record Quality(long value) implements Comparable<Quality> {
    public static final int MIN_TICK_SIZE = 3;
    public static final int MAX_TICK_SIZE = 16;

    /** Powers of ten by which {@link #round} rounds a 16-digit mantissa to {@code index} digits. */
    private static final long[] ROUNDING_MODULUS = {
        10_000_000_000_000_000L, 1_000_000_000_000_000L, 100_000_000_000_000L, 10_000_000_000_000L,
        1_000_000_000_000L, 100_000_000_000L, 10_000_000_000L, 1_000_000_000L, 100_000_000L, 10_000_000L,
        1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L, 1L,
    };

    /** The quality of an offer that takes {@code amounts.in} for {@code amounts.out}. */
    public static Quality of(Amounts amounts) {
        return new Quality(AmountMath.getRate(amounts.out(), amounts.in()));
    }

    /** The quality of taking {@code in} for {@code out}. */
    public static Quality of(STAmount out, STAmount in) {
        return new Quality(AmountMath.getRate(out, in));
    }

    /** {@code in / out} as a no-issue amount. */
    public STAmount rate() {
        return AmountMath.amountFromQuality(value);
    }

    /** The next better quality (rippled {@code operator++}: one less in the packed number). */
    public Quality higher() {
        return new Quality(value - 1);
    }

    /** The next worse quality (rippled {@code operator--}: one more in the packed number). */
    public Quality lower() {
        return new Quality(value + 1);
    }

    /**
     * The quality with its mantissa rounded up to {@code digits} significant digits (a worse price for
     * the taker), as TickSize does.
     *
     * @param digits 0..16
     */
    public Quality round(int digits) {
        long exponent = value >>> 56;
        long mantissa = value & 0x00FF_FFFF_FFFF_FFFFL;
        long mod = ROUNDING_MODULUS[digits];
        mantissa += mod - 1;
        mantissa -= Long.remainderUnsigned(mantissa, mod);
        return new Quality((exponent << 56) | mantissa);
    }

    /**
     * {@code amounts} with {@code in} limited to {@code limit}: {@code out} is recomputed at this quality
     * rounding up, but never above the original {@code out}.
     */
    public Amounts ceilIn(Amounts amounts, STAmount limit, CalcSwitchover switchover) {
        if (amounts.in().compareTo(limit) > 0) {
            STAmount out = AmountMath.divRound(limit, rate(), amounts.out().issue(), true, switchover);
            if (out.compareTo(amounts.out()) > 0) {
                out = amounts.out();
            }
            return new Amounts(limit, out);
        }
        return amounts;
    }

    /**
     * {@code amounts} with {@code out} limited to {@code limit}: {@code in} is recomputed at this quality
     * rounding up, but never above the original {@code in}.
     */
    public Amounts ceilOut(Amounts amounts, STAmount limit, CalcSwitchover switchover) {
        if (amounts.out().compareTo(limit) > 0) {
            STAmount in = AmountMath.mulRound(limit, rate(), amounts.in().issue(), true, switchover);
            if (in.compareTo(amounts.in()) > 0) {
                in = amounts.in();
            }
            return new Amounts(in, limit);
        }
        return amounts;
    }

    /**
     * The quality of two steps taken one after the other (rippled {@code composed_quality}): the
     * product of the rates, rounded up.
     */
    public static Quality composed(Quality first, Quality second, CalcSwitchover switchover) {
        STAmount lhs = first.rate();
        STAmount rate = AmountMath.mulRound(lhs, second.rate(), lhs.issue(), true, switchover);
        long storedExponent = rate.exponent() + 100;
        return new Quality((storedExponent << 56) | rate.mantissa());
    }

    /** Higher quality (a smaller packed number) compares greater, as rippled's operators do. */
    @Override
    public int compareTo(Quality o) {
        return Long.compareUnsigned(o.value, value);
    }
}
