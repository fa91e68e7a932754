package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.app.LedgerStart;

/**
 * {@code can_delete} as stoxumd's handler answers it: refused without advisory delete; otherwise every
 * form of the value (number, digit string, hash, now/always/never in any case) sets the limit the store
 * then keeps, and an absent value reads it back.
 */
class CanDeleteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADVISORY = "[node_db]\nonline_delete = 8\nadvisory_delete = 1\n\n[ledger_history]\n8\n";

    private static JsonNode call(TestNodes.Node node, String params) {
        try {
            return node.call("can_delete", JSON.readTree(params));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertError(JsonNode answer, String token, String message) {
        assertEquals(token, answer.path("error").asText(), answer.toString());
        assertEquals(message, answer.path("error_message").asText(), answer.toString());
    }

    private static long allowed(JsonNode answer) {
        JsonNode v = answer.get("can_delete");
        assertEquals(true, v != null && v.isIntegralNumber(), answer.toString());
        return v.asLong();
    }

    @Test
    void refusedWithoutAdvisoryDelete() throws IOException {
        try (TestNodes.Node node = TestNodes.start(false)) {
            assertError(call(node, "{}"), "notEnabled", "Not enabled in configuration.");
            assertError(call(node, "{\"can_delete\":5}"), "notEnabled", "Not enabled in configuration.");
        }
    }

    @Test
    void everyFormOfTheValueSetsTheStoredLimit() throws IOException {
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(false), ADVISORY)) {
            assertEquals(0, allowed(call(node, "{}")), "never, until an operator says otherwise");
            assertEquals(7, allowed(call(node, "{\"can_delete\":7}")));
            assertEquals(7, allowed(call(node, "{}")));
            assertEquals(4000000000L, allowed(call(node, "{\"can_delete\":4000000000}")));
            assertEquals(12, allowed(call(node, "{\"can_delete\":\"012\"}")));
            assertEquals(0, allowed(call(node, "{\"can_delete\":\"99999999999\"}")), "too long for 32 bits: 0");
            assertEquals(0, allowed(call(node, "{\"can_delete\":\"\"}")));
            assertEquals(4294967295L, allowed(call(node, "{\"can_delete\":\"ALWAYS\"}")));
            assertEquals(4294967295L, node.app.ledgerMaster().store().canDelete());
            assertEquals(0, allowed(call(node, "{\"can_delete\":\"never\"}")));
            assertEquals(0, node.app.ledgerMaster().store().canDelete());
            assertError(call(node, "{\"can_delete\":\"now\"}"), "notReady", "Not ready to handle this request.");

            node.call("ledger_accept", null);
            JsonNode closed = node.call("ledger_closed", null);
            String hash = closed.get("ledger_hash").asText();
            assertEquals(closed.get("ledger_index").asLong(), allowed(call(node, "{\"can_delete\":\"" + hash + "\"}")));
            assertEquals(closed.get("ledger_index").asLong(),
                    allowed(call(node, "{\"can_delete\":\"" + hash.toLowerCase() + "\"}")));
            assertError(call(node, "{\"can_delete\":\"" + "AB".repeat(32) + "\"}"), "lgrNotFound", "ledgerNotFound");

            assertError(call(node, "{\"can_delete\":\"later\"}"), "invalidParams", "Invalid parameters.");
            assertError(call(node, "{\"can_delete\":-1}"), "invalidParams", "Invalid parameters.");
            assertError(call(node, "{\"can_delete\":\"" + "AB".repeat(31) + "\"}"), "invalidParams",
                    "Invalid parameters.");
            assertEquals(closed.get("ledger_index").asLong(), allowed(call(node, "{}")), "errors change nothing");
        }
    }
}
