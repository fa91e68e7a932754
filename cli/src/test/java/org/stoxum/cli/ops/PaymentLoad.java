package org.stoxum.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.stoxum.cli.client.RpcClientException;

/**
 * Payments from the genesis account and ledger closes against one server, from two threads, recording
 * what the server said it accepted: every ledger {@code ledger_accept} closed and the transactions each
 * holds. The record survives the server, so a test can check a restarted one against it.
 */
final class PaymentLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    /** Destinations: new accounts funded by the first payment, paid again afterwards. */
    static final String[] DESTINATIONS = {
        "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf",
    };

    /**
     * What the server reported of one closed ledger; {@code hash} null when the kill came first.
     * {@code askedAt} is when its ledger_accept was sent ({@link System#nanoTime}), {@code run} which
     * {@link #drive} call (which server process) it came from.
     */
    record Closed(long seq, String hash, List<String> txs, long askedAt, int run) {
    }

    /** A payment whose submit answered tesSUCCESS, and when that answer came ({@link System#nanoTime}). */
    record Applied(String hash, long answeredAt, int run) {
    }

    /** Every ledger a ledger_accept answered for, by sequence, over all servers. */
    final ConcurrentSkipListMap<Long, Closed> closed = new ConcurrentSkipListMap<>();
    final AtomicLong submitted = new AtomicLong();
    /** Every payment the open ledger took, over all servers. */
    final Queue<Applied> applied = new ConcurrentLinkedQueue<>();

    private final Random random;
    private final AtomicInteger runs = new AtomicInteger();

    PaymentLoad(long seed) {
        this.random = new Random(seed);
    }

    /** Runs payments and closes against {@code server} until it stops answering or {@code stop} is set. */
    List<Thread> drive(ChildServer server, AtomicBoolean stop, long closeEveryMillis) {
        long payerSeed = random.nextLong();
        int run = runs.incrementAndGet();
        Thread payer = new Thread(() -> pay(server, stop, new Random(payerSeed), run), "load-payer");
        Thread closer = new Thread(() -> close(server, stop, closeEveryMillis, run), "load-closer");
        payer.setDaemon(true);
        closer.setDaemon(true);
        payer.start();
        closer.start();
        return List.of(payer, closer);
    }

    private void pay(ChildServer server, AtomicBoolean stop, Random r, int run) {
        while (!stop.get()) {
            try {
                ObjectNode params = (ObjectNode) JSON.readTree("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                        + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\""
                        + DESTINATIONS[r.nextInt(DESTINATIONS.length)] + "\",\"Amount\":\""
                        + (200_000_000 + r.nextInt(1_000_000)) + "\"}}");
                JsonNode answer = server.call("submit", params);
                submitted.incrementAndGet();
                if (answer.path("engine_result").asText().equals("tesSUCCESS")) {
                    applied.add(new Applied(answer.get("tx_json").get("hash").asText(), System.nanoTime(), run));
                }
            } catch (RpcClientException | java.io.IOException e) {
                return;
            }
        }
    }

    private void close(ChildServer server, AtomicBoolean stop, long everyMillis, int run) {
        while (!stop.get()) {
            try {
                Thread.sleep(everyMillis);
                long askedAt = System.nanoTime();
                JsonNode accepted = server.call("ledger_accept", null);
                long seq = accepted.get("ledger_current_index").asLong() - 1;
                closed.put(seq, new Closed(seq, null, List.of(), askedAt, run));
                ObjectNode query = JSON.createObjectNode().put("ledger_index", seq).put("transactions", true);
                JsonNode ledger = server.call("ledger", query).get("ledger");
                List<String> txs = new ArrayList<>();
                ledger.path("transactions").forEach(t -> txs.add(t.asText()));
                closed.put(seq, new Closed(seq, ledger.get("ledger_hash").asText(), txs, askedAt, run));
            } catch (RpcClientException | RuntimeException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
