package org.stoxum.engine.tx;

import org.stoxum.engine.ledger.Fees;

/** The minimum fee in drops for a cost in fee units under load (rippled's {@code scaleFeeLoad}). */
public final class FeeScaling {
    private FeeScaling() {
    }

    /**
     * {@code feeUnits * fees.base * loadFactor / (fees.units * 256)}, reduced to lowest terms first and
     * computed without overflow as rippled does.
     *
     * @param unlimited an admin or trusted submission: pays the remote rate until local load exceeds 4x it
     * @throws ArithmeticException where rippled throws overflow_error
     */
    public static long scaleFeeLoad(long feeUnits, FeeTrack track, Fees fees, boolean unlimited) {
        if (feeUnits == 0) {
            return 0;
        }
        long feeFactor = Math.max(track.localFee(), track.remoteFee());
        long remFee = Math.max(track.remoteFee(), track.clusterFee());
        if (unlimited && feeFactor > remFee && feeFactor < 4 * remFee) {
            feeFactor = remFee;
        }
        long fee = feeUnits;
        long baseFee = fees.base();
        long den = fees.units() * FeeTrack.LOAD_BASE;
        long g = gcd(fee, den);
        fee /= g;
        den /= g;
        g = gcd(baseFee, den);
        if (g != 0) {
            baseFee /= g;
            den /= g;
        }
        g = gcd(feeFactor, den);
        feeFactor /= g;
        den /= g;
        if (Long.compareUnsigned(fee, baseFee) < 0) {
            long t = fee;
            fee = baseFee;
            baseFee = t;
        }
        if (Long.compareUnsigned(baseFee, Long.divideUnsigned(-1L, feeFactor)) > 0) {
            throw new ArithmeticException("scaleFeeLoad");
        }
        baseFee *= feeFactor;
        if (Long.compareUnsigned(fee, baseFee) < 0) {
            long t = fee;
            fee = baseFee;
            baseFee = t;
        }
        if (baseFee != 0 && Long.compareUnsigned(fee, Long.divideUnsigned(-1L, baseFee)) > 0) {
            fee = Long.divideUnsigned(fee, den);
            if (Long.compareUnsigned(fee, Long.divideUnsigned(-1L, baseFee)) > 0) {
                throw new ArithmeticException("scaleFeeLoad");
            }
            return fee * baseFee;
        }
        return Long.divideUnsigned(fee * baseFee, den);
    }

    private static long gcd(long a, long b) {
        if (a == 0 && b == 0) {
            return 1;
        }
        long x = a;
        long y = b;
        while (y != 0) {
            long t = Long.remainderUnsigned(x, y);
            x = y;
            y = t;
        }
        return x;
    }
}
