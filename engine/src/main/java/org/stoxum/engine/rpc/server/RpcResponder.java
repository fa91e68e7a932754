package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Executor;
import org.stoxum.engine.rpc.server.resource.Charge;

/**
 * Where the dispatcher delivers the answer to one request, from any thread and at any later time.
 *
 * <p>The result is the handler's answer object as the original server's command layer builds it: its
 * fields on success, or an error triple (see {@link RpcError#inject}) plus any fields the handler adds.
 * The server wraps it in the envelope of the transport ({@code status}, {@code request} echo,
 * {@code id}, {@code type}, {@code warning}). Only the first completion counts; later ones are ignored.
 */
public interface RpcResponder {

    /** Delivers the result, billing the caller {@code charge}. */
    void complete(ObjectNode result, Charge charge);

    /** Delivers the result at the reference charge. */
    default void complete(ObjectNode result) {
        complete(result, Charge.REFERENCE_RPC);
    }

    /**
     * Where an answer that waits on other threads is best built: the network thread of the caller's
     * connection, so that a thread completing the work (the ledger writer, say) only hands its result over
     * and the answer's JSON is built and written where it is sent from. Tasks run at once by default.
     */
    default Executor answerThread() {
        return Runnable::run;
    }
}
