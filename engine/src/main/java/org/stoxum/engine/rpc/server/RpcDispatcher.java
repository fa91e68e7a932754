package org.stoxum.engine.rpc.server;

/**
 * The engine's side of the API: receives each parsed request and answers it through the responder.
 *
 * <p>{@link #dispatch} runs on a network thread and must not block: post the work elsewhere and
 * complete the responder when done (completing inside {@code dispatch} is fine for trivial answers).
 * A {@code RejectedExecutionException} thrown from {@code dispatch} means the node is shutting down
 * (JSON-RPC gets 503, a WebSocket is closed); any other exception is answered as {@code internal}.
 */
public interface RpcDispatcher {

    /**
     * The role a command requires. Admin-only commands return {@link Role#ADMIN}, which makes the
     * server refuse them to non-admins before dispatch (JSON-RPC 403, WebSocket {@code forbidden}).
     */
    default Role requiredRole(String method) {
        return Role.GUEST;
    }

    /** Starts answering {@code request}; the answer goes to {@code responder}. */
    void dispatch(RpcRequest request, RpcResponder responder);
}
