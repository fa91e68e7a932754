package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.rpc.server.resource.Charge;

/**
 * Hands one request to the dispatcher with the guarantees the transports rely on: the answer is taken
 * once only, and a dispatcher that throws answers {@code internal} (billed as an exception) instead of
 * leaving the client waiting.
 */
final class Dispatch {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);

    private Dispatch() {
    }

    /**
     * Dispatches {@code request}; {@code onAnswer} receives the result and charge once, on whichever
     * thread completes it. Returns false when the dispatcher refused the work (shutting down); then
     * {@code onAnswer} is never called. {@code answerThread} runs tasks on the connection's network thread
     * (see {@link RpcResponder#answerThread()}).
     */
    static boolean invoke(RpcDispatcher dispatcher, RpcRequest request, Executor answerThread,
                          BiConsumer<ObjectNode, Charge> onAnswer) {
        AtomicBoolean done = new AtomicBoolean();
        RpcResponder responder = new RpcResponder() {
            @Override
            public void complete(ObjectNode result, Charge charge) {
                if (!done.compareAndSet(false, true)) {
                    LOG.warn("second answer to '{}' ignored", request.method());
                    return;
                }
                onAnswer.accept(result == null ? RpcError.INTERNAL.make() : result,
                        charge == null ? Charge.REFERENCE_RPC : charge);
            }

            @Override
            public Executor answerThread() {
                return answerThread;
            }
        };
        try {
            dispatcher.dispatch(request, responder);
            return true;
        } catch (RejectedExecutionException e) {
            if (!done.compareAndSet(false, true)) {
                return true;
            }
            LOG.debug("dispatcher refused '{}': {}", request.method(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.info("handler for '{}' threw: {}", request.method(), e.toString());
            LOG.debug("handler failure", e);
            responder.complete(RpcError.INTERNAL.make(), Charge.EXCEPTION_RPC);
            return true;
        }
    }
}
