package org.stoxum.engine.rpc.server;

import java.util.Optional;

/**
 * Answers the load balancer's question "can this server take clients?", asked by a GET of "/" on a
 * WebSocket port: 200 with a test page when it can, 500 with the reason when not.
 */
@FunctionalInterface
public interface ServerHealth {

    /** Empty when the server is okay, else why not. */
    Optional<String> problem();

    /** A server that is always okay. */
    static ServerHealth alwaysOkay() {
        return Optional::empty;
    }
}
