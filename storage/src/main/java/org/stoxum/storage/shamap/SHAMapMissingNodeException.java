package org.stoxum.storage.shamap;

import org.stoxum.codec.types.Hash256;

/**
 * A tree walk needed a node that is known only by its hash and that the node source could not supply:
 * the ledger is incomplete here (not yet acquired, or already deleted).
 */
public final class SHAMapMissingNodeException extends SHAMapException {
    private final transient Hash256 hash;

    public SHAMapMissingNodeException(Hash256 hash) {
        super("missing SHAMap node " + hash);
        this.hash = hash;
    }

    /** The hash of the node that could not be found. */
    public Hash256 hash() {
        return hash;
    }
}
