package org.stoxum.engine.ledger;

import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;

/**
 * A view a transaction changes (rippled's {@code ApplyView}): entries are taken for editing with
 * {@link #peek}, and every change is announced with {@link #insert}, {@link #update} or {@link #erase}, so
 * that the view can record what happened and, for closed ledgers, write the metadata.
 */
public interface ApplyView extends ReadView {
    /** The {@code ApplyFlags} bits the transaction is applied with. */
    int flags();

    /**
     * The entry under {@code k} for editing, or null when absent or of another type. The first peek of an
     * entry copies it; later peeks in the same view return the same object.
     */
    SLE peek(Keylet k);

    /** Adds a new entry (made with {@link SLE#create}). */
    void insert(SLE sle);

    /** Announces that a peeked entry was changed. */
    void update(SLE sle);

    /** Removes a peeked entry. */
    void erase(SLE sle);

    /**
     * Told of every credit of {@code amount} from {@code from} to {@code to}, with the sender's balance
     * before it (rippled's {@code creditHook}); only a {@link PaymentSandbox} records it.
     */
    default void creditHook(AccountId from, AccountId to, STAmount amount, STAmount preCreditBalance) {
    }

    /** Told of every owner count change (rippled's {@code adjustOwnerCountHook}); only a PaymentSandbox records it. */
    default void adjustOwnerCountHook(AccountId account, long current, long next) {
    }
}
