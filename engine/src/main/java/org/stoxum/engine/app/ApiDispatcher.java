package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.rpc.handlers.HandlerEntry;
import org.stoxum.engine.rpc.handlers.HandlerTable;
import org.stoxum.engine.rpc.handlers.RpcContext;
import org.stoxum.engine.rpc.handlers.RpcFailure;
import org.stoxum.engine.rpc.server.Role;
import org.stoxum.engine.rpc.server.RpcDispatcher;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.RpcRequest;
import org.stoxum.engine.rpc.server.RpcResponder;
import org.stoxum.engine.rpc.server.json.RippledJsonValues;
import org.stoxum.engine.rpc.server.resource.Charge;

/**
 * The node's side of the API (rippled's {@code RPCHandler}): requests are refused in stoxumd's order
 * (tooBusy, commandMissing, unknownCmd, noPermission, noNetwork, amendmentBlocked, noCurrent, noClosed), then
 * run on a client-job thread (a {@code submit} of a signed blob on the network thread itself); an exception in
 * a handler answers {@code internal}.
 */
final class ApiDispatcher implements RpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    /** A validated ledger older than this makes current-ledger commands answer noCurrent (not stand-alone). */
    private static final long MAX_VALIDATED_AGE_SECONDS = 120;

    private final Application app;
    private final HandlerTable table;

    ApiDispatcher(Application app, HandlerTable table) {
        this.app = app;
        this.table = table;
    }

    @Override
    public Role requiredRole(String method) {
        return table.get(method).map(HandlerEntry::role).orElse(Role.FORBID);
    }

    @Override
    public void dispatch(RpcRequest request, RpcResponder responder) {
        if (!request.role().isUnlimited() && app.jobs().tooBusy()) {
            responder.complete(RpcError.TOO_BUSY.make());
            return;
        }
        RpcContext ctx = new RpcContext(request.params(), request.role(), app, request.session(),
                request.consumer(), responder.answerThread());
        if (isDirect(request)) {
            run(request.method(), request.params(), request.role(), ctx, responder);
            return;
        }
        app.jobs().submit(() -> run(request.method(), request.params(), request.role(), ctx, responder));
    }

    /**
     * A {@code submit} of a signed blob does nothing that can block before it reaches the pipeline ring (a
     * hex decode and a non-blocking offer that answers tooBusy when the ring is full), so it runs on the
     * network thread: one thread hand-off fewer per transaction than a trip through the client jobs. The
     * refusals, the handler and its charges are the same code as on a client job.
     */
    private static boolean isDirect(RpcRequest request) {
        return request.method().equals("submit") && request.params().has("tx_blob");
    }

    /** Answers one request on the calling thread (client jobs, direct submits, or start-up commands). */
    void run(String method, ObjectNode params, Role role, RpcContext ctx, RpcResponder responder) {
        Optional<ObjectNode> refusal = refusal(method, params, role);
        if (refusal.isPresent()) {
            responder.complete(refusal.get());
            return;
        }
        HandlerEntry entry = table.get(method).orElseThrow();
        CompletionStage<ObjectNode> answer;
        try {
            answer = entry.handler().handle(ctx);
        } catch (RpcFailure f) {
            responder.complete(f.answer(), ctx.charge());
            return;
        } catch (RuntimeException e) {
            failed(method, e, responder);
            return;
        }
        answer.whenComplete((result, error) -> {
            if (error == null) {
                responder.complete(result, ctx.charge());
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof RpcFailure f) {
                responder.complete(f.answer(), ctx.charge());
            } else {
                failed(method, cause, responder);
            }
        });
    }

    private static void failed(String method, Throwable e, RpcResponder responder) {
        LOG.info("command '{}' failed: {}", method, e.toString());
        LOG.debug("command failure", e);
        responder.complete(RpcError.INTERNAL.make(), Charge.EXCEPTION_RPC);
    }

    /** The error that stops a request before its handler runs, in rippled's order. */
    private Optional<ObjectNode> refusal(String method, ObjectNode params, Role role) {
        JsonNode command = params.get("command");
        JsonNode alias = params.get("method");
        if (command == null && alias == null && method.isEmpty()) {
            return Optional.of(RpcError.COMMAND_MISSING.make());
        }
        if (command != null && alias != null
                && !RippledJsonValues.asString(command).equals(RippledJsonValues.asString(alias))) {
            return Optional.of(RpcError.UNKNOWN_COMMAND.make());
        }
        Optional<HandlerEntry> entry = table.get(method);
        if (entry.isEmpty()) {
            return Optional.of(RpcError.UNKNOWN_COMMAND.make());
        }
        HandlerEntry h = entry.get();
        if (h.role() == Role.ADMIN && role != Role.ADMIN) {
            return Optional.of(RpcError.NO_PERMISSION.make());
        }
        if (h.needsNetwork() && app.status().mode().compareTo(OperatingMode.SYNCING) < 0) {
            return Optional.of(RpcError.NO_NETWORK.make());
        }
        if (app.status().amendmentBlocked() && (h.needsCurrentLedger() || h.needsClosedLedger())) {
            return Optional.of(RpcError.AMENDMENT_BLOCKED.make());
        }
        if (h.needsCurrentLedger() && !app.standalone()) {
            LedgerMaster lm = app.ledgerMaster();
            long age = app.networkTime() - lm.validatedLedger().closeTime();
            if (age > MAX_VALIDATED_AGE_SECONDS || lm.currentLedgerIndex() + 10 < lm.validLedgerIndex()) {
                return Optional.of(RpcError.NO_CURRENT.make());
            }
        }
        if (h.needsClosedLedger() && app.ledgerMaster().closedLedger() == null) {
            return Optional.of(RpcError.NO_CLOSED.make());
        }
        return Optional.empty();
    }
}
