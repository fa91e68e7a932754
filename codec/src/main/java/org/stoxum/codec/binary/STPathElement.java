package org.stoxum.codec.binary;

import java.util.Objects;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.types.AccountId;

/**
 * One step of a payment path: rippling through an account, or crossing an order book into a currency
 * and issuer. The type byte says which of the three 20-byte parts follow on the wire.
 *
 * <p>Absent parts are held as zero. Elements read from the wire or from JSON compute their type the way
 * rippled does: an all-zero account or issuer is dropped from the type even if the input named it, while a
 * currency that was named keeps its bit even when it is the native (all-zero) code.
 */
public final class STPathElement {
    /** Type bit: an account follows. */
    public static final int TYPE_ACCOUNT = 0x01;
    /** Type bit: a currency follows. */
    public static final int TYPE_CURRENCY = 0x10;
    /** Type bit: an issuer follows. */
    public static final int TYPE_ISSUER = 0x20;
    /** All bits a path element may carry. */
    public static final int TYPE_ALL = TYPE_ACCOUNT | TYPE_CURRENCY | TYPE_ISSUER;
    /** Byte ending the whole path set. */
    static final int END = 0x00;
    /** Byte between two paths. */
    static final int BOUNDARY = 0xFF;

    private final int type;
    private final AccountId account;
    private final Currency currency;
    private final AccountId issuer;

    private STPathElement(int type, AccountId account, Currency currency, AccountId issuer) {
        this.type = type;
        this.account = account;
        this.currency = currency;
        this.issuer = issuer;
    }

    /**
     * An element whose type bits follow exactly which parts are given (null = absent); the form path
     * finding builds.
     */
    public static STPathElement of(AccountId account, Currency currency, AccountId issuer) {
        int t = (account != null ? TYPE_ACCOUNT : 0) | (currency != null ? TYPE_CURRENCY : 0)
                | (issuer != null ? TYPE_ISSUER : 0);
        return new STPathElement(t,
                account != null ? account : AccountId.ZERO,
                currency != null ? currency : Currency.NATIVE,
                issuer != null ? issuer : AccountId.ZERO);
    }

    /**
     * The element rippled builds from parsed parts (zero when absent): the account and issuer bits are set
     * only for non-zero values, the currency bit when a currency was given or is non-zero.
     */
    static STPathElement fromParts(AccountId account, Currency currency, AccountId issuer, boolean hasCurrency) {
        int t = 0;
        if (!account.equals(AccountId.ZERO)) {
            t |= TYPE_ACCOUNT;
        }
        if (hasCurrency || !currency.isNative()) {
            t |= TYPE_CURRENCY;
        }
        if (!issuer.equals(AccountId.ZERO)) {
            t |= TYPE_ISSUER;
        }
        return new STPathElement(t, account, currency, issuer);
    }

    /** The type byte ({@code TYPE_*} bits). */
    public int type() {
        return type;
    }

    public boolean hasAccount() {
        return (type & TYPE_ACCOUNT) != 0;
    }

    public boolean hasCurrency() {
        return (type & TYPE_CURRENCY) != 0;
    }

    public boolean hasIssuer() {
        return (type & TYPE_ISSUER) != 0;
    }

    /** True when the step crosses an order book (the account is zero), rippled's {@code isOffer}. */
    public boolean isOffer() {
        return account.equals(AccountId.ZERO);
    }

    /** The account, zero when absent. */
    public AccountId account() {
        return account;
    }

    /** The currency, the native (zero) code when absent. */
    public Currency currency() {
        return currency;
    }

    /** The issuer, zero when absent. */
    public AccountId issuer() {
        return issuer;
    }

    /** Bytes this element takes on the wire, type byte included. */
    int encodedLength() {
        return 1 + (hasAccount() ? 20 : 0) + (hasCurrency() ? 20 : 0) + (hasIssuer() ? 20 : 0);
    }

    void writeTo(Serializer s) {
        s.add8(type);
        if (hasAccount()) {
            s.addAccount(account);
        }
        if (hasCurrency()) {
            s.addCurrency(currency);
        }
        if (hasIssuer()) {
            s.addAccount(issuer);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof STPathElement e && e.type == type && e.account.equals(account)
                && e.currency.equals(currency) && e.issuer.equals(issuer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, account, currency, issuer);
    }

    @Override
    public String toString() {
        return "STPathElement[type=" + type + ", account=" + account + ", currency=" + currency
                + ", issuer=" + issuer + "]";
    }
}
