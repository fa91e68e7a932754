package org.stoxum.storage.shamap;

import org.stoxum.codec.hash.HashPrefix;

/**
 * What a leaf holds, which decides how its hash is formed and how it is spelled on the wire.
 *
 * <p>A ledger's state tree holds {@link #ACCOUNT_STATE} leaves, a closed ledger's transaction tree holds
 * {@link #TRANSACTION_WITH_METADATA} leaves, and a consensus transaction set holds
 * {@link #TRANSACTION_NO_METADATA} leaves whose key is the transaction ID.
 */
public enum SHAMapLeafType {
    /** A signed transaction alone; hash {@code SHA512Half(TXN\0 || tx)}, which is also its key. */
    TRANSACTION_NO_METADATA(0, HashPrefix.TRANSACTION_ID, false),
    /** A serialized ledger entry; hash {@code SHA512Half(MLN\0 || data || key)}. */
    ACCOUNT_STATE(1, HashPrefix.LEAF_NODE, true),
    /** {@code VL(tx) || VL(meta)}; hash {@code SHA512Half(SND\0 || data || key)}. */
    TRANSACTION_WITH_METADATA(4, HashPrefix.TX_NODE, true);

    private final int wireType;
    private final HashPrefix prefix;
    private final boolean keyed;

    SHAMapLeafType(int wireType, HashPrefix prefix, boolean keyed) {
        this.wireType = wireType;
        this.prefix = prefix;
        this.keyed = keyed;
    }

    /** The trailing type byte of the wire form. */
    public int wireType() {
        return wireType;
    }

    /** The prefix in front of the hashed (and stored) form. */
    public HashPrefix prefix() {
        return prefix;
    }

    /** Whether the key follows the data in the hashed and serialized forms (false: key = hash). */
    public boolean keyed() {
        return keyed;
    }
}
