package org.stoxum.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.engine.app.LogLevels.Severity;

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
        assertFalse(any.isDebugEnabled());
        node.call("log_level", json("{\"severity\":\"debug\"}"));
        assertTrue(any.isDebugEnabled());
        node.call("log_level", json("{\"severity\":\"warning\"}"));
        assertFalse(any.isInfoEnabled());
        assertTrue(any.isWarnEnabled());
        node.call("log_level", json("{\"severity\":\"fatal\"}"));
        assertFalse(any.isWarnEnabled());
        assertTrue(any.isErrorEnabled());
    }

    @Test
    void partitionSeverityTakesEffectOnThatLoggerOnlyAndIsListed() {
        Logger ledger = LoggerFactory.getLogger("Ledger");
        Logger other = LoggerFactory.getLogger("Peer");
        node.call("log_level", json("{\"severity\":\"trace\",\"partition\":\"Ledger\"}"));
        assertTrue(ledger.isTraceEnabled());
        assertFalse(other.isDebugEnabled());
        assertEquals(json("{\"base\":\"Info\",\"Ledger\":\"Trace\"}"), node.call("log_level", null).get("levels"));
        node.call("log_level", json("{\"severity\":\"error\",\"partition\":\"base\"}"));
        assertFalse(ledger.isWarnEnabled(), "the base resets the partitions, as in stoxumd");
        assertEquals(json("{\"base\":\"Error\",\"Ledger\":\"Error\"}"), node.call("log_level", null).get("levels"));
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
        assertTrue(before.contains("Rotation:INFO before the rotation"), before);
        assertFalse(before.contains("after the rotation"), before);
        assertTrue(after.contains("Rotation:INFO after the rotation"), after);
        assertFalse(after.contains("before the rotation"), after);
    }

    @Test
    void logrotateWithoutALogFileSaysItCouldNot() {
        assertEquals("The log file could not be closed and reopened.",
                node.call("logrotate", null).get("message").asText());
    }
}
