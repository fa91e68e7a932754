package org.stoxum.engine.ledger;

import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;

/**
 * A transaction as a view holds it: its id, the signed transaction and, in a closed ledger, its metadata
 * (an open ledger has none). Parsed objects are made on first use and shared: do not modify them.
 */
public final class LedgerTx {
    private final Hash256 id;
    private final byte[] txBytes;
    private final byte[] metaBytes;
    private STObject tx;
    private STObject meta;

    /**
     * @param txBytes   the signed transaction (kept, not copied)
     * @param metaBytes the metadata, or null in an open ledger (kept, not copied)
     */
    public LedgerTx(Hash256 id, byte[] txBytes, byte[] metaBytes) {
        this.id = id;
        this.txBytes = txBytes;
        this.metaBytes = metaBytes;
    }

    /** The transaction id (hash). */
    public Hash256 id() {
        return id;
    }

    /** The parsed transaction, bound to its template. */
    public STObject tx() {
        if (tx == null) {
            tx = BinaryCodec.readTransaction(txBytes);
        }
        return tx;
    }

    /** The parsed metadata, or null when the view is open. */
    public STObject meta() {
        if (meta == null && metaBytes != null) {
            meta = BinaryCodec.readMetadata(metaBytes);
        }
        return meta;
    }

    /** True when metadata is present (closed ledgers). */
    public boolean hasMeta() {
        return metaBytes != null;
    }

    /** A copy of the signed transaction's bytes. */
    public byte[] txBytes() {
        return txBytes.clone();
    }

    /** A copy of the metadata's bytes, or null. */
    public byte[] metaBytes() {
        return metaBytes == null ? null : metaBytes.clone();
    }
}
