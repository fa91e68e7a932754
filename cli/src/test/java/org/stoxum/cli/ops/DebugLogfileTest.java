package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;

/**
 * The server process as an operator runs it: {@code stoxumd --silent} with {@code [debug_logfile]} in its
 * config writes stoxumd's lines to that file at debug, prints nothing to the console once started, and
 * reopens the file on {@code logrotate}.
 */
class DebugLogfileTest {
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\\d{2} \\d{2}:\\d{2}:\\d{2} \\w+:"
                    + "(TRC|DBG|NFO|WRN|ERR|FTL) .*");

    @Test
    void aSilentServerLogsToItsDebugLogfileAtDebugAndReopensItOnLogrotate() throws Exception {
        Path logDir = Files.createTempDirectory("stoxumd-debuglog");
        Path file = logDir.resolve("debug.log");
        ChildServer.Home home = ChildServer.Home.create("[debug_logfile]\n" + file + "\n");
        try (ChildServer server = ChildServer.start(home, ChildServer.Launcher.CLASSPATH, "--standalone",
                "--silent")) {
            String started = Files.readString(file);
            assertTrue(started.contains("Application:NFO stoxumd started stand-alone"), started);
            for (String line : started.split("\n")) {
                // A line of its own starts with the year; anything else continues a stack trace.
                assertTrue(line.isEmpty() || !Character.isDigit(line.charAt(0)) || LINE.matcher(line).matches(),
                        "not a stoxumd line: " + line);
            }
            String startConsole = server.log();
            assertTrue(startConsole.contains("Application:NFO stoxumd started"),
                    "the console has the start-up lines: " + startConsole);

            assertEquals("Debug", server.call("log_level", null).path("levels").path("base").asText(),
                    "[debug_logfile] lowers the threshold to debug, as stoxumd's setup does");
            server.call("ledger_accept", null);
            String queued = "LedgerMaster:DBG queued";
            awaitContains(file, queued);

            Path moved = logDir.resolve("debug.log.1");
            Files.move(file, moved);
            int before = count(Files.readString(moved), queued);
            JsonNode rotated = server.call("logrotate", null);
            assertEquals("The log file was closed and reopened.", rotated.path("message").asText());
            server.call("ledger_accept", null);
            awaitContains(file, queued);
            assertEquals(before, count(Files.readString(moved), queued), "nothing more goes to the moved file");

            server.call("stop", null);
            assertEquals(0, server.awaitExit(Duration.ofSeconds(60)), "the server stops with status 0");
            assertTrue(Files.readString(file).contains("Application:NFO stoxumd stopped"));
            String after = server.log().substring(startConsole.length());
            assertFalse(after.contains(":DBG ") || after.contains(":NFO "),
                    "--silent: nothing logged reaches the console once started: " + after);
        } finally {
            home.delete();
            TestNodes.delete(logDir);
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
