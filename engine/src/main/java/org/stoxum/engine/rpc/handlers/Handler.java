package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One API command. A handler runs on a client-job thread; it answers at once or later (submissions wait
 * for the ledger writer). It may throw {@link RpcFailure} to answer with an error.
 */
@FunctionalInterface
public interface Handler {
    CompletionStage<ObjectNode> handle(RpcContext ctx);

    /** A handler that answers at once. */
    static Handler sync(Function<RpcContext, ObjectNode> body) {
        return ctx -> CompletableFuture.completedFuture(body.apply(ctx));
    }
}
