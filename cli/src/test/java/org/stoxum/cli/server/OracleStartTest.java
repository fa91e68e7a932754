package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stoxum.codec.testing.SharedVectors;

/**
 * The oracle's start-up conversation (server_info ... fee, with a payment in between), replayed answer by
 * answer against an in-process stand-alone server, in both genesis variants.
 */
public class OracleStartTest {

    /** The recorded exchanges of one run, in call order. */
    public static List<Path> exchanges(String variant) throws IOException {
        Path dir = SharedVectors.shared().resolve("oracle").resolve(variant);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Replays the exchanges through {@code call} and returns what differs, by file. */
    public static List<String> replay(List<Path> exchanges, Caller call) {
        List<String> failures = new ArrayList<>();
        for (Path p : exchanges) {
            JsonNode exchange = SharedVectors.readJson(p);
            JsonNode request = exchange.get("request");
            JsonNode params = request.get("params").get(0);
            JsonNode got = call.call(request.get("method").asText(), params);
            if (p.getFileName().toString().contains("random")) {
                assertTrue(got.has("master_seed"), "a random wallet is still a wallet: " + got);
                continue;
            }
            for (String d : OracleAnswers.differences(got, exchange.get("response").get("result"))) {
                failures.add(p.getFileName() + " " + d);
            }
        }
        return failures;
    }

    @FunctionalInterface
    public interface Caller {
        JsonNode call(String method, JsonNode params);
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "nostart"})
    void everyAnswerMatchesTheOriginal(String variant) throws IOException {
        List<Path> exchanges = exchanges(variant);
        assertEquals(27, exchanges.size(), "the oracle's " + variant + " run has 27 exchanges");
        try (TestNodes.Node node = TestNodes.start(variant.equals("start"))) {
            List<String> failures = replay(exchanges, node::call);
            assertEquals(List.of(), failures, "answers that differ from the original server's");
        }
    }
}
