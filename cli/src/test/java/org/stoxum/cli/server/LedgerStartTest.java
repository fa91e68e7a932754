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
