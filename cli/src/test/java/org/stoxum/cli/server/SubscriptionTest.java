package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ledger, transaction and account streams over WebSocket. */
class SubscriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";

    @Test
    void streamsDeliverClosedLedgersAndTheirTransactions() throws Exception {
        try (TestNodes.Node node = TestNodes.start(true)) {
            StreamClient listener = StreamClient.connect(node.wsPort);
            try {
                listener.send("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"ledger\",\"transactions\"],"
                        + "\"accounts\":[\"" + DEST + "\"]}");
                JsonNode answer = listener.next();
                assertEquals("response", answer.get("type").asText());
                assertEquals(1, answer.get("id").asInt());
                assertEquals("success", answer.get("status").asText(), answer.toString());
                JsonNode result = answer.get("result");
                assertEquals(2, result.get("ledger_index").asLong());
                assertEquals("2", result.get("validated_ledgers").asText());
                assertEquals(10000, result.get("reserve_base").asLong());

                ObjectNode pay = (ObjectNode) JSON.readTree("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                        + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST
                        + "\",\"Amount\":\"1000000000\"}}");
                String hash = node.call("submit", pay).get("tx_json").get("hash").asText();
                node.call("ledger_accept", null);

                JsonNode closed = listener.next();
                assertEquals("ledgerClosed", closed.get("type").asText(), closed.toString());
                assertEquals(3, closed.get("ledger_index").asLong());
                assertEquals(1, closed.get("txn_count").asInt());
                assertEquals("2-3", closed.get("validated_ledgers").asText());
                JsonNode tx = listener.next();
                assertEquals("transaction", tx.get("type").asText(), tx.toString());
                assertEquals(hash, tx.get("transaction").get("hash").asText());
                assertEquals("closed", tx.get("status").asText());
                assertTrue(tx.get("validated").asBoolean());
                assertEquals("tesSUCCESS", tx.get("engine_result").asText());
                assertEquals(3, tx.get("ledger_index").asLong());
                assertEquals("tesSUCCESS", tx.get("meta").get("TransactionResult").asText());
                assertNull(listener.poll(200, TimeUnit.MILLISECONDS),
                        "one message per transaction, even for a subscriber of both the stream and the account");

                listener.send("{\"id\":2,\"command\":\"unsubscribe\",\"streams\":[\"ledger\",\"transactions\"],"
                        + "\"accounts\":[\"" + DEST + "\"]}");
                assertEquals("success", listener.next().get("status").asText());
                node.call("ledger_accept", null);
                listener.send("{\"id\":3,\"command\":\"ping\"}");
                JsonNode pong = listener.next();
                assertEquals(3, pong.get("id").asInt(), "nothing pushed after unsubscribing: " + pong);
            } finally {
                listener.close();
            }
        }
    }

    @Test
    void anUnknownStreamIsMalformedAndJsonRpcNeedsAUrl() throws Exception {
        try (TestNodes.Node node = TestNodes.start(true)) {
            JsonNode overHttp = node.call("subscribe", JSON.readTree("{\"streams\":[\"ledger\"]}"));
            assertEquals("invalidParams", overHttp.get("error").asText(), overHttp.toString());
            StreamClient listener = StreamClient.connect(node.wsPort);
            try {
                listener.send("{\"id\":7,\"command\":\"subscribe\",\"streams\":[\"consensus\"]}");
                JsonNode answer = listener.next();
                assertEquals("error", answer.get("status").asText());
                assertEquals("malformedStream", answer.get("error").asText(), answer.toString());
            } finally {
                listener.close();
            }
        }
    }
}
