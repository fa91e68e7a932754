package org.stoxum.engine.consensus;

import org.stoxum.codec.types.Hash256;

/** A transaction as consensus sees it: something with an ID that a set may or may not hold. */
public interface ConsensusTx {
    /** The transaction ID. */
    Hash256 id();
}
