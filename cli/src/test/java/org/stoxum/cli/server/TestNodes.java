package org.stoxum.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.rpc.server.ServerOptions;

/** Stand-alone nodes for tests: fresh data directories, free loopback ports, always stopped and removed. */
public final class TestNodes {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RPC_PORT = "port_rpc";
    static final String WS_PORT = "port_ws";
    static final String PUBLIC_PORT = "port_public";

    private TestNodes() {
    }

    /** One in-process node; {@link #close()} stops it and removes its directory. */
    public static final class Node implements AutoCloseable {
        public final Path dir;
        public final int rpcPort;
        public final int wsPort;
        /** A JSON-RPC port without admin rights. */
        public final int publicPort;
        public final Application app;
        /** The {@code [network_profile]} this node runs. */
        public final NetworkProfile profile;
        final JsonRpcClient client;

        private Node(Path dir, int rpcPort, int wsPort, int publicPort, Application app, NetworkProfile profile) {
            this.dir = dir;
            this.rpcPort = rpcPort;
            this.wsPort = wsPort;
            this.publicPort = publicPort;
            this.app = app;
            this.profile = profile;
            this.client = new JsonRpcClient("127.0.0.1", rpcPort);
        }

        /** The {@code result} of one call. */
        public JsonNode call(String method, JsonNode params) {
            try {
                return client.call(method, params == null ? null : (ObjectNode) params.deepCopy());
            } catch (RpcClientException e) {
                throw new IllegalStateException(method + " got no answer: " + e.getMessage(), e);
            }
        }

        /** The {@code result} of one call whose params are given as JSON text. */
        public JsonNode request(String method, String paramsJson) {
            try {
                return call(method, JSON.readTree(paramsJson));
            } catch (IOException e) {
                throw new IllegalArgumentException("not JSON: " + paramsJson, e);
            }
        }

        /** Writes this node's config to {@code stoxumd.cfg} in its directory, for client mode. */
        public Path writeConfig() throws IOException {
            Path cfg = dir.resolve("stoxumd.cfg");
            Files.writeString(cfg, configText(dir, rpcPort, wsPort, publicPort, profile));
            return cfg;
        }

        /** Stops the node but keeps its data, for a restart with {@link #restart}. */
        public void stop() {
            app.close();
        }

        @Override
        public void close() {
            try {
                app.close();
            } finally {
                delete(dir);
            }
        }
    }

    /** A new node on a stopped node's directory and ports, started from {@code start}. */
    public static Node restart(Node stopped, LedgerStart start) throws IOException {
        return launch(stopped.dir, stopped.rpcPort, stopped.wsPort, stopped.publicPort, start, "",
                stopped.profile);
    }

    /** A node started as {@code stoxumd --standalone} ({@code withAmendments}: also {@code --start}). */
    public static Node start(boolean withAmendments) throws IOException {
        return start(new LedgerStart.Genesis(withAmendments));
    }

    /** A node on a fresh directory, started from {@code start}. */
    public static Node start(LedgerStart start) throws IOException {
        return start(start, "");
    }

    /** A node on a fresh directory whose config also holds {@code extraSections} (config-file text). */
    public static Node start(LedgerStart start, String extraSections) throws IOException {
        return start(start, extraSections, NetworkProfile.STOXUM);
    }

    /** A node on a fresh directory running {@code profile}, its config also holding {@code extraSections}. */
    public static Node start(LedgerStart start, String extraSections, NetworkProfile profile) throws IOException {
        Path dir = Files.createTempDirectory("stoxumd-test");
        try {
            return launch(dir, freePort(), freePort(), freePort(), start, extraSections, profile);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    private static Node launch(Path dir, int rpc, int ws, int pub, LedgerStart start, String extraSections,
            NetworkProfile profile) throws IOException {
        NodeConfig config = NodeConfigLoader.parse("test config",
                configText(dir, rpc, ws, pub, profile) + "\n" + extraSections, Optional.empty(),
                dir, dir.resolve("data"), true);
        Application app = Application.start(config, start, LogLevels.Severity.WARNING, ServerOptions.defaults());
        return new Node(dir, rpc, ws, pub, app, profile);
    }

    /** A stoxum-profile config with loopback admin ports and data under {@code dir}. */
    public static String configText(Path dir, int rpcPort, int wsPort, int publicPort) {
        return configText(dir, rpcPort, wsPort, publicPort, NetworkProfile.STOXUM);
    }

    /** A config for {@code profile} with loopback admin ports and data under {@code dir}. */
    public static String configText(Path dir, int rpcPort, int wsPort, int publicPort, NetworkProfile profile) {
        return "[server]\n" + RPC_PORT + "\n" + WS_PORT + "\n" + PUBLIC_PORT + "\n\n"
                + "[" + RPC_PORT + "]\nip = 127.0.0.1\nport = " + rpcPort + "\nprotocol = http\nadmin = 127.0.0.1\n\n"
                + "[" + WS_PORT + "]\nip = 127.0.0.1\nport = " + wsPort + "\nprotocol = ws\nadmin = 127.0.0.1\n\n"
                + "[" + PUBLIC_PORT + "]\nip = 127.0.0.1\nport = " + publicPort + "\nprotocol = http\n\n"
                + "[node_db]\ntype = lmdb\npath = " + dir.resolve("db") + "\n\n"
                + "[database_path]\n" + dir.resolve("data") + "\n\n"
                + "[network_profile]\n" + profile.configName() + "\n";
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                // The kernel may offer a port it offered before, which a test has not bound yet: never hand
                // out one port twice in this JVM, or a config names it for two listeners.
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Removes a directory tree. */
    public static void delete(Path dir) {
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
