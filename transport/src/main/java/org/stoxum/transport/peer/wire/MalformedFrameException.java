package org.stoxum.transport.peer.wire;

import org.stoxum.transport.peer.resource.Charge;

/** Bytes from a peer that are not a frame we can read: the peer is charged and disconnected. */
public final class MalformedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Charge charge;

    public MalformedFrameException(Charge charge, String message) {
        super(message, null, false, false);
        this.charge = charge;
    }

    /** What the sender pays. */
    public Charge charge() {
        return charge;
    }
}
