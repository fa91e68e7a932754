package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.engine.app.LedgerStart;

/**
 * SIGTERM and the {@code stop} command do not lose the open ledger: payments a server applied but had not
 * closed are in the open ledger of the server restarted with {@code --load}, and go into its next ledger;
 * a restart that starts another chain ({@code --start}) drops them.
 */
class OpenLedgerAcrossStopsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAYMENTS = 5;
    private static final String SAVED = "db/open-ledger.txs";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SIGTERM", "stop"})
    void theOpenLedgerSurvivesACleanStop(String how) throws Exception {
        ChildServer.Home home = ChildServer.Home.create("");
        ChildServer server = null;
        try {
            server = ChildServer.start(home, ChildServer.Launcher.CLASSPATH, "--standalone", "--start");
            long sequence = sequence(server);
            List<String> paid = new ArrayList<>();
            for (int i = 0; i < PAYMENTS; i++) {
                JsonNode r = server.call("submit", payment(300_000_000L + i));
                assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
                paid.add(r.get("tx_json").get("hash").asText());
            }
            assertEquals(sequence + PAYMENTS, sequence(server), "the payments are in the open ledger");

            int status;
            if (how.equals("stop")) {
                server.call("stop", null);
                status = server.awaitExit(Duration.ofSeconds(30));
            } else {
                status = server.terminate(Duration.ofSeconds(30));
            }
            String log = server.log();
            assertEquals(0, status, "a clean stop exits 0:\n" + ChildServer.tail(log));
            assertTrue(log.contains("the open ledger's " + PAYMENTS + " transactions are kept"),
                    ChildServer.tail(log));

            server = ChildServer.start(home, ChildServer.Launcher.CLASSPATH, "--standalone", "--load");
            assertFalse(Files.exists(home.dir().resolve(SAVED)), "the restart took the saved transactions back");
            assertEquals(sequence + PAYMENTS, sequence(server), "the restarted open ledger holds the payments");
            JsonNode destination = accountInfo(server, PaymentLoad.DESTINATIONS[0]);
            assertTrue(destination.has("account_data"), "the paid account exists in the open ledger: "
                    + destination);

            long closedSeq = server.call("ledger_accept", null).get("ledger_current_index").asLong() - 1;
            JsonNode closed = server.call("ledger", JSON.createObjectNode().put("ledger_index", closedSeq)
                    .put("transactions", true)).get("ledger");
            Set<String> inLedger = new HashSet<>();
            closed.get("transactions").forEach(t -> inLedger.add(t.asText()));
            assertEquals(Set.copyOf(paid), inLedger, "the next ledger holds exactly the kept payments");
            assertEquals(0, server.terminate(Duration.ofSeconds(30)));
            assertFalse(Files.exists(home.dir().resolve(SAVED)), "an empty open ledger leaves no file");
        } finally {
            if (server != null) {
                server.close();
            }
            home.delete();
        }
    }

    @Test
    void aNewChainDropsTheKeptTransactions() throws Exception {
        TestNodes.Node node = TestNodes.start(true);
        TestNodes.Node restarted = null;
        try {
            JsonNode r = node.call("submit", payment(300_000_000L));
            assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
            node.stop();
            assertTrue(Files.exists(node.dir.resolve(SAVED)), "the stop kept the open ledger");
            restarted = TestNodes.restart(node, new LedgerStart.Genesis(true));
            assertFalse(Files.exists(node.dir.resolve(SAVED)), "the new chain dropped the kept transactions");
            JsonNode info = restarted.call("account_info", JSON.createObjectNode()
                    .put("account", PaymentLoad.DESTINATIONS[0]).put("ledger_index", "current"));
            assertEquals("actNotFound", info.path("error").asText(), "the payment is not applied: " + info);
        } finally {
            (restarted != null ? restarted : node).close();
        }
    }

    private static ObjectNode payment(long drops) {
        ObjectNode tx = JSON.createObjectNode().put("TransactionType", "Payment").put("Account", PaymentLoad.GENESIS)
                .put("Destination", PaymentLoad.DESTINATIONS[0]).put("Amount", Long.toString(drops));
        ObjectNode params = JSON.createObjectNode().put("secret", "masterpassphrase");
        params.set("tx_json", tx);
        return params;
    }

    private static JsonNode accountInfo(ChildServer server, String account) throws RpcClientException {
        return server.call("account_info", JSON.createObjectNode().put("account", account)
                .put("ledger_index", "current"));
    }

    /** The genesis account's next sequence in the open ledger. */
    private static long sequence(ChildServer server) throws RpcClientException {
        return accountInfo(server, PaymentLoad.GENESIS).get("account_data").get("Sequence").asLong();
    }
}
