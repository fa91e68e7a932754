package org.stoxum.engine.net.fetch;

import org.stoxum.codec.types.Hash256;

/** An acquisition gave up: every peer asked failed to supply the ledger or set in time, or it was invalid. */
public final class AcquisitionFailedException extends RuntimeException {
    private final transient Hash256 hash;

    public AcquisitionFailedException(Hash256 hash, String reason) {
        super("acquiring " + hash + " failed: " + reason);
        this.hash = hash;
    }

    /** The ledger or set that could not be acquired. */
    public Hash256 hash() {
        return hash;
    }
}
