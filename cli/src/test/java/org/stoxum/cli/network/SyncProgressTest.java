package org.stoxum.cli.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.app.LedgerStart;

/**
 * A server that joins a running network late shows its sync as stoxumd does: fetch_info lists the ledgers it
 * acquires from its peers (under way or just done, by sequence), and server_info's complete_ledgers grows as
 * the history is back-filled, down to ledger 2.
 */
class SyncProgressTest {
    @Test
    void aLateServersFetchInfoShowsItsAcquisitionsAndItsCompleteLedgersGrow() throws Exception {
        try (TestNetwork net = new TestNetwork(3, 1)) {
            List<TestNetwork.Node> validators = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                validators.add(net.start(i, new LedgerStart.Genesis(true)));
            }
            TestNetwork.Node first = validators.get(0);
            String secret = TestNetwork.secret(first, "masterpassphrase");
            String genesis = first.call("wallet_propose", TestNetwork.passphrase("masterpassphrase"))
                    .path("account_id").asText();
            Runnable pay = () -> TestNetwork.pay(first, secret, genesis,
                    first.call("wallet_propose", null).path("account_id").asText(), 1_000_000_000L);
            TestNetwork.await("the validators validate ledger 8", NetworkScenario.ROUNDS, () -> {
                pay.run();
                return validators.stream().allMatch(n -> TestNetwork.validatedSeq(n) >= 8);
            });

            TestNetwork.Node late = net.start(3, new LedgerStart.Genesis(false));
            Set<String> completeLedgers = new LinkedHashSet<>();
            Set<String> states = new LinkedHashSet<>();
            List<JsonNode> fetchInfo = new ArrayList<>();
            TestNetwork.await("the late server fills its history back to ledger 2", NetworkScenario.ROUNDS, () -> {
                pay.run();
                JsonNode info = late.call("server_info", null).path("info");
                completeLedgers.add(info.path("complete_ledgers").asText());
                states.add(info.path("server_state").asText());
                JsonNode fetching = late.call("fetch_info", null).path("info");
                if (fetching.size() > 0) {
                    fetchInfo.add(fetching);
                }
                return info.path("complete_ledgers").asText().startsWith("2-");
            });

            assertFalse(fetchInfo.isEmpty(), "fetch_info showed the acquisitions");
            boolean historyShown = false;
            for (JsonNode info : fetchInfo) {
                for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) info::fields) {
                    JsonNode a = e.getValue();
                    assertTrue(a.path("hash").asText().matches("[0-9A-F]{64}") || a.path("failed").asBoolean(),
                            a.toString());
                    assertTrue(a.has("timeouts") || a.path("failed").asBoolean(), a.toString());
                    assertTrue(a.path("complete").asBoolean() || a.path("failed").asBoolean() || a.has("peers"),
                            "under way, an acquisition names the peers it asks: " + a);
                    historyShown |= e.getKey().matches("[2-7]");
                }
            }
            assertTrue(historyShown, "a back-filled ledger is named by its sequence: " + fetchInfo);
            List<Long> starts = completeLedgers.stream().filter(c -> c.matches("\\d+-\\d+"))
                    .map(c -> Long.parseLong(c.substring(0, c.indexOf('-')))).distinct().toList();
            assertTrue(starts.size() >= 3, "complete_ledgers grew step by step: " + completeLedgers);
            for (int i = 1; i < starts.size(); i++) {
                assertTrue(starts.get(i) < starts.get(i - 1), "back-fill goes backwards: " + completeLedgers);
            }
            // Joining the rounds is independent of the back-fill: the late server tracks once it has gone
            // through a round with no change of view, which may come before or after ledger 2 is filled in.
            TestNetwork.await("then it follows the network (states seen while filling in: " + states + ")",
                    NetworkScenario.ROUNDS, () -> {
                        pay.run();
                        return List.of("tracking", "full").contains(late.state().path("server_state").asText());
                    });
        }
    }
}
