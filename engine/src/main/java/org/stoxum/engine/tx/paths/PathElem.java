package org.stoxum.engine.tx.paths;

import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.binary.STPathElement;
import org.stoxum.codec.types.AccountId;

/**
 * A path element as the strand builder sees it (rippled's {@code STPathElement} in memory): the type bits,
 * the three parts (zero when absent) and whether it names a book rather than an account. Unlike elements
 * read from the wire, the builder makes account elements for the zero account (the native currency's
 * "issuer" when SendMax is native), so "offer" is kept apart from the account's value.
 */
record PathElem(int type, AccountId account, Currency currency, AccountId issuer, boolean isOffer) {
    static final int TYPE_ACCOUNT = STPathElement.TYPE_ACCOUNT;
    static final int TYPE_CURRENCY = STPathElement.TYPE_CURRENCY;
    static final int TYPE_ISSUER = STPathElement.TYPE_ISSUER;
    static final int TYPE_ALL = STPathElement.TYPE_ALL;

    /** An element read from a transaction: a book when its account is zero. */
    static PathElem of(STPathElement e) {
        return new PathElem(e.type(), e.account(), e.currency(), e.issuer(), e.account().equals(AccountId.ZERO));
    }

    /** An element with exactly the given parts (null: absent); a book when no account is given. */
    static PathElem of(AccountId account, Currency currency, AccountId issuer) {
        int t = (account != null ? TYPE_ACCOUNT : 0) | (currency != null ? TYPE_CURRENCY : 0)
                | (issuer != null ? TYPE_ISSUER : 0);
        return new PathElem(t, account != null ? account : AccountId.ZERO,
                currency != null ? currency : Currency.NATIVE, issuer != null ? issuer : AccountId.ZERO,
                account == null);
    }

    /** An element of explicit type over the given values; a book when the account is zero. */
    static PathElem typed(int type, AccountId account, Currency currency, AccountId issuer) {
        return new PathElem(type, account, currency, issuer, account.equals(AccountId.ZERO));
    }

    boolean isAccount() {
        return !isOffer;
    }

    boolean hasCurrency() {
        return (type & TYPE_CURRENCY) != 0;
    }

    boolean hasIssuer() {
        return (type & TYPE_ISSUER) != 0;
    }

    boolean isNone() {
        return type == 0;
    }
}
