package org.stoxum.engine.rpc.server;

import java.time.Duration;
import java.util.Objects;
import org.stoxum.engine.metrics.Operations;

/**
 * Tuning of the RPC server that stoxumd.cfg does not expose; the defaults are the original server's.
 *
 * @param ioThreads                selector threads serving all connections (the node has two cores)
 * @param localTimeout             how long a loopback client may take to send a whole request (and the
 *                                 WebSocket keep-alive ping interval for it)
 * @param remoteTimeout            the same for other clients
 * @param maxRequestBytes          largest request body or WebSocket request that is parsed
 * @param maxHeaderBytes           largest HTTP request head (request line and headers)
 * @param maxWebSocketMessageBytes largest WebSocket message read at all; larger ones close the session
 * @param closeGrace               how long a closing connection may take to flush before it is cut
 * @param health                   what a GET of "/" on a WebSocket port reports
 * @param operations               what {@code GET /health} and {@code GET /metrics} report, and where the
 *                                 server counts its own work
 */
public record ServerOptions(
        int ioThreads,
        Duration localTimeout,
        Duration remoteTimeout,
        int maxRequestBytes,
        int maxHeaderBytes,
        int maxWebSocketMessageBytes,
        Duration closeGrace,
        ServerHealth health,
        Operations operations) {

    /** Seconds a loopback client has to complete a message. */
    public static final Duration DEFAULT_LOCAL_TIMEOUT = Duration.ofSeconds(3);
    /** Seconds any other client has to complete a message. */
    public static final Duration DEFAULT_REMOTE_TIMEOUT = Duration.ofSeconds(30);
    /** The original server's maximum request size. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1_000_000;
    /** The original HTTP parser's header limit. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8192;
    /** The original WebSocket stream's message limit. */
    public static final int DEFAULT_MAX_WS_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Time given to a closing connection to flush what it owes. */
    public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(2);

    public ServerOptions {
        if (ioThreads < 1 || ioThreads > 16) {
            throw new IllegalArgumentException("ioThreads must be 1..16");
        }
        requirePositive(localTimeout, "localTimeout");
        requirePositive(remoteTimeout, "remoteTimeout");
        requirePositive(closeGrace, "closeGrace");
        if (maxRequestBytes < 1 || maxHeaderBytes < 64 || maxWebSocketMessageBytes < maxRequestBytes) {
            throw new IllegalArgumentException("size limits must satisfy 0 < maxRequestBytes"
                    + " <= maxWebSocketMessageBytes and maxHeaderBytes >= 64");
        }
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(operations, "operations");
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The original server's settings. */
    public static ServerOptions defaults() {
        return new ServerOptions(1, DEFAULT_LOCAL_TIMEOUT, DEFAULT_REMOTE_TIMEOUT, DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_WS_MESSAGE_BYTES, DEFAULT_CLOSE_GRACE, ServerHealth.alwaysOkay(),
                Operations.basic());
    }

    public ServerOptions withIoThreads(int value) {
        return new ServerOptions(value, localTimeout, remoteTimeout, maxRequestBytes, maxHeaderBytes,
                maxWebSocketMessageBytes, closeGrace, health, operations);
    }

    /** Sets both timeouts (tests use short ones). */
    public ServerOptions withTimeouts(Duration local, Duration remote) {
        return new ServerOptions(ioThreads, local, remote, maxRequestBytes, maxHeaderBytes,
                maxWebSocketMessageBytes, closeGrace, health, operations);
    }

    public ServerOptions withMaxWebSocketMessageBytes(int value) {
        return new ServerOptions(ioThreads, localTimeout, remoteTimeout, maxRequestBytes, maxHeaderBytes,
                value, closeGrace, health, operations);
    }

    public ServerOptions withCloseGrace(Duration value) {
        return new ServerOptions(ioThreads, localTimeout, remoteTimeout, maxRequestBytes, maxHeaderBytes,
                maxWebSocketMessageBytes, value, health, operations);
    }

    public ServerOptions withHealth(ServerHealth value) {
        return new ServerOptions(ioThreads, localTimeout, remoteTimeout, maxRequestBytes, maxHeaderBytes,
                maxWebSocketMessageBytes, closeGrace, value, operations);
    }

    /** Serves {@code value} on the operator endpoints (the node's health and metrics). */
    public ServerOptions withOperations(Operations value) {
        return new ServerOptions(ioThreads, localTimeout, remoteTimeout, maxRequestBytes, maxHeaderBytes,
                maxWebSocketMessageBytes, closeGrace, health, value);
    }
}
