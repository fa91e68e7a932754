package org.stoxum.codec.amount;

import org.stoxum.codec.CodecException;

/** The 128-bit {@code (a * b + r) / d} rippled computes with {@code boost::multiprecision::uint128_t}. */
final class UInt128 {
    private UInt128() {
    }

    /**
     * {@code floor((a * b + rounding) / divisor)} with all operands unsigned 64-bit.
     *
     * @throws CodecException when the quotient does not fit 64 bits
     */
    static long mulDiv(long a, long b, long divisor, long rounding) {
        long low = a * b;
        long high = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        long sum = low + rounding;
        if (Long.compareUnsigned(sum, low) < 0) {
            high++;
        }
        low = sum;
        if (Long.compareUnsigned(high, divisor) >= 0) {
            throw CodecException.invalid("overflow: (" + Long.toUnsignedString(a) + " * "
                    + Long.toUnsignedString(b) + " + " + Long.toUnsignedString(rounding) + ") / "
                    + Long.toUnsignedString(divisor));
        }
        if (high == 0) {
            return Long.divideUnsigned(low, divisor);
        }
        // Restoring division, one quotient bit a step; the remainder stays below the divisor.
        long rem = high;
        long quotient = 0;
        for (int i = 63; i >= 0; i--) {
            boolean carry = rem < 0;
            rem = (rem << 1) | ((low >>> i) & 1);
            quotient <<= 1;
            if (carry || Long.compareUnsigned(rem, divisor) >= 0) {
                rem -= divisor;
                quotient |= 1;
            }
        }
        return quotient;
    }
}
