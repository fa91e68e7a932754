package org.stoxum.cli.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What a network of three validators and a stock server must do, whether its nodes run in this JVM or as
 * processes: validate ledger after ledger with a quorum of two, agree on every validated hash and balance for
 * payments submitted to the stock server, and let a server started later catch up from its peers.
 */
public final class NetworkScenario {
    /** How long a few consensus rounds may take on a loaded two-core machine. */
    static final Duration ROUNDS = Duration.ofSeconds(90);
    private static final long AMOUNT = 1_000_000_000L;

    private NetworkScenario() {
    }

    /**
     * @param nodes three validators then a stock server, all started
     * @param late  starts one more stock server, from a genesis of its own
     */
    public static void run(List<TestNetwork.Node> nodes, Callable<TestNetwork.Node> late) throws Exception {
        TestNetwork.Node stock = nodes.get(3);
        String genesisSecret = TestNetwork.secret(stock, "masterpassphrase");
        String genesis = stock.call("wallet_propose", TestNetwork.passphrase("masterpassphrase"))
                .path("account_id").asText();
        List<String> paid = new ArrayList<>();
        Runnable payOnce = () -> {
            String to = stock.call("wallet_propose", null).path("account_id").asText();
            JsonNode r = TestNetwork.pay(stock, genesisSecret, genesis, to, AMOUNT);
            if (r.path("engine_result").asText().equals("tesSUCCESS")) {
                paid.add(to);
            }
        };
        TestNetwork.await("every node validates ledger 6", ROUNDS, () -> {
            payOnce.run();
            return nodes.stream().allMatch(n -> TestNetwork.validatedSeq(n) >= 6);
        });
        for (TestNetwork.Node v : nodes.subList(0, 3)) {
            JsonNode state = v.state();
            assertEquals(2, state.path("validation_quorum").asInt(), state.toString());
            assertTrue(state.path("peers").asInt() >= 3, state.toString());
            assertTrue(List.of("proposing", "validating", "full").contains(state.path("server_state").asText()),
                    state.toString());
        }
        for (TestNetwork.Node n : nodes) {
            String metrics = TestNetwork.httpGet(n, "/metrics");
            assertTrue(metrics.matches("(?s).*\nstoxumd_peers [3-9]\n.*"), metrics);
        }
        long seq = nodes.stream().mapToLong(TestNetwork::validatedSeq).min().orElseThrow();
        String hash = TestNetwork.ledgerHash(nodes.get(0), seq);
        for (TestNetwork.Node n : nodes) {
            assertEquals(hash, TestNetwork.ledgerHash(n, seq), "ledger " + seq + " at " + n.spec.rpcPort);
        }
        String someone = paid.get(0);
        for (TestNetwork.Node n : nodes) {
            assertEquals(Long.toString(AMOUNT), TestNetwork.balance(n, someone), "balance at " + n.spec.rpcPort);
        }

        TestNetwork.Node joiner = late.call();
        long target = TestNetwork.validatedSeq(nodes.get(0)) + 1;
        TestNetwork.await("the late server validates ledger " + target, ROUNDS, () -> {
            payOnce.run();
            return TestNetwork.validatedSeq(joiner) >= target;
        });
        assertEquals(TestNetwork.ledgerHash(nodes.get(0), target), TestNetwork.ledgerHash(joiner, target));
        assertEquals(Long.toString(AMOUNT), TestNetwork.balance(joiner, someone));
        TestNetwork.await("the late server fills its history back to ledger 2", ROUNDS,
                () -> joiner.state().path("complete_ledgers").asText().startsWith("2-"));
        assertEquals(TestNetwork.ledgerHash(nodes.get(0), 3), TestNetwork.ledgerHash(joiner, 3));
    }
}
