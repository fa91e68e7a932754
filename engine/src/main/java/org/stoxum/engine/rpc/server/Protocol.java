package org.stoxum.engine.rpc.server;

import java.nio.ByteBuffer;

/** What a connection speaks: HTTP until an upgrade, then WebSocket. Called on the connection's loop. */
interface Protocol {

    /** Input arrived; {@code in} is in read mode. Consume what can be handled now and leave the rest. */
    void onInput(ByteBuffer in);

    /** The client will send nothing more. */
    void onEndOfInput();

    /** Periodic check of the protocol's timers. */
    void onTick(long nowNanos);

    /** The server is stopping: wind down. */
    void onShutdown();

    /** The connection is closed; release what the protocol holds. Called once. */
    void onClosed();
}
