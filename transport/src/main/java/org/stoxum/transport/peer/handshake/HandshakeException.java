package org.stoxum.transport.peer.handshake;

/** A handshake we refuse; the message is the reason sent to the peer (stoxumd's 400 texts). */
public final class HandshakeException extends Exception {
    private static final long serialVersionUID = 1L;

    public HandshakeException(String reason) {
        super(reason, null, false, false);
    }
}
