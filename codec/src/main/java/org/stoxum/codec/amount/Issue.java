package org.stoxum.codec.amount;

import java.util.Objects;
import org.stoxum.codec.types.AccountId;

/**
 * A currency together with the account that issues it: what an amount is "of".
 *
 * <p>Only the currency decides whether an issue is native; rippled never looks at the account for that,
 * so neither does this class.
 */
public record Issue(Currency currency, AccountId account) {
    /** The native currency with its all-zero pseudo-issuer (rippled {@code xrpIssue()}). */
    public static final Issue NATIVE = new Issue(Currency.NATIVE, AccountId.ZERO);
    /** "No currency" from "no account" (rippled {@code noIssue()}): the issue of rates and qualities. */
    public static final Issue NO_ISSUE = new Issue(Currency.NO_CURRENCY, AccountId.ONE);

    public Issue {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(account, "account");
    }

    public boolean isNative() {
        return currency.isNative();
    }
}
