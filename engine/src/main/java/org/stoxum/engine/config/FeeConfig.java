package org.stoxum.engine.config;

import org.stoxum.codec.NetworkProfile;

/**
 * Fees and reserves (drops) a ledger uses while it has no FeeSettings object: {@code [fee_default]},
 * {@code [fee_account_reserve]}, {@code [fee_owner_reserve]}, {@code [fee_offer]}.
 *
 * @param baseFee        cost of a reference transaction
 * @param accountReserve reserve of an account
 * @param ownerReserve   reserve per owned object
 * @param offerFee       legacy offer fee, unused by the protocol
 */
public record FeeConfig(long baseFee, long accountReserve, long ownerReserve, long offerFee) {
    /** Base fee of a reference transaction. */
    public static final long DEFAULT_BASE_FEE = 10;

    /** The legacy offer fee. */
    public static final long DEFAULT_OFFER_FEE = 10;

    /** Fee units a reference transaction costs; fixed, not configurable. */
    public static final int REFERENCE_FEE_UNITS = 10;

    /** The values of a config that sets none; the reserves come from the network profile. */
    public static FeeConfig defaults(NetworkProfile profile) {
        return new FeeConfig(DEFAULT_BASE_FEE, profile.defaultAccountReserve(), profile.defaultOwnerReserve(),
                DEFAULT_OFFER_FEE);
    }
}
