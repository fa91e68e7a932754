package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stoxum.engine.rpc.server.json.RippledJsonValues;

/**
 * The envelopes the original server puts around a command's result, per transport. Public so that
 * handler tests can compare a bare result with recorded answers without running a server.
 */
public final class RpcEnvelope {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ECHOED = {"id", "jsonrpc", "ripplerpc"};

    private RpcEnvelope() {
    }

    /**
     * The JSON-RPC reply object for one request. In the 1.0 style the result gets {@code status} and,
     * on error, the {@code request} echo, and sits under {@code result}; in the 2.0 style an error moves
     * under {@code error} with {@code code}/{@code message} instead of {@code error_message}. The
     * {@code id}, {@code jsonrpc} and {@code ripplerpc} of the request object are echoed.
     *
     * @param result    the handler's result (modified)
     * @param params    the request object the handler saw, {@code command} included
     * @param ripplerpc the style asked for; anything sorting at or after "2.0" is the 2.0 style
     * @param warn      true to add {@code "warning": "load"}
     */
    public static ObjectNode jsonRpc(ObjectNode result, ObjectNode params, String ripplerpc, boolean warn) {
        if (warn) {
            result.put("warning", "load");
        }
        ObjectNode reply = NODES.objectNode();
        boolean error = result.has(RpcError.ERROR);
        if (ripplerpc.compareTo("2.0") >= 0 && error) {
            result.put("status", "error");
            JsonNode code = result.get(RpcError.ERROR_CODE);
            JsonNode message = result.get(RpcError.ERROR_MESSAGE);
            if (code == null) {
                result.putNull(RpcError.ERROR_CODE);
            }
            result.set("code", code == null ? NODES.nullNode() : code);
            result.set("message", message == null ? NODES.nullNode() : message);
            result.remove(RpcError.ERROR_MESSAGE);
            reply.set("error", result);
        } else {
            result.put("status", error ? "error" : "success");
            if (error) {
                result.set("request", params);
            }
            reply.set("result", result);
        }
        echo(params, reply);
        return reply;
    }

    /**
     * The WebSocket answer to one message: on success {@code result} with {@code status}; on error the
     * result itself, lifted to the top level, with {@code status} and the {@code request} echo (a load
     * warning is then lost, as in the original). {@code unlimited} is added to an unlimited caller's
     * successful {@code ping}.
     *
     * @param result    the handler's result (modified)
     * @param request   the message as received
     * @param unlimited true when the caller's resource account is unlimited
     * @param warn      true to add {@code "warning": "load"}
     */
    public static ObjectNode webSocket(ObjectNode result, ObjectNode request, boolean unlimited, boolean warn) {
        ObjectNode answer;
        if (result.has(RpcError.ERROR)) {
            answer = result;
            answer.put("status", "error");
            answer.set("request", request);
        } else {
            answer = NODES.objectNode();
            if (warn) {
                answer.put("warning", "load");
            }
            answer.set("result", result);
            answer.put("status", "success");
            if (unlimited && RippledJsonValues.asString(request.get("command")).equals("ping")) {
                answer.put("unlimited", true);
            }
        }
        return webSocketResponse(answer, request);
    }

    /** Adds what every WebSocket response carries: the echoed fields and {@code "type": "response"}. */
    static ObjectNode webSocketResponse(ObjectNode answer, ObjectNode request) {
        echo(request, answer);
        answer.put("type", "response");
        return answer;
    }

    private static void echo(ObjectNode from, ObjectNode to) {
        for (String field : ECHOED) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }
}
