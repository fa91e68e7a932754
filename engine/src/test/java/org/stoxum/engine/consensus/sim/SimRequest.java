package org.stoxum.engine.consensus.sim;

import org.stoxum.codec.types.Hash256;

/** A request for a ledger or transaction set by ID, from {@code requester}. */
public record SimRequest(Hash256 id, boolean ledger, int requester) {
}
