package org.stoxum.cli.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.cli.validatorkeys.ValidatorKeys;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.manifest.ValidatorToken;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.rpc.server.ServerOptions;

/**
 * Networked nodes in one JVM for tests: each has its own data folder, loopback RPC and peer ports, a config
 * file naming the others as fixed peers and the validators as trusted, and (validators) a token made by the
 * validator-keys tool's code. Everything is stopped and removed on {@link #close()}.
 */
public final class TestNetwork implements AutoCloseable {
    /** A node's config, before it starts. */
    public static final class Spec {
        final Path dir;
        final int rpcPort;
        final int peerPort;
        final Optional<ValidatorToken> token;
        final String masterKey;

        Spec(Path dir, int rpcPort, int peerPort, Optional<ValidatorKeys> keys) {
            this.dir = dir;
            this.rpcPort = rpcPort;
            this.peerPort = peerPort;
            this.token = keys.flatMap(ValidatorKeys::createToken);
            this.masterKey = token.map(t -> t.manifest().masterKey().toBase58(TokenType.NODE_PUBLIC,
                    NetworkProfile.STOXUM)).orElse(null);
        }
    }

    /** A started node. */
    public static final class Node {
        public final Spec spec;
        public final Application app;
        private final JsonRpcClient client;

        Node(Spec spec, Application app) {
            this.spec = spec;
            this.app = app;
            this.client = new JsonRpcClient("127.0.0.1", spec.rpcPort);
        }

        /** The {@code result} of one admin call. */
        public JsonNode call(String method, ObjectNode params) {
            try {
                return client.call(method, params);
            } catch (RpcClientException e) {
                throw new IllegalStateException(method + " got no answer: " + e.getMessage(), e);
            }
        }

        /** server_state's {@code state}. */
        public JsonNode state() {
            return call("server_state", null).path("state");
        }
    }

    private final List<Spec> specs = new ArrayList<>();
    private final List<Node> running = new ArrayList<>();
    private final List<String> trusted = new ArrayList<>();

    /** Plans {@code validators} validators and {@code stock} stock servers (not started). */
    public TestNetwork(int validators, int stock) throws IOException {
        for (int i = 0; i < validators + stock; i++) {
            Path dir = Files.createTempDirectory("stoxumd-net");
            Spec s = new Spec(dir, TestNodes.freePort(), TestNodes.freePort(),
                    i < validators ? Optional.of(ValidatorKeys.generate()) : Optional.empty());
            specs.add(s);
            if (s.masterKey != null) {
                trusted.add(s.masterKey);
            }
        }
    }

    /** The planned nodes, validators first. */
    public List<Spec> specs() {
        return specs;
    }

    /** Starts node {@code i} of the plan. */
    public Node start(int i, LedgerStart start) throws IOException {
        Spec s = specs.get(i);
        String text = configText(s);
        Files.writeString(s.dir.resolve("stoxumd.cfg"), text);
        NodeConfig config = NodeConfigLoader.parse("node " + i, text, Optional.empty(), s.dir, s.dir.resolve("data"),
                false);
        Node n = new Node(s, Application.start(config, start, LogLevels.Severity.WARNING, ServerOptions.defaults()));
        running.add(n);
        return n;
    }

    /** The config file of {@code s}: every other planned node is a fixed peer. */
    public String configText(Spec s) {
        StringBuilder b = new StringBuilder();
        b.append("[server]\nport_rpc\nport_peer\n\n")
                .append("[port_rpc]\nip = 127.0.0.1\nport = ").append(s.rpcPort)
                .append("\nprotocol = http\nadmin = 127.0.0.1\n\n")
                .append("[port_peer]\nip = 127.0.0.1\nport = ").append(s.peerPort).append("\nprotocol = peer\n\n")
                .append("[node_db]\ntype = lmdb\npath = ").append(s.dir.resolve("db")).append("\n\n")
                .append("[database_path]\n").append(s.dir.resolve("data")).append("\n\n")
                .append("[ips_fixed]\n");
        for (Spec o : specs) {
            if (o != s) {
                b.append("127.0.0.1 ").append(o.peerPort).append('\n');
            }
        }
        b.append("\n[validators]\n");
        for (String k : trusted) {
            b.append(k).append('\n');
        }
        s.token.ifPresent(t -> b.append("\n[validator_token]\n").append(String.join("\n", t.configLines()))
                .append('\n'));
        return b.toString();
    }

    /** Waits until {@code condition} holds, failing after {@code limit}. */
    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() {
        for (Node n : running) {
            try {
                n.app.close();
            } catch (RuntimeException ignored) {
                // keep stopping the others
            }
        }
        for (Spec s : specs) {
            try (Stream<Path> walk = Files.walk(s.dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
