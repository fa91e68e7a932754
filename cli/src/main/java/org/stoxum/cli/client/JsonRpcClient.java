package org.stoxum.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * A small blocking JSON-RPC client for one stoxumd server, used by client mode and tests.
 *
 * <p>{@link #call} sends {@code {"method": m, "params": [ {...} ]}} and returns the {@code result}
 * object, whatever its status: an error answer ({@code "status": "error"}) is an answer, not an
 * exception. Exceptions mean no answer: nothing listening ({@link NoServerAnsweredException}), a
 * transport refusal ({@link RpcTransportException}), a timeout or an unreadable reply.
 */
public final class JsonRpcClient {

    /** How long a call may wait for its answer unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final int port;
    private final URI uri;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    /** A client of {@code host:port} without credentials and with the default timeout. */
    public JsonRpcClient(String host, int port) {
        this(host, port, null, null, DEFAULT_TIMEOUT);
    }

    /**
     * A client with HTTP Basic credentials (sent when both are non-null, as the port's user/password
     * demand) and a per-call timeout.
     */
    public JsonRpcClient(String host, int port, String user, String password, Duration timeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/");
        this.authorization = user != null && password != null
                ? "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
                : null;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** Calls {@code method} with {@code params} (null for none) and returns the {@code result} object. */
    public JsonNode call(String method, ObjectNode params) throws RpcClientException {
        ObjectNode request = JSON.createObjectNode();
        request.put("method", method);
        ArrayNode list = request.putArray("params");
        list.add(params == null ? JSON.createObjectNode() : params);
        JsonNode answer = post(request);
        JsonNode result = answer.get("result");
        return result != null ? result : answer;
    }

    /** Posts a whole JSON-RPC request and returns the parsed reply. */
    public JsonNode post(JsonNode request) throws RpcClientException {
        String body;
        try {
            body = JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new RpcClientException("cannot write the request: " + e.getMessage(), e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(builder.build());
        if (response.statusCode() != 200) {
            throw new RpcTransportException(response.statusCode(), response.body().strip());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new RpcClientException(
                    "unreadable answer from " + host + ":" + port + ": " + e.getOriginalMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws RpcClientException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new NoServerAnsweredException(host, port, e);
        } catch (HttpTimeoutException e) {
            throw new RpcClientException(
                    "no answer from " + host + ":" + port + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new NoServerAnsweredException(host, port, e);
            }
            throw new RpcClientException("exchange with " + host + ":" + port + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcClientException("interrupted while waiting for " + host + ":" + port, e);
        }
    }
}
