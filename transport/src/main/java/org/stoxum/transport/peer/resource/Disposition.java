package org.stoxum.transport.peer.resource;

/** Where a consumer's balance stands after a charge (stoxumd's {@code Resource::Disposition}). */
public enum Disposition {
    /** Below the warning threshold. */
    OK,
    /** At or above the warning threshold. */
    WARN,
    /** At or above the drop threshold: the peer is disconnected. */
    DROP
}
