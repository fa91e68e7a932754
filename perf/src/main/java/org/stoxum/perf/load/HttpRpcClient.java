package org.stoxum.perf.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * JSON-RPC over one keep-alive HTTP/1.1 client: {@code {"method":..., "params":[{...}]}}, one request
 * at a time per client (HTTP/1.1 does not pipeline), so concurrency comes from several clients.
 */
public final class HttpRpcClient implements RpcClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;

    public HttpRpcClient(URI uri) {
        this.uri = uri;
    }

    @Override
    public CompletableFuture<JsonNode> call(ObjectNode request) {
        ObjectNode params = request.deepCopy();
        String method = params.remove("command").asText();
        ObjectNode body = JSON.createObjectNode().put("method", method);
        body.putArray("params").add(params);
        HttpRequest http = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return client.sendAsync(http, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            try {
                JsonNode msg = JSON.readTree(r.body());
                JsonNode result = msg.get("result");
                return result != null ? result : msg;
            } catch (IOException e) {
                throw new UncheckedIOException("HTTP " + r.statusCode() + ": " + r.body(), e);
            }
        });
    }

    @Override
    public void close() {
        // HttpClient (Java 17) has no close; its connections go when it is collected.
    }
}
