package org.stoxum.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.rpc.server.ServerOptions;

/**
 * A stand-alone node for a test: a fresh data directory, JSON-RPC and WebSocket on free loopback ports,
 * always stopped and removed by {@link #close()}.
 */
final class TestNode implements AutoCloseable {
    static final String RPC_PORT = "port_rpc";
    static final String WS_PORT = "port_ws";

    final Path dir;
    final int rpcPort;
    final int wsPort;
    final Application app;
    final JsonRpcClient client;

    private TestNode(Path dir, int rpcPort, int wsPort, Application app) {
        this.dir = dir;
        this.rpcPort = rpcPort;
        this.wsPort = wsPort;
        this.app = app;
        this.client = new JsonRpcClient("127.0.0.1", rpcPort);
    }

    /** A node started as {@code stoxumd --standalone} ({@code withAmendments}: also {@code --start}). */
    static TestNode start(boolean withAmendments) throws IOException {
        Path dir = Files.createTempDirectory("stoxumd-test");
        int rpc = freePort();
        int ws = freePort();
        NodeConfig config = NodeConfigLoader.parse("test config", configText(dir, rpc, ws), Optional.empty(), dir,
                dir.resolve("data"), true);
        try {
            Application app = Application.start(config, new LedgerStart.Genesis(withAmendments),
                    LogLevels.Severity.WARNING, ServerOptions.defaults());
            return new TestNode(dir, rpc, ws, app);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** A config with loopback admin ports and data under {@code dir}. */
    static String configText(Path dir, int rpcPort, int wsPort) {
        return "[server]\n" + RPC_PORT + "\n" + WS_PORT + "\n\n"
                + "[" + RPC_PORT + "]\nip = 127.0.0.1\nport = " + rpcPort + "\nprotocol = http\nadmin = 127.0.0.1\n\n"
                + "[" + WS_PORT + "]\nip = 127.0.0.1\nport = " + wsPort + "\nprotocol = ws\nadmin = 127.0.0.1\n\n"
                + "[node_db]\ntype = lmdb\npath = " + dir.resolve("db") + "\n\n"
                + "[database_path]\n" + dir.resolve("data") + "\n\n"
                + "[network_profile]\nstoxum\n";
    }

    /** A port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The {@code result} of one call. */
    JsonNode call(String method, JsonNode params) {
        try {
            return client.call(method, params == null ? null : (ObjectNode) params.deepCopy());
        } catch (RpcClientException e) {
            throw new IllegalStateException(method + " got no answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            delete(dir);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
