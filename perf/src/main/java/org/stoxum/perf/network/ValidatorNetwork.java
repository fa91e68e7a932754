package org.stoxum.perf.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Validators of the built distribution as separate processes on 127.0.0.1: keys and tokens from
 * {@code bin/validator-keys}, one config each (full mesh in {@code [ips_fixed]}, the others' master keys
 * in {@code [validators]}), started with {@code --start}. {@link #close()} stops them (SIGTERM, then kill)
 * and removes the temporary folder; it is safe to call twice and from a shutdown hook.
 */
final class ValidatorNetwork implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STOP_SECONDS = 30;

    /** One validator: its folder, ports, keys, and its process once started. */
    static final class Node {
        final int index;
        final Path dir;
        final int rpcPort;
        final int wsPort;
        final int peerPort;
        String masterKey;
        List<String> tokenLines;
        Process process;

        Node(int index, Path dir, int rpcPort, int wsPort, int peerPort) {
            this.index = index;
            this.dir = dir;
            this.rpcPort = rpcPort;
            this.wsPort = wsPort;
            this.peerPort = peerPort;
        }

        Path log() {
            return dir.resolve("server.log");
        }
    }

    private final NetworkOptions opt;
    private final PrintStream err;
    private final Path root;
    private final List<Node> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean closed;

    ValidatorNetwork(NetworkOptions opt, PrintStream err) throws IOException {
        this.opt = opt;
        this.err = err;
        this.root = Files.createTempDirectory("stoxumd-netperf");
        List<Integer> ports = freePorts(3 * opt.validators());
        for (int i = 0; i < opt.validators(); i++) {
            Path dir = Files.createDirectories(root.resolve("node-" + i));
            nodes.add(new Node(i, dir, ports.get(3 * i), ports.get(3 * i + 1), ports.get(3 * i + 2)));
        }
    }

    List<Node> nodes() {
        return nodes;
    }

    /** Makes every validator's keys and token with the distribution's tool, as an operator would. */
    void makeKeys() throws IOException, InterruptedException {
        Path tool = opt.dist().resolve("bin/validator-keys");
        for (Node n : nodes) {
            Path keyFile = n.dir.resolve("validator-keys.json");
            run(n.dir, tool.toString(), "--keyfile", keyFile.toString(), "create_keys");
            String out = run(n.dir, tool.toString(), "--keyfile", keyFile.toString(), "create_token");
            n.tokenLines = tokenLines(out);
            n.masterKey = JSON.readTree(keyFile.toFile()).path("public_key").asText();
            if (n.tokenLines.isEmpty() || n.masterKey.isEmpty()) {
                throw new IllegalStateException("validator-keys gave no token or key:\n" + out);
            }
        }
    }

    /** The lines of the {@code [validator_token]} block that {@code create_token} prints. */
    static List<String> tokenLines(String createTokenOutput) {
        List<String> lines = new ArrayList<>();
        boolean inToken = false;
        for (String line : createTokenOutput.split("\n")) {
            if (line.trim().equals("[validator_token]")) {
                inToken = true;
            } else if (inToken && !line.isBlank()) {
                lines.add(line.trim());
            } else if (inToken) {
                break;
            }
        }
        return lines;
    }

    /** Node {@code n}'s stoxumd.cfg: admin HTTP and WebSocket ports, a peer port, every other node fixed. */
    String configText(Node n) {
        StringBuilder b = new StringBuilder();
        b.append("[server]\nport_rpc\nport_ws\nport_peer\n\n")
                .append("[port_rpc]\nip = 127.0.0.1\nport = ").append(n.rpcPort)
                .append("\nprotocol = http\nadmin = 127.0.0.1\n\n")
                .append("[port_ws]\nip = 127.0.0.1\nport = ").append(n.wsPort)
                // The generator follows the transactions stream on this port: a ledger of 10,000+ payments
                // publishes that many messages at once, and the stock limit would cut it off (65535 is the most).
                .append("\nprotocol = ws\nadmin = 127.0.0.1\nsend_queue_limit = 65535\n\n")
                .append("[port_peer]\nip = 127.0.0.1\nport = ").append(n.peerPort).append("\nprotocol = peer\n\n")
                .append("[node_db]\ntype = lmdb\npath = ").append(n.dir.resolve("db")).append("\n\n")
                .append("[database_path]\n").append(n.dir.resolve("data")).append("\n\n")
                .append("[ips_fixed]\n");
        for (Node o : nodes) {
            if (o != n) {
                b.append("127.0.0.1 ").append(o.peerPort).append('\n');
            }
        }
        b.append("\n[validators]\n");
        for (Node o : nodes) {
            b.append(o.masterKey).append('\n');
        }
        b.append("\n[validator_token]\n").append(String.join("\n", n.tokenLines)).append('\n');
        b.append("\n[transaction_queue]\nminimum_txn_in_ledger = ").append(opt.minTxnInLedger()).append('\n');
        return b.toString();
    }

    /**
     * Writes every config and starts every node with {@code --start} (a common genesis), one after the
     * other: each node answers RPC before the next one starts, as an operator would bring them up. (Started
     * all at once, the nodes dial each other simultaneously and some links are dropped for good; see
     * perf/README.md.)
     */
    void start() throws IOException, InterruptedException {
        for (Node n : nodes) {
            launch(n);
            long end = System.nanoTime() + opt.readySeconds() * 1_000_000_000L;
            while (serverState(n) == null) {
                if (!n.process.isAlive()) {
                    throw new IllegalStateException("node " + n.index + " exited with " + n.process.exitValue());
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("node " + n.index + " did not answer within "
                            + opt.readySeconds() + " s");
                }
                Thread.sleep(200);
            }
        }
    }

    private synchronized void launch(Node n) throws IOException {
        if (closed) {
            throw new IllegalStateException("stopping");
        }
        Path cfg = Files.writeString(n.dir.resolve("stoxumd.cfg"), configText(n));
        ProcessBuilder pb = new ProcessBuilder(opt.dist().resolve("bin/stoxumd").toString(), "--conf",
                cfg.toString(), "--start").directory(n.dir.toFile()).redirectErrorStream(true)
                .redirectOutput(n.log().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        environment(pb.environment());
        n.process = pb.start();
    }

    private void environment(Map<String, String> env) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("STOXUMD_JAVA_OPTS", opt.nodeJavaOpts());
    }

    /**
     * Waits until every node is connected to every other one and has validated a ledger past the genesis
     * pair (sequence 3 or later); fails naming the laggards.
     */
    void awaitValidated() throws InterruptedException {
        long end = System.nanoTime() + opt.readySeconds() * 1_000_000_000L;
        while (true) {
            List<String> waiting = new ArrayList<>();
            for (Node n : nodes) {
                if (!n.process.isAlive()) {
                    throw new IllegalStateException("node " + n.index + " exited with " + n.process.exitValue());
                }
                JsonNode s = serverState(n);
                if (s == null || s.path("validated_ledger").path("seq").asLong(0) < 3
                        || s.path("peers").asInt(0) < nodes.size() - 1) {
                    waiting.add("node " + n.index + " (" + describe(n) + ")");
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no validated ledger after " + opt.readySeconds() + " s on "
                        + String.join(", ", waiting));
            }
            Thread.sleep(500);
        }
    }

    /** The sequence of the node's validated ledger, 0 when it has none or does not answer. */
    long validatedSeq(Node n) {
        JsonNode s = serverState(n);
        return s == null ? 0 : s.path("validated_ledger").path("seq").asLong(0);
    }

    /** server_state, validated ledger and peer count of a node, for progress and failure messages. */
    String describe(Node n) {
        JsonNode s = serverState(n);
        if (s == null) {
            return "no answer";
        }
        return s.path("server_state").asText("?") + ", validated " + s.path("validated_ledger").path("seq")
                .asLong(0) + ", peers " + s.path("peers").asInt(0);
    }

    private JsonNode serverState(Node n) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.rpcPort))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"server_state\",\"params\":[{}]}"))
                    .build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode state = JSON.readTree(r.body()).path("result").path("state");
            return state.isMissingNode() ? null : state;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** CPU seconds (user + system) the node's JVM used so far, from /proc; -1 when unreadable. */
    static double cpuSeconds(Process p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name and state.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops every node (SIGTERM, then kill), keeps the logs if asked and removes the folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.destroy();
            }
        }
        for (Node n : nodes) {
            if (n.process == null) {
                continue;
            }
            try {
                if (!n.process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                    err.printf("node %d did not stop within %d s of SIGTERM: killed%n", n.index, STOP_SECONDS);
                    n.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                n.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        keepLogs();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            err.println("could not remove " + root + ": " + e.getMessage());
        }
    }

    private void keepLogs() {
        if (opt.logs() == null) {
            return;
        }
        try {
            Files.createDirectories(opt.logs());
            for (Node n : nodes) {
                if (Files.exists(n.log())) {
                    Files.copy(n.log(), opt.logs().resolve("node-" + n.index + ".log"),
                            StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(n.dir.resolve("stoxumd.cfg"), opt.logs().resolve("node-" + n.index + ".cfg"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            err.println("could not keep the logs in " + opt.logs() + ": " + e.getMessage());
        }
    }

    /** The tail of every node's log, for a failure message. */
    String logTails(int lines) {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes) {
            b.append("---- node ").append(n.index).append(" (").append(n.log()).append(")\n");
            try {
                List<String> all = Files.readAllLines(n.log());
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> b.append(l).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                b.append("(no log: ").append(e.getMessage()).append(")\n");
            }
        }
        return b.toString();
    }

    private String run(Path dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "cmd", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                        .toFile()));
        environment(pb.environment());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
        }
        String text = Files.readString(out);
        Files.delete(out);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
                    + text);
        }
        return text;
    }

    /** Distinct free loopback ports, all held open together while they are chosen. */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
