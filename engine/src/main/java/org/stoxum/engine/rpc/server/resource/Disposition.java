package org.stoxum.engine.rpc.server.resource;

/** Where an endpoint's balance stands after a charge. */
public enum Disposition {
    /** Below the warning threshold. */
    OK,
    /** At or above the warning threshold: answers carry {@code "warning": "load"}. */
    WARN,
    /** At or above the drop threshold: the endpoint is to be disconnected. */
    DROP
}
