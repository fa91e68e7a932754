package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.json.RippledJsonReader;
import org.stoxum.engine.rpc.server.json.RippledJsonValues;
import org.stoxum.engine.rpc.server.json.RippledJsonWriter;
import org.stoxum.engine.rpc.server.resource.Charge;
import org.stoxum.engine.rpc.server.resource.ResourceConsumer;

/**
 * Answers WebSocket messages the way the original server does: {@code jsonInvalid} for what does
 * not parse to a non-empty object, {@code missingCommand} when neither command nor method names the
 * command (or they differ), {@code forbidden} for admin commands from non-admins, and otherwise the
 * dispatcher's result in the WebSocket envelope ({@code type}, {@code status}, {@code id}, and the
 * error fields lifted to the top level with the {@code request} echo).
 *
 * <p>One difference, deliberate: a client over the drop threshold is told {@code slowDown} before its
 * session is closed (the original closed first, so its slowDown answer never arrived).
 */
final class WsExchange {

    /** Token of the WebSocket answer to a message without a command (not in the error table). */
    static final String MISSING_COMMAND = "missingCommand";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ServerContext context;
    private final PortConfig port;
    private final WsProtocol session;
    private final String user;
    private final String forwardedFor;

    WsExchange(ServerContext context, PortConfig port, WsProtocol session, String user, String forwardedFor) {
        this.context = context;
        this.port = port;
        this.session = session;
        this.user = user;
        this.forwardedFor = forwardedFor;
    }

    /**
     * Handles one message (on the session's loop); its answer fills {@code slot} later, maybe from another
     * thread. Returns true when the session ends once this message is answered ({@code slowDown}, or a
     * dispatcher that refused the work), so nothing after it is to be read.
     */
    boolean start(byte[] message, WsAnswerOrder.Slot slot) {
        RippledJsonReader.Result parsed = message.length > context.options().maxRequestBytes()
                ? null : RippledJsonReader.parse(message);
        if (parsed == null || !parsed.ok() || !RippledJsonValues.truthy(parsed.root()) || !parsed.root().isObject()) {
            ObjectNode invalid = NODES.objectNode();
            invalid.put("type", "error");
            invalid.put("error", "jsonInvalid");
            invalid.put("value", new String(message, StandardCharsets.UTF_8));
            finish(slot, RippledJsonWriter.streamedBytes(invalid), false);
            return false;
        }
        ObjectNode request = (ObjectNode) parsed.root();
        ResourceConsumer consumer = session.consumer();
        if (consumer.disconnect()) {
            ObjectNode answer = RpcError.SLOW_DOWN.make();
            answer.put("status", "error");
            answer.set("request", request);
            finish(slot, RippledJsonWriter.compactBytes(RpcEnvelope.webSocketResponse(answer, request)), true);
            return true;
        }
        JsonNode command = request.get("command");
        JsonNode method = request.get("method");
        if ((command == null && method == null) || (command != null && method != null
                && !RippledJsonValues.asString(command).equals(RippledJsonValues.asString(method)))) {
            ObjectNode answer = NODES.objectNode();
            answer.put("type", "response");
            answer.put("status", "error");
            answer.put("error", MISSING_COMMAND);
            answer.set("request", request);
            consumer.charge(Charge.INVALID_RPC);
            finish(slot, RippledJsonWriter.compactBytes(RpcEnvelope.webSocketResponse(answer, request)), false);
            return false;
        }
        String name = RippledJsonValues.asString(command != null ? command : method);
        context.metrics().request(context.dispatcher(), name);
        Role required = context.dispatcher().requiredRole(name);
        Role role = RoleResolver.requestRole(required, port, request, session.remoteAddress().getAddress(), user);
        if (role == Role.FORBID) {
            answered(slot, request, RpcError.FORBIDDEN.make(), Charge.INVALID_RPC);
            return false;
        }
        JsonNode ripplerpc = request.get("ripplerpc");
        boolean identified = role == Role.IDENTIFIED;
        RpcRequest rpc = new RpcRequest(name, request.deepCopy(), role, session.remoteAddress(), Transport.WS,
                Optional.of(session), consumer, identified ? user : "", identified ? forwardedFor : "",
                ripplerpc == null ? "1.0" : RippledJsonValues.asString(ripplerpc));
        boolean accepted = Dispatch.invoke(context.dispatcher(), rpc, session::onLoop,
                (result, charge) -> answered(slot, request, result, charge));
        if (!accepted) {
            finish(slot, null, true);
        }
        return !accepted;
    }

    /** Builds and queues the answer; runs on the thread that completed the request. */
    private void answered(WsAnswerOrder.Slot slot, ObjectNode request, ObjectNode result, Charge charge) {
        ResourceConsumer consumer = session.consumer();
        consumer.charge(charge);
        ObjectNode answer = RpcEnvelope.webSocket(result, request, consumer.isUnlimited(), consumer.warn());
        finish(slot, RippledJsonWriter.compactBytes(answer), false);
    }

    /** Hands the answer (null: none) to the session's loop, which sends it in its turn. */
    private void finish(WsAnswerOrder.Slot slot, byte[] bytes, boolean thenClose) {
        session.onLoop(() -> session.answered(slot, bytes, thenClose));
    }
}
