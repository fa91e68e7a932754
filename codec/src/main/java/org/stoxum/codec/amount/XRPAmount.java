package org.stoxum.codec.amount;

import java.math.BigInteger;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;

/**
 * rippled's {@code XRPAmount}: a signed number of native drops, as the payment engine computes with.
 * Plain 64-bit arithmetic (it wraps, as the C++ does).
 *
 * @param drops signed
 */
public record XRPAmount(long drops) implements Comparable<XRPAmount> {
    public static final XRPAmount ZERO = new XRPAmount(0);

    /**
     * The drops of a native {@link STAmount} (rippled {@code toAmount<XRPAmount>}).
     *
     * @throws IllegalArgumentException for an issued amount
     */
    public static XRPAmount of(STAmount amount) {
        return new XRPAmount(amount.drops());
    }

    /** rippled {@code toSTAmount(XRPAmount)}. */
    public STAmount toSTAmount() {
        return STAmount.ofDrops(drops);
    }

    public XRPAmount add(XRPAmount o) {
        return new XRPAmount(drops + o.drops);
    }

    public XRPAmount subtract(XRPAmount o) {
        return new XRPAmount(drops - o.drops);
    }

    public XRPAmount negate() {
        return new XRPAmount(-drops);
    }

    public int signum() {
        return Long.signum(drops);
    }

    /** rippled {@code isLegalAmount}: no more than the network created at genesis. */
    public boolean isLegalAmount(NetworkProfile profile) {
        return drops <= profile.totalDrops();
    }

    /**
     * rippled {@code mulRatio}: {@code amt * num / den} with a 128-bit intermediate, truncated toward
     * zero and then moved one drop up (positive, {@code roundUp}) or down (negative, not
     * {@code roundUp}) when inexact.
     *
     * @param num unsigned 32-bit
     * @param den unsigned 32-bit
     * @throws CodecException when {@code den} is zero or the result does not fit 64 bits
     */
    public static XRPAmount mulRatio(XRPAmount amt, int num, int den, boolean roundUp) {
        if (den == 0) {
            throw CodecException.invalid("division by zero");
        }
        BigInteger m = BigInteger.valueOf(amt.drops).multiply(BigInteger.valueOf(Integer.toUnsignedLong(num)));
        BigInteger[] qr = m.divideAndRemainder(BigInteger.valueOf(Integer.toUnsignedLong(den)));
        BigInteger r = qr[0];
        if (qr[1].signum() != 0) {
            boolean negative = amt.drops < 0;
            if (!negative && roundUp) {
                r = r.add(BigInteger.ONE);
            }
            if (negative && !roundUp) {
                r = r.subtract(BigInteger.ONE);
            }
        }
        if (r.bitLength() > 63) {
            throw CodecException.invalid("native mulRatio overflow");
        }
        return new XRPAmount(r.longValue());
    }

    @Override
    public int compareTo(XRPAmount o) {
        return Long.compare(drops, o.drops);
    }

    @Override
    public String toString() {
        return Long.toString(drops);
    }
}
