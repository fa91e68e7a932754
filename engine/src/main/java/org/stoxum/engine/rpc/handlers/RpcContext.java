package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.rpc.server.Role;
import org.stoxum.engine.rpc.server.WsSession;
import org.stoxum.engine.rpc.server.json.RippledJsonValues;
import org.stoxum.engine.rpc.server.resource.Charge;
import org.stoxum.engine.rpc.server.resource.ResourceConsumer;

/**
 * One command being answered (rippled's {@code RPC::Context}): the request object, the caller's role and
 * connection, the node, and the charge the answer will cost the caller.
 */
public final class RpcContext {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode params;
    private final Role role;
    private final Application app;
    private final Optional<WsSession> session;
    private final ResourceConsumer consumer;
    private final Executor answerThread;
    private volatile Charge charge = Charge.REFERENCE_RPC;

    /** A context whose answers are built on whichever thread completes them. */
    public RpcContext(ObjectNode params, Role role, Application app, Optional<WsSession> session,
                      ResourceConsumer consumer) {
        this(params, role, app, session, consumer, Runnable::run);
    }

    /** @param answerThread where an answer that waits on the ledger writer is built (the caller's network thread) */
    public RpcContext(ObjectNode params, Role role, Application app, Optional<WsSession> session,
                      ResourceConsumer consumer, Executor answerThread) {
        this.params = params;
        this.role = role;
        this.app = app;
        this.session = session;
        this.consumer = consumer;
        this.answerThread = answerThread;
    }

    /** The request object (the handler may read and, like rippled's handlers, change it). */
    public ObjectNode params() {
        return params;
    }

    public Role role() {
        return role;
    }

    /** True for ADMIN and IDENTIFIED callers: no limits clamp, no charging. */
    public boolean unlimited() {
        return role.isUnlimited();
    }

    public Application app() {
        return app;
    }

    public LedgerMaster ledgers() {
        return app.ledgerMaster();
    }

    public NetworkProfile profile() {
        return app.profile();
    }

    /** The WebSocket session, for subscriptions; empty over JSON-RPC. */
    public Optional<WsSession> session() {
        return session;
    }

    public ResourceConsumer consumer() {
        return consumer;
    }

    /**
     * Where to build an answer that waits on another thread's work: handlers continue there
     * ({@code thenApplyAsync(..., answerThread())}) so that the ledger writer only hands its result over.
     */
    public Executor answerThread() {
        return answerThread;
    }

    public Charge charge() {
        return charge;
    }

    /** Sets what this request costs the caller (heavy requests cost more than the reference). */
    public void charge(Charge value) {
        this.charge = value;
    }

    // ------------------------------------------------------------------ reading params as rippled does

    /** The member, or null when absent. */
    public JsonNode param(String name) {
        JsonNode v = params.get(name);
        return v == null || v.isMissingNode() ? null : v;
    }

    /** True when the request has the member, even null. */
    public boolean has(String name) {
        return params.has(name);
    }

    /** rippled's {@code asBool} of a member: absent or null is false; numbers are true when not 0. */
    public boolean flag(String name) {
        return asBool(params.get(name));
    }

    /** rippled's {@code asString} of a member. */
    public String string(String name) {
        return RippledJsonValues.asString(params.get(name));
    }

    /** rippled's {@code Json::Value::asBool}. */
    public static boolean asBool(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return v.size() > 0;
    }

    /** A new empty answer object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }
}
