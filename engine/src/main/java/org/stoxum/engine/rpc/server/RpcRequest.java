package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.stoxum.engine.rpc.server.resource.ResourceConsumer;

/**
 * One parsed API request handed to the {@link RpcDispatcher}.
 *
 * @param method       the command name ({@code method} of JSON-RPC, {@code command} or {@code method} of
 *                     a WebSocket message)
 * @param params       the request object the handler reads: for JSON-RPC the first element of
 *                     {@code params} with {@code command} added; for WebSocket the whole message.
 *                     The dispatcher owns it and may change it.
 * @param role         the caller's role for this command; FORBID never reaches the dispatcher
 * @param remote       the caller's address
 * @param transport    HTTP or WS
 * @param session      the WebSocket session, for subscriptions; empty for HTTP
 * @param consumer     the caller's resource account, for handlers that scale back under load
 * @param user         X-User of an IDENTIFIED caller, else empty
 * @param forwardedFor X-Forwarded-For of an IDENTIFIED caller, else empty
 * @param ripplerpc    "1.0" unless the request asked for another envelope style with {@code ripplerpc}
 */
public record RpcRequest(
        String method,
        ObjectNode params,
        Role role,
        InetSocketAddress remote,
        Transport transport,
        Optional<WsSession> session,
        ResourceConsumer consumer,
        String user,
        String forwardedFor,
        String ripplerpc) {

    public RpcRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(forwardedFor, "forwardedFor");
        Objects.requireNonNull(ripplerpc, "ripplerpc");
    }
}
