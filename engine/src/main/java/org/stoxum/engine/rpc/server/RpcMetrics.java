package org.stoxum.engine.rpc.server;

import java.util.concurrent.atomic.AtomicInteger;
import org.stoxum.engine.metrics.Counter;
import org.stoxum.engine.metrics.LabeledCounter;
import org.stoxum.engine.metrics.MetricsRegistry;

/** What the RPC server counts of its own work, in the operations registry. */
record RpcMetrics(LabeledCounter requests, Counter connections, Counter refusedConnections,
                  Counter badRequests, Counter webSocketErrors, AtomicInteger open) {

    /** The method label of commands the node does not know, so clients cannot invent label values. */
    static final String UNKNOWN_METHOD = "unknown";

    static RpcMetrics in(MetricsRegistry registry) {
        AtomicInteger open = new AtomicInteger();
        registry.gauge("stoxumd_rpc_connections_open", "Client connections open now.", open::get);
        return new RpcMetrics(
                registry.labeledCounter("stoxumd_rpc_requests_total",
                        "API requests received, by method (JSON-RPC and WebSocket).", "method"),
                registry.counter("stoxumd_rpc_connections_total", "Client connections accepted."),
                registry.counter("stoxumd_rpc_connections_refused_total",
                        "Client connections refused because their port was full."),
                registry.counter("stoxumd_rpc_bad_http_requests_total",
                        "HTTP requests refused as malformed or too large."),
                registry.counter("stoxumd_rpc_websocket_protocol_errors_total",
                        "WebSocket sessions closed for breaking the protocol."),
                open);
    }

    /** Counts one API request for {@code method}, known to {@code dispatcher} or not. */
    void request(RpcDispatcher dispatcher, String method) {
        requests.inc(dispatcher.requiredRole(method) == Role.FORBID ? UNKNOWN_METHOD : method);
    }
}
