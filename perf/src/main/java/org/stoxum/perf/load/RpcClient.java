package org.stoxum.perf.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * One connection to the server that takes rippled-style requests ({@code command} plus parameters) and
 * completes with the {@code result} object, whatever the transport wraps it in.
 */
public interface RpcClient extends AutoCloseable {
    ObjectMapper JSON = new ObjectMapper();

    /** Sends a request; the future completes with the result object (which may carry {@code error}). */
    CompletableFuture<JsonNode> call(ObjectNode request);

    /** Sends a request and waits for its result. */
    default JsonNode callAndWait(ObjectNode request) {
        return call(request).join();
    }

    @Override
    void close();

    /** A request object for {@code command}. */
    static ObjectNode command(String command) {
        return JSON.createObjectNode().put("command", command);
    }

    /** A submit request for a signed blob. */
    static ObjectNode submit(String blobHex) {
        return command("submit").put("tx_blob", blobHex);
    }
}
