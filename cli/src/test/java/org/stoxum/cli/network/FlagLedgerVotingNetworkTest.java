package org.stoxum.cli.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Keylets;

/**
 * Fee and amendment voting across flag ledgers, end to end, and what a node does once the network enables an
 * amendment it does not support.
 *
 * <p>Each test runs three trusted validators, a stock server and a validator nobody trusts, all started from
 * one {@code --ledgerfile} dump: the state of a fresh {@code --start} genesis under a header a few ledgers
 * before a flag ledger, with every supported amendment enabled but those the test votes on. The trusted
 * validators also support {@link #PROBE}, an amendment this build does not know, through {@code
 * [amendments]}. Ledgers close fast because the network runs at {@code [consensus] speedup} and payments keep
 * every open ledger busy; {@code [amendment_majority_time]} is four minutes.
 *
 * <p>The two halves of an amendment's way are two tests, so that neither has to run the 256 rounds between
 * flag ledgers: after flag ledger 256, ledger 257 records SetFee and tfGotMajority; a ledger that records
 * majorities (as 257 does) is where the second test starts, and after flag ledger 512 the ledger 513 enables
 * the amendments whose majority is older than the majority time, and only those.
 */
class FlagLedgerVotingNetworkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Round timers divided by this. At 10 a node of a loaded 2-core CI machine once fell behind and stayed 90 s
     * on a branch of its own; 5 gives such a node twice the time per round.
     */
    private static final int SPEEDUP = 5;
    /** A supported amendment the start ledgers leave out, for the validators to vote in. */
    private static final String VOTED_IN = "fix1201";
    /** A supported amendment whose majority, in the second test, is younger than the majority time. */
    private static final String TOO_RECENT = "fix1512";
    private static final String PROBE_NAME = "AmendmentBlockedProbe";
    /** An amendment no build knows, supported only where {@code [amendments]} names it. */
    private static final Hash256 PROBE = Hash256.wrap(Sha512Half.of(PROBE_NAME.getBytes(StandardCharsets.US_ASCII)));
    private static final long MAJORITY_TIME_S = 4 * 60;
    private static final long TF_GOT_MAJORITY = 0x0001_0000L;
    private static final long VOTED_FEE = 20;
    private static final long VOTED_RESERVE = 5_000_000;
    private static final long VOTED_INCREMENT = 1_000_000;
    /**
     * Generous: on a loaded two-core machine the thirty-odd rounds of a test take a few seconds. The start
     * ledgers are thirty ledgers before a flag ledger so that the first rounds, which every node spends
     * observing and which may fork, have settled before the votes count.
     */
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    void afterFlagLedger256TheValidatorsVoteNewFeesAndAmendmentMajoritiesIntoLedger257() throws Exception {
        Path dir = Files.createTempDirectory("stoxumd-start");
        try (TestNetwork net = new TestNetwork(3, 2)) {
            Path start = startLedger(dir.resolve("start-ledger.json"), 226, List.of(VOTED_IN), Map.of());
            List<TestNetwork.Node> nodes = startNetwork(net, start, 226, "[voting]\nreference_fee = " + VOTED_FEE
                    + "\naccount_reserve = " + VOTED_RESERVE + "\nowner_reserve = " + VOTED_INCREMENT + "\n");
            try (Payments payments = new Payments(nodes.get(0))) {
                awaitValidated(nodes, 257);
                checkMajorityLedger(nodes.get(0), 257);
                for (TestNetwork.Node n : nodes) {
                    checkVotedFees(n);
                    awaitOpenLedgerFee(n);
                }
                assertTrue(payments.succeeded() > 0, "payments kept the ledgers busy");
            }
        } finally {
            TestNodes.delete(dir);
        }
    }

    @Test
    void afterFlagLedger512OldEnoughMajoritiesAreEnabledAndNodesWithoutOneAreBlocked() throws Exception {
        Path dir = Files.createTempDirectory("stoxumd-start");
        try (TestNetwork net = new TestNetwork(3, 2)) {
            Path start = startLedger(dir.resolve("start-ledger.json"), 482, List.of(VOTED_IN, TOO_RECENT),
                    Map.of(Amendments.id(VOTED_IN), -MAJORITY_TIME_S - 60, PROBE, -MAJORITY_TIME_S - 60,
                            Amendments.id(TOO_RECENT), 0L));
            List<TestNetwork.Node> nodes = startNetwork(net, start, 482, "");
            List<TestNetwork.Node> trusted = nodes.subList(0, 3);
            TestNetwork.Node supporter = nodes.get(0);
            TestNetwork.Node stock = nodes.get(3);
            TestNetwork.Node untrusted = nodes.get(4);
            try (Payments payments = new Payments(supporter)) {
                awaitState(untrusted, "proposing");
                awaitValidated(trusted, 513);
                checkEnablingLedger(supporter, 513);
                JsonNode amendments = amendmentsEntry(supporter, 513);
                for (Hash256 id : List.of(Amendments.id(VOTED_IN), PROBE)) {
                    assertTrue(amendments.path("Amendments").toString().contains(id.toString()),
                            id + " enabled: " + amendments);
                }
                String majorities = amendments.path("Majorities").toString();
                assertTrue(majorities.contains(Amendments.id(TOO_RECENT).toString())
                        && !majorities.contains(PROBE.toString()), "only the young majority is left: " + amendments);

                for (TestNetwork.Node blocked : List.of(stock, untrusted)) {
                    TestNetwork.await("node " + blocked.spec.rpcPort + " amendment-blocked", LIMIT,
                            () -> blocked.state().path("amendment_blocked").asBoolean());
                    checkBlocked(blocked);
                }
                long after = TestNetwork.validatedSeq(supporter) + 3;
                awaitValidated(trusted, after);
                for (TestNetwork.Node n : trusted) {
                    JsonNode info = n.call("server_info", null).path("info");
                    assertFalse(info.has("amendment_blocked"), info.toString());
                }
                assertEquals("tracking", untrusted.state().path("server_state").asText(),
                        "a blocked validator neither proposes nor validates");
                assertTrue(payments.succeeded() > 0, "payments kept the ledgers busy");
            }
        } finally {
            TestNodes.delete(dir);
        }
    }

    /**
     * Starts the five nodes from {@code start} (ledger {@code startSeq}): the trusted validators with {@code
     * validatorConfig} and support for the probe, node 4 a validator with keys of its own that nobody trusts.
     *
     * <p>Returns once every node has closed the ledger after the start one. Every node spends its first round
     * observing, building its ledger alone: a payment that reached some nodes but not others would fork them
     * at once. So the first round holds a single payment, sent once every node is connected to the other
     * four; until then nothing closes, as an empty ledger waits out the idle interval (a minute at this close
     * resolution). The thirty rounds before the flag ledger, with payments, bring every validator to
     * proposing.
     */
    private static List<TestNetwork.Node> startNetwork(TestNetwork net, Path start, long startSeq,
                                                       String validatorConfig) throws Exception {
        net.addConfigToAll("[consensus]\nspeedup = " + SPEEDUP + "\n\n[amendment_majority_time]\n"
                + MAJORITY_TIME_S / 60 + " minutes\n");
        for (int v = 0; v < 3; v++) {
            net.addConfig(v, validatorConfig + "\n[amendments]\n" + PROBE + " " + PROBE_NAME + "\n");
        }
        net.addConfig(4, "[validator_token]\n" + String.join("\n", TestNetwork.Validator.generate().tokenLines()));
        List<TestNetwork.Node> nodes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(net.start(i, new LedgerStart.LoadFile(start)));
        }
        TestNetwork.await("every node connected to the other four", LIMIT,
                () -> nodes.stream().allMatch(n -> n.state().path("peers").asInt() >= 4));
        TestNetwork.Node first = nodes.get(0);
        JsonNode paid = TestNetwork.pay(first, TestNetwork.secret(first, "masterpassphrase"), genesis(first),
                first.call("wallet_propose", null).path("account_id").asText(), 10_000_000_000L);
        assertEquals("tesSUCCESS", paid.path("engine_result").asText(), paid.toString());
        TestNetwork.await("every node closed ledger " + (startSeq + 1), LIMIT, () -> nodes.stream()
                .allMatch(n -> n.call("ledger_closed", null).path("ledger_index").asLong() > startSeq));
        return nodes;
    }

    private static void awaitState(TestNetwork.Node n, String state) throws InterruptedException {
        TestNetwork.await("node " + n.spec.rpcPort + " " + state, LIMIT,
                () -> n.state().path("server_state").asText().equals(state));
    }

    private static JsonNode amendmentsEntry(TestNetwork.Node n, long seq) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("index", Keylets.amendments().key().toString());
        p.put("ledger_index", seq);
        p.put("binary", false);
        return n.call("ledger_entry", p).path("node");
    }

    private static void awaitValidated(List<TestNetwork.Node> nodes, long seq) throws InterruptedException {
        TestNetwork.await("validated ledger " + seq + " everywhere", LIMIT,
                () -> nodes.stream().allMatch(n -> TestNetwork.validatedSeq(n) >= seq));
    }

    /** Ledger 257: SetFee with our votes and tfGotMajority for both amendments, each with its metadata. */
    private static void checkMajorityLedger(TestNetwork.Node n, long seq) {
        Map<String, JsonNode> byKind = pseudoTransactions(n, seq);
        JsonNode setFee = byKind.get("SetFee");
        assertTrue(setFee != null, "a SetFee in " + seq + ": " + byKind.keySet());
        assertEquals(VOTED_FEE, Long.parseLong(setFee.path("BaseFee").asText(), 16), setFee.toString());
        assertEquals(VOTED_RESERVE, setFee.path("ReserveBase").asLong(), setFee.toString());
        assertEquals(VOTED_INCREMENT, setFee.path("ReserveIncrement").asLong(), setFee.toString());
        assertEquals(10, setFee.path("ReferenceFeeUnits").asLong(), setFee.toString());
        assertTrue(modified(setFee, "FeeSettings"), setFee.toString());
        for (Hash256 id : List.of(Amendments.id(VOTED_IN), PROBE)) {
            JsonNode enable = byKind.get("EnableAmendment " + id);
            assertTrue(enable != null, "EnableAmendment " + id + " in " + seq + ": " + byKind.keySet());
            assertEquals(TF_GOT_MAJORITY, enable.path("Flags").asLong(), enable.toString());
            assertTrue(modified(enable, "Amendments"), enable.toString());
        }
    }

    /** Ledger 513: the amendments with old enough majorities enabled (no flags), and nothing else voted. */
    private static void checkEnablingLedger(TestNetwork.Node n, long seq) {
        Map<String, JsonNode> byKind = pseudoTransactions(n, seq);
        List<Hash256> due = List.of(Amendments.id(VOTED_IN), PROBE);
        for (Hash256 id : due) {
            JsonNode enable = byKind.get("EnableAmendment " + id);
            assertTrue(enable != null, "EnableAmendment " + id + " in " + seq + ": " + byKind.keySet());
            assertEquals(0, enable.path("Flags").asLong(0), enable.toString());
            assertTrue(modified(enable, "Amendments"), enable.toString());
        }
        assertEquals(due.size(), byKind.size(), "the young majority waits, the fees stay: " + byKind.keySet());
    }

    /**
     * The fees every node reports once ledger 257 is validated. server_info scales the reserves by base fee
     * over reference fee units, as stoxumd does, so a 20-drop base fee doubles the STM it shows for them.
     */
    private static void checkVotedFees(TestNetwork.Node n) {
        JsonNode validated = n.call("server_info", null).path("info").path("validated_ledger");
        long scale = VOTED_FEE / 10;
        assertEquals(VOTED_FEE / 1e6, validated.path("base_fee_xrp").asDouble(), 1e-12, validated.toString());
        assertEquals(VOTED_RESERVE * scale / 1e6, validated.path("reserve_base_xrp").asDouble(), 1e-12,
                validated.toString());
        assertEquals(VOTED_INCREMENT * scale / 1e6, validated.path("reserve_inc_xrp").asDouble(), 1e-12,
                validated.toString());
        JsonNode state = n.state().path("validated_ledger");
        assertEquals(VOTED_FEE, state.path("base_fee").asLong(), state.toString());
        assertEquals(VOTED_RESERVE, state.path("reserve_base").asLong(), state.toString());
        assertEquals(VOTED_INCREMENT, state.path("reserve_inc").asLong(), state.toString());
    }

    /**
     * The open ledger's base fee ({@code fee}) once the node builds on the voted fees: a node that fell behind
     * may briefly hold an open ledger on a branch of its own, so this is awaited.
     */
    private static void awaitOpenLedgerFee(TestNetwork.Node n) throws InterruptedException {
        TestNetwork.await("the fee command at " + n.spec.rpcPort + " showing " + VOTED_FEE + " drops", LIMIT,
                () -> n.call("fee", null).path("drops").path("base_fee").asText().equals(Long.toString(VOTED_FEE)));
    }

    /**
     * What a blocked node answers: the flag, tracking at most, and the commands stoxumd marks as needing the
     * current ledger (here ledger_current and submit) refused, while the others still answer.
     */
    private static void checkBlocked(TestNetwork.Node n) {
        JsonNode info = n.call("server_info", null).path("info");
        assertTrue(info.path("amendment_blocked").asBoolean(), info.toString());
        assertEquals("tracking", info.path("server_state").asText(), info.toString());
        List<JsonNode> refused = List.of(n.call("ledger_current", null),
                TestNetwork.pay(n, TestNetwork.secret(n, "masterpassphrase"), genesis(n), genesis(n), 1));
        for (JsonNode r : refused) {
            assertEquals("amendmentBlocked", r.path("error").asText(), r.toString());
            assertEquals("Amendment blocked, need upgrade.", r.path("error_message").asText(), r.toString());
        }
        assertTrue(n.call("ledger_closed", null).has("ledger_hash"), "ledger_closed still answers");
        assertTrue(n.call("fee", null).has("drops"), "fee still answers");
    }

    /** The pseudo-transactions of ledger {@code seq}: "SetFee", "EnableAmendment &lt;id&gt;". */
    private static Map<String, JsonNode> pseudoTransactions(TestNetwork.Node n, long seq) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("ledger_index", seq);
        p.put("transactions", true);
        p.put("expand", true);
        JsonNode txs = n.call("ledger", p).path("ledger").path("transactions");
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode tx : txs) {
            String type = tx.path("TransactionType").asText();
            if (type.equals("SetFee")) {
                out.put(type, tx);
            } else if (type.equals("EnableAmendment")) {
                out.put(type + " " + tx.path("Amendment").asText(), tx);
            }
        }
        return out;
    }

    private static boolean modified(JsonNode tx, String entryType) {
        JsonNode meta = tx.path("metaData");
        if (!meta.path("TransactionResult").asText().equals("tesSUCCESS")) {
            return false;
        }
        for (JsonNode affected : meta.path("AffectedNodes")) {
            for (String kind : List.of("ModifiedNode", "CreatedNode")) {
                if (affected.path(kind).path("LedgerEntryType").asText().equals(entryType)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A {@code --ledgerfile} dump of ledger {@code seq}: the state of a fresh {@code --start} genesis without
     * the {@code withheld} amendments and with the Amendments object recording {@code majorities} (amendment
     * to seconds relative to the dump's close time, as ledger 257 records them), under a header of that
     * sequence. The loader takes a dump's header as it stands; the hashes are left out, so it computes them.
     */
    private static Path startLedger(Path file, long seq, List<String> withheld, Map<Hash256, Long> majorities)
            throws Exception {
        JsonNode ledger;
        try (TestNodes.Node n = TestNodes.start(true)) {
            ObjectNode p = JsonNodeFactory.instance.objectNode();
            p.put("ledger_index", "closed");
            p.put("accounts", true);
            p.put("expand", true);
            ledger = n.call("ledger", p).path("ledger").deepCopy();
        }
        ObjectNode l = (ObjectNode) ledger;
        for (String hash : List.of("ledger_hash", "hash", "account_hash", "transaction_hash", "transactions")) {
            l.remove(hash);
        }
        l.put("ledger_index", Long.toString(seq));
        long closeTime = l.path("close_time").asLong();
        ObjectNode amendments = null;
        for (JsonNode entry : l.path("accountState")) {
            if (entry.path("LedgerEntryType").asText().equals("Amendments")) {
                amendments = (ObjectNode) entry;
            }
        }
        assertTrue(amendments != null, "a --start genesis has an Amendments object");
        ArrayNode enabled = (ArrayNode) amendments.path("Amendments");
        for (String name : withheld) {
            String id = Amendments.id(name).toString();
            int before = enabled.size();
            for (int i = enabled.size() - 1; i >= 0; i--) {
                if (enabled.get(i).asText().equalsIgnoreCase(id)) {
                    enabled.remove(i);
                }
            }
            assertEquals(before - 1, enabled.size(), "the genesis Amendments object lists " + name);
        }
        if (!majorities.isEmpty()) {
            ArrayNode list = amendments.putArray("Majorities");
            new TreeMap<>(majorities).forEach((id, since) -> list.addObject().putObject("Majority")
                    .put("Amendment", id.toString()).put("CloseTime", closeTime + since));
        }
        JSON.writeValue(file.toFile(), l);
        return file;
    }

    private static String genesis(TestNetwork.Node n) {
        return n.call("wallet_propose", TestNetwork.passphrase("masterpassphrase")).path("account_id").asText();
    }

    /** Payments from the genesis account, one after another, until closed: they keep every ledger busy. */
    private static final class Payments implements AutoCloseable {
        private final Thread thread;
        private volatile boolean stop;
        private volatile int succeeded;

        Payments(TestNetwork.Node to) {
            String secret = TestNetwork.secret(to, "masterpassphrase");
            String genesis = genesis(to);
            String dest = to.call("wallet_propose", null).path("account_id").asText();
            thread = new Thread(() -> {
                while (!stop) {
                    try {
                        JsonNode r = TestNetwork.pay(to, secret, genesis, dest, 10_000_000_000L);
                        if (r.path("engine_result").asText().equals("tesSUCCESS")) {
                            succeeded++;
                        }
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // a busy or stopping node: try again
                    }
                }
            }, "payments");
            thread.setDaemon(true);
            thread.start();
        }

        int succeeded() {
            return succeeded;
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join();
        }
    }
}
