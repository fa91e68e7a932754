package org.stoxum.transport.peer;

import java.net.InetSocketAddress;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * An active peer as the engine sees it. Identity methods are safe from any thread; {@link #send} and
 * {@link #charge} too (off the I/O thread they are queued to it).
 */
public interface Peer {
    /** Our number for this connection, unique for the overlay's life, never 0. */
    long id();

    /** The node key the peer proved in the handshake. */
    PublicKey publicKey();

    /** The address of the peer's socket. */
    InetSocketAddress remoteAddress();

    /** True when the peer connected to us. */
    boolean inbound();

    /** True when the peer's key is a member of our cluster. */
    boolean cluster();

    /** Queues a message to the peer; dropped if the peer has gone. */
    void send(OutboundMessage message);

    /**
     * Charges the peer (for instance after a signature check on another thread failed); a charge that
     * reaches the drop threshold disconnects it.
     */
    void charge(Charge charge);

    /**
     * How close the peer's ledgers are to ours. Transactions from insane peers are already dropped;
     * stoxumd also drops untrusted proposals and validations from them.
     */
    Sanity sanity();

    /** Messages waiting in the peer's send queue (stoxumd refuses queries above 192). */
    int sendQueueSize();

    /** False once the connection has closed. */
    boolean isOpen();

    /** Why the connection closed (stoxumd's log reasons, e.g. "Large send queue"), or null while open. */
    String closeReason();
}
