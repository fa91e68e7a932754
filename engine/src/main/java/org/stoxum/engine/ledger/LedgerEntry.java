package org.stoxum.engine.ledger;

import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;

/**
 * One state entry met while walking a view (ledger_data, account_objects): its key, its bytes and the
 * parsed object, each made on first use. The parsed object is shared: do not modify it.
 */
public final class LedgerEntry {
    private final Hash256 key;
    private byte[] bytes;
    private STObject sle;

    private LedgerEntry(Hash256 key, byte[] bytes, STObject sle) {
        this.key = key;
        this.bytes = bytes;
        this.sle = sle;
    }

    /** An entry known by its stored bytes (not copied; the caller gives them up). */
    public static LedgerEntry ofBytes(Hash256 key, byte[] bytes) {
        return new LedgerEntry(key, bytes, null);
    }

    /** An entry known by its parsed object (not copied). */
    public static LedgerEntry ofObject(Hash256 key, STObject sle) {
        return new LedgerEntry(key, null, sle);
    }

    /** The entry's index in the state tree. */
    public Hash256 key() {
        return key;
    }

    /** The parsed entry, bound to its template; shared, read-only by contract. */
    public STObject sle() {
        if (sle == null) {
            sle = BinaryCodec.readLedgerEntry(bytes);
        }
        return sle;
    }

    /** The serialized entry (a copy). */
    public byte[] bytes() {
        if (bytes == null) {
            bytes = sle.toBytes();
        }
        return bytes.clone();
    }
}
