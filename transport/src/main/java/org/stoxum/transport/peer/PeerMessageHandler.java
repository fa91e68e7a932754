package org.stoxum.transport.peer;

import org.stoxum.transport.peer.wire.InboundMessage;

/**
 * Where peer messages go: the engine implements this and publishes what it needs into its Disruptor
 * pipeline, as it does for client submissions.
 *
 * <p>Thread-safety contract: every method is called on the overlay's single I/O thread, in the order
 * the messages arrived on each connection. A method must not block (publish with {@code tryPublish}
 * or drop, never wait for ring space) and must not keep the {@link InboundMessage}: its views read the
 * receive buffer, which the next message overwrites; copy what must outlive the call. Exceptions are
 * logged and the message counts as handled.
 *
 * <p>Before delivery the overlay has already checked the frame, charged the peer stoxumd's base fee for
 * the message type, answered pings, taken gossip, and dropped what stoxumd drops without looking
 * further (cluster reports from non-members, queries while the peer's send queue is too long,
 * malformed proposals and validations, transactions from insane peers). Handshake messages are never
 * delivered. Charges that depend on what the engine finds (an invalid signature, unwanted ledger data,
 * a fetch pack it agrees to build) are the engine's to add with {@link Peer#charge}, from any thread.
 */
public interface PeerMessageHandler {

    /** A peer finished its handshake and may now be sent to. */
    default void onActivated(Peer peer) {
    }

    /** A message from an active peer. */
    void onMessage(Peer peer, InboundMessage message);

    /** An active peer's connection closed. */
    default void onClosed(Peer peer) {
    }
}
