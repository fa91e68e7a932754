package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import org.stoxum.engine.rpc.server.resource.ResourceConsumer;

/**
 * An open WebSocket client, as the dispatcher sees it: subscriptions keep it to push stream messages.
 * Every method may be called from any thread.
 */
public interface WsSession {

    /** A number unique among this server's sessions. */
    long id();

    /** The client's address. */
    InetSocketAddress remoteAddress();

    /** The client's resource account. */
    ResourceConsumer consumer();

    /**
     * Queues an unsolicited message (written compact, newline-terminated, as the original streams
     * them). Returns false when the session is closed. A client that lets more than the port's
     * send_queue_limit messages pile up is disconnected.
     */
    boolean send(JsonNode message);

    /** Starts a normal close; queued messages are still sent first. */
    void close();

    /** False once the session is closing or closed. */
    boolean isOpen();

    /**
     * Runs {@code listener} once when the session closes (at once if it already has). Listeners run
     * on a network thread and must be quick.
     */
    void onClose(Runnable listener);
}
