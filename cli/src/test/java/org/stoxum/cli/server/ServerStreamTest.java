package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.app.LedgerStart;

/**
 * The server stream, after rippled's TxQ_test testServerSubscribe: a serverStatus message when the fee
 * summary changes (the first report after subscribing, the transaction that escalates the open ledger's
 * fee, the close that resets it), none while it stays the same.
 */
class ServerStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String QUEUE_CONFIG = "[transaction_queue]\nminimum_txn_in_ledger_standalone = 3\n";

    private static JsonNode pay(TestNodes.Node node, String destination, int sequence) throws IOException {
        return node.call("submit", JSON.readTree("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + destination
                + "\",\"Amount\":\"50000000000\",\"Fee\":\"10\",\"Sequence\":" + sequence + "}}"));
    }

    private static String address(TestNodes.Node node, String passphrase) throws IOException {
        return node.call("wallet_propose", JSON.readTree("{\"passphrase\":\"" + passphrase + "\"}"))
                .get("account_id").asText();
    }

    private static void assertStatus(JsonNode msg, long loadFactor, long escalation) {
        assertEquals("serverStatus", msg.path("type").asText(), msg.toString());
        assertEquals(List.of("base_fee", "load_base", "load_factor", "load_factor_fee_escalation",
                "load_factor_fee_queue", "load_factor_fee_reference", "load_factor_server", "server_status",
                "type"), fieldNames(msg), "stoxumd's pubServer fields");
        assertEquals("full", msg.get("server_status").asText());
        assertEquals(10, msg.get("base_fee").asLong());
        assertEquals(256, msg.get("load_base").asLong());
        assertEquals(256, msg.get("load_factor_server").asLong());
        assertEquals(loadFactor, msg.get("load_factor").asLong(), msg.toString());
        assertEquals(escalation, msg.get("load_factor_fee_escalation").asLong(), msg.toString());
        assertEquals(256, msg.get("load_factor_fee_queue").asLong());
        assertEquals(256, msg.get("load_factor_fee_reference").asLong());
    }

    private static List<String> fieldNames(JsonNode msg) {
        List<String> names = new java.util.ArrayList<>();
        msg.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    @Test
    void feeChangesArePublishedToTheServerStream() throws Exception {
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true), QUEUE_CONFIG,
                NetworkProfile.STOXUM)) {
            StreamClient listener = StreamClient.connect(node.wsPort);
            try {
                listener.send("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"server\"]}");
                JsonNode answer = listener.next();
                assertEquals("success", answer.get("status").asText(), answer.toString());

                for (int seq = 1; seq <= 4; seq++) {
                    JsonNode r = pay(node, address(node, "acct" + seq), seq);
                    assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
                }
                // the first transaction establishes the messaging; the fourth escalates the fee
                assertStatus(listener.next(), 256, 256);
                assertStatus(listener.next(), 227555, 227555);
                node.call("ledger_accept", null);
                assertStatus(listener.next(), 256, 256);
                assertNull(listener.poll(1, TimeUnit.SECONDS), "no message while the fees stay put");
            } finally {
                listener.close();
            }
        }
    }

    @Test
    void withoutFeeEscalationTheLoadFactorIsTheServers() throws Exception {
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(false))) {
            StreamClient listener = StreamClient.connect(node.wsPort);
            try {
                listener.send("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"server\"]}");
                listener.next();
                node.call("ledger_accept", null);
                JsonNode msg = listener.next();
                assertEquals(List.of("base_fee", "load_base", "load_factor", "load_factor_server", "server_status",
                        "type"), fieldNames(msg), msg.toString());
                assertEquals(256, msg.get("load_factor").asLong());
                assertEquals("full", msg.get("server_status").asText());
            } finally {
                listener.close();
            }
        }
    }
}
