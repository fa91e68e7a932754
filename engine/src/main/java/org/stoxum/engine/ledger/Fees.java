package org.stoxum.engine.ledger;

import java.math.BigInteger;
import org.stoxum.codec.NetworkProfile;

/**
 * The fee schedule of one ledger (rippled's {@code Fees}): the same for every transaction applied to it;
 * it changes only between ledgers, through a FeeSettings object.
 *
 * @param base      reference transaction cost in drops
 * @param units     reference fee units: the fee units that cost {@code base} drops
 * @param reserve   account reserve in drops
 * @param increment reserve per owned object in drops
 */
public record Fees(long base, long units, long reserve, long increment) {
    /** Config's FEE_DEFAULT: a reference transaction costs 10 drops. */
    public static final long DEFAULT_BASE = 10;
    /** Config's TRANSACTION_FEE_BASE: 10 fee units. */
    public static final long DEFAULT_UNITS = 10;

    public Fees {
        if (base < 0 || units <= 0 || reserve < 0 || increment < 0) {
            throw new IllegalArgumentException("fees must be non-negative, units positive: " + base + "/" + units
                    + "/" + reserve + "/" + increment);
        }
    }

    /** The fees a server uses while the ledger has no FeeSettings object: config defaults of the profile. */
    public static Fees defaults(NetworkProfile profile) {
        return new Fees(DEFAULT_BASE, DEFAULT_UNITS, profile.defaultAccountReserve(), profile.defaultOwnerReserve());
    }

    /** Drops an account with {@code ownerCount} owned objects must keep: reserve + ownerCount * increment. */
    public long accountReserve(long ownerCount) {
        return reserve + ownerCount * increment;
    }

    /** Drops for {@code feeUnits} fee units at this ledger's base fee, rounded down (rippled's mulDiv). */
    public long toDrops(long feeUnits) {
        long product = feeUnits * base;
        if (Math.multiplyHigh(feeUnits, base) == 0 && product >= 0) {
            return product / units;
        }
        return BigInteger.valueOf(feeUnits).multiply(BigInteger.valueOf(base))
                .divide(BigInteger.valueOf(units)).longValueExact();
    }
}
