package org.stoxum.engine.consensus;

import java.util.Map;
import org.stoxum.codec.types.Hash256;

/**
 * An immutable candidate transaction set (in the server, a SHAMap without metadata), identified by its
 * root hash.
 *
 * @param <T> the transaction type
 */
public interface ConsensusTxSet<T extends ConsensusTx> {
    /** The set's ID (the hash of its tree). */
    Hash256 id();

    /** Whether the set holds the transaction {@code txId}. */
    boolean exists(Hash256 txId);

    /** The transaction {@code txId}, or null when the set does not hold it. */
    T find(Hash256 txId);

    /**
     * The transactions in exactly one of this set and {@code other}, each mapped to true when it is in this
     * set and false when it is in {@code other}.
     */
    Map<Hash256, Boolean> compare(ConsensusTxSet<T> other);

    /** A mutable copy, for changing our position after dispute votes. */
    Builder<T> toBuilder();

    /** A mutable view of a set; {@link #build()} gives a new immutable set. */
    interface Builder<T extends ConsensusTx> {
        /** Adds {@code tx}; false when it was already there. */
        boolean insert(T tx);

        /** Removes {@code txId}; false when it was not there. */
        boolean erase(Hash256 txId);

        /** The set as it now stands. */
        ConsensusTxSet<T> build();
    }
}
