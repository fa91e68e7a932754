package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket connection to a test node that queues every message it receives, answers and stream messages
 * alike, in arrival order: the subscription tests read what a subscriber would see.
 */
final class StreamClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous, for tests under load: a message that does not come within this is taken as not sent. */
    static final long WAIT_SECONDS = 30;

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    private StreamClient() {
    }

    /** Connects to the node's WebSocket port. */
    static StreamClient connect(int wsPort) throws Exception {
        StreamClient c = new StreamClient();
        c.ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + wsPort + "/"), c).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return c;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    /** Sends one request (its answer arrives among the messages). */
    void send(String request) throws Exception {
        ws.sendText(request, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next message; fails the test when none comes in time. */
    JsonNode next() throws InterruptedException {
        JsonNode m = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(m, "no message arrived");
        return m;
    }

    /** The next message within {@code timeout}, or null. */
    JsonNode poll(long timeout, TimeUnit unit) throws InterruptedException {
        return messages.poll(timeout, unit);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
