package org.stoxum.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.stoxum.cli.Main;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.cli.server.TestNodes;

/**
 * A stoxumd server as its own process on a directory that outlives it, so a test can kill it and start
 * another on the same data. Started either by the built distribution's {@code bin/stoxumd} (failsafe
 * passes where the build left it) or as the java main on this test's class path.
 */
final class ChildServer implements AutoCloseable {
    /** A cold JVM on a busy two-core machine; only a hang reaches it. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** How the server process is started. */
    enum Launcher {
        /** {@code bin/stoxumd} of the distribution tree built by the package phase. */
        DISTRIBUTION,
        /** {@code java -cp <this test's class path> org.stoxum.cli.Main}. */
        CLASSPATH
    }

    /** A data directory, its config and ports, reused by every server started on it. */
    record Home(Path dir, Path conf, int rpcPort, int wsPort, int publicPort) {
        static Home create(String extraConfig) throws IOException {
            Path dir = Files.createTempDirectory("stoxumd-ops");
            return make(dir, dir, extraConfig);
        }

        /**
         * A home whose config and log are in a new temporary directory and whose databases are in
         * {@code dataDir} (an existing directory: a small file system mounted by the test, say), so the log
         * still tells what happened when the data volume is full.
         */
        static Home withDataIn(Path dataDir, String extraConfig) throws IOException {
            return make(Files.createTempDirectory("stoxumd-ops"), dataDir, extraConfig);
        }

        private static Home make(Path dir, Path dataDir, String extraConfig) throws IOException {
            int rpc = TestNodes.freePort();
            int ws = TestNodes.freePort();
            int pub = TestNodes.freePort();
            Path conf = dir.resolve("stoxumd.cfg");
            Files.writeString(conf, TestNodes.configText(dataDir, rpc, ws, pub) + "\n" + extraConfig);
            return new Home(dir, conf, rpc, ws, pub);
        }

        Path log() {
            return dir.resolve("server.log");
        }

        void delete() {
            TestNodes.delete(dir);
        }
    }

    final Home home;
    final Process process;
    final JsonRpcClient admin;

    private ChildServer(Home home, Process process) {
        this.home = home;
        this.process = process;
        this.admin = new JsonRpcClient("127.0.0.1", home.rpcPort(), null, null, Duration.ofSeconds(20));
    }

    /**
     * Starts a server on {@code home} with {@code args} after {@code --conf} and waits until it answers
     * ping. Its output is appended to the home's log, so the log tells every run's story.
     */
    static ChildServer start(Home home, Launcher launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (launcher == Launcher.DISTRIBUTION) {
            Path tree = Path.of(required("stoxum.build.dir")).resolve("stoxumd-" + required("stoxum.version"));
            command.add(tree.resolve("bin/stoxumd").toString());
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()));
        }
        command.addAll(List.of("--conf", home.conf().toString()));
        command.addAll(List.of(args));
        Files.writeString(home.log(), "==== " + String.join(" ", command) + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("STOXUMD_JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
        ChildServer child = new ChildServer(home, pb.start());
        child.awaitReady();
        return child;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run this test through the cli module's "
                    + "failsafe execution (mvn verify)");
        }
        return value;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.call("ping", null);
                return;
            } catch (RpcClientException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String log = log();
                    process.destroyForcibly();
                    throw new IllegalStateException("the server did not come up:\n" + tail(log));
                }
                Thread.sleep(50);
            }
        }
    }

    /** The {@code result} of one admin call. */
    JsonNode call(String method, ObjectNode params) throws RpcClientException {
        return admin.call(method, params);
    }

    /** SIGKILL: the JVM gets no chance to run a shutdown hook or flush anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server survived SIGKILL");
        }
    }

    /** SIGTERM, as systemd stops the service; the exit status, or -1 when the process did not end in time. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Waits for the process to end by itself; its exit status, or -1 when it did not end in time. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    String log() throws IOException {
        return Files.exists(home.log()) ? Files.readString(home.log()) : "(no log)";
    }

    /** The end of a long log, for failure messages. */
    static String tail(String log) {
        return log.length() <= 6000 ? log : "..." + log.substring(log.length() - 6000);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
