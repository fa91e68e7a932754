package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.json.RippledJsonReader;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.json.RippledJsonValues;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.json.RippledJsonWriter;
import org.stoxum.engine.rpc.server.resource.Charge;
import org.stoxum.engine.rpc.server.resource.ResourceConsumer;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/**
 * Answers one JSON-RPC body the way the original server does: parse, batch or single, role and
 * resource checks, the transport-level refusals (400/403/503 with their texts), dispatch, and the
 * 1.0 or 2.0 envelope around each result.
 *
 * <p>Batch items are dispatched one after the other, each after the previous answer arrived, so the
 * reply array keeps the request order. The final reply goes to {@code done} on whichever thread
 * produced it.
 */
final class JsonRpcExchange {

    /** The outcome: an HTTP status and the content to put in the JSON-RPC reply layout. */
    record Reply(int status, String content) { }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final int METHOD_NOT_FOUND = -32601;
    static final int SERVER_OVERLOADED = -32604;
    static final int FORBIDDEN = -32605;

    private final PortConfig port;
    private final RpcDispatcher dispatcher;
    private final ResourceManager resources;
    private final InetSocketAddress remote;
    private final String forwardedFor;
    private final String user;
    private final int maxRequestBytes;
    private final Consumer<Reply> done;
    private final RpcMetrics metrics;
    private final Executor answerThread;

    private boolean batch;
    private JsonNode items;
    private int next;
    private ArrayNode batchReply;
    private ObjectNode lastReply;
    private boolean finished;
    private final AtomicInteger wip = new AtomicInteger();

    JsonRpcExchange(PortConfig port, RpcDispatcher dispatcher, ResourceManager resources, InetSocketAddress remote,
            String forwardedFor, String user, int maxRequestBytes, RpcMetrics metrics, Executor answerThread,
            Consumer<Reply> done) {
        this.port = port;
        this.dispatcher = dispatcher;
        this.resources = resources;
        this.remote = remote;
        this.forwardedFor = forwardedFor;
        this.user = user;
        this.maxRequestBytes = maxRequestBytes;
        this.done = done;
        this.metrics = metrics;
        this.answerThread = answerThread;
    }

    /** Starts answering {@code body}. */
    void start(byte[] body) {
        if (body.length > maxRequestBytes) {
            finish(new Reply(400, "Unable to parse request: "));
            return;
        }
        RippledJsonReader.Result parsed = RippledJsonReader.parse(body);
        if (!parsed.ok() || !RippledJsonValues.truthy(parsed.root()) || !parsed.root().isObject()) {
            finish(new Reply(400, "Unable to parse request: " + parsed.errors()));
            return;
        }
        JsonNode request = parsed.root();
        JsonNode method = request.get("method");
        if (method != null && method.isTextual() && method.textValue().equals("batch")) {
            batch = true;
            items = request.get("params");
            if (items == null || !items.isArray()) {
                finish(new Reply(400, "Malformed batch request"));
                return;
            }
            batchReply = NODES.arrayNode();
        } else {
            items = NODES.arrayNode().add(request);
        }
        resume();
    }

