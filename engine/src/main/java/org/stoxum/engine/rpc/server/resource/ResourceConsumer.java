package org.stoxum.engine.rpc.server.resource;

/**
 * The account of one endpoint with the resource manager: every request is charged to it, and the
 * server asks it whether to warn the client or to drop it.
 */
public interface ResourceConsumer {

    /** Adds {@code charge} to the balance and tells where the balance now stands. */
    Disposition charge(Charge charge);

    /**
     * True when the client should be warned (balance at or above the warning threshold); a warning
     * itself costs {@link Charge#WARNING}, at most once per clock second.
     */
    boolean warn();

    /**
     * True when the client should be disconnected (balance at or above the drop threshold); a drop
     * itself costs {@link Charge#DROP} so the endpoint cannot come straight back.
     */
    boolean disconnect();

    /** The current balance. */
    int balance();

    /** True for admin and identified endpoints, which are never charged. */
    boolean isUnlimited();
}
