package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./stoxumd --standalone} runs without {@code --start}: a genesis with no amendments, as stoxumd
 * makes it. Issued payments go through the pre-Flow payment engine and offers cross with the Taker, so a
 * trust line, an issued payment and two offers that cross all succeed, as they do on the original server.
 */
class NoAmendmentsTest {
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";
    private static final String USD_10 = "{\"currency\":\"USD\",\"issuer\":\"" + GENESIS + "\",\"value\":\"10\"}";

    @Test
    void issuedPaymentsAndOffersWorkOnALedgerWithoutAmendments() throws IOException {
        try (TestNodes.Node node = TestNodes.start(false)) {
            JsonNode amendments = node.request("ledger_entry", "{\"index\":"
                    + "\"7DB0788C020F02780A673DC74757F23823FA3014C1866E72CC4CD8B226CD6EF4\"}");
            assertEquals("entryNotFound", amendments.path("error").asText(), "no Amendments object: " + amendments);

            submit(node, "masterpassphrase", "{\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS
                    + "\",\"Destination\":\"" + DEST + "\",\"Amount\":\"1000000000\"}");
            submit(node, "oracle-dest", "{\"TransactionType\":\"TrustSet\",\"Account\":\"" + DEST
                    + "\",\"LimitAmount\":{\"currency\":\"USD\",\"issuer\":\"" + GENESIS + "\",\"value\":\"1000\"}}");
            submit(node, "masterpassphrase", "{\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS
                    + "\",\"Destination\":\"" + DEST + "\",\"Amount\":" + USD_10 + "}");
            // DEST sells 10 USD for 100 STM; the genesis account takes it: the offers cross in full.
            submit(node, "oracle-dest", "{\"TransactionType\":\"OfferCreate\",\"Account\":\"" + DEST
                    + "\",\"TakerGets\":" + USD_10 + ",\"TakerPays\":\"100000000\"}");
            submit(node, "masterpassphrase", "{\"TransactionType\":\"OfferCreate\",\"Account\":\"" + GENESIS
                    + "\",\"TakerGets\":\"100000000\",\"TakerPays\":" + USD_10 + "}");
            node.call("ledger_accept", null);

            JsonNode lines = node.request("account_objects", "{\"account\":\"" + DEST
                    + "\",\"type\":\"state\"}").path("account_objects");
            assertEquals(1, lines.size(), lines.toString());
            assertEquals("0", lines.get(0).path("Balance").path("value").asText(), "DEST's 10 USD went to the taker");
            JsonNode offers = node.request("account_objects", "{\"account\":\"" + DEST
                    + "\",\"type\":\"offer\"}").path("account_objects");
            assertEquals(0, offers.size(), "the offer was consumed: " + offers);
        }
    }

    private static void submit(TestNodes.Node node, String secret, String txJson) throws IOException {
        JsonNode r = node.request("submit", "{\"secret\":\"" + secret + "\",\"tx_json\":" + txJson + "}");
        assertEquals("tesSUCCESS", r.path("engine_result").asText(), txJson + " -> " + r);
        node.call("ledger_accept", null);
    }
}
