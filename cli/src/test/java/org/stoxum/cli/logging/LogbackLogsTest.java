package org.stoxum.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.app.LogLevels.Severity;
import org.stoxum.engine.app.LogPartitions;
import org.stoxum.engine.net.NetworkOps;
import org.stoxum.engine.tx.queue.TxQ;

/** log_level and logrotate, sent to a running node, act on the real logback configuration. */
class LogbackLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestNodes.Node node;
    private LogbackLogs logs;

    @BeforeAll
    static void start() throws IOException {
        node = TestNodes.start(false);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void install() {
        logs = LogbackLogs.install(Severity.INFO);
        node.app.logLevels().attach(logs);
    }

    @AfterEach
    void restore() {
        node.call("log_level", json("{\"severity\":\"info\"}"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void baseSeverityTakesEffectOnEveryLogger() {
        Logger any = LoggerFactory.getLogger("org.stoxum.Anything");
        Logger ledgerMaster = LoggerFactory.getLogger(LedgerMaster.class);
        assertFalse(any.isDebugEnabled());
        node.call("log_level", json("{\"severity\":\"debug\"}"));
        assertTrue(any.isDebugEnabled());
        assertTrue(ledgerMaster.isDebugEnabled());
        node.call("log_level", json("{\"severity\":\"warning\"}"));
        assertFalse(any.isInfoEnabled());
        assertTrue(any.isWarnEnabled());
        assertFalse(ledgerMaster.isInfoEnabled());
        node.call("log_level", json("{\"severity\":\"fatal\"}"));
        assertFalse(any.isErrorEnabled(), "fatal is above error (-q shows fatal lines only)");
        assertFalse(ledgerMaster.isErrorEnabled());
        assertTrue(any.isErrorEnabled(LogLevels.FATAL_MARKER), "no threshold stops a fatal line");
    }

    @Test
    void aPartitionReachesTheRealLoggersThatDoItsWork() {
        Logger ledgerMaster = LoggerFactory.getLogger(LedgerMaster.class);
        Logger networkOps = LoggerFactory.getLogger(NetworkOps.class);
        Logger txq = LoggerFactory.getLogger(TxQ.class);
        assertFalse(ledgerMaster.isDebugEnabled());
        node.call("log_level", json("{\"severity\":\"debug\",\"partition\":\"LedgerMaster\"}"));
        assertTrue(ledgerMaster.isDebugEnabled());
        assertFalse(ledgerMaster.isTraceEnabled());
        assertFalse(networkOps.isDebugEnabled(), "other partitions keep the base");
        node.call("log_level", json("{\"severity\":\"trace\",\"partition\":\"txq\"}"));
        assertTrue(txq.isTraceEnabled(), "partition names are read in any case, as stoxumd's");
        node.call("log_level", json("{\"severity\":\"error\",\"partition\":\"NetworkOPs\"}"));
        assertFalse(networkOps.isWarnEnabled());
        assertTrue(LoggerFactory.getLogger("org.stoxum.Anything").isInfoEnabled());
    }

    @Test
    void logLevelListsEveryStoxumdPartitionWithItsThreshold() {
        node.call("log_level", json("{\"severity\":\"debug\",\"partition\":\"LedgerMaster\"}"));
        JsonNode levels = node.call("log_level", null).get("levels");
        assertEquals("Info", levels.get("base").asText());
        assertEquals("Debug", levels.get("LedgerMaster").asText());
        for (String partition : LogPartitions.names()) {
            assertTrue(levels.has(partition), partition + " missing from " + levels);
        }
        assertEquals(LogPartitions.names().size() + 1, levels.size(), levels.toString());
        node.call("log_level", json("{\"severity\":\"error\",\"partition\":\"base\"}"));
        levels = node.call("log_level", null).get("levels");
        assertEquals("Error", levels.get("LedgerMaster").asText(), "the base resets the partitions, as in stoxumd");
        assertFalse(LoggerFactory.getLogger(LedgerMaster.class).isWarnEnabled());
    }

    @Test
    void fileLinesReadAsStoxumdsWithItsSeverities(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("debug.log");
        assertTrue(logs.logTo(file));
        node.call("log_level", json("{\"severity\":\"trace\"}"));
        Logger ledgerMaster = LoggerFactory.getLogger(LedgerMaster.class);
        ledgerMaster.trace("line-t");
        ledgerMaster.debug("line-d");
        ledgerMaster.info("line-i");
        ledgerMaster.warn("line-w");
        ledgerMaster.error("line-e");
        ledgerMaster.error(LogLevels.FATAL_MARKER, "line-f");
        LoggerFactory.getLogger("org.stoxum.Outside").info("line-s {\"secret\":\"snoo\",\"seed\":\"sEd\"}");
        List<String> lines = Files.readAllLines(file).stream().filter(l -> l.contains(" line-")).toList();
        String time = "\\d{4}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\\d{2} \\d{2}:\\d{2}:\\d{2} ";
        List<String> expected = List.of("LedgerMaster:TRC line-t", "LedgerMaster:DBG line-d",
                "LedgerMaster:NFO line-i", "LedgerMaster:WRN line-w", "LedgerMaster:ERR line-e",
                "LedgerMaster:FTL line-f", "Outside:NFO line-s {\"secret\":\"****\",\"seed\":\"***\"}");
        assertEquals(expected.size(), lines.size(), lines.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(lines.get(i).matches(time + java.util.regex.Pattern.quote(expected.get(i))), lines.get(i));
        }
    }

    @Test
    void aFatalThresholdWritesFatalLinesOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("debug.log");
        assertTrue(logs.logTo(file));
        node.call("log_level", json("{\"severity\":\"fatal\"}"));
        Logger log = LoggerFactory.getLogger(LedgerMaster.class);
        log.error("an error");
        log.error(LogLevels.FATAL_MARKER, "a fatal");
        String text = Files.readString(file);
        assertFalse(text.contains("an error"), text);
        assertTrue(text.contains("LedgerMaster:FTL a fatal"), text);
    }

    @Test
    void aLongLineIsCutAtStoxumdsLimit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("debug.log");
        assertTrue(logs.logTo(file));
        LoggerFactory.getLogger(LedgerMaster.class).info("x".repeat(20_000));
        String line = Files.readAllLines(file).stream().filter(l -> l.contains("xxxx")).findFirst().orElseThrow();
        assertEquals(LogLine.MAXIMUM_CHARACTERS, line.length());
        assertTrue(line.endsWith("x..."), line.substring(line.length() - 10));
    }

    @Test
    void logrotateReopensTheFileSoNewLinesLandInANewFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("debug.log");
        Path moved = dir.resolve("debug.log.1");
        assertTrue(logs.logTo(file));
        Logger log = LoggerFactory.getLogger("Rotation");
        log.info("before the rotation");
        Files.move(file, moved);
        assertEquals("The log file was closed and reopened.", node.call("logrotate", null).get("message").asText());
        assertTrue(Files.exists(file));
        log.info("after the rotation");
        String before = Files.readString(moved);
        String after = Files.readString(file);
        assertTrue(before.contains("Rotation:NFO before the rotation"), before);
        assertFalse(before.contains("after the rotation"), before);
        assertTrue(after.contains("Rotation:NFO after the rotation"), after);
        assertFalse(after.contains("before the rotation"), after);
    }

    @Test
    void logrotateWithoutALogFileSaysItCouldNot() {
        assertEquals("The log file could not be closed and reopened.",
                node.call("logrotate", null).get("message").asText());
    }
}
