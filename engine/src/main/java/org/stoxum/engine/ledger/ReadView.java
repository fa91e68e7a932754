package org.stoxum.engine.ledger;

import java.util.Iterator;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;

/**
 * Read access to a ledger's header, state entries and transactions (rippled's {@code ReadView}), closed or
 * open. Objects returned are shared with the view: callers must not modify them (copy first).
 *
 * <p>For an open view the header is its base ledger's with {@code seq} one higher, {@code parentHash}
 * the base's hash and {@code parentCloseTime} the base's close time, as rippled's OpenView shows it; the
 * remaining fields (tree hashes, close time) are not meaningful until the ledger closes.
 */
public interface ReadView {
    /** The ledger header (see the class comment for open views). */
    LedgerHeader header();

    /** The ledger hash: of this closed ledger; for an open view, that of its base as rippled reports. */
    Hash256 hash();

    /** True for a view of an open ledger (transactions without metadata; minimum fees enforced). */
    boolean open();

    /** True for a closed (immutable, hashed) ledger. */
    default boolean closed() {
        return !open();
    }

    default long seq() {
        return header().seq();
    }

    default Hash256 parentHash() {
        return header().parentHash();
    }

    default Hash256 txHash() {
        return header().txHash();
    }

    default Hash256 accountHash() {
        return header().accountHash();
    }

    /** Native currency in existence, in drops. */
    default long drops() {
        return header().drops();
    }

    /** Network time (seconds since 2000) of the parent's close. */
    default long parentCloseTime() {
        return header().parentCloseTime();
    }

    default long closeTime() {
        return header().closeTime();
    }

    default int closeTimeResolution() {
        return header().closeTimeResolution();
    }

    default int closeFlags() {
        return header().closeFlags();
    }

    /** The fee schedule of this ledger. */
    Fees fees();

    /** The amendments in force. */
    Rules rules();

    /** True when an entry is stored under {@code k}'s key (its type is not checked). */
    boolean exists(Keylet k);

    /**
     * The key of the first entry after {@code key}, or null when there is none or when it would not be
     * below {@code last} (null: no bound).
     */
    Hash256 succ(Hash256 key, Hash256 last);

    /** The entry under {@code k}'s key if it has {@code k}'s type, else null. Shared: do not modify. */
    STObject read(Keylet k);

    /** State entries in key order, starting after {@code after} (null: from the first). */
    Iterator<LedgerEntry> entries(Hash256 after);

    /** Transactions in id order, with metadata when the ledger is closed. */
    Iterator<LedgerTx> transactions();

    /** The transactions' ids in id order: the tree's keys, read without parsing a transaction. */
    Iterator<Hash256> txIds();

    /** True when the transaction {@code id} is in this view. */
    boolean txExists(Hash256 id);

    /** The transaction {@code id}, or null. */
    LedgerTx txRead(Hash256 id);

    /**
     * The part of {@code amount} (what {@code account} holds of {@code issuer}'s currency, or native when
     * the issuer is the zero account) that may be spent in this view. Plain views answer the amount; a
     * {@link PaymentSandbox} holds back what the payment in progress credited, so liquidity a payment
     * creates cannot feed the same payment (rippled's {@code balanceHook}).
     */
    default STAmount balanceHook(AccountId account, AccountId issuer, STAmount amount) {
        return amount;
    }

    /**
     * The owner count to reserve for: {@code count}, or in a {@link PaymentSandbox} the highest count the
     * payment in progress has given the account (rippled's {@code ownerCountHook}).
     */
    default long ownerCountHook(AccountId account, long count) {
        return count;
    }
}
