package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.server.TestNodes;

/**
 * Bounded fuzzing of a running node's client ports: mutated JSON-RPC bodies, oversized bodies and heads,
 * raw garbage, WebSocket frames that break the protocol, and slowloris clients. Every answer must be one
 * of rippled's (a 400 text, a JSON error token, a WebSocket close code), an admin client must be served
 * all along, and the heap must not grow with the abuse.
 */
class FuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FUZZ_MILLIS = 8_000;
    /** Liveness, not performance: an admin call waits at most this long even under fuzz. */
    private static final long ADMIN_BOUND_MILLIS = 5_000;
    private static final long HEAP_GROWTH_BOUND = 96L << 20;

    /** rippled's transport-level 400 texts (and ours for malformed HTTP). */
    private static final List<String> BAD_REQUEST_TEXTS = List.of("Unable to parse request", "Null method",
            "method is not string", "method is empty", "params unparseable", "Malformed batch request",
            "Bad Request: ");

    private static final String[] SEEDS = {
        "{\"method\":\"server_info\",\"params\":[{}]}",
        "{\"method\":\"account_info\",\"params\":[{\"account\":\"xmB23jLgWpAxb2DingE2kNuduzABYU8WMy\"}]}",
        "{\"method\":\"ledger\",\"params\":[{\"ledger_index\":\"validated\",\"transactions\":true}]}",
        "{\"method\":\"submit\",\"params\":[{\"tx_blob\":\"1200002280000000\"}]}",
        "{\"method\":\"batch\",\"params\":[{\"method\":\"ping\"},{\"method\":\"fee\"}]}",
        "{\"method\":\"tx\",\"params\":[{\"transaction\":\"00\"}]}",
        "{\"method\":\"book_offers\",\"params\":[{\"taker_gets\":{\"currency\":\"STM\"},\"taker_pays\":"
                + "{\"currency\":\"USD\",\"issuer\":\"xmB23jLgWpAxb2DingE2kNuduzABYU8WMy\"}}]}",
    };

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    @Test
    void malformedInputGetsRippledErrorsWhileAnAdminIsServedAndTheHeapStaysBounded() throws Exception {
        long seed = Long.getLong("stoxum.fuzz.seed", System.nanoTime());
        try (TestNodes.Node node = TestNodes.start(true)) {
            long heapBefore = usedHeapAfterGc();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong worstAdminMillis = new AtomicLong();
            List<String> adminFailures = new CopyOnWriteArrayList<>();
            Thread admin = new Thread(() -> adminClient(node.rpcPort, stop, worstAdminMillis, adminFailures));
            admin.start();
            List<Thread> fuzzers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long s = seed + i;
                boolean slow = i == 2;
                Thread t = new Thread(() -> fuzz(node, new Random(s), stop, slow), "fuzz-" + i);
                t.start();
                fuzzers.add(t);
            }
            Thread.sleep(FUZZ_MILLIS);
            stop.set(true);
            for (Thread t : fuzzers) {
                t.join(30_000);
            }
            admin.join(30_000);
            System.out.println("fuzz outcomes (seed " + seed + "): " + outcomes + "; slowest admin call "
                    + worstAdminMillis.get() + " ms");
            assertEquals(List.of(), violations, "answers outside rippled's vocabulary (seed " + seed + ")");
            assertEquals(List.of(), adminFailures, "the admin client was refused or failed during the fuzz");
            assertTrue(worstAdminMillis.get() < ADMIN_BOUND_MILLIS, "an admin call took "
                    + worstAdminMillis.get() + " ms during the fuzz");
            assertTrue(outcomes.size() >= 8, "every kind of abuse was tried: " + outcomes);
            JsonNode after = node.call("server_info", null);
            assertEquals("full", after.get("info").get("server_state").asText());
            long growth = usedHeapAfterGc() - heapBefore;
            assertTrue(growth < HEAP_GROWTH_BOUND, "the heap grew by " + (growth >> 20) + " MB");
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void adminClient(int port, AtomicBoolean stop, AtomicLong worst, List<String> failures) {
        JsonRpcClient client = new JsonRpcClient("127.0.0.1", port);
        while (!stop.get()) {
            long start = System.nanoTime();
            try {
                JsonNode r = client.call("server_info", null);
                if (!r.has("info")) {
                    failures.add(r.toString());
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
            worst.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Fast abuse answered at once; or ({@code slow}) abuse only the server's timeouts end. */
    private void fuzz(TestNodes.Node node, Random r, AtomicBoolean stop, boolean slow) {
        while (!stop.get()) {
            try {
                if (slow) {
                    if (r.nextBoolean()) {
                        slowloris(node.publicPort);
                    } else {
                        garbage(node.publicPort, r, false);
                    }
                    continue;
                }
                switch (r.nextInt(9)) {
                    case 0, 1, 2 -> mutatedJsonRpc(node.publicPort, r, false);
                    case 3 -> oversizedBody(node.publicPort);
                    case 4 -> oversizedHead(node.publicPort);
                    case 5 -> garbage(node.publicPort, r, true);
                    case 6 -> webSocketAbuse(node.wsPort, r);
                    case 7 -> webSocketInvalidJson(node.wsPort, r);
                    default -> mutatedJsonRpc(node.rpcPort, r, true);
                }
            } catch (IOException e) {
                count("io error " + e.getClass().getSimpleName());
            }
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    private static byte[] mutate(Random r, byte[] seed) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits && b.length > 0; i++) {
            switch (r.nextInt(4)) {
                case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
                case 2 -> {
                    int at = r.nextInt(b.length);
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) "{}[]\",:0e-\\".charAt(r.nextInt(11));
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> {
                    String deep = "[".repeat(r.nextInt(2000)) + new String(b, StandardCharsets.ISO_8859_1);
                    b = deep.getBytes(StandardCharsets.ISO_8859_1);
                }
            }
        }
        return b;
    }

    /** On the admin port only mutations that keep a harmless method are sent (no stop, no ledger_accept). */
    private void mutatedJsonRpc(int port, Random r, boolean admin) throws IOException {
        byte[] body = mutate(r, SEEDS[r.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8));
        if (admin && !harmless(body)) {
            return;
        }
        try (RawSocket s = new RawSocket(port, 10_000)) {
            s.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.write(body);
            int status = s.readStatus();
            String text = s.readBodyAfterHead();
            if (status == 200) {
                checkJsonAnswer(text);
                count("json-rpc 200");
            } else if (status == 400) {
                if (BAD_REQUEST_TEXTS.stream().noneMatch(t -> text != null && text.startsWith(t))) {
                    violations.add("400 with " + text);
                }
                count("json-rpc 400");
            } else if (status == 403 || status == 503) {
                count("json-rpc " + status);
            } else {
                violations.add("status " + status + " for " + new String(body, StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static final Set<String> HARMLESS = Set.of("server_info", "account_info", "ledger", "submit", "batch",
            "tx", "book_offers", "ping", "fee");

    private static boolean harmless(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                return true;
            }
            if (n.path("method").isTextual() && !HARMLESS.contains(n.path("method").asText())) {
                return false;
            }
            for (JsonNode item : n.path("params")) {
                if (item.path("method").isTextual() && !HARMLESS.contains(item.path("method").asText())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    /** A 200 answer is JSON whose result is a success or names an error token. */
    private void checkJsonAnswer(String text) {
        try {
            JsonNode answer = JSON.readTree(text);
            for (JsonNode one : answer.isArray() ? answer : JSON.createArrayNode().add(answer)) {
                JsonNode result = one.get("result");
                if (result == null) {
                    if (!one.has("error")) {
                        violations.add("no result: " + text);
                    }
                    continue;
                }
                String status = result.path("status").asText();
                if (status.equals("error") && !result.path("error").asText().matches("[a-zA-Z]+")) {
                    violations.add("error without a token: " + text);
                }
            }
        } catch (IOException e) {
            violations.add("unreadable 200 answer: " + text);
        }
    }

    private void oversizedBody(int port) throws IOException {
        try (RawSocket s = new RawSocket(port, 10_000)) {
            s.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n{\"method\":");
            int status = s.readStatus();
            String text = s.readBodyAfterHead();
            if (status != 400 || text == null || !text.startsWith("Unable to parse request")) {
                violations.add("oversized body: " + status + " " + text);
            }
            count("oversized body");
        }
    }

    private void oversizedHead(int port) throws IOException {
        try (RawSocket s = new RawSocket(port, 10_000)) {
            s.write("POST / HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n");
            int status = s.readStatus();
            if (status != 400 && status != -1) {
                violations.add("oversized head: " + status);
            }
            count("oversized head");
        } catch (java.net.SocketException e) {
            count("oversized head reset");
        }
    }

    /** Random bytes, ended ({@code terminated}) by a blank line or left for the read timeout to cut. */
    private void garbage(int port, Random r, boolean terminated) throws IOException {
        byte[] junk = new byte[1 + r.nextInt(3000)];
        r.nextBytes(junk);
        try (RawSocket s = new RawSocket(port, 10_000)) {
            s.write(junk);
            if (terminated) {
                s.write("\r\n\r\n");
            }
            int status = s.readStatus();
            if (status != 400 && status != -1) {
                violations.add("garbage answered " + status);
            }
            count(terminated ? "garbage" : "garbage cut by timeout");
        } catch (java.net.SocketException e) {
            count("garbage reset");
        } catch (java.net.SocketTimeoutException e) {
            violations.add("garbage left hanging past the timeout");
        }
    }

    private void webSocketAbuse(int port, Random r) throws IOException {
        try (RawSocket s = new RawSocket(port, 10_000)) {
            if (!s.upgrade()) {
                violations.add("handshake refused");
                return;
            }
            int expected;
            switch (r.nextInt(5)) {
                case 0 -> {
                    s.write(RawSocket.frame(0x80 | (3 + r.nextInt(5)), new byte[0], 0));
                    expected = 1002;
                }
                case 1 -> {
                    s.write(RawSocket.frame(0x81, new byte[0], 1L << 62));
                    expected = 1009;
                }
                case 2 -> {
                    s.write(RawSocket.frame(0x80, "garbage".getBytes(StandardCharsets.UTF_8), 7));
                    expected = 1002;
                }
                case 3 -> {
                    byte[] bad = {(byte) 0xFF, (byte) 0xFE, (byte) 0xC0, '{', '}'};
                    s.write(RawSocket.frame(0x01, bad, bad.length));
                    s.write(RawSocket.frame(0x80, bad, bad.length));
                    expected = 1007;
                }
                default -> {
                    byte[] junk = new byte[16 + r.nextInt(200)];
                    r.nextBytes(junk);
                    junk[1] |= (byte) 0x80;
                    s.write(junk);
                    expected = 0;
                }
            }
            int code = s.readCloseCode();
            if (expected != 0 && code != expected) {
                violations.add("websocket abuse expected close " + expected + " got " + code);
            }
            count("websocket close " + (expected == 0 ? "random" : expected));
        } catch (java.net.SocketException e) {
            count("websocket reset");
        }
    }

    private void webSocketInvalidJson(int port, Random r) throws IOException {
        try (RawSocket s = new RawSocket(port, 10_000)) {
            if (!s.upgrade()) {
                violations.add("handshake refused");
                return;
            }
            byte[] text = mutate(r, "{\"command\":\"ping\",\"id\":1}".getBytes(StandardCharsets.UTF_8));
            String printable = new String(text, StandardCharsets.UTF_8);
            byte[] utf8 = printable.getBytes(StandardCharsets.UTF_8);
            s.write(RawSocket.frame(0x81, utf8, utf8.length));
            String answer = s.readText();
            if (answer == null || !(answer.contains("\"jsonInvalid\"") || answer.contains("\"missingCommand\"")
                    || answer.contains("\"status\":\"success\"") || answer.contains("\"error\":"))) {
                violations.add("websocket answer " + answer + " to " + printable);
            }
            count("websocket message");
        }
    }

    private void slowloris(int port) throws IOException {
        List<RawSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RawSocket s = new RawSocket(port, 10_000);
                sockets.add(s);
                s.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le");
            }
            for (RawSocket s : sockets) {
                s.write("n");
                if (!s.closedWithin(8_000)) {
                    violations.add("a slowloris client was not cut");
                }
            }
            count("slowloris");
        } finally {
            for (RawSocket s : sockets) {
                s.close();
            }
        }
    }
}
