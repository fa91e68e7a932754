package org.stoxum.transport.peer.resource;

/**
 * The account of one peer endpoint with the resource manager. The overlay charges it for every message
 * and disconnects the peer when a charge answers {@link Disposition#DROP}.
 *
 * <p>Called from the overlay's I/O thread, and from any thread through {@code Peer.charge}; an
 * implementation shared with other servers must be thread-safe.
 */
public interface PeerConsumer {

    /** Adds the charge to the balance and tells where the balance now stands. */
    Disposition charge(Charge charge);

    /**
     * True when the endpoint should be disconnected (balance at or above the drop threshold); saying so
     * costs {@link Charge#DROP}, so the endpoint cannot reconnect at once.
     */
    boolean disconnect();

    /** The current balance. */
    int balance();
}
