package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stoxum.engine.rpc.server.RpcError;

/**
 * Ends a handler early with an error answer. Helpers deep in a handler throw it; the dispatcher answers
 * with {@link #answer()} as if the handler had returned it.
 */
public final class RpcFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ObjectNode answer;

    public RpcFailure(ObjectNode answer) {
        super(answer.path(RpcError.ERROR).asText(), null, false, false);
        this.answer = answer;
    }

    /** The error with its default message. */
    public static RpcFailure of(RpcError error) {
        return new RpcFailure(error.make());
    }

    /** The error with a specific message. */
    public static RpcFailure of(RpcError error, String message) {
        return new RpcFailure(error.make(message));
    }

    /** The error answer (owned by the caller from here on). */
    public ObjectNode answer() {
        return answer;
    }
}
