package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.rpc.server.ServerOptions;

/**
 * Twice the submit rate one client sustains, offered open-loop by WebSocket clients without admin rights on
 * 127.0.0.1: the node sheds with rippled's {@code slowDown} / {@code tooBusy}, answers an admin's
 * {@code server_info} all along, and serves a new client normally once the load stops.
 */
class OverloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MEASURE_MILLIS = 2_000;
    private static final long OVERLOAD_MILLIS = 6_000;
    private static final int SESSIONS = 8;
    /** Liveness, not performance: an admin call waits at most this long even under overload. */
    private static final long ADMIN_BOUND_MILLIS = 5_000;

    @Test
    void twiceTheSustainableRateIsShedWhileAdminsAreServedAndServiceResumes() throws Exception {
        Path dir = Files.createTempDirectory("stoxumd-overload");
        int rpc = TestNodes.freePort();
        int ws = TestNodes.freePort();
        int pub = TestNodes.freePort();
        int pubWs = TestNodes.freePort();
        String text = TestNodes.configText(dir, rpc, ws, pub).replace("[server]\n", "[server]\nport_public_ws\n")
                + "\n[port_public_ws]\nip = 127.0.0.1\nport = " + pubWs + "\nprotocol = ws\n";
        NodeConfig config = NodeConfigLoader.parse("overload config", text, Optional.empty(), dir,
                dir.resolve("data"), true);
        Application app = Application.start(config, new LedgerStart.Genesis(true), LogLevels.Severity.WARNING,
                ServerOptions.defaults());
        try {
            JsonRpcClient admin = new JsonRpcClient("127.0.0.1", rpc);
            String blob = admin.call("sign", (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                    "{\"secret\":\"masterpassphrase\",\"tx_json\":{\"TransactionType\":\"Payment\",\"Account\":\""
                    + PaymentLoad.GENESIS + "\",\"Destination\":\"" + PaymentLoad.DESTINATIONS[0]
                    + "\",\"Amount\":\"300000000\"}}")).get("tx_blob").asText();
            String submit = "{\"command\":\"submit\",\"tx_blob\":\"" + blob + "\"}";

            double sustainable = measure(pubWs, submit);
            double offered = 2 * sustainable;

            Map<String, LongAdder> answers = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong worstAdmin = new AtomicLong();
            List<String> adminFailures = new CopyOnWriteArrayList<>();
            Thread adminThread = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        JsonNode r = admin.call("server_info", null);
                        if (!r.has("info")) {
                            adminFailures.add(r.toString());
                        }
                    } catch (Exception e) {
                        adminFailures.add(e.toString());
                    }
                    worstAdmin.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    sleep(100);
                }
            });
            adminThread.start();
            List<WebSocket> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(connect(pubWs, answers));
            }
            long sent = offerOpenLoop(sessions, submit, offered, OVERLOAD_MILLIS);
            stop.set(true);
            adminThread.join(30_000);
            for (WebSocket s : sessions) {
                s.abort();
            }
            System.out.printf("overload: one client sustains %.0f submits/s; offered %.0f/s (%d sent); answers %s;"
                    + " slowest admin server_info %d ms%n", sustainable, offered, sent, answers, worstAdmin.get());

            long shed = count(answers, "slowDown") + count(answers, "tooBusy");
            assertTrue(shed > 0, "the node shed load with slowDown or tooBusy: " + answers);
            assertEquals(List.of(), adminFailures, "admin server_info failed under overload");
            assertTrue(worstAdmin.get() < ADMIN_BOUND_MILLIS,
                    "admin server_info took " + worstAdmin.get() + " ms under overload");

            // Another client (another address, so not the one the resource manager blames) is served as
            // before, once the work already accepted has drained.
            JsonNode fresh = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                fresh = submitFrom(InetAddress.getByName("127.0.0.2"), pub, blob);
                if (fresh.has("engine_result")) {
                    break;
                }
                sleep(200);
            }
            assertTrue(fresh != null && fresh.has("engine_result"), "a new client is served after the load: "
                    + fresh);
            assertEquals("full", admin.call("server_info", null).get("info").get("server_state").asText());
        } finally {
            app.close();
            TestNodes.delete(dir);
        }
    }

    private static long count(Map<String, LongAdder> answers, String key) {
        LongAdder a = answers.get(key);
        return a == null ? 0 : a.sum();
    }

    /** Submits per second one closed-loop WebSocket client gets answered. */
    private static double measure(int port, String submit) throws Exception {
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        java.util.concurrent.Semaphore answered = new java.util.concurrent.Semaphore(0);
        WebSocket s = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port), new Counting(answers, answered)).join();
        long start = System.nanoTime();
        long done = 0;
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(MEASURE_MILLIS)) {
            try {
                s.sendText(submit, true).join();
            } catch (java.util.concurrent.CompletionException closed) {
                // A fast machine runs the client's balance past the drop threshold within the measurement:
                // the server told it slowDown and closed the session, so the rate reached so far is the one.
                break;
            }
            if (!answered.tryAcquire(10, TimeUnit.SECONDS)) {
                break;
            }
            done++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        s.abort();
        return Math.max(done / seconds, 1);
    }

    private static WebSocket connect(int port, Map<String, LongAdder> answers) {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port), new Counting(answers, null)).join();
    }

    /** Sends {@code rate} messages a second spread over the sessions, whatever the answers; the count sent. */
    private static long offerOpenLoop(List<WebSocket> sessions, String message, double rate, long millis) {
        long start = System.nanoTime();
        long sent = 0;
        while (true) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= TimeUnit.MILLISECONDS.toNanos(millis)) {
                return sent;
            }
            long due = (long) (rate * elapsed / 1e9);
            while (sent < due) {
                WebSocket s = sessions.get((int) (sent % sessions.size()));
                if (!s.isOutputClosed()) {
                    try {
                        s.sendText(message, true).get(1, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // a session the server closed (slowDown) or that cannot keep up: the next one takes it
                    }
                }
                sent++;
            }
            sleep(1);
        }
    }

    private static JsonNode submitFrom(InetAddress local, int port, String blob) throws Exception {
        try (RawSocket s = new RawSocket(local, port, 10_000)) {
            byte[] body = ("{\"method\":\"submit\",\"params\":[{\"tx_blob\":\"" + blob + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            s.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n");
            s.write(body);
            int status = s.readStatus();
            String text = s.readBodyAfterHead();
            if (status != 200) {
                return JSON.createObjectNode().put("status", status).put("text", String.valueOf(text));
            }
            return JSON.readTree(text).get("result");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts answers by error token (or "answered"), releasing a permit for each when asked to. */
    private static final class Counting implements WebSocket.Listener {
        private final Map<String, LongAdder> answers;
        private final java.util.concurrent.Semaphore answered;
        private final StringBuilder partial = new StringBuilder();

        Counting(Map<String, LongAdder> answers, java.util.concurrent.Semaphore answered) {
            this.answers = answers;
            this.answered = answered;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String key;
                try {
                    JsonNode n = JSON.readTree(partial.toString());
                    key = n.has("error") ? n.get("error").asText() : "answered";
                } catch (Exception e) {
                    key = "unreadable";
                }
                partial.setLength(0);
                answers.computeIfAbsent(key, k -> new LongAdder()).increment();
                if (answered != null) {
                    answered.release();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            answers.computeIfAbsent("closed", k -> new LongAdder()).increment();
            return null;
        }
    }
}
