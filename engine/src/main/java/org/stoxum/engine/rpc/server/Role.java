package org.stoxum.engine.rpc.server;

/**
 * How much a request may do, decided per request from the port's configuration and the caller's
 * address (and, on ports that ask for them, the admin credentials carried in the request).
 */
public enum Role {
    /** Anyone: subject to resource charging and to the too-busy check. */
    GUEST,
    /** Handler tables use this for "anyone may call it". Never assigned to a caller. */
    USER,
    /** Named by a trusted proxy (secure_gateway + X-User): unlimited resources, no admin commands. */
    IDENTIFIED,
    /** Everything, unlimited. */
    ADMIN,
    /** The command needs ADMIN and the caller is not. */
    FORBID;

    /** ADMIN and IDENTIFIED callers are never charged and never told to slow down. */
    public boolean isUnlimited() {
        return this == ADMIN || this == IDENTIFIED;
    }
}