    /**
     * Continues after an answer. Answers may arrive on the calling thread (inside dispatch) or on
     * another one; the work-in-progress counter makes exactly one thread drain at a time, without
     * recursion however many items answer synchronously.
     */
    private void resume() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            step();
        } while (wip.decrementAndGet() != 0);
    }

    /** Processes items until one is dispatched or the exchange is finished. */
    private void step() {
        while (!finished) {
            if (next >= items.size()) {
                finish(new Reply(200, RippledJsonWriter.compact(batch ? batchReply : lastReply) + "\n"));
                return;
            }
            if (!processItem(items.get(next++))) {
                return;
            }
        }
    }

    private void finish(Reply reply) {
        finished = true;
        done.accept(reply);
    }

    /**
     * Handles one item. Returns true when the item was answered at once and the loop may go on, false
     * when the exchange is finished or waits for the dispatcher.
     */
    private boolean processItem(JsonNode item) {
        JsonNode method = item.get("method");
        Role required = method != null && method.isTextual()
                ? dispatcher.requiredRole(method.textValue()) : Role.FORBID;
        JsonNode itemParams = item.get("params");
        JsonNode roleParams = itemParams != null && itemParams.isArray() && itemParams.size() > 0
                && itemParams.get(0).isObject() ? itemParams.get(0) : NODES.objectNode();
        Role role = RoleResolver.requestRole(required, port, roleParams, remote.getAddress(), user);

        ResourceConsumer usage;
        if (role.isUnlimited()) {
            usage = resources.newUnlimitedEndpoint(remote.getAddress());
        } else {
            usage = resources.newInboundEndpoint(remote.getAddress());
            if (usage.disconnect()) {
                return refuse(item, 503, SERVER_OVERLOADED, "Server is overloaded");
            }
        }
        if (role == Role.FORBID) {
            usage.charge(Charge.INVALID_RPC);
            return refuse(item, 403, FORBIDDEN, "Forbidden");
        }
        if (method == null || method.isNull()) {
            usage.charge(Charge.INVALID_RPC);
            return refuse(item, 400, METHOD_NOT_FOUND, "Null method");
        }
        if (!method.isTextual()) {
            usage.charge(Charge.INVALID_RPC);
            return refuse(item, 400, METHOD_NOT_FOUND, "method is not string");
        }
        String name = method.textValue();
        metrics.request(dispatcher, name);
        if (name.isEmpty()) {
            usage.charge(Charge.INVALID_RPC);
            return refuse(item, 400, METHOD_NOT_FOUND, "method is empty");
        }

        ObjectNode params;
        if (batch) {
            params = ((ObjectNode) item).deepCopy();
        } else if (!RippledJsonValues.truthy(itemParams)) {
            params = NODES.objectNode();
        } else if (!itemParams.isArray() || itemParams.size() != 1 || !itemParams.get(0).isObject()) {
            usage.charge(Charge.INVALID_RPC);
            finish(new Reply(400, "params unparseable"));
            return false;
        } else {
            params = ((ObjectNode) itemParams.get(0)).deepCopy();
        }

        String ripplerpc = "1.0";
        JsonNode requested = params.get("ripplerpc");
        if (requested != null && !(requested.isTextual() && requested.textValue().equals("1.0"))) {
            ripplerpc = RippledJsonValues.asString(requested);
        }
        boolean identified = role == Role.IDENTIFIED;
        params.put("command", name);
        ObjectNode echo = params.deepCopy();
        String style = ripplerpc;
        RpcRequest request = new RpcRequest(name, params, role, remote, Transport.HTTP, Optional.empty(), usage,
                identified ? user : "", identified ? forwardedFor : "", ripplerpc);
        boolean accepted = Dispatch.invoke(dispatcher, request, answerThread,
                (result, charge) -> answered(echo, style, usage, result, charge));
        if (!accepted) {
            finish(new Reply(503, "Service Unavailable"));
        }
        return false;
    }

    private void answered(ObjectNode params, String ripplerpc, ResourceConsumer usage, ObjectNode result,
            Charge charge) {
        usage.charge(charge);
        record(RpcEnvelope.jsonRpc(result, params, ripplerpc, usage.warn()));
        resume();
    }

    /** A transport-level refusal: the whole reply for a single request, one reply entry in a batch. */
    private boolean refuse(JsonNode item, int status, int jsonRpcCode, String message) {
        if (!batch) {
            finish(new Reply(status, message));
            return false;
        }
        ObjectNode entry = item.isObject() ? ((ObjectNode) item).deepCopy() : NODES.objectNode();
        ObjectNode inner = NODES.objectNode();
        inner.put("code", jsonRpcCode);
        inner.put("message", message);
        entry.set("error", NODES.objectNode().set("error", inner));
        record(entry);
        return true;
    }

    private void record(ObjectNode reply) {
        if (batch) {
            batchReply.add(reply);
        } else {
            lastReply = reply;
        }
    }
}
