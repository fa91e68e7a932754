package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * stoxumd's {@code checkPayment} on sign and submit: the Amount and Destination checks, and what
 * {@code build_path} answers (no path finder here: a payment the default path carries goes on without
 * Paths, as stoxumd's answer when its search finds nothing more).
 */
class BuildPathTest {
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";
    private static final String USD = "{\"currency\":\"USD\",\"issuer\":\"" + GENESIS + "\",\"value\":\"10\"}";
    private static TestNodes.Node node;

    /** DEST funded and trusting the genesis account for 1000 USD. */
    @BeforeAll
    static void start() throws IOException {
        node = TestNodes.start(true);
        JsonNode funded = node.request("submit", "{\"secret\":\"masterpassphrase\",\"tx_json\":{\"TransactionType\":\"Payment\","
                + "\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST + "\",\"Amount\":\"1000000000\"}}");
        assertEquals("tesSUCCESS", funded.get("engine_result").asText(), funded.toString());
        node.call("ledger_accept", null);
        JsonNode trust = node.request("submit", "{\"secret\":\"oracle-dest\",\"tx_json\":{\"TransactionType\":\"TrustSet\","
                + "\"Account\":\"" + DEST + "\",\"LimitAmount\":{\"currency\":\"USD\",\"issuer\":\"" + GENESIS
                + "\",\"value\":\"1000\"}}}");
        assertEquals("tesSUCCESS", trust.get("engine_result").asText(), trust.toString());
        node.call("ledger_accept", null);
    }

    @AfterAll
    static void stop() {
        node.close();
    }


    private static JsonNode sign(String fields, String more) {
        return node.request("sign", "{\"secret\":\"masterpassphrase\"" + more + ",\"tx_json\":{\"TransactionType\":\"Payment\","
                + "\"Account\":\"" + GENESIS + "\"" + fields + "}}");
    }

    private static void assertInvalid(JsonNode answer, String message) {
        assertEquals("invalidParams", answer.path("error").asText(), answer.toString());
        assertEquals(message, answer.path("error_message").asText(), answer.toString());
    }

    @Test
    void amountAndDestinationErrorsNameTheField() {
        assertInvalid(sign(",\"Destination\":\"" + DEST + "\",\"Amount\":\"abc\"", ""),
                "Invalid field 'tx_json.Amount'.");
        assertInvalid(sign(",\"Destination\":\"" + DEST + "\",\"Amount\":{\"currency\":\"USD\"}", ""),
                "Invalid field 'tx_json.Amount'.");
        assertInvalid(sign(",\"Destination\":\"nobody\",\"Amount\":\"1\"", ""),
                "Invalid field 'tx_json.Destination'.");
        assertInvalid(sign(",\"Destination\":7,\"Amount\":\"1\"", ""), "Invalid field 'tx_json.Destination'.");
        assertInvalid(sign(",\"Amount\":\"abc\"", ""), "Invalid field 'tx_json.Amount'.");
        assertInvalid(sign(",\"Amount\":\"1\"", ""), "Missing field 'tx_json.Destination'.");
    }

    @Test
    void buildPathRefusesNativeToNativeAndBadSendMax() {
        String toDest = ",\"Destination\":\"" + DEST + "\"";
        assertInvalid(sign(toDest + ",\"Amount\":\"1\"", ",\"build_path\":true"), "Cannot build STM to STM paths.");
        assertInvalid(sign(toDest + ",\"Amount\":\"1\",\"SendMax\":\"5\"", ",\"build_path\":true"),
                "Cannot build STM to STM paths.");
        assertInvalid(sign(toDest + ",\"Amount\":\"1\",\"SendMax\":\"x\"", ",\"build_path\":true"),
                "Invalid field 'tx_json.SendMax'.");
        assertInvalid(sign(toDest + ",\"Amount\":\"1\",\"Paths\":[]", ",\"build_path\":true"),
                "Cannot specify both 'tx_json.Paths' and 'build_path'");
        assertInvalid(sign(toDest + ",\"Amount\":\"1\",\"Sequence\":1,\"Fee\":\"10\"",
                ",\"build_path\":true,\"offline\":true"), "Field 'build_path' not allowed in this context.");
        JsonNode mixed = sign(toDest + ",\"Amount\":\"1\",\"SendMax\":" + USD, ",\"build_path\":true");
        assertFalse(mixed.has("error"), "an issued SendMax is searched, not refused: " + mixed);
        assertFalse(mixed.get("tx_json").has("Paths"));
    }

    @Test
    void anIssuedPaymentTheDefaultPathCarriesGoesOnWithoutPaths() {
        JsonNode submitted = node.request("submit", "{\"secret\":\"masterpassphrase\",\"build_path\":true,\"tx_json\":{"
                + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST
                + "\",\"Amount\":" + USD + "}}");
        assertEquals("tesSUCCESS", submitted.get("engine_result").asText(), submitted.toString());
        assertFalse(submitted.get("tx_json").has("Paths"), "nothing beyond the default path");
    }
}
