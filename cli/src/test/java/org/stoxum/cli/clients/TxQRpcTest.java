package org.stoxum.cli.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.app.LedgerStart;

/**
 * The transaction queue as a JSON-RPC client sees it on a stand-alone node with every amendment and three
 * transactions expected per ledger: terQUEUED, and the queue in fee, account_info, ledger and
 * server_info/server_state, before and after ledger_accept lets the queued transactions in. The figures
 * are rippled's formulas: 128000 × 4² / 3² = 227555 as the open-ledger level, 8889 drops as its fee.
 */
class TxQRpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE_CONFIG = "[transaction_queue]\nminimum_txn_in_ledger_standalone = 3\n";

    @Test
    void queuedTransactionsShowInEveryAnswerUntilTheNextLedgerTakesThem() throws Exception {
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true), QUEUE_CONFIG,
                NetworkProfile.STOXUM)) {
            String genesis = address(node, "masterpassphrase");
            JsonNode fee = node.call("fee", null);
            assertEquals("0", fee.path("current_queue_size").asText(), fee.toString());
            assertEquals("3", fee.path("expected_ledger_size").asText(), fee.toString());
            assertFalse(fee.has("max_queue_size"), "no limit before the first close: " + fee);

            // Autofill prices a batch: four more transactions would need 8889 drops, over ten times the base.
            String payment = "\"tx_json\":{\"TransactionType\":\"Payment\",\"Account\":\"" + genesis
                    + "\",\"Destination\":\"" + address(node, "dest1") + "\",\"Amount\":\"1000000000\"}";
            JsonNode batch = node.call("sign", params("{\"secret\":\"masterpassphrase\"," + payment
                    + ",\"x_assume_tx\":4}"));
            assertEquals("highFee", batch.path("error").asText(), batch.toString());
            assertEquals("Fee of 8889 exceeds the requested tx limit of 100", batch.path("error_message").asText());
            JsonNode okay = node.call("sign", params("{\"secret\":\"masterpassphrase\"," + payment
                    + ",\"x_assume_tx\":4,\"x_queue_okay\":true}"));
            assertEquals("100", okay.path("tx_json").path("Fee").asText(), okay.toString());
            JsonNode single = node.call("sign", params("{\"secret\":\"masterpassphrase\"," + payment + "}"));
            assertEquals("10", single.path("tx_json").path("Fee").asText(), single.toString());

            for (int seq = 1; seq <= 4; seq++) {
                JsonNode r = pay(node, genesis, address(node, "dest" + seq), seq);
                assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
            }
            for (int seq = 5; seq <= 6; seq++) {
                JsonNode r = pay(node, genesis, address(node, "dest" + seq), seq);
                assertEquals("terQUEUED", r.path("engine_result").asText(), r.toString());
                assertEquals(-89, r.path("engine_result_code").asInt(), r.toString());
                assertEquals("Held until escalated fee drops.", r.path("engine_result_message").asText());
            }

            fee = node.call("fee", null);
            assertEquals("2", fee.path("current_queue_size").asText(), fee.toString());
            assertEquals("4", fee.path("current_ledger_size").asText(), fee.toString());
            assertEquals("227555", fee.path("levels").path("open_ledger_level").asText(), fee.toString());
            assertEquals("256", fee.path("levels").path("minimum_level").asText(), fee.toString());
            assertEquals("128000", fee.path("levels").path("median_level").asText(), fee.toString());
            assertEquals("8889", fee.path("drops").path("open_ledger_fee").asText(), fee.toString());
            assertEquals("5000", fee.path("drops").path("median_fee").asText(), fee.toString());

            JsonNode info = node.call("account_info", params("{\"account\":\"" + genesis + "\",\"queue\":true}"));
            JsonNode queue = info.path("queue_data");
            assertEquals(2, queue.path("txn_count").asInt(), info.toString());
            assertEquals(5, queue.path("lowest_sequence").asInt(), info.toString());
            assertEquals(6, queue.path("highest_sequence").asInt(), info.toString());
            JsonNode first = queue.path("transactions").get(0);
            assertEquals(5, first.path("seq").asInt(), info.toString());
            assertEquals("256", first.path("fee_level").asText(), info.toString());
            // Worked out when the second was queued behind it: its fee and the amount it pays.
            assertEquals("10", first.path("fee").asText(), info.toString());
            assertEquals("1000000010", first.path("max_spend_drops").asText(), info.toString());
            assertFalse(first.path("auth_change").asBoolean(), info.toString());
            JsonNode second = queue.path("transactions").get(1);
            assertFalse(second.has("fee"), "not worked out yet: " + info);
            assertFalse(queue.has("max_spend_drops_total"), info.toString());
            assertFalse(queue.has("auth_change_queued"), info.toString());
            JsonNode closedAsked = node.call("account_info",
                    params("{\"account\":\"" + genesis + "\",\"queue\":true,\"ledger_index\":\"validated\"}"));
            assertEquals("invalidParams", closedAsked.path("error").asText(), closedAsked.toString());

            JsonNode ledger = node.call("ledger", params("{\"ledger_index\":\"current\",\"queue\":true}"));
            JsonNode queued = ledger.path("queue_data");
            assertEquals(2, queued.size(), ledger.toString());
            assertEquals(genesis, queued.get(0).path("account").asText(), ledger.toString());
            assertEquals(10, queued.get(0).path("retries_remaining").asInt(), ledger.toString());
            assertEquals("tesSUCCESS", queued.get(0).path("preflight_result").asText(), ledger.toString());
            assertEquals(64, queued.get(0).path("tx").asText().length(), "the hash: " + ledger);
            JsonNode expanded = node.call("ledger",
                    params("{\"ledger_index\":\"current\",\"queue\":true,\"expand\":true}"));
            assertEquals(6, expanded.path("queue_data").get(1).path("tx").path("Sequence").asInt(),
                    expanded.toString());

            JsonNode state = node.call("server_state", null).path("state");
            assertEquals(227555, state.path("load_factor").asLong(), state.toString());
            assertEquals(227555, state.path("load_factor_fee_escalation").asLong(), state.toString());
            assertEquals(256, state.path("load_factor_fee_queue").asLong(), state.toString());
            assertEquals(256, state.path("load_factor_fee_reference").asLong(), state.toString());
            JsonNode human = node.call("server_info", null).path("info");
            assertEquals(227555 / 256.0, human.path("load_factor").asDouble(), 1e-9, human.toString());
            assertEquals(227555 / 256.0, human.path("load_factor_fee_escalation").asDouble(), 1e-9,
                    "an admin sees the escalation: " + human);
            assertFalse(human.has("load_factor_fee_queue"), "the queue is not full: " + human);

            node.call("ledger_accept", null);
            fee = node.call("fee", null);
            assertEquals("0", fee.path("current_queue_size").asText(), fee.toString());
            assertEquals("2", fee.path("current_ledger_size").asText(), fee.toString());
            assertEquals("4", fee.path("expected_ledger_size").asText(), fee.toString());
            assertEquals("2000", fee.path("max_queue_size").asText(), fee.toString());
            info = node.call("account_info", params("{\"account\":\"" + genesis + "\",\"queue\":true}"));
            assertEquals(7, info.path("account_data").path("Sequence").asInt(), info.toString());
            assertEquals(0, info.path("queue_data").path("txn_count").asInt(), info.toString());
            ledger = node.call("ledger", params("{\"ledger_index\":\"current\",\"queue\":true}"));
            assertTrue(ledger.has("ledger") && !ledger.has("queue_data"), ledger.toString());
        }
    }

    /**
     * rippled's TxQ_test testAccountInfo: autofilled sequences queue one after another at the capped fee
     * (fee_mult_max 10, x_queue_okay), a blocker ends the chain, and queue_data reports what is known.
     */
    @Test
    void accountInfoFollowsAQueuedChainAndItsBlocker() throws Exception {
        String config = "[transaction_queue]\nminimum_txn_in_ledger_standalone = 3\nledgers_in_queue = 2\n"
                + "minimum_queue_size = 2\n";
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true), config, NetworkProfile.STOXUM)) {
            String genesis = address(node, "masterpassphrase");
            String alice = address(node, "alice");
            JsonNode funded = node.call("submit", params("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                    + "\"TransactionType\":\"Payment\",\"Account\":\"" + genesis + "\",\"Destination\":\""
                    + alice + "\",\"Amount\":\"1000000000000\"}}"));
            assertEquals("tesSUCCESS", funded.path("engine_result").asText(), funded.toString());
            node.call("ledger_accept", null);
            String withQueue = "{\"account\":\"" + alice + "\",\"queue\":true}";

            assertFalse(node.call("account_info", params("{\"account\":\"" + alice + "\"}")).has("queue_data"));
            assertEmptyQueue(node.call("account_info", params(withQueue)));
            for (int i = 0; i < 4; i++) {
                JsonNode r = noop(node, "");
                assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
            }
            assertEmptyQueue(node.call("account_info", params(withQueue)));
            for (int i = 0; i < 4; i++) {
                JsonNode r = noop(node, "");
                assertEquals("terQUEUED", r.path("engine_result").asText(), r.toString());
            }
            JsonNode info = node.call("account_info", params(withQueue));
            long sequence = info.path("account_data").path("Sequence").asLong();
            JsonNode queue = info.path("queue_data");
            assertEquals(4, queue.path("txn_count").asInt(), info.toString());
            assertEquals(sequence, queue.path("lowest_sequence").asLong(), info.toString());
            assertEquals(sequence + 3, queue.path("highest_sequence").asLong(), info.toString());
            assertFalse(queue.has("auth_change_queued") || queue.has("max_spend_drops_total"), info.toString());
            for (int i = 0; i < 4; i++) {
                JsonNode item = queue.path("transactions").get(i);
                assertEquals(sequence + i, item.path("seq").asLong(), info.toString());
                assertEquals("2560", item.path("fee_level").asText(), info.toString());
                assertFalse(item.has("LastLedgerSequence"), info.toString());
                assertEquals(i < 3, item.has("fee"), info.toString());
                if (i < 3) {
                    assertEquals("100", item.path("fee").asText(), info.toString());
                    assertEquals("100", item.path("max_spend_drops").asText(), info.toString());
                    assertFalse(item.path("auth_change").asBoolean(), info.toString());
                }
            }

            JsonNode blocker = noop(node, ",\"SetFlag\":5,\"LastLedgerSequence\":10");
            assertEquals("terQUEUED", blocker.path("engine_result").asText(), blocker.toString());
            JsonNode blocked = noop(node, "");
            assertEquals("telCAN_NOT_QUEUE_BLOCKED", blocked.path("engine_result").asText(), blocked.toString());
            info = node.call("account_info", params(withQueue));
            queue = info.path("queue_data");
            assertEquals(5, queue.path("txn_count").asInt(), info.toString());
            assertTrue(queue.path("auth_change_queued").asBoolean(), info.toString());
            assertEquals("500", queue.path("max_spend_drops_total").asText(), info.toString());
            JsonNode last = queue.path("transactions").get(4);
            assertEquals("100", last.path("fee").asText(), info.toString());
            assertTrue(last.path("auth_change").asBoolean(), info.toString());
            assertEquals(10, last.path("LastLedgerSequence").asInt(), info.toString());
            JsonNode old = node.call("account_info", params("{\"account\":\"" + alice
                    + "\",\"queue\":true,\"ledger_index\":3}"));
            assertTrue(old.has("error"), old.toString());

            node.call("ledger_accept", null);
            JsonNode fee = node.call("fee", null);
            assertEquals("1", fee.path("current_queue_size").asText(), fee.toString());
            assertEquals("8", fee.path("max_queue_size").asText(), fee.toString());
            assertEquals("5", fee.path("current_ledger_size").asText(), fee.toString());
            node.call("ledger_accept", null);
            fee = node.call("fee", null);
            assertEquals("0", fee.path("current_queue_size").asText(), fee.toString());
            assertEquals("10", fee.path("max_queue_size").asText(), fee.toString());
            assertEquals("1", fee.path("current_ledger_size").asText(), fee.toString());
            assertEmptyQueue(node.call("account_info", params(withQueue)));
        }
    }

    /**
     * rippled's TxQ_test testSignAndSubmitSequence: autofilled sequences follow the account's queue, skip
     * nothing when a queued transaction expires, and fill the gap it left.
     */
    @Test
    void autofilledSequencesFollowTheQueueAndFillItsGaps() throws Exception {
        String config = "[transaction_queue]\nminimum_txn_in_ledger_standalone = 6\nledgers_in_queue = 2\n"
                + "minimum_queue_size = 2\n";
        // rippled's reserve: bob's chain of 2000-drop fees would soon pass the stoxum profile's 10000-drop one.
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true), config, NetworkProfile.RIPPLE)) {
            Wallet genesis = Wallet.of(node, "masterpassphrase");
            Wallet alice = Wallet.of(node, "alice");
            Wallet bob = Wallet.of(node, "bob");
            for (Wallet w : new Wallet[] {alice, bob}) {
                assertEquals("tesSUCCESS", genesis.submit(node, "Payment", ",\"Destination\":\"" + w.address
                        + "\",\"Amount\":\"100000000000\",\"Fee\":\"10\"", "").path("engine_result").asText());
                assertEquals("tesSUCCESS", w.submit(node, "AccountSet", ",\"SetFlag\":8,\"Fee\":\"10\"", "")
                        .path("engine_result").asText());
            }
            String capped = ",\"fee_mult_max\":100,\"x_queue_okay\":true";
            fillLedger(node, alice);
            assertFee(node, 0, null, 7, 6);
            long aliceSeq = alice.sequence(node);
            long current = node.call("ledger_current", null).path("ledger_current_index").asLong();
            for (int i = 0; i < 5; i++) {
                String extra = i == 2 ? ",\"LastLedgerSequence\":" + (current + 2) : "";
                JsonNode r = alice.submit(node, "AccountSet", extra, capped);
                assertEquals("terQUEUED", r.path("engine_result").asText(), r.toString());
                assertEquals(aliceSeq + i, r.path("tx_json").path("Sequence").asLong(), r.toString());
                assertEquals("1000", r.path("tx_json").path("Fee").asText(), r.toString());
            }
            for (int i = 0; i < 8; i++) {
                assertEquals("terQUEUED", bob.submit(node, "AccountSet", ",\"Fee\":\"2000\"", "")
                        .path("engine_result").asText());
            }
            assertFee(node, 13, null, 7, 6);
            node.call("ledger_accept", null);
            assertFee(node, 5, 14L, 8, 7);

            fillLedger(node, bob);
            for (int i = 0; i < 9; i++) {
                assertEquals("terQUEUED", bob.submit(node, "AccountSet", ",\"Fee\":\"2000\"", "")
                        .path("engine_result").asText());
            }
            assertFee(node, 14, 14L, 8, 7);
            assertEquals("25601", node.call("fee", null).path("levels").path("minimum_level").asText());
            node.call("ledger_accept", null);
            fillLedger(node, bob);
            for (int i = 0; i < 10; i++) {
                assertEquals("terQUEUED", bob.submit(node, "AccountSet", ",\"Fee\":\"2000\"", "")
                        .path("engine_result").asText());
            }
            assertFee(node, 15, 16L, 9, 8);
            node.call("ledger_accept", null);
            assertFee(node, 4, 18L, 10, 9);
            // The one with a LastLedgerSequence expired: alice's queue has a gap at aliceSeq + 2.
            JsonNode queue = node.call("account_info", params("{\"account\":\"" + alice.address
                    + "\",\"queue\":true}")).path("queue_data");
            assertEquals(4, queue.path("txn_count").asInt(), queue.toString());
            assertEquals(aliceSeq + 3, queue.path("transactions").get(2).path("seq").asLong(), queue.toString());
            JsonNode gap = alice.submit(node, "AccountSet", "", capped);
            assertEquals("terQUEUED", gap.path("engine_result").asText(), gap.toString());
            assertEquals(aliceSeq + 2, gap.path("tx_json").path("Sequence").asLong(), gap.toString());
            assertFee(node, 5, 18L, 10, 9);
            node.call("ledger_accept", null);
            assertFee(node, 0, 20L, 5, 10);
            assertEquals(aliceSeq + 5, alice.sequence(node));
        }
    }

    /** A key pair the node made from a passphrase, and what its account submits. */
    private record Wallet(String address, String secret) {
        static Wallet of(TestNodes.Node node, String passphrase) throws Exception {
            JsonNode w = node.call("wallet_propose", params("{\"passphrase\":\"" + passphrase + "\"}"));
            return new Wallet(w.path("account_id").asText(), w.path("master_seed").asText());
        }

        /** Sign-and-submit of a {@code type} transaction with {@code fields}; {@code options} join the request. */
        JsonNode submit(TestNodes.Node node, String type, String fields, String options) throws Exception {
            return node.call("submit", params("{\"secret\":\"" + secret + "\"" + options + ",\"tx_json\":{"
                    + "\"TransactionType\":\"" + type + "\",\"Account\":\"" + address + "\"" + fields + "}}"));
        }

        long sequence(TestNodes.Node node) throws Exception {
            return node.call("account_info", params("{\"account\":\"" + address + "\"}"))
                    .path("account_data").path("Sequence").asLong();
        }
    }

    /** rippled's fillQueue: base-fee noops until the open ledger holds one more than expected. */
    private static void fillLedger(TestNodes.Node node, Wallet account) throws Exception {
        JsonNode fee = node.call("fee", null);
        for (long i = fee.path("current_ledger_size").asLong(); i <= fee.path("expected_ledger_size").asLong(); i++) {
            JsonNode r = account.submit(node, "AccountSet", ",\"Fee\":\"10\"", "");
            assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
        }
    }

    private static void assertFee(TestNodes.Node node, long queued, Long max, long inLedger, long perLedger) {
        JsonNode fee = node.call("fee", null);
        assertEquals(Long.toString(queued), fee.path("current_queue_size").asText(), fee.toString());
        assertEquals(max == null ? "" : max.toString(), fee.path("max_queue_size").asText(), fee.toString());
        assertEquals(Long.toString(inLedger), fee.path("current_ledger_size").asText(), fee.toString());
        assertEquals(Long.toString(perLedger), fee.path("expected_ledger_size").asText(), fee.toString());
    }

    /** A no-op AccountSet from alice, sequence and fee (at most ten times the base) filled in by the server. */
    private static JsonNode noop(TestNodes.Node node, String extraFields) throws Exception {
        JsonNode wallet = node.call("wallet_propose", params("{\"passphrase\":\"alice\"}"));
        String alice = wallet.path("account_id").asText();
        String secret = wallet.path("master_seed").asText();
        return node.call("submit", params("{\"secret\":\"" + secret + "\",\"fee_mult_max\":10,\"x_queue_okay\":true,"
                + "\"tx_json\":{\"TransactionType\":\"AccountSet\",\"Account\":\"" + alice + "\"" + extraFields
                + "}}"));
    }

    private static void assertEmptyQueue(JsonNode info) {
        JsonNode queue = info.path("queue_data");
        assertEquals(0, queue.path("txn_count").asInt(), info.toString());
        assertEquals(1, queue.size(), "nothing but txn_count: " + info);
    }

    /** Sign-and-submit of a 1000-unit payment with an explicit fee and sequence, so autofill does not escalate. */
    private static JsonNode pay(TestNodes.Node node, String from, String to, int sequence) throws Exception {
        return node.call("submit", params("{\"secret\":\"masterpassphrase\",\"tx_json\":{\"TransactionType\":"
                + "\"Payment\",\"Account\":\"" + from + "\",\"Destination\":\"" + to + "\",\"Amount\":\"1000000000\","
                + "\"Fee\":\"10\",\"Sequence\":" + sequence + "}}"));
    }

    private static String address(TestNodes.Node node, String passphrase) throws Exception {
        return node.call("wallet_propose", params("{\"passphrase\":\"" + passphrase + "\"}"))
                .path("account_id").asText();
    }

    private static ObjectNode params(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
