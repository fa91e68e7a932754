package org.stoxum.codec.amount;

/**
 * A transfer rate or trust-line quality: an unsigned 32-bit fraction of {@link #QUALITY_ONE}
 * (1,005,000,000 is a 0.5% fee).
 *
 * <p>Applying a rate multiplies or divides by the no-issue amount {@code value * 10^-9}; the parity rate
 * leaves amounts untouched without any arithmetic (rippled {@code Rate2.cpp}). rippled only asserts
 * that a rate is not zero; a zero rate here behaves as in its release build (products are zero,
 * quotients fail as divisions by zero).
 *
 * @param value unsigned 32-bit
 */
public record Rate(int value) implements Comparable<Rate> {
    /** rippled {@code QUALITY_ONE}: the unit of rates and trust-line qualities. */
    public static final int QUALITY_ONE = 1_000_000_000;
    /** The 1:1 rate ({@code parityRate}). */
    public static final Rate PARITY = new Rate(QUALITY_ONE);

    /** The rate as the no-issue amount {@code value * 10^-9}. */
    public STAmount asAmount() {
        return STAmount.of(Issue.NO_ISSUE, Integer.toUnsignedLong(value), -9, false);
    }

    /** {@code amount * rate} in the amount's issue. */
    public STAmount multiply(STAmount amount) {
        if (equals(PARITY)) {
            return amount;
        }
        return AmountMath.multiply(amount, asAmount(), amount.issue());
    }

    /** {@code amount * rate} in the amount's issue, rounded as {@link AmountMath#mulRound}. */
    public STAmount multiplyRound(STAmount amount, boolean roundUp, CalcSwitchover switchover) {
        return multiplyRound(amount, amount.issue(), roundUp, switchover);
    }

    /** {@code amount * rate} in {@code issue}, rounded as {@link AmountMath#mulRound}. */
    public STAmount multiplyRound(STAmount amount, Issue issue, boolean roundUp, CalcSwitchover switchover) {
        if (equals(PARITY)) {
            return amount;
        }
        return AmountMath.mulRound(amount, asAmount(), issue, roundUp, switchover);
    }

    /** {@code amount / rate} in the amount's issue. */
    public STAmount divide(STAmount amount) {
        if (equals(PARITY)) {
            return amount;
        }
        return AmountMath.divide(amount, asAmount(), amount.issue());
    }

    /** {@code amount / rate} in the amount's issue, rounded as {@link AmountMath#divRound}. */
    public STAmount divideRound(STAmount amount, boolean roundUp, CalcSwitchover switchover) {
        return divideRound(amount, amount.issue(), roundUp, switchover);
    }

    /** {@code amount / rate} in {@code issue}, rounded as {@link AmountMath#divRound}. */
    public STAmount divideRound(STAmount amount, Issue issue, boolean roundUp, CalcSwitchover switchover) {
        if (equals(PARITY)) {
            return amount;
        }
        return AmountMath.divRound(amount, asAmount(), issue, roundUp, switchover);
    }

    /** Unsigned order of the values. */
    @Override
    public int compareTo(Rate o) {
        return Integer.compareUnsigned(value, o.value);
    }
}
