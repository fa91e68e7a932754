package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.StartupException;

/** Where the first ledger comes from: the node store after a stop ({@code --load}), or a JSON dump. */
class LedgerStartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";

    private static ObjectNode params(String json) throws IOException {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void loadResumesFromTheLastAcceptedLedger() throws IOException {
        TestNodes.Node first = TestNodes.start(true);
        JsonNode closed;
        String txHash;
        try {
            JsonNode submitted = first.call("submit", params("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                    + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST
                    + "\",\"Amount\":\"1000000000\"}}"));
            assertEquals("tesSUCCESS", submitted.get("engine_result").asText(), submitted.toString());
            txHash = submitted.get("tx_json").get("hash").asText();
            first.call("ledger_accept", null);
            first.call("ledger_accept", null);
            closed = first.call("ledger_closed", null);
        } finally {
            first.stop();
        }
        try (TestNodes.Node second = TestNodes.restart(first, new LedgerStart.Load("latest"))) {
            assertEquals(closed, second.call("ledger_closed", null), "the same last closed ledger");
            JsonNode dest = second.call("account_info", params("{\"account\":\"" + DEST + "\"}"));
            assertEquals("1000000000", dest.get("account_data").get("Balance").asText(), dest.toString());
            JsonNode tx = second.call("tx", params("{\"transaction\":\"" + txHash + "\"}"));
            assertEquals("tesSUCCESS", tx.get("meta").get("TransactionResult").asText(), tx.toString());
            JsonNode history = second.call("account_tx", params("{\"account\":\"" + DEST + "\"}"));
            assertEquals(1, history.get("transactions").size(), history.toString());
            JsonNode next = second.call("submit", params("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                    + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST
                    + "\",\"Amount\":\"5\"}}"));
            assertEquals("tesSUCCESS", next.get("engine_result").asText(), "the resumed ledger takes transactions");
            assertEquals(2, next.get("tx_json").get("Sequence").asInt());
            JsonNode accepted = second.call("ledger_accept", null);
            assertEquals(closed.get("ledger_index").asLong() + 2, accepted.get("ledger_current_index").asLong());
        }
    }

    /** {@code --ledger <seq>} and {@code --ledger <hash>}: the chosen stored ledger, not the newest, is resumed. */
    @Test
    void ledgerStartsFromAChosenStoredLedgerBySequenceOrHash() throws IOException {
        TestNodes.Node first = TestNodes.start(true);
        JsonNode third;
        JsonNode fourth;
        try {
            for (String amount : new String[] {"1000000000", "2000000"}) {
                JsonNode r = first.call("submit", params("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                        + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\""
                        + DEST + "\",\"Amount\":\"" + amount + "\"}}"));
                assertEquals("tesSUCCESS", r.get("engine_result").asText(), r.toString());
                first.call("ledger_accept", null);
            }
            first.call("ledger_accept", null);
            third = first.call("ledger", params("{\"ledger_index\":3}")).get("ledger");
            fourth = first.call("ledger", params("{\"ledger_index\":4}")).get("ledger");
        } finally {
            first.stop();
        }
        TestNodes.Node bySeq = TestNodes.restart(first, new LedgerStart.Load("3"));
        try {
            JsonNode closed = bySeq.call("ledger_closed", null);
            assertEquals(3, closed.get("ledger_index").asLong());
            assertEquals(third.get("ledger_hash").asText(), closed.get("ledger_hash").asText());
            assertEquals(4, bySeq.call("ledger_current", null).get("ledger_current_index").asLong());
            JsonNode dest = bySeq.call("account_info", params("{\"account\":\"" + DEST + "\"}"));
            assertEquals("1000000000", dest.get("account_data").get("Balance").asText(), "only ledger 3's payment");
        } finally {
            bySeq.stop(); // keeps the store for the next start
        }
        TestNodes.Node byHash = TestNodes.restart(first, new LedgerStart.Load(fourth.get("ledger_hash").asText()));
        try {
            JsonNode closed = byHash.call("ledger_closed", null);
            assertEquals(4, closed.get("ledger_index").asLong());
            assertEquals(fourth.get("ledger_hash").asText(), closed.get("ledger_hash").asText());
            JsonNode dest = byHash.call("account_info", params("{\"account\":\"" + DEST + "\"}"));
            assertEquals("1002000000", dest.get("account_data").get("Balance").asText(), "both payments");
            JsonNode next = byHash.call("submit", params("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                    + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST
                    + "\",\"Amount\":\"5\"}}"));
            assertEquals(3, next.get("tx_json").get("Sequence").asInt(), "the account as ledger 4 left it");
        } finally {
            byHash.stop();
        }
        StartupException missing = assertThrows(StartupException.class,
                () -> TestNodes.restart(first, new LedgerStart.Load("99")).close());
        assertTrue(missing.getMessage().contains("the ledger '99' is not in the node store"), missing.getMessage());
        StartupException unknownHash = assertThrows(StartupException.class,
                () -> TestNodes.restart(first, new LedgerStart.Load("AB".repeat(32))).close());
        assertTrue(unknownHash.getMessage().contains("is not in the node store"), unknownHash.getMessage());
        StartupException junk = assertThrows(StartupException.class,
                () -> TestNodes.restart(first, new LedgerStart.Load("third")).close());
        assertTrue(junk.getMessage().contains("a ledger sequence or a ledger hash"), junk.getMessage());
        TestNodes.delete(first.dir);
    }

    @Test
    void loadWithAnEmptyStoreSaysWhy() {
        StartupException e = assertThrows(StartupException.class,
                () -> TestNodes.start(new LedgerStart.Load("latest")).close());
        assertTrue(e.getMessage().contains("holds no ledger yet"), e.getMessage());
    }

    @Test
    void ledgerFileLoadsADumpWithItsOriginalHashes() throws IOException {
        Path dump = SharedVectors.vector("ledger/ledger-38129.stoxum.json");
        JsonNode expected = SharedVectors.readJson(dump).get("_expected");
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.LoadFile(dump))) {
            JsonNode closed = node.call("ledger", params("{\"ledger_index\":\"closed\"}"));
            JsonNode ledger = closed.get("ledger");
            assertEquals(expected.get("ledger_hash").asText(), ledger.get("ledger_hash").asText());
            assertEquals(expected.get("account_hash").asText(), ledger.get("account_hash").asText());
            assertEquals(expected.get("transaction_hash").asText(), ledger.get("transaction_hash").asText());
            assertEquals("38129", ledger.get("ledger_index").asText());
            assertEquals("38129", node.call("server_info", null).get("info").get("complete_ledgers").asText());
            JsonNode data = node.call("ledger_data", params("{\"ledger_index\":\"closed\",\"limit\":300}"));
            assertEquals(261, data.get("state").size(), "every state entry of the dump");
            assertEquals(38130, node.call("ledger_current", null).get("ledger_current_index").asLong());
        }
    }

    @Test
    void aDumpWithoutStateIsRefused() {
        Path dump = SharedVectors.vector("ledger/ledger-7501326.stoxum.json");
        StartupException e = assertThrows(StartupException.class,
                () -> TestNodes.start(new LedgerStart.LoadFile(dump)).close());
        assertTrue(e.getMessage().contains("no accountState"), e.getMessage());
    }
}
