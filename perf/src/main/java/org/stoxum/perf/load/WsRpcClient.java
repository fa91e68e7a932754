package org.stoxum.perf.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A WebSocket connection that pipelines requests: each carries an {@code id}, and answers (which may come
 * in any order) complete the matching future. Messages without an id (stream events) go to a listener.
 */
public final class WsRpcClient implements RpcClient {
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Object sendLock = new Object();
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

    private WsRpcClient(URI uri, Consumer<JsonNode> events) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Listener(events)).join();
    }

    /** Opens a connection; {@code events} receives every message that answers no request. */
    public static WsRpcClient open(URI uri, Consumer<JsonNode> events) {
        return new WsRpcClient(uri, events);
    }

    @Override
    public CompletableFuture<JsonNode> call(ObjectNode request) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        String text = request.deepCopy().put("id", id).toString();
        // java.net.http allows one outstanding send per socket: chain each send after the previous one.
        synchronized (sendLock) {
            lastSend = lastSend.thenCompose(ws -> socket.sendText(text, true));
            lastSend.whenComplete((ws, err) -> {
                if (err != null) {
                    failPending(id, err);
                }
            });
        }
        return answer;
    }

    /** Requests not yet answered. */
    public int inFlight() {
        return pending.size();
    }

    private void failPending(long id, Throwable err) {
        CompletableFuture<JsonNode> f = pending.remove(id);
        if (f != null) {
            f.completeExceptionally(err);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        pending.values().forEach(f -> f.completeExceptionally(new IOException("connection closed")));
    }

    private final class Listener implements WebSocket.Listener {
        private final Consumer<JsonNode> events;
        private final StringBuilder partial = new StringBuilder();

        Listener(Consumer<JsonNode> events) {
            this.events = events;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            ws.request(1);
            return null;
        }

        private void dispatch(String text) {
            JsonNode msg;
            try {
                msg = JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JsonNode id = msg.get("id");
            CompletableFuture<JsonNode> f = id == null ? null : pending.remove(id.asLong());
            if (f != null) {
                JsonNode result = msg.get("result");
                if (result == null || !result.isObject()) {
                    // rippled puts errors at the top level of a WebSocket answer
                    result = msg;
                }
                f.complete(result);
            } else {
                events.accept(msg);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            pending.values().forEach(f -> f.completeExceptionally(new IOException("closed: " + statusCode)));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }
    }
}
