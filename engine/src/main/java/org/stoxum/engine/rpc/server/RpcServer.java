package org.stoxum.engine.rpc.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.config.PortProtocol;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/**
 * The client-facing network server: JSON-RPC over HTTP/1.1 and WebSocket on the configured ports,
 * on a small number of selector threads, handing every parsed request to one {@link RpcDispatcher}.
 *
 * <p>Network threads never wait for the engine: the dispatcher answers through a responder from any
 * thread, and the answer is written when it comes. {@link #close} stops accepting, says goodbye to
 * WebSocket clients, closes every connection and ends the threads.
 */
public final class RpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    private static final int BACKLOG = 128;
    /** Prefix of the names of the server's threads. */
    public static final String THREAD_PREFIX = "rpc-io-";

    private final List<IoLoop> loops;
    private final Map<String, PortRuntime> ports;
    private final ServerOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private int nextLoop;

    private RpcServer(List<IoLoop> loops, Map<String, PortRuntime> ports, ServerOptions options) {
        this.loops = loops;
        this.ports = ports;
        this.options = options;
    }

    /**
     * Binds every port and starts serving. Only plain ports are served here ({@code http}, {@code ws},
     * {@code ws2}); TLS ports and the peer port belong elsewhere and are refused.
     *
     * @throws IllegalArgumentException when a port speaks a protocol this server does not serve, or two
     *                     ports share a name
     * @throws IOException when a port cannot be bound (the message names the port section); nothing is
     *                     left running then
     */
    public static RpcServer start(List<PortConfig> portConfigs, RpcDispatcher dispatcher, ResourceManager resources,
            ServerOptions options) throws IOException {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(options, "options");
        if (portConfigs.isEmpty()) {
            throw new IllegalArgumentException("no port to serve");
        }
        ServerContext context = new ServerContext(dispatcher, resources, options, new AtomicLong(),
                RpcMetrics.in(options.operations().registry()));
        List<IoLoop> loops = new ArrayList<>();
        Map<String, PortRuntime> ports = new LinkedHashMap<>();
        try {
            for (int i = 0; i < options.ioThreads(); i++) {
                loops.add(new IoLoop(THREAD_PREFIX + i));
            }
            for (PortConfig config : portConfigs) {
                requireServed(config);
                if (ports.containsKey(config.name())) {
                    throw new IllegalArgumentException("port [" + config.name() + "] configured twice");
                }
                ports.put(config.name(), bind(config));
            }
        } catch (IOException | RuntimeException e) {
            for (PortRuntime p : ports.values()) {
                p.channel.close();
            }
            loops.forEach(IoLoop::discard);
            throw e;
        }
        RpcServer server = new RpcServer(loops, ports, options);
        for (PortRuntime port : ports.values()) {
            loops.get(0).registerAcceptor(port.channel, key -> server.accept(key, port, context));
            LOG.info("serving [{}] {} on {}", port.config.name(), port.config.protocols(), port.bound);
        }
        loops.forEach(IoLoop::start);
        return server;
    }

    private static void requireServed(PortConfig config) {
        for (PortProtocol p : config.protocols()) {
            if (p.secure()) {
                throw new IllegalArgumentException("protocol '" + p.configName() + "' in [" + config.name()
                        + "] is not served by the RPC server (http, ws only)");
            }
        }
    }

    private static PortRuntime bind(PortConfig config) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(config.ip(), config.port()), BACKLOG);
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind [" + config.name() + "] to " + config.ip().getHostAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        return new PortRuntime(config, channel, (InetSocketAddress) channel.getLocalAddress());
    }

    /** Accepts what is pending on a port (runs on the first loop). */
    private void accept(SelectionKey key, PortRuntime port, ServerContext context) {
        while (true) {
            SocketChannel socket;
            try {
                socket = port.channel.accept();
            } catch (IOException e) {
                LOG.warn("accept on [{}] failed: {}", port.config.name(), e.getMessage());
                return;
            }
            if (socket == null) {
                return;
            }
            if (!port.admit()) {
                context.metrics().refusedConnections().inc();
                LOG.debug("[{}] is full; dropping a client", port.config.name());
                closeQuietly(socket);
                continue;
            }
            try {
                socket.configureBlocking(false);
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                port.release();
                closeQuietly(socket);
                continue;
            }
            context.metrics().connections().inc();
            IoLoop target = loops.get(nextLoop++ % loops.size());
            target.execute(() -> target.adopt(socket, port, context));
        }
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a refused socket
        }
    }

    /** The address a port is bound to (the ephemeral port when configured with 0). */
    public InetSocketAddress address(String portName) {
        PortRuntime port = ports.get(portName);
        if (port == null) {
            throw new IllegalArgumentException("no port [" + portName + "]");
        }
        return port.bound;
    }

    /** The port number a port is bound to. */
    public int port(String portName) {
        return address(portName).getPort();
    }

    /** Connections currently open on a port. */
    public int connections(String portName) {
        PortRuntime port = ports.get(portName);
        if (port == null) {
            throw new IllegalArgumentException("no port [" + portName + "]");
        }
        return port.connections.get();
    }

    /**
     * Stops the server: no new connections, WebSocket clients get close 1001, every connection is
     * closed within the close grace, and the threads end. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CountDownLatch unbound = new CountDownLatch(1);
        loops.get(0).execute(() -> {
            for (PortRuntime port : ports.values()) {
                try {
                    port.channel.close();
                } catch (IOException e) {
                    LOG.debug("closing [{}]: {}", port.config.name(), e.getMessage());
                }
            }
            unbound.countDown();
        });
        long grace = options.closeGrace().toNanos();
        try {
            unbound.await(1, TimeUnit.SECONDS);
            loops.forEach(loop -> loop.beginShutdown(grace));
            long waitMillis = TimeUnit.NANOSECONDS.toMillis(grace) + 2000;
            for (IoLoop loop : loops) {
                if (!loop.join(waitMillis)) {
                    LOG.warn("an RPC I/O thread did not stop in time");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("RPC server stopped");
    }
}
