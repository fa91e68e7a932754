package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.testing.SharedVectors;

/**
 * Replays the oracle's 520-request conversation (oracle/scenario.jsonl) against a fresh {@code --start}
 * server and compares every answer, minus the clock- and randomness-dependent fields.
 *
 * <p>A ratchet ({@code oracle/scenario-ratchet.txt}) lists the request ids that must match (today all 520):
 * the test fails when one of them stops matching, and prints any others as a to-do list, so a future
 * conversation can be added before it passes whole. Run with {@code -Dscenario.ratchet.write=true} to
 * rewrite the ratchet with every id that matches now.
 */
class ScenarioReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RATCHET = "oracle/scenario-ratchet.txt";
    /** Answers that are random by nature: only their shape is checked. */
    private static final Set<String> RANDOM = Set.of("random", "random-wallet");

    @Test
    void scenarioAnswersMatchTheOriginal() throws IOException {
        List<JsonNode> requests = new ArrayList<>();
        for (String line : Files.readAllLines(SharedVectors.shared().resolve("oracle/scenario.jsonl"))) {
            if (!line.isBlank()) {
                requests.add(JSON.readTree(line));
            }
        }
        assertEquals(520, requests.size(), "the scenario has 520 requests");
        Map<String, List<String>> mismatches = new LinkedHashMap<>();
        Set<String> matching = new LinkedHashSet<>();
        try (TestNodes.Node node = TestNodes.start(true)) {
            for (JsonNode r : requests) {
                String id = r.get("id").asText();
                JsonNode got = node.call(r.get("method").asText(), r.get("params"));
                List<String> diffs = RANDOM.contains(id)
                        ? (got.path("status").asText().equals("success") ? List.of() : List.of("failed: " + got))
                        : OracleAnswers.differences(got, r.get("answer"));
                if (diffs.isEmpty()) {
                    matching.add(id);
                } else {
                    mismatches.put(id, diffs);
                }
            }
        }
        Set<String> ratchet = readRatchet();
        if (Boolean.getBoolean("scenario.ratchet.write")) {
            writeRatchet(matching);
        }
        List<String> regressions = new ArrayList<>();
        for (String id : ratchet) {
            if (!matching.contains(id)) {
                regressions.add(id + " " + mismatches.getOrDefault(id, List.of("not in the scenario")));
            }
        }
        System.out.println("scenario.jsonl: " + matching.size() + " of " + requests.size()
                + " answers match the original; ratchet holds " + ratchet.size());
        System.out.println("to do (" + mismatches.size() + " answers differ):");
        mismatches.forEach((id, d) -> System.out.println("  " + id + ": " + d.get(0)
                + (d.size() > 1 ? " (+" + (d.size() - 1) + " more)" : "")));
        assertTrue(ratchet.size() > 0, "the ratchet lists no request");
        assertEquals(List.of(), regressions, "answers in the ratchet that no longer match");
    }

    private static Set<String> readRatchet() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        try (InputStream in = ScenarioReplayTest.class.getClassLoader().getResourceAsStream(RATCHET)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RATCHET + " is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static void writeRatchet(Set<String> matching) throws IOException {
        Path file = Path.of("src/test/resources").resolve(RATCHET);
        StringBuilder sb = new StringBuilder();
        sb.append("# Request ids of oracle/scenario.jsonl whose answers must match the original server's.\n");
        sb.append("# ScenarioReplayTest fails when one of them stops matching; add ids as they start to match\n");
        sb.append("# (mvn ... -Dtest=ScenarioReplayTest -Dscenario.ratchet.write=true rewrites this file).\n");
        matching.forEach(id -> sb.append(id).append('\n'));
        Files.writeString(file, sb.toString());
    }
}
