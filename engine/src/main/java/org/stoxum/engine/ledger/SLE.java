package org.stoxum.engine.ledger;

import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;

/**
 * A ledger entry being edited (rippled's {@code STLedgerEntry}): its key and its object. Views hand out
 * SLEs from {@link ApplyView#peek}; a transactor changes the object and tells the view with
 * {@link ApplyView#update}.
 */
public final class SLE {
    private final Hash256 key;
    private final STObject object;

    private SLE(Hash256 key, STObject object) {
        this.key = key;
        this.object = object;
    }

    /** A new entry for {@code k}: its type's required fields at their defaults and LedgerEntryType set. */
    public static SLE create(Keylet k) {
        if (k.type() == null) {
            throw new IllegalArgumentException("a new ledger entry needs a typed keylet");
        }
        return new SLE(k.key(), STObject.newLedgerEntry(k.type()));
    }

    /** Wraps {@code object} (not copied) as the entry stored under {@code key}. */
    public static SLE of(Hash256 key, STObject object) {
        return new SLE(key, object);
    }

    /** The entry's index in the state tree. */
    public Hash256 key() {
        return key;
    }

    /** The live object. */
    public STObject object() {
        return object;
    }

    /** The entry type. */
    public LedgerEntryType type() {
        return LedgerEntryType.fromCode(object.getU16(SField.LEDGER_ENTRY_TYPE));
    }

    /** A deep copy: what a view hands out for editing so that the entry it read from stays intact. */
    public SLE copy() {
        return new SLE(key, object.copy());
    }

    /** True for entry types that record the last transaction to touch them (PreviousTxnID). */
    public boolean isThreaded() {
        return object.template() != null && object.template().contains(SField.PREVIOUS_TXN_ID);
    }

    /**
     * Records {@code txId} in ledger {@code ledgerSeq} as the last transaction to touch this entry.
     *
     * @return the previous PreviousTxnID and PreviousTxnLgrSeq, or null if this transaction was already
     *     recorded
     */
    Previous thread(Hash256 txId, long ledgerSeq) {
        Hash256 old = object.getH256(SField.PREVIOUS_TXN_ID);
        if (old.equals(txId)) {
            return null;
        }
        long oldSeq = object.getU32(SField.PREVIOUS_TXN_LGR_SEQ);
        object.setH256(SField.PREVIOUS_TXN_ID, txId);
        object.setU32(SField.PREVIOUS_TXN_LGR_SEQ, ledgerSeq);
        return new Previous(old, oldSeq);
    }

    /** The transaction that touched an entry before the current one. */
    record Previous(Hash256 txId, long ledgerSeq) {
    }

    @Override
    public String toString() {
        return key + " " + object;
    }
}
