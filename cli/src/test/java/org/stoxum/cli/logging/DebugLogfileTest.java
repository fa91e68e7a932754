package org.stoxum.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.Main;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.cli.server.TestNodes;

/**
 * The server process as an operator runs it: {@code stoxumd --silent} with {@code [debug_logfile]} in its
 * config writes stoxumd's lines to that file at debug, prints nothing to the console once started, and
 * reopens the file on {@code logrotate}.
 */
class DebugLogfileTest {
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\\d{2} \\d{2}:\\d{2}:\\d{2} \\w+:"
                    + "(TRC|DBG|NFO|WRN|ERR|FTL) .*");

    @Test
    void aSilentServerLogsToItsDebugLogfileAtDebugAndReopensItOnLogrotate() throws Exception {
        Path dir = Files.createTempDirectory("stoxumd-debuglog");
        Path file = dir.resolve("debug.log");
        Path console = dir.resolve("console.out");
        int rpc = TestNodes.freePort();
        Path conf = dir.resolve("stoxumd.cfg");
        Files.writeString(conf, TestNodes.configText(dir, rpc, TestNodes.freePort(), TestNodes.freePort())
                + "\n[debug_logfile]\n" + file + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--conf", conf.toString(),
                "--standalone", "--silent")).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        JsonRpcClient client = new JsonRpcClient("127.0.0.1", rpc);
        try {
            awaitReady(process, client, console);
            String started = Files.readString(file);
            assertTrue(started.contains("Application:NFO stoxumd started stand-alone"), started);
            for (String line : started.split("\n")) {
                // A line of its own starts with the year; anything else continues a stack trace.
                assertTrue(line.isEmpty() || !Character.isDigit(line.charAt(0)) || LINE.matcher(line).matches(),
                        "not a stoxumd line: " + line);
            }
            String startConsole = Files.readString(console);
            assertTrue(startConsole.contains("Application:NFO stoxumd started"),
                    "the console has the start-up lines: " + startConsole);

            assertEquals("Debug", client.call("log_level", null).path("levels").path("base").asText(),
                    "[debug_logfile] lowers the threshold to debug, as stoxumd's setup does");
            client.call("ledger_accept", null);
            String queued = "LedgerMaster:DBG queued";
            awaitContains(file, queued);

            Path moved = dir.resolve("debug.log.1");
            Files.move(file, moved);
            int before = count(Files.readString(moved), queued);
            JsonNode rotated = client.call("logrotate", null);
            assertEquals("The log file was closed and reopened.", rotated.path("message").asText());
            client.call("ledger_accept", null);
            awaitContains(file, queued);
            assertEquals(before, count(Files.readString(moved), queued), "nothing more goes to the moved file");

            client.call("stop", null);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not stop");
            assertEquals(0, process.exitValue());
            assertTrue(Files.readString(file).contains("Application:NFO stoxumd stopped"));
            String after = Files.readString(console).substring(startConsole.length());
            assertFalse(after.contains(":DBG ") || after.contains(":NFO "),
                    "--silent: nothing logged reaches the console once started: " + after);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            TestNodes.delete(dir);
        }
    }

    private static void awaitReady(Process process, JsonRpcClient client, Path console) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            try {
                client.call("ping", null);
                return;
            } catch (RpcClientException e) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    fail("the server did not come up:\n" + Files.readString(console));
                }
                Thread.sleep(100);
            }
        }
    }

    /** The writer stores a ledger after answering: its line may follow the answer by a moment. */
    private static void awaitContains(Path file, String text) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            if (System.currentTimeMillis() > deadline) {
                fail("no '" + text + "' in " + file + ":\n" + (Files.exists(file) ? Files.readString(file) : ""));
            }
            Thread.sleep(50);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
