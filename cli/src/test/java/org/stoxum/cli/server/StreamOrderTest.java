package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The streams under load, with publishing on a thread of its own: submitters on several WebSocket
 * connections send signed blobs while another connection closes ledgers as fast as it can. Every applied
 * transaction must show once on the proposed stream (before its submit answer, on the submitter's own
 * connection) and once validated; every ledger's {@code ledgerClosed} must come in sequence, followed by
 * exactly its transactions in ledger order, all before the {@code ledger_accept} answer that closed it.
 */
class StreamOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = StreamClient.WAIT_SECONDS;
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final int ACCOUNTS = 4;
    private static final int PAYMENTS_EACH = 60;

    /** One WebSocket connection: requests one at a time, and every message in arrival order. */
    private static final class Client implements AutoCloseable {
        final List<JsonNode> received = new ArrayList<>();
        private final StreamClient ws;
        private int nextId = 1;

        Client(int port) throws Exception {
            ws = StreamClient.connect(port);
        }

        /** Sends {@code request} and returns its answer; stream messages before it are kept in order. */
        JsonNode call(ObjectNode request) throws Exception {
            int id = nextId++;
            request.put("id", id);
            ws.send(request.toString());
            while (true) {
                JsonNode m = ws.next();
                received.add(m);
                if ("response".equals(m.path("type").asText()) && m.path("id").asInt() == id) {
                    return m;
                }
            }
        }

        /** Waits for the next unsolicited message. */
        JsonNode take() throws InterruptedException {
            return ws.next();
        }

        @Override
        public void close() {
            ws.close();
        }
    }

    @Test
    void everyEventArrivesOnceInOrderWhileSubmitsAndClosesRace() throws Exception {
        try (TestNodes.Node node = TestNodes.start(true)) {
            List<String> secrets = new ArrayList<>();
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                JsonNode w = node.call("wallet_propose", JSON.readTree("{\"passphrase\":\"stream-order-" + i + "\"}"));
                secrets.add(w.get("master_seed").asText());
                addresses.add(w.get("account_id").asText());
                JsonNode r = node.call("submit", JSON.readTree("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                        + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\""
                        + addresses.get(i) + "\",\"Amount\":\"1000000000\"}}"));
                assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
            }
            node.call("ledger_accept", null);
            List<List<String>> blobs = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                List<String> mine = new ArrayList<>();
                for (int k = 0; k < PAYMENTS_EACH; k++) {
                    JsonNode signed = node.call("sign", JSON.readTree("{\"secret\":\"" + secrets.get(i)
                            + "\",\"tx_json\":{\"TransactionType\":\"Payment\",\"Account\":\"" + addresses.get(i)
                            + "\",\"Destination\":\"" + addresses.get((i + 1) % ACCOUNTS) + "\",\"Amount\":\"1\","
                            + "\"Fee\":\"10\",\"Sequence\":" + (1 + k) + "}}"));
                    mine.add(signed.get("tx_blob").asText());
                }
                blobs.add(mine);
            }

            try (Client watcher = new Client(node.wsPort); Client closer = new Client(node.wsPort)) {
                subscribe(watcher, "[\"ledger\",\"transactions\",\"transactions_proposed\"]");
                subscribe(closer, "[\"ledger\",\"transactions\"]");
                List<Client> submitters = new ArrayList<>();
                for (int i = 0; i < ACCOUNTS; i++) {
                    submitters.add(new Client(node.wsPort));
                    subscribe(submitters.get(i), "[\"transactions_proposed\"]");
                }
                ExecutorService threads = Executors.newFixedThreadPool(ACCOUNTS + 1);
                AtomicBoolean submitting = new AtomicBoolean(true);
                Set<String> applied = ConcurrentHashMap.newKeySet();
                try {
                    List<Future<?>> sends = new ArrayList<>();
                    for (int i = 0; i < ACCOUNTS; i++) {
                        Client c = submitters.get(i);
                        List<String> mine = blobs.get(i);
                        sends.add(threads.submit(() -> {
                            for (String blob : mine) {
                                JsonNode answer = c.call(request("submit").put("tx_blob", blob));
                                assertEquals("tesSUCCESS", answer.path("result").path("engine_result").asText(),
                                        answer.toString());
                                String hash = answer.path("result").path("tx_json").path("hash").asText();
                                assertTrue(proposedBefore(c.received, hash),
                                        "the proposed message of " + hash + " precedes its submit answer");
                                applied.add(hash);
                            }
                            return null;
                        }));
                    }
                    Future<List<Long>> closes = threads.submit(() -> {
                        List<Long> closed = new ArrayList<>();
                        do {
                            JsonNode answer = closer.call(request("ledger_accept"));
                            closed.add(answer.path("result").path("ledger_current_index").asLong() - 1);
                            Thread.sleep(5);
                        } while (submitting.get());
                        closed.add(closer.call(request("ledger_accept")).path("result")
                                .path("ledger_current_index").asLong() - 1);
                        return closed;
                    });
                    for (Future<?> f : sends) {
                        f.get(2 * WAIT_SECONDS, TimeUnit.SECONDS);
                    }
                    submitting.set(false);
                    List<Long> closed = closes.get(2 * WAIT_SECONDS, TimeUnit.SECONDS);
                    assertTrue(closed.size() >= 2, "ledgers closed while submitting: " + closed);
                    checkCloserSawEachLedgerBeforeItsAnswer(closer.received, closed);
                } finally {
                    threads.shutdownNow();
                    submitters.forEach(Client::close);
                }
                assertEquals(ACCOUNTS * PAYMENTS_EACH, applied.size());
                checkWatcher(watcher, applied);
            }
        }
    }

    private static ObjectNode request(String command) {
        ObjectNode r = JSON.createObjectNode();
        r.put("command", command);
        return r;
    }

    private static void subscribe(Client c, String streams) throws Exception {
        ObjectNode r = request("subscribe");
        r.set("streams", JSON.readTree(streams));
        assertEquals("success", c.call(r).path("status").asText());
    }

    private static boolean proposedBefore(List<JsonNode> received, String hash) {
        for (JsonNode m : received) {
            if ("transaction".equals(m.path("type").asText()) && !m.path("validated").asBoolean()
                    && hash.equals(m.path("transaction").path("hash").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Each ledger_accept answer comes after the ledger it closed and all of that ledger's transactions. */
    private static void checkCloserSawEachLedgerBeforeItsAnswer(List<JsonNode> received, List<Long> closed) {
        Map<Long, Integer> expected = new HashMap<>();
        Map<Long, Integer> seen = new HashMap<>();
        int answers = 0;
        for (JsonNode m : received) {
            String type = m.path("type").asText();
            if (type.equals("ledgerClosed")) {
                expected.put(m.path("ledger_index").asLong(), m.path("txn_count").asInt());
                seen.put(m.path("ledger_index").asLong(), 0);
            } else if (type.equals("transaction")) {
                seen.merge(m.path("ledger_index").asLong(), 1, Integer::sum);
            } else if (type.equals("response") && m.path("result").has("ledger_current_index")) {
                long seq = closed.get(answers++);
                assertTrue(expected.containsKey(seq), "ledgerClosed " + seq + " came before its ledger_accept answer");
                assertEquals(expected.get(seq), seen.get(seq), "ledger " + seq + "'s transactions came before the answer");
            }
        }
        assertEquals(closed.size(), answers);
    }

    /**
     * The watcher follows every stream: ledgers in sequence, each followed by exactly its transactions in
     * ledger order; each applied transaction proposed once, then validated once.
     */
    private static void checkWatcher(Client watcher, Set<String> applied) throws InterruptedException {
        Set<String> proposed = new HashSet<>();
        Set<String> validated = new HashSet<>();
        long ledger = -1;
        int remaining = 0;
        int nextIndex = 0;
        while (validated.size() < applied.size() || remaining > 0) {
            JsonNode m = watcher.take();
            String type = m.path("type").asText();
            if (type.equals("ledgerClosed")) {
                assertEquals(0, remaining, "ledger " + ledger + " is complete before the next one");
                long seq = m.path("ledger_index").asLong();
                if (ledger >= 0) {
                    assertEquals(ledger + 1, seq, "ledgers in sequence");
                }
                ledger = seq;
                remaining = m.path("txn_count").asInt();
                nextIndex = 0;
                continue;
            }
            assertEquals("transaction", type, m.toString());
            String hash = m.path("transaction").path("hash").asText();
            if (!m.path("validated").asBoolean()) {
                assertTrue(proposed.add(hash), "proposed once: " + hash);
                continue;
            }
            assertTrue(remaining > 0, "a validated transaction only after its ledgerClosed: " + m);
            assertEquals(ledger, m.path("ledger_index").asLong());
            assertEquals(nextIndex++, m.path("meta").path("TransactionIndex").asInt(), "ledger order");
            remaining--;
            assertTrue(proposed.contains(hash), "proposed before validated: " + hash);
            assertTrue(validated.add(hash), "validated once: " + hash);
        }
        assertEquals(applied, validated);
        assertEquals(applied, proposed);
    }
}
