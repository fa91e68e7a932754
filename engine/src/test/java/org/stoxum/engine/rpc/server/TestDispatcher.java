package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.stoxum.engine.rpc.server.resource.Charge;

/**
 * A dispatcher for server tests: a handful of commands that echo, wait, fail, refuse or keep the
 * WebSocket session, so every path of the transport can be driven.
 */
final class TestDispatcher implements RpcDispatcher, AutoCloseable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Released by a test to let "delayed" requests complete. */
    final CountDownLatch gate = new CountDownLatch(1);
    /** Sessions that called "subscribe". */
    final BlockingQueue<WsSession> sessions = new LinkedBlockingQueue<>();
    /** "held" requests, in dispatch order, each waiting for the test to complete it. */
    final BlockingQueue<Held> held = new LinkedBlockingQueue<>();
    /** Every request dispatched. */
    final List<RpcRequest> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-dispatcher");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Role requiredRole(String method) {
        return method.equals("stop") ? Role.ADMIN : Role.GUEST;
    }

    @Override
    public void dispatch(RpcRequest request, RpcResponder responder) {
        seen.add(request);
        ObjectNode params = request.params();
        switch (request.method()) {
            case "echo" -> responder.complete(params.deepCopy());
            case "whoami" -> {
                ObjectNode r = NODES.objectNode();
                r.put("role", request.role().name());
                r.put("transport", request.transport().name());
                r.put("user", request.user());
                r.put("forwarded_for", request.forwardedFor());
                r.put("ripplerpc", request.ripplerpc());
                responder.complete(r);
            }
            case "delayed" -> worker.execute(() -> {
                try {
                    if (!gate.await(20, TimeUnit.SECONDS)) {
                        responder.complete(RpcError.TOO_BUSY.make());
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                ObjectNode r = NODES.objectNode();
                r.put("delayed", true);
                r.put("thread", Thread.currentThread().getName());
                responder.complete(r);
            });
            case "held" -> held.add(new Held(request, responder));
            case "async" -> worker.execute(() -> {
                ObjectNode r = params.deepCopy();
                r.put("thread", Thread.currentThread().getName());
                responder.complete(r);
            });
            case "failing" -> throw new IllegalStateException("handler failure for the test");
            case "reject" -> throw new RejectedExecutionException("shutting down");
            case "error" -> responder.complete(RpcError.fromToken(params.path("token").asText())
                    .orElse(RpcError.UNKNOWN).make());
            case "custom_error" -> {
                ObjectNode r = NODES.objectNode();
                r.put("error", "malformedAddress");
                responder.complete(r);
            }
            case "heavy" -> responder.complete(NODES.objectNode(), Charge.HIGH_BURDEN_RPC);
            case "subscribe" -> {
                sessions.add(request.session().orElseThrow());
                responder.complete(NODES.objectNode());
            }
            case "stop" -> responder.complete(NODES.objectNode().put("message", "stoxum server stopping"));
            case "ping" -> responder.complete(NODES.objectNode());
            case "twice" -> {
                responder.complete(NODES.objectNode().put("first", true));
                responder.complete(NODES.objectNode().put("second", true));
            }
            default -> responder.complete(RpcError.UNKNOWN_COMMAND.make());
        }
    }

    /** A request the test answers when it chooses: {@link #complete()} echoes its id. */
    record Held(RpcRequest request, RpcResponder responder) {
        void complete() {
            responder.complete(NODES.objectNode().put("held", request.params().path("id").asInt()));
        }

        WsSession session() {
            return request.session().orElseThrow();
        }
    }

    @Override
    public void close() {
        gate.countDown();
        worker.shutdownNow();
    }
}
