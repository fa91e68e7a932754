package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Handler behaviour the oracle conversations do not reach: ledger selectors, paging markers, the secret
 * and fee rules of signing, refused blobs, and the admin commands' small answers, as stoxumd's handlers
 * have them.
 */
class HandlerBehaviourTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";
    private static TestNodes.Node node;

    @BeforeAll
    static void start() throws IOException {
        node = TestNodes.start(true);
        for (String amount : new String[] {"1000000000", "2000000"}) {
            JsonNode r = node.request("submit", "{\"secret\":\"masterpassphrase\",\"tx_json\":{\"TransactionType\":\"Payment\","
                    + "\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST + "\",\"Amount\":\"" + amount + "\"}}");
            assertEquals("tesSUCCESS", r.get("engine_result").asText(), r.toString());
            node.call("ledger_accept", null);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }


    private static void assertError(JsonNode answer, String token, String message) {
        assertEquals(token, answer.path("error").asText(), answer.toString());
        if (message != null) {
            assertEquals(message, answer.path("error_message").asText(), answer.toString());
        }
        assertEquals("error", answer.path("status").asText());
    }

    @Test
    void ledgerSelectors() {
        assertError(node.request("ledger", "{\"ledger_index\":\"12\"}"), "invalidParams", "ledgerIndexMalformed");
        assertError(node.request("ledger", "{\"ledger_index\":10000}"), "lgrNotFound", "ledgerNotFound");
        assertError(node.request("ledger", "{\"ledger_hash\":\"zz\"}"), "invalidParams", "ledgerHashMalformed");
        assertError(node.request("ledger", "{\"ledger_hash\":5}"), "invalidParams", "ledgerHashNotString");
        JsonNode byIndex = node.request("ledger", "{\"ledger_index\":3}");
        JsonNode byHash = node.request("ledger", "{\"ledger_hash\":\"" + byIndex.get("ledger_hash").asText() + "\"}");
        assertEquals(byIndex, byHash);
        JsonNode legacy = node.request("ledger", "{\"ledger\":3}");
        assertEquals(byIndex, legacy, "the legacy 'ledger' member reads short values as an index");
        JsonNode both = node.request("ledger", "{}");
        assertEquals("4", both.get("closed").get("ledger").get("ledger_index").asText());
        assertEquals("5", both.get("open").get("ledger").get("ledger_index").asText());
        assertFalse(both.get("open").get("ledger").get("closed").asBoolean());
        JsonNode binary = node.request("ledger", "{\"ledger_index\":\"closed\",\"binary\":true,\"transactions\":true,"
                + "\"expand\":true}");
        assertEquals(236, binary.get("ledger").get("ledger_data").asText().length(), "118 header bytes in hex");
        assertTrue(binary.get("ledger").get("transactions").get(0).has("tx_blob"));
    }

    @Test
    void ledgerDataPagesThroughEveryEntry() {
        JsonNode all = node.request("ledger_data", "{\"ledger_index\":\"closed\"}");
        int total = all.get("state").size();
        assertFalse(all.has("marker"));
        Set<String> seen = new HashSet<>();
        JsonNode page = node.request("ledger_data", "{\"ledger_index\":\"closed\",\"limit\":2,\"binary\":true}");
        assertTrue(page.has("ledger"), "the first page carries the header");
        while (true) {
            page.get("state").forEach(e -> seen.add(e.get("index").asText()));
            if (!page.has("marker")) {
                break;
            }
            page = node.request("ledger_data", "{\"ledger_index\":\"closed\",\"limit\":2,\"binary\":true,\"marker\":\""
                    + page.get("marker").asText() + "\"}");
            assertFalse(page.has("ledger"), "later pages do not");
        }
        assertEquals(total, seen.size());
        assertError(node.request("ledger_data", "{\"marker\":7}"), "invalidParams", "Invalid field 'marker', not valid.");
    }

    @Test
    void accountTxPagesWithMarkers() {
        JsonNode first = node.request("account_tx", "{\"account\":\"" + DEST + "\",\"limit\":1,\"forward\":true}");
        assertEquals(1, first.get("transactions").size());
        assertEquals(1, first.get("limit").asInt());
        JsonNode marker = first.get("marker");
        assertEquals(4, marker.get("ledger").asLong(), "the marker names the next entry to return");
        assertEquals("1000000000", first.get("transactions").get(0).get("tx").get("Amount").asText());
        JsonNode second = node.call("account_tx", JSON.createObjectNode().put("account", DEST).put("limit", 1)
                .put("forward", true).set("marker", marker));
        assertEquals("2000000", second.get("transactions").get(0).get("tx").get("Amount").asText());
        assertFalse(second.has("marker"));
        JsonNode binary = node.request("account_tx", "{\"account\":\"" + DEST + "\",\"binary\":true}");
        assertEquals(2, binary.get("transactions").size());
        assertEquals(4, binary.get("transactions").get(0).get("ledger_index").asLong(), "newest first");
        assertError(node.request("account_tx", "{\"account\":\"" + DEST + "\",\"ledger_index_min\":9,\"ledger_index_max\":3}"),
                "lgrIdxsInvalid", null);
    }

    @Test
    void signingRules() {
        String payment = "\"tx_json\":{\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS
                + "\",\"Destination\":\"" + DEST + "\",\"Amount\":\"1\"}";
        assertError(node.request("sign", "{\"secret\":\"masterpassphrase\",\"key_type\":\"secp256k1\"," + payment + "}"),
                "invalidParams", "The secret field is not allowed if key_type is used.");
        assertError(node.request("sign", "{\"secret\":\"masterpassphrase\",\"offline\":true," + payment + "}"),
                "invalidParams", "Missing field 'tx_json.Sequence'.");
        assertError(node.request("sign", "{\"secret\":\"masterpassphrase\",\"fee_mult_max\":0," + payment + "}"),
                "highFee", "Fee of 10 exceeds the requested tx limit of 0");
        assertError(node.request("sign", "{\"passphrase\":\"masterpassphrase\"," + payment + "}"),
                "invalidParams", "Invalid field 'secret', not string.");
        assertError(node.request("sign", "{\"seed\":\"x\",\"key_type\":\"ed25519\"," + payment + "}"), "badSeed", null);
        assertError(node.request("sign", "{\"secret\":\"masterpassphrase\",\"tx_json\":{\"TransactionType\":\"Payment\"}}"),
                "srcActMissing", "Missing field 'tx_json.Account'.");
        JsonNode signed = node.request("sign", "{\"secret\":\"masterpassphrase\"," + payment + "}");
        assertEquals(3, signed.get("tx_json").get("Sequence").asInt(), "autofilled from the open ledger");
        assertEquals("10", signed.get("tx_json").get("Fee").asText());
        assertFalse(signed.has("engine_result"), "sign does not submit");
        JsonNode sameKey = node.request("sign", "{\"secret\":\"masterpassphrase\",\"offline\":true,\"tx_json\":{"
                + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST
                + "\",\"Amount\":\"1\",\"Sequence\":3,\"Fee\":\"10\",\"Flags\":2147483648}}");
        assertEquals(signed.get("tx_json").get("hash"), sameKey.get("tx_json").get("hash"),
                "secp256k1 signatures are deterministic");
    }

    @Test
    void submittedBlobsAreChecked() {
        assertError(node.request("submit", "{\"tx_blob\":\"XYZ\"}"), "invalidParams", null);
        JsonNode signed = node.request("sign", "{\"secret\":\"masterpassphrase\",\"tx_json\":{\"TransactionType\":\"Payment\","
                + "\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST + "\",\"Amount\":\"7\"}}");
        String blob = signed.get("tx_blob").asText();
        String tampered = blob.replace("614000000000000007", "614000000000000008");
        assertFalse(tampered.equals(blob), "the amount was changed after signing");
        JsonNode refused = node.request("submit", "{\"tx_blob\":\"" + tampered + "\"}");
        assertEquals("invalidTransaction", refused.get("error").asText(), refused.toString());
        assertEquals("fails local checks: Invalid signature.", refused.get("error_exception").asText());
        JsonNode accepted = node.request("submit", "{\"tx_blob\":\"" + blob + "\"}");
        assertEquals("tesSUCCESS", accepted.get("engine_result").asText(), accepted.toString());
        JsonNode again = node.request("submit", "{\"tx_blob\":\"" + blob + "\"}");
        assertEquals("tefALREADY", again.get("engine_result").asText(), "the same blob twice");
    }

    @Test
    void adminCommands() {
        JsonNode wallet = node.request("wallet_propose", "{\"seed_hex\":\"DEDCE9CE67B451D852FD4E846FCDE31C\"}");
        assertEquals(GENESIS, wallet.get("account_id").asText());
        assertFalse(wallet.has("warning"), "no passphrase, no warning");
        assertError(node.request("wallet_propose", "{\"key_type\":\"rsa\"}"), "invalidParams", "Invalid parameters.");
        assertTrue(node.request("log_level", "{\"severity\":\"debug\",\"partition\":\"Ledger\"}").path("status").asText()
                .equals("success"));
        assertEquals("Debug", node.request("log_level", "{}").get("levels").get("Ledger").asText());
        assertError(node.request("log_level", "{\"severity\":\"loud\"}"), "invalidParams", null);
        JsonNode created = node.request("validation_create", "{\"secret\":\"masterpassphrase\"}");
        assertTrue(created.get("validation_public_key").asText().startsWith("E"), created.toString());
        assertError(node.request("ledger_entry", "{\"ledger_index\":\"closed\"}"), "unknownOption", null);
        assertEquals("1.0.0", node.request("version", "{}").get("version").get("good").asText());
        assertEquals("cannot connect in standalone mode", node.request("connect", "{\"ip\":\"1.2.3.4\"}").get("message")
                .asText());
        assertEquals(0, node.request("peers", "{}").get("peers").size());
        assertError(node.request("validation_seed", "{}"), "notImpl", null);
    }
}
