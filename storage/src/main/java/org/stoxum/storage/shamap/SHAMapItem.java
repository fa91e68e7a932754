package org.stoxum.storage.shamap;

import java.nio.ByteBuffer;
import org.stoxum.codec.types.Hash256;

/**
 * One entry of a tree: a 256-bit key and its bytes (a serialized ledger entry, or a transaction with
 * or without its metadata). Immutable; the same item may sit in many trees at once.
 */
public interface SHAMapItem {
    /** The key that places the item in the tree (ledger entry index or transaction ID). */
    Hash256 key();

    /** Length of the data in bytes. */
    int size();

    /** A copy of the data. */
    byte[] data();

    /** A read-only view of the data, for parsing without a copy. */
    ByteBuffer dataView();
}
