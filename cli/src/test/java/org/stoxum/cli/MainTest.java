package org.stoxum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.engine.config.ConfigEnvironment;

/** Client mode and the informational options of {@code stoxumd}, against an in-process server. */
class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestNodes.Node node;
    private static Path conf;

    @BeforeAll
    static void start() throws IOException {
        node = TestNodes.start(true);
        conf = node.writeConfig();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** What one run printed and returned. */
    public record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConfigEnvironment env = new ConfigEnvironment(Map.of(), Path.of("").toAbsolutePath(),
                Path.of("/nonexistent/etc"), Path.of("/nonexistent/var"));
        int status = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void serverInfoPrintsTheResultStyled() throws IOException {
        Run r = run("--conf", conf.toString(), "-q", "server_info");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("{\n   \"info\" : {\n      \"build_version\" : \"0.1.0\",\n"), r.out());
        JsonNode result = r.json();
        assertEquals("success", result.get("status").asText());
        assertEquals("full", result.get("info").get("server_state").asText());
    }

    @Test
    void anErrorAnswerExitsWithItsCodeAndShowsTheRequest() throws IOException {
        Run r = run("--conf", conf.toString(), "account_info", "xzD55RvEyv7xSn3KDGVss1pfo33CkQQb3F");
        assertEquals(19, r.status(), "actNotFound is error 19");
        JsonNode result = r.json();
        assertEquals("actNotFound", result.get("error").asText());
        assertEquals("account_info", result.get("rpc").get("method").asText());
        assertEquals("xzD55RvEyv7xSn3KDGVss1pfo33CkQQb3F", result.get("request_sent").get("account").asText());
        assertEquals("error", result.get("status").asText());
    }

    @Test
    void anUnknownCommandExitsNonZero() throws IOException {
        Run r = run("--conf", conf.toString(), "no_such_command_xyz");
        assertEquals(32, r.status(), "unknownCmd is error 32; stoxumd exits 0 here, we do better");
        assertEquals("unknownCmd", r.json().get("error").asText());
    }

    @Test
    void withNoServerTheClientSaysSoAndFails() throws IOException {
        Path dir = Files.createTempDirectory("stoxumd-noserver");
        try {
            int port = TestNodes.freePort();
            Path cfg = dir.resolve("stoxumd.cfg");
            Files.writeString(cfg, TestNodes.configText(dir, port, TestNodes.freePort(), TestNodes.freePort()));
            Run r = run("--conf", cfg.toString(), "server_info");
            assertEquals(Main.NO_ANSWER, r.status());
            assertTrue(r.err().contains("no server answered at 127.0.0.1:" + port), r.err());
            assertEquals("", r.out());
        } finally {
            TestNodes.delete(dir);
        }
    }

    @Test
    void wrongArgumentCountPrintsTheUsage() {
        Run r = run("--conf", conf.toString(), "ledger_closed", "extra");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("Usage: "), r.err());
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertEquals(0, v.status());
        assertEquals("rippled version 0.1.0\n", v.out());
        Run h = run("--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("--standalone"), h.out());
    }
}
