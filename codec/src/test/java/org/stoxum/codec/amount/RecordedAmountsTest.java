package org.stoxum.codec.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.testing.SharedVectors;

/**
 * Issued amounts as servers printed them: every {@code {currency, issuer, value}} object in the
 * original stoxumd's recorded answers and in the ledger-state fixtures must read and print back to
 * exactly the same JSON (so {@code getText} and {@code to_string(Currency)} agree with the C++).
 */
class RecordedAmountsTest {
    @Test
    void oracleScenarioAnswers() throws IOException {
        List<String> lines = Files.readAllLines(SharedVectors.shared().resolve("oracle/scenario.jsonl"));
        int[] count = {0};
        for (String line : lines) {
            forEachIssuedAmount(Json.parse(line).get("answer"), node -> {
                assertEquals(node, STAmount.fromJson(node, NetworkProfile.STOXUM).toJson(NetworkProfile.STOXUM));
                count[0]++;
            });
        }
        assertTrue(count[0] >= 260, "found only " + count[0] + " issued amounts");
    }

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void ledgerStateFixtures(NetworkProfile profile) {
        JsonNode states = SharedVectors.json("codec/codec-vectors." + profile.configName() + ".json")
                .path("codec_fixtures").path("accountState");
        int[] count = {0};
        for (JsonNode entry : states) {
            String binary = entry.get("binary").textValue();
            forEachIssuedAmount(entry.get("json"), node -> {
                STAmount a = STAmount.fromJson(node, profile);
                assertEquals(node, a.toJson(profile));
                assertTrue(binary.contains(Hex.encode(a.toBytes())), node::toString);
                count[0]++;
            });
        }
        assertTrue(count[0] >= 165, "found only " + count[0] + " issued amounts");
    }

    private static void forEachIssuedAmount(JsonNode node, Consumer<JsonNode> action) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.size() == 3 && node.has("currency") && node.has("issuer") && node.has("value")) {
            action.accept(node);
            return;
        }
        node.elements().forEachRemaining(child -> forEachIssuedAmount(child, action));
    }
}
