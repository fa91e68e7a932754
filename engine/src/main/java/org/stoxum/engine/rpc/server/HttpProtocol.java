package org.stoxum.engine.rpc.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.config.PortConfig;

/**
 * HTTP on one connection: requests are read and answered one at a time, in order (pipelined requests
 * wait in the input buffer), with the original server's routing: WebSocket upgrades, the load
 * balancer's status page on WebSocket ports, 403 where JSON-RPC is not served or Basic credentials
 * fail, and JSON-RPC otherwise. Newer rippled's {@code GET /health}, and {@code GET /metrics} for
 * admins, are answered on every port (see {@link OperatorEndpoints}).
 */
final class HttpProtocol implements Protocol {

    private static final Logger LOG = LoggerFactory.getLogger(HttpProtocol.class);

    private final Connection connection;
    private final ServerContext context;
    private final PortConfig port;
    private final HttpRequestParser parser;
    private boolean busy;
    private boolean keepAlive;

    HttpProtocol(Connection connection) {
        this.connection = connection;
        this.context = connection.context;
        this.port = connection.port.config;
        ServerOptions options = context.options();
        this.parser = new HttpRequestParser(options.maxHeaderBytes(), options.maxRequestBytes());
        connection.setReadDeadline(context.timeoutNanos(connection.remote));
    }

    @Override
    public void onInput(ByteBuffer in) {
        if (busy || connection.isClosing()) {
            return;
        }
        HttpRequestParser.Outcome outcome = parser.feed(in);
        if (parser.takeContinueRequest()) {
            connection.send(HttpResponses.continueInterim());
        }
        if (outcome instanceof HttpRequestParser.Malformed malformed) {
            context.metrics().badRequests().inc();
            LOG.debug("malformed request from {}: {}", connection.remote, malformed.reason());
            connection.send(HttpResponses.jsonRpc(400, "Bad Request: " + malformed.reason()));
            connection.closeAfterFlush();
        } else if (outcome instanceof HttpRequestParser.TooLarge) {
            context.metrics().badRequests().inc();
            connection.send(HttpResponses.jsonRpc(400, "Unable to parse request: "));
            connection.closeAfterFlush();
        } else if (outcome instanceof HttpRequestParser.Complete complete) {
            connection.clearReadDeadline();
            route(complete.request());
        }
    }

    /**
     * Handles one request. Afterwards this protocol reads nothing more until the answer is out: it is
     * busy, closing, or replaced by WebSocket.
     */
    private void route(HttpRequest request) {
        if (request.isWebSocketUpgrade()) {
            if (port.websockets()) {
                upgrade(request);
            } else {
                answerAndClose(HttpResponses.invalidProtocol(request.version()));
            }
            return;
        }
        if (request.method().equals("GET") && OperatorEndpoints.serves(request.target())) {
            answerAndClose(OperatorEndpoints.answer(request, context.options().operations(), port,
                    connection.remote));
            return;
        }
        if (port.websockets() && request.isStatusRequest()) {
            String problem = context.options().health().problem().orElse(null);
            answerAndClose(HttpResponses.statusPage(request.version(), problem));
            return;
        }
        if (!port.jsonRpc() || !authorized(request)) {
            answerAndClose(HttpResponses.jsonRpc(403, "Forbidden"));
            return;
        }
        busy = true;
        keepAlive = request.keepAlive();
        JsonRpcExchange exchange = new JsonRpcExchange(port, context.dispatcher(), context.resources(),
                connection.remote, request.header("X-Forwarded-For"), request.header("X-User"),
                context.options().maxRequestBytes(), context.metrics(), connection.loop::execute,
                reply -> {
                    byte[] bytes = HttpResponses.jsonRpc(reply.status(), reply.content());
                    connection.loop.execute(() -> replied(bytes));
                });
        exchange.start(request.body());
    }

    private void upgrade(HttpRequest request) {
        String refusal = WsProtocol.handshakeRefusal(request);
        if (refusal != null) {
            answerAndClose(refusal.isEmpty()
                    ? HttpResponses.upgradeRequired(request.version())
                    : HttpResponses.handshakeRefused(request.version(), refusal));
            return;
        }
        String key = request.header("Sec-WebSocket-Key");
        connection.send(HttpResponses.switchingProtocols(request.version(), WsFrames.acceptKey(key)));
        connection.switchProtocol(new WsProtocol(connection, request));
    }

    private void answerAndClose(byte[] answer) {
        connection.send(answer);
        connection.closeAfterFlush();
    }

    private void replied(byte[] reply) {
        if (connection.isClosed()) {
            return;
        }
        busy = false;
        connection.send(reply);
        if (!keepAlive) {
            connection.closeAfterFlush();
            return;
        }
        connection.setReadDeadline(context.timeoutNanos(connection.remote));
        connection.deliverInput();
        if (!busy && connection.inputEnded()) {
            connection.closeAfterFlush();
        }
    }

    /** HTTP Basic, required when the port names both a user and a password. */
    private boolean authorized(HttpRequest request) {
        if (!port.basicAuthRequired()) {
            return true;
        }
        String header = request.header("Authorization");
        if (!header.startsWith("Basic ")) {
            return false;
        }
        String userPass;
        try {
            userPass = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = userPass.indexOf(':');
        return colon >= 0 && userPass.substring(0, colon).equals(port.user())
                && userPass.substring(colon + 1).equals(port.password());
    }

    @Override
    public void onEndOfInput() {
        if (!busy) {
            connection.closeAfterFlush();
        }
    }

    @Override
    public void onTick(long nowNanos) {
        // The connection's own deadlines cover HTTP.
    }

    @Override
    public void onShutdown() {
        connection.close();
    }

    @Override
    public void onClosed() {
        // An exchange still running finds the connection closed and drops its answer.
    }
}
