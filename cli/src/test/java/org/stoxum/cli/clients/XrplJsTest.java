package org.stoxum.cli.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.app.LedgerStart;

/**
 * The real xrpl.js client (clients/xrpljs/test.js) against a stand-alone node of each profile: the script
 * checks each answer against rippled's and exits non-zero on a run with a mismatch. On the stoxum profile the
 * script re-spells base58 tokens between the two alphabets on the wire, so the same unmodified client and the
 * same checks serve both.
 */
class XrplJsTest {

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void xrplJsScenarioAgreesWithRippled(NetworkProfile profile) throws Exception {
        Path scripts = clientDir();
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true), "", profile)) {
            ProcessBuilder script = new ProcessBuilder("node", "test.js", "ws://127.0.0.1:" + node.wsPort)
                    .directory(scripts.toFile())
                    .redirectErrorStream(true);
            script.environment().put("STOXUMD_ALPHABET", profile.alphabet());
            script.environment().put("STOXUMD_TOTAL_DROPS", Long.toString(profile.totalDrops()));
            script.environment().put("STOXUMD_RESERVE_DROPS", Long.toString(profile.defaultAccountReserve()));
            script.environment().put("STOXUMD_NATIVE_CURRENCY", profile.nativeCurrency());
            Process p = script.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            boolean ended = p.waitFor(30, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            String transcript = new String(out, StandardCharsets.UTF_8);
            assertTrue(ended, "node test.js did not end:\n" + transcript);
            assertEquals(0, p.exitValue(), "xrpl.js disagreed with the server:\n" + transcript);
            assertTrue(transcript.contains("all checks passed"), transcript);
        }
    }

    /** clients/xrpljs of this checkout, with its npm packages installed. */
    static Path clientDir() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        for (Path d = here; d != null; d = d.getParent()) {
            Path scripts = d.resolve("clients/xrpljs");
            if (Files.isRegularFile(scripts.resolve("test.js"))) {
                if (!Files.isDirectory(scripts.resolve("node_modules/xrpl"))) {
                    fail("xrpl.js is not installed in " + scripts + ": run `npm ci --prefix clients/xrpljs`"
                            + " (.ci/run does it)");
                }
                return scripts;
            }
        }
        return fail("clients/xrpljs/test.js not found above " + here);
    }
}
