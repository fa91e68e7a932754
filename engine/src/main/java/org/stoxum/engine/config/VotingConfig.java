package org.stoxum.engine.config;

import org.stoxum.codec.NetworkProfile;

/**
 * {@code [voting]}: the fee and reserve values this node, as a validator, votes for on flag ledgers
 * (all in drops).
 *
 * @param referenceFee   cost of a reference transaction
 * @param accountReserve reserve of an account
 * @param ownerReserve   reserve per owned object
 */
public record VotingConfig(long referenceFee, long accountReserve, long ownerReserve) {
    /** Vote for a 10-drop reference transaction, as everyone does by default. */
    public static final long DEFAULT_REFERENCE_FEE = 10;

    /** Stoxum votes for a 0.01 STM account reserve (its last commit changed this from 20 STM). */
    public static final long DEFAULT_ACCOUNT_RESERVE_STOXUM = 10_000;

    /** Stoxum votes for a 0.002 STM reserve per owned object (previously 5 STM). */
    public static final long DEFAULT_OWNER_RESERVE_STOXUM = 2_000;

    /** rippled 0.90 votes for a 20 XRP account reserve. */
    public static final long DEFAULT_ACCOUNT_RESERVE_RIPPLE = 20_000_000;

    /** rippled 0.90 votes for a 5 XRP reserve per owned object. */
    public static final long DEFAULT_OWNER_RESERVE_RIPPLE = 5_000_000;

    /** The votes of a node whose config has no {@code [voting]}. */
    public static VotingConfig defaults(NetworkProfile profile) {
        return profile == NetworkProfile.RIPPLE
                ? new VotingConfig(DEFAULT_REFERENCE_FEE, DEFAULT_ACCOUNT_RESERVE_RIPPLE, DEFAULT_OWNER_RESERVE_RIPPLE)
                : new VotingConfig(DEFAULT_REFERENCE_FEE, DEFAULT_ACCOUNT_RESERVE_STOXUM, DEFAULT_OWNER_RESERVE_STOXUM);
    }
}
