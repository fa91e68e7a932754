package org.stoxum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.cli.server.OracleStartTest;
import org.stoxum.cli.server.TestNodes;

/**
 * The real thing: {@code stoxumd --standalone --start} as its own process (the java main on this test's
 * class path), answering the oracle's start-up conversation, then stopped by the client's {@code stop}
 * command or by SIGTERM.
 */
class ChildProcessServerTest {
    private static final long START_TIMEOUT_MILLIS = 60_000;

    /** A server process with its directory, config and log. */
    private record Child(Process process, Path dir, Path conf, Path log, JsonRpcClient client) {
        void destroy() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            TestNodes.delete(dir);
        }

        String logText() throws IOException {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        }
    }

    private static Child launch() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("stoxumd-child");
        int rpc = TestNodes.freePort();
        Path conf = dir.resolve("stoxumd.cfg");
        Files.writeString(conf, TestNodes.configText(dir, rpc, TestNodes.freePort(), TestNodes.freePort()));
        Path log = dir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--conf", conf.toString(), "--standalone", "--start"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Child child = new Child(pb.start(), dir, conf, log, new JsonRpcClient("127.0.0.1", rpc));
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            try {
                child.client().call("ping", null);
                return child;
            } catch (RpcClientException e) {
                if (!child.process().isAlive() || System.currentTimeMillis() > deadline) {
                    String text = child.logText();
                    child.destroy();
                    fail("the server did not come up:\n" + text);
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void aServerProcessAnswersTheOracleStartSequenceAndStopsOnCommand() throws Exception {
        Child child = launch();
        try {
            List<String> failures = OracleStartTest.replay(OracleStartTest.exchanges("start"), (m, p) -> {
                try {
                    return child.client().call(m, (ObjectNode) p.deepCopy());
                } catch (RpcClientException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(List.of(), failures, "answers that differ from the original server's");
            MainTest.Run stop = MainTest.run("--conf", child.conf().toString(), "stop");
            assertEquals(0, stop.status(), stop.err());
            assertEquals("stoxum server stopping", stop.json().get("message").asText());
            assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "the server did not stop");
            assertEquals(0, child.process().exitValue(), child.logText());
        } finally {
            child.destroy();
        }
    }

    @Test
    void sigtermStopsTheServerCleanly() throws Exception {
        Child child = launch();
        try {
            child.process().destroy();
            assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "the server ignored SIGTERM");
            String log = child.logText();
            assertTrue(log.contains("stoxumd stopped"), "the shutdown hook closed the node:\n" + log);
            assertEquals(128 + 15, child.process().exitValue(), "the status of a process ended by SIGTERM");
        } finally {
            child.destroy();
        }
    }
}
