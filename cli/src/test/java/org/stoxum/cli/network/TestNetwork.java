package org.stoxum.cli.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
    /**
     * What makes a node a validator: its master public key (base58, as {@code [validators]} lists it) and the
     * lines of its {@code [validator_token]}.
     */
    public record Validator(String masterKey, List<String> tokenLines) {
        /** A validator with fresh keys, made in-process by the validator-keys tool's code. */
        public static Validator generate() {
            ValidatorToken t = ValidatorKeys.generate().createToken().orElseThrow();
            return new Validator(t.manifest().masterKey().toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM),
                    t.configLines());
        }
    }

    /** A node's config, before it starts. */
    public static final class Spec {
        public final Path dir;
        public final int rpcPort;
        public final int peerPort;
        final Optional<Validator> validator;
        /** Config-file text appended to the generated sections (see {@link TestNetwork#addConfig}). */
        private final StringBuilder extra = new StringBuilder();

        Spec(Path dir, int rpcPort, int peerPort, Optional<Validator> validator) {
            this.dir = dir;
            this.rpcPort = rpcPort;
            this.peerPort = peerPort;
            this.validator = validator;
        }
    }

    /** A started node. */
    public static final class Node {
        public final Spec spec;
        public final Application app;
        private final JsonRpcClient client;

        /** @param app the node when it runs in this JVM, null when it is another process */
        public Node(Spec spec, Application app) {
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

    /** Plans {@code validators} validators with fresh keys and {@code stock} stock servers (not started). */
    public TestNetwork(int validators, int stock) throws IOException {
        this(Stream.generate(Validator::generate).limit(validators).toList(), stock);
    }

    /** Plans a node for each of {@code validators}, then {@code stock} stock servers (not started). */
    public TestNetwork(List<Validator> validators, int stock) throws IOException {
        for (int i = 0; i < validators.size() + stock; i++) {
            Optional<Validator> v = i < validators.size() ? Optional.of(validators.get(i)) : Optional.empty();
            specs.add(new Spec(Files.createTempDirectory("stoxumd-net"), TestNodes.freePort(), TestNodes.freePort(),
                    v));
            v.ifPresent(x -> trusted.add(x.masterKey()));
        }
    }

    /** The planned nodes, validators first. */
    public List<Spec> specs() {
        return specs;
    }

    /** Appends {@code sections} (config-file text) to the config of planned node {@code i}. */
    public void addConfig(int i, String sections) {
        specs.get(i).extra.append('\n').append(sections).append('\n');
    }

    /** Appends {@code sections} (config-file text) to the config of every planned node. */
    public void addConfigToAll(String sections) {
        for (int i = 0; i < specs.size(); i++) {
            addConfig(i, sections);
        }
    }

    /** Writes node {@code i}'s {@code stoxumd.cfg} into its folder and returns its path. */
    public Path writeConfig(int i) throws IOException {
        Spec s = specs.get(i);
        return Files.writeString(s.dir.resolve("stoxumd.cfg"), configText(s));
    }

    /**
     * The nodes' log threshold: warnings, unless {@code -Dstoxum.test.log=INFO} (or another severity) asks for
     * more while a network test is being diagnosed.
     */
    private static final LogLevels.Severity LOG_SEVERITY =
            LogLevels.Severity.valueOf(System.getProperty("stoxum.test.log", "WARNING"));

    /** Starts node {@code i} of the plan in this JVM. */
    public Node start(int i, LedgerStart start) throws IOException {
        Spec s = specs.get(i);
        String text = Files.readString(writeConfig(i));
        NodeConfig config = NodeConfigLoader.parse("node " + i, text, Optional.empty(), s.dir, s.dir.resolve("data"),
                false);
        Node n = new Node(s, Application.start(config, start, LOG_SEVERITY, ServerOptions.defaults()));
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
        s.validator.ifPresent(v -> b.append("\n[validator_token]\n").append(String.join("\n", v.tokenLines()))
                .append('\n'));
        b.append(s.extra);
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

    // ------------------------------------------------------------------ calls tests make

    /** The body of a plain GET on the node's RPC port (/health, /metrics). */
    public static String httpGet(Node n, String path) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + n.spec.rpcPort
                            + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode passphrase(String words) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("passphrase", words);
        return p;
    }

    public static String secret(TestNetwork.Node n, String words) {
        return n.call("wallet_propose", passphrase(words)).path("master_seed").asText();
    }

    /** Signs and submits a payment of {@code drops} with {@code secret}. */
    public static JsonNode pay(TestNetwork.Node n, String secret, String from, String to, long drops) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("secret", secret);
        ObjectNode tx = p.putObject("tx_json");
        tx.put("TransactionType", "Payment");
        tx.put("Account", from);
        tx.put("Destination", to);
        tx.put("Amount", Long.toString(drops));
        return n.call("submit", p);
    }

    public static String balance(TestNetwork.Node n, String account) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("account", account);
        p.put("ledger_index", "validated");
        return n.call("account_info", p).path("account_data").path("Balance").asText();
    }

    public static long validatedSeq(TestNetwork.Node n) {
        return n.state().path("validated_ledger").path("seq").asLong(0);
    }

    public static String ledgerHash(TestNetwork.Node n, long seq) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("ledger_index", seq);
        return n.call("ledger", p).path("ledger").path("ledger_hash").asText();
    }
}
