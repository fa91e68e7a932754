package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deprecated {@code account_tx} form that stoxumd routes requests with {@code offset}, {@code count},
 * {@code descending}, {@code ledger_min} or {@code ledger_max} to (AccountTxSwitch / AccountTxOld): paging
 * by offset, oldest first unless descending, the range taken as given, and its own answer fields.
 */
class AccountTxOldTest {
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";
    private static final String[] AMOUNTS = {"1000000000", "2000000", "3000000"};
    private static TestNodes.Node node;

    /** Three payments from the genesis account, one per ledger: ledgers 3, 4 and 5; 2-5 are validated. */
    @BeforeAll
    static void start() throws IOException {
        node = TestNodes.start(true);
        for (String amount : AMOUNTS) {
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


    private static JsonNode accountTx(String more) {
        return node.request("account_tx", "{\"account\":\"" + GENESIS + "\"" + more + "}");
    }

    private static List<String> amounts(JsonNode answer) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : answer.get("transactions")) {
            out.add(e.get("tx").get("Amount").asText());
        }
        return out;
    }

    private static void assertError(JsonNode answer, String token, String message) {
        assertEquals(token, answer.path("error").asText(), answer.toString());
        assertEquals(message, answer.path("error_message").asText(), answer.toString());
    }

    @Test
    void offsetPagesOldestFirstAndEchoesTheQuery() {
        JsonNode all = accountTx(",\"ledger_index_min\":-1,\"ledger_index_max\":-1,\"offset\":0");
        assertEquals(List.of(AMOUNTS), amounts(all), "oldest first");
        assertEquals(0, all.get("offset").asLong());
        assertFalse(all.has("count"), "count only when asked");
        assertFalse(all.has("limit"));
        assertTrue(all.get("validated").asBoolean());
        assertEquals(2, all.get("ledger_index_min").asLong());
        assertEquals(5, all.get("ledger_index_max").asLong());
        assertFalse(all.has("marker"), "the old form has no marker");
        JsonNode first = all.get("transactions").get(0);
        assertEquals(3, first.get("tx").get("ledger_index").asLong());
        assertEquals(3, first.get("tx").get("inLedger").asLong());
        assertTrue(first.get("validated").asBoolean());
        assertEquals("1000000000", first.get("meta").get("delivered_amount").asText());

        JsonNode second = accountTx(",\"ledger_index_min\":-1,\"ledger_index_max\":-1,\"offset\":1,\"limit\":1,"
                + "\"count\":true");
        assertEquals(List.of("2000000"), amounts(second));
        assertEquals(1, second.get("offset").asLong());
        assertEquals(1, second.get("limit").asLong());
        assertEquals(1, second.get("count").asLong(), "the count of returned entries, not of all");
        JsonNode pastEnd = accountTx(",\"ledger_index_min\":-1,\"ledger_index_max\":-1,\"offset\":3,\"count\":true");
        assertEquals(0, pastEnd.get("transactions").size());
        assertEquals(0, pastEnd.get("count").asLong());
        JsonNode none = accountTx(",\"ledger_index_min\":-1,\"ledger_index_max\":-1,\"offset\":0,\"limit\":0");
        assertEquals(0, none.get("transactions").size(), "limit 0 is LIMIT 0 in stoxumd's SQL");
    }

    @Test
    void descendingAndTheDeprecatedBoundsGoNewestFirst() {
        JsonNode desc = accountTx(",\"ledger_index_min\":-1,\"ledger_index_max\":-1,\"descending\":true,\"offset\":1");
        assertEquals(List.of("2000000", "1000000000"), amounts(desc));
        JsonNode byLedgerMin = accountTx(",\"ledger_min\":4");
        assertEquals(List.of("3000000", "2000000"), amounts(byLedgerMin), "ledger_min sets the range, newest first");
        assertEquals(4, byLedgerMin.get("ledger_index_min").asLong());
        assertEquals(5, byLedgerMin.get("ledger_index_max").asLong());
        JsonNode byLedgerMax = accountTx(",\"ledger_max\":3,\"ledger_min\":3");
        assertEquals(List.of("1000000000"), amounts(byLedgerMax));
    }

    @Test
    void theRangeIsTakenAsGivenNotClippedToValidatedLedgers() {
        JsonNode wide = accountTx(",\"ledger_index_min\":1,\"ledger_index_max\":1000,\"count\":true");
        assertEquals(1, wide.get("ledger_index_min").asLong());
        assertEquals(1000, wide.get("ledger_index_max").asLong());
        assertFalse(wide.get("validated").asBoolean(), "the range reaches past the validated ledgers");
        assertEquals(3, wide.get("count").asLong());
        assertError(accountTx(",\"ledger_index_min\":9,\"ledger_index_max\":3,\"count\":true"), "lgrIdxsInvalid",
                "Ledger indexes invalid.");
    }

    @Test
    void withoutARangeItReadsOneValidatedLedger() {
        assertError(accountTx(",\"count\":true"), "lgrNotValidated", "Ledger not validated.");
        JsonNode one = accountTx(",\"count\":true,\"ledger_index\":4");
        assertEquals(List.of("2000000"), amounts(one));
        assertEquals(4, one.get("ledger_index_min").asLong());
        assertEquals(4, one.get("ledger_index_max").asLong());
    }

    @Test
    void binaryEntries() {
        JsonNode binary = accountTx(",\"ledger_index_min\":-1,\"ledger_index_max\":-1,\"binary\":true,"
                + "\"descending\":true");
        JsonNode newest = binary.get("transactions").get(0);
        assertEquals(5, newest.get("ledger_index").asLong());
        assertTrue(newest.get("tx_blob").asText().matches("[0-9A-F]+"));
        assertTrue(newest.get("meta").asText().matches("[0-9A-F]+"));
        assertTrue(newest.get("validated").asBoolean());
    }

    @Test
    void offsetsPast3000AreRefused() {
        assertError(accountTx(",\"ledger_index_min\":-1,\"ledger_index_max\":-1,\"offset\":3001"), "deprecated",
                "Use the new API or specify a ledger range.");
        assertEquals(0, accountTx(",\"ledger_index_min\":-1,\"ledger_index_max\":-1,\"offset\":3000")
                .get("transactions").size());
        assertError(node.request("account_tx", "{\"account\":\"xx\",\"offset\":1}"), "actMalformed", "Account malformed.");
        assertError(node.request("account_tx", "{\"offset\":1}"), "invalidParams", "Invalid parameters.");
        assertError(accountTx(",\"offset\":-1"), "internal", "Internal error.");
    }
}
