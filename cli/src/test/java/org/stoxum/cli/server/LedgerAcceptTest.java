package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.client.JsonRpcClient;

/**
 * Ledgers are built off the writer thread, one at a time: {@code ledger_accept}s that arrive while one is
 * being built wait their turn, and every one closes its own ledger of an unbroken chain.
 */
class LedgerAcceptTest {
    private static final int CALLERS = 6;

    @Test
    void concurrentAcceptsCloseOneLedgerEachInAChain() throws Exception {
        try (TestNodes.Node node = TestNodes.start(true)) {
            long first = node.call("ledger_current", null).get("ledger_current_index").asLong();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            try {
                List<Future<JsonNode>> answers = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    answers.add(callers.submit(() -> new JsonRpcClient("127.0.0.1", node.rpcPort)
                            .call("ledger_accept", null)));
                }
                Set<Long> current = new TreeSet<>();
                for (Future<JsonNode> a : answers) {
                    current.add(a.get().get("ledger_current_index").asLong());
                }
                Set<Long> expected = new TreeSet<>();
                for (int i = 1; i <= CALLERS; i++) {
                    expected.add(first + i);
                }
                assertEquals(expected, current, "each accept answers the open ledger after its own close");
            } finally {
                callers.shutdownNow();
            }
            String parent = null;
            for (long seq = first; seq < first + CALLERS; seq++) {
                ObjectNode params = new ObjectMapper().createObjectNode().put("ledger_index", seq);
                JsonNode ledger = node.call("ledger", params).get("ledger");
                if (parent != null) {
                    assertEquals(parent, ledger.get("parent_hash").asText(), "ledger " + seq + "'s parent");
                }
                parent = ledger.get("ledger_hash").asText();
            }
            assertEquals(first + CALLERS - 1, node.call("ledger_closed", null).get("ledger_index").asLong());
        }
    }
}
