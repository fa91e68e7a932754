package org.stoxum.engine.rpc.server;

/** How a request reached the server; the envelope of the answer depends on it. */
public enum Transport {
    /** JSON-RPC over HTTP POST. */
    HTTP,
    /** A WebSocket message. */
    WS
}
