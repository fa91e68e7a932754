package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ledger, transaction and account streams over WebSocket. */
class SubscriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: a message that does not come within this is taken as not sent. */
    private static final long WAIT_SECONDS = 20;
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";

    /** A WebSocket client that queues what it receives, one JSON message per frame sequence. */
    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonNode next() throws InterruptedException {
            JsonNode m = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(m, "no message arrived");
            return m;
        }
    }

    @Test
    void streamsDeliverClosedLedgersAndTheirTransactions() throws Exception {
        try (TestNodes.Node node = TestNodes.start(true)) {
            Listener listener = new Listener();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + node.wsPort + "/"), listener).get(WAIT_SECONDS,
                            TimeUnit.SECONDS);
            try {
                ws.sendText("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"ledger\",\"transactions\"],"
                        + "\"accounts\":[\"" + DEST + "\"]}", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
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
                assertNull(listener.messages.poll(200, TimeUnit.MILLISECONDS),
                        "one message per transaction, even for a subscriber of both the stream and the account");

                ws.sendText("{\"id\":2,\"command\":\"unsubscribe\",\"streams\":[\"ledger\",\"transactions\"],"
                        + "\"accounts\":[\"" + DEST + "\"]}", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals("success", listener.next().get("status").asText());
                node.call("ledger_accept", null);
                ws.sendText("{\"id\":3,\"command\":\"ping\"}", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
                JsonNode pong = listener.next();
                assertEquals(3, pong.get("id").asInt(), "nothing pushed after unsubscribing: " + pong);
            } finally {
                ws.abort();
            }
        }
    }

    @Test
    void anUnknownStreamIsMalformedAndJsonRpcNeedsAUrl() throws Exception {
        try (TestNodes.Node node = TestNodes.start(true)) {
            JsonNode overHttp = node.call("subscribe", JSON.readTree("{\"streams\":[\"ledger\"]}"));
            assertEquals("invalidParams", overHttp.get("error").asText(), overHttp.toString());
            Listener listener = new Listener();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + node.wsPort + "/"), listener).get(WAIT_SECONDS,
                            TimeUnit.SECONDS);
            try {
                ws.sendText("{\"id\":7,\"command\":\"subscribe\",\"streams\":[\"consensus\"]}", true)
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                JsonNode answer = listener.next();
                assertEquals("error", answer.get("status").asText());
                assertEquals("malformedStream", answer.get("error").asText(), answer.toString());
            } finally {
                ws.abort();
            }
        }
    }
}
