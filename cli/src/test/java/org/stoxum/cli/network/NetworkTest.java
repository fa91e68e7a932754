package org.stoxum.cli.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.app.LedgerStart;

/**
 * Three validators and a stock server on 127.0.0.1 in one JVM: they reach consensus from a common genesis,
 * validate ledger after ledger with a quorum, agree on every validated hash, and payments submitted to the
 * stock server are validated by all. A second stock server started later, from a genesis of its own, acquires
 * the network's ledger from its peers and follows.
 */
class NetworkTest {
    private static final Duration ROUNDS = Duration.ofSeconds(90);

    @Test
    void threeValidatorsAndAStockServerValidateTheSameLedgers() throws Exception {
        try (TestNetwork net = new TestNetwork(3, 2)) {
            List<TestNetwork.Node> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(net.start(i, new LedgerStart.Genesis(true)));
            }
            TestNetwork.Node stock = nodes.get(3);
            String genesisSecret = secret(stock, "masterpassphrase");
            String genesis = stock.call("wallet_propose", passphrase("masterpassphrase")).path("account_id").asText();
            List<String> paid = new ArrayList<>();
            TestNetwork.await("every node validates ledger 6", ROUNDS, () -> {
                String to = stock.call("wallet_propose", null).path("account_id").asText();
                JsonNode r = pay(stock, genesisSecret, genesis, to, 1_000_000_000L);
                if (r.path("engine_result").asText().equals("tesSUCCESS")) {
                    paid.add(to);
                }
                return nodes.stream().allMatch(n -> validatedSeq(n) >= 6);
            });
            for (TestNetwork.Node v : nodes.subList(0, 3)) {
                JsonNode state = v.state();
                assertEquals(2, state.path("validation_quorum").asInt(), state.toString());
                assertTrue(state.path("peers").asInt() >= 3, state.toString());
                assertTrue(List.of("proposing", "full").contains(state.path("server_state").asText()),
                        state.toString());
            }
            long seq = nodes.stream().mapToLong(NetworkTest::validatedSeq).min().orElseThrow();
            String hash = ledgerHash(nodes.get(0), seq);
            for (TestNetwork.Node n : nodes) {
                assertEquals(hash, ledgerHash(n, seq), "ledger " + seq + " at " + n.spec.rpcPort);
            }
            String someone = paid.get(0);
            for (TestNetwork.Node n : nodes) {
                assertEquals("1000000000", balance(n, someone), "balance at " + n.spec.rpcPort);
            }

            TestNetwork.Node late = net.start(4, new LedgerStart.Genesis(false));
            nodes.add(late);
            long target = validatedSeq(nodes.get(0)) + 1;
            TestNetwork.await("the late server validates ledger " + target, ROUNDS, () -> {
                String to = stock.call("wallet_propose", null).path("account_id").asText();
                pay(stock, genesisSecret, genesis, to, 1_000_000_000L);
                return validatedSeq(late) >= target;
            });
            assertEquals(ledgerHash(nodes.get(0), target), ledgerHash(late, target));
            assertEquals("1000000000", balance(late, someone));
        }
    }

    static ObjectNode passphrase(String words) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("passphrase", words);
        return p;
    }

    static String secret(TestNetwork.Node n, String words) {
        return n.call("wallet_propose", passphrase(words)).path("master_seed").asText();
    }

    /** Signs and submits a payment of {@code drops} with {@code secret}. */
    static JsonNode pay(TestNetwork.Node n, String secret, String from, String to, long drops) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("secret", secret);
        ObjectNode tx = p.putObject("tx_json");
        tx.put("TransactionType", "Payment");
        tx.put("Account", from);
        tx.put("Destination", to);
        tx.put("Amount", Long.toString(drops));
        return n.call("submit", p);
    }

    static String balance(TestNetwork.Node n, String account) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("account", account);
        p.put("ledger_index", "validated");
        return n.call("account_info", p).path("account_data").path("Balance").asText();
    }

    static long validatedSeq(TestNetwork.Node n) {
        return n.state().path("validated_ledger").path("seq").asLong(0);
    }

    static String ledgerHash(TestNetwork.Node n, long seq) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("ledger_index", seq);
        return n.call("ledger", p).path("ledger").path("ledger_hash").asText();
    }
}
