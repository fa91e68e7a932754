package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.testing.SharedVectors;

/** JSON-RPC over HTTP against a real server on loopback: envelopes, refusals, connection handling. */
class JsonRpcHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServerFixture fx;

    @BeforeAll
    static void start() throws IOException {
        fx = ServerFixture.standard();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static RawHttp.Response call(String body) throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            return http.call(body);
        }
    }

    @Test
    void successAnswerHasTheOriginalLayout() throws IOException {
        RawHttp.Response r = call("{\"method\":\"echo\",\"params\":[{\"x\":1,\"b\":\"\u00e9\ud83d\ude00\"}]}");
        assertEquals("HTTP/1.1 200 OK", r.statusLine());
        assertEquals(List.of("Date", "Connection", "Content-Length", "Content-Type", "Server"), r.headerNames());
        assertEquals("Keep-Alive", r.header("Connection"));
        assertEquals("application/json; charset=UTF-8", r.header("Content-Type"));
        assertEquals("stoxum-json-rpc/rippled-0.1.0", r.header("Server"));
        assertTrue(r.header("Date").matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"), r.header("Date"));
        assertEquals("{\"result\":{\"b\":\"\u00e9\ud83d\ude00\",\"command\":\"echo\",\"status\":\"success\",\"x\":1}}\n\r\n",
                r.text());
    }

    @Test
    void unknownCommandAnswerMatchesTheOracle() throws IOException {
        JsonNode line = null;
        for (String text : Files.readAllLines(SharedVectors.shared().resolve("oracle/scenario.jsonl"))) {
            JsonNode o = JSON.readTree(text);
            if (o.get("id").asText().equals("err.unknown.command")) {
                line = o;
            }
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("method", line.get("method").asText());
        request.putArray("params").add(line.get("params"));
        RawHttp.Response r = call(request.toString());
        assertEquals(200, r.status());
        ObjectNode expected = JSON.createObjectNode();
        expected.set("result", line.get("answer"));
        assertEquals(expected, JSON.readTree(r.text()));
        assertEquals("{\"result\":{\"error\":\"unknownCmd\",\"error_code\":32,\"error_message\":\"Unknown method.\","
                + "\"request\":{\"command\":\"no_such_command_xyz\"},\"status\":\"error\"}}\n\r\n", r.text());
    }

    @Test
    void errorsCarryStatusAndTheRequestEcho() throws IOException {
        assertEquals("{\"id\":7,\"result\":{\"error\":\"actNotFound\",\"error_code\":19,\"error_message\":\"Account not found.\","
                + "\"request\":{\"command\":\"error\",\"id\":7,\"token\":\"actNotFound\"},\"status\":\"error\"}}\n\r\n",
                call("{\"method\":\"error\",\"params\":[{\"token\":\"actNotFound\",\"id\":7}]}").text());
    }

    @Test
    void onlyIdsInsideParamsAreEchoed() throws IOException {
        assertEquals("{\"result\":{\"command\":\"echo\",\"status\":\"success\"}}\n\r\n",
                call("{\"method\":\"echo\",\"id\":5,\"params\":[{}]}").text());
        assertEquals("{\"id\":\"a\",\"jsonrpc\":\"2.0\",\"result\":{\"command\":\"echo\",\"id\":\"a\",\"jsonrpc\":\"2.0\","
                + "\"status\":\"success\"}}\n\r\n",
                call("{\"method\":\"echo\",\"params\":[{\"jsonrpc\":\"2.0\",\"id\":\"a\"}]}").text());
    }

    @Test
    void ripplerpcTwoMovesErrorsOutOfResult() throws IOException {
        assertEquals("{\"error\":{\"code\":19,\"error\":\"actNotFound\",\"error_code\":19,\"message\":\"Account not found.\","
                + "\"status\":\"error\"},\"ripplerpc\":\"2.0\"}\n\r\n",
                call("{\"method\":\"error\",\"params\":[{\"ripplerpc\":\"2.0\",\"token\":\"actNotFound\"}]}").text());
        assertEquals("{\"result\":{\"command\":\"echo\",\"ripplerpc\":\"2.0\",\"status\":\"success\"},\"ripplerpc\":\"2.0\"}\n\r\n",
                call("{\"method\":\"echo\",\"params\":[{\"ripplerpc\":\"2.0\"}]}").text());
        assertEquals("{\"error\":{\"code\":null,\"error\":\"malformedAddress\",\"error_code\":null,\"message\":null,"
                + "\"status\":\"error\"},\"ripplerpc\":\"2.0\"}\n\r\n",
                call("{\"method\":\"custom_error\",\"params\":[{\"ripplerpc\":\"2.0\"}]}").text());
        // "2" sorts before "2.0", so it keeps the 1.0 envelope.
        assertEquals("{\"result\":{\"command\":\"echo\",\"ripplerpc\":2,\"status\":\"success\"},\"ripplerpc\":2}\n\r\n",
                call("{\"method\":\"echo\",\"params\":[{\"ripplerpc\":2}]}").text());
    }

    @Test
    void malformedRequestsGetTheOriginalAnswersAndKeepTheConnection() throws IOException {
        String[][] cases = {
            {"{\"method\":", "Unable to parse request: * Line 1, Column 11\n  Syntax error: value, object or array expected.\n"},
            {"", "Unable to parse request: * Line 1, Column 1\n  Syntax error: value, object or array expected.\n"
                    + "* Line 1, Column 1\n  A valid JSON document must be either an array or an object value.\n"},
            {"[]", "Unable to parse request: "},
            {"{}", "Unable to parse request: "},
            {"{\"a\":1,\"a\":2}", "Unable to parse request: * Line 1, Column 8\n  Key 'a' appears twice.\n"},
            {"{\"params\":[{}]}", "Null method"},
            {"{\"method\":null}", "Null method"},
            {"{\"method\":5}", "method is not string"},
            {"{\"method\":\"\"}", "method is empty"},
            {"{\"method\":\"echo\",\"params\":[1]}", "params unparseable"},
            {"{\"method\":\"echo\",\"params\":[{},{}]}", "params unparseable"},
            {"{\"method\":\"echo\",\"params\":\"x\"}", "params unparseable"},
            {"{\"method\":\"echo\",\"params\":0}", "params unparseable"},
            {"{\"method\":\"batch\"}", "Malformed batch request"},
            {"{\"method\":\"batch\",\"params\":{}}", "Malformed batch request"},
        };
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            for (String[] c : cases) {
                RawHttp.Response r = http.call(c[0]);
                assertEquals("HTTP/1.1 400 Bad Request", r.statusLine(), c[0]);
                assertEquals(c[1] + "\r\n", r.text(), c[0]);
            }
            assertEquals("{\"result\":{\"command\":\"echo\",\"status\":\"success\"}}\n\r\n",
                    http.call("{\"method\":\"echo\",\"params\":[]}").text());
            assertEquals("{\"result\":{\"command\":\"echo\",\"status\":\"success\"}}\n\r\n",
                    http.call("{\"method\":\"echo\",\"params\":{}}").text());
            assertEquals("{\"result\":{\"command\":\"echo\",\"status\":\"success\"}}\n\r\n",
                    http.call("{\"method\":\"echo\"}").text());
        }
    }

    @Test
    void batchAnswersEachItemInOrder() throws IOException {
        RawHttp.Response r = call("{\"method\":\"batch\",\"params\":[{\"method\":\"echo\",\"id\":1},{\"method\":5},"
                + "{\"method\":\"error\",\"token\":\"actNotFound\"},{\"method\":\"stop\"},{\"method\":\"async\"}]}");
        assertEquals(200, r.status());
        assertEquals("[{\"id\":1,\"result\":{\"command\":\"echo\",\"id\":1,\"method\":\"echo\",\"status\":\"success\"}},"
                + "{\"error\":{\"error\":{\"code\":-32601,\"message\":\"method is not string\"}},\"method\":5},"
                + "{\"result\":{\"error\":\"actNotFound\",\"error_code\":19,\"error_message\":\"Account not found.\","
                + "\"request\":{\"command\":\"error\",\"method\":\"error\",\"token\":\"actNotFound\"},\"status\":\"error\"}},"
                + "{\"result\":{\"message\":\"stoxum server stopping\",\"status\":\"success\"}},"
                + "{\"result\":{\"command\":\"async\",\"method\":\"async\",\"status\":\"success\",\"thread\":\"test-dispatcher\"}}]\n\r\n",
                r.text());
        assertEquals("[]\n\r\n", call("{\"method\":\"batch\",\"params\":[]}").text());
    }

    @Test
    void largeBatchOfSynchronousAnswersDoesNotRecurse() throws IOException {
        StringBuilder body = new StringBuilder("{\"method\":\"batch\",\"params\":[");
        for (int i = 0; i < 20_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"method\":\"ping\"}");
        }
        body.append("]}");
        RawHttp.Response r = call(body.toString());
        assertEquals(200, r.status());
        assertEquals(20_000, JSON.readTree(r.text()).size());
    }

    @Test
    void oversizedBodyIsRefusedWithoutReadingIt() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            http.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000001\r\n\r\n");
            RawHttp.Response r = http.read();
            assertEquals("HTTP/1.1 400 Bad Request", r.statusLine());
            assertEquals("Unable to parse request: \r\n", r.text());
            assertTrue(http.closedByServer(10_000));
        }
    }

    @Test
    void bodyOfExactlyTheLimitIsRead() throws IOException {
        String json = "{\"method\":\"echo\"}";
        String body = json + " ".repeat(1_000_000 - json.length());
        assertEquals(200, call(body).status());
    }

    @Test
    void oversizedChunkedBodyIsRefused() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            http.write("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nF4241\r\n");
            RawHttp.Response r = http.read();
            assertEquals("Unable to parse request: \r\n", r.text());
            assertTrue(http.closedByServer(10_000));
        }
    }

    @Test
    void chunkedBodiesAreAccepted() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            http.write("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\n{\"met\r\n" + "c;ext=1\r\nhod\":\"echo\"}\r\n" + "0\r\nX-Trailer: 1\r\n\r\n");
            assertEquals("{\"result\":{\"command\":\"echo\",\"status\":\"success\"}}\n\r\n", http.read().text());
        }
    }

    @Test
    void expectContinueGetsAnInterimAnswer() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            String body = "{\"method\":\"echo\"}";
            http.write("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n");
            assertEquals("HTTP/1.1 100 Continue", http.read().statusLine());
            http.write(body);
            assertEquals(200, http.read().status());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            http.write(RawHttp.post("{\"method\":\"delayed\",\"params\":[{\"id\":1}]}")
                    + RawHttp.post("{\"method\":\"echo\",\"params\":[{\"id\":2}]}")
                    + RawHttp.post("{\"method\":\"async\",\"params\":[{\"id\":3}]}"));
            fx.dispatcher.gate.countDown();
            assertEquals("{\"id\":1,\"result\":{\"delayed\":true,\"status\":\"success\",\"thread\":\"test-dispatcher\"}}\n\r\n",
                    http.read().text());
            assertEquals(2, JSON.readTree(http.read().text()).get("id").intValue());
            assertEquals(3, JSON.readTree(http.read().text()).get("id").intValue());
        }
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            for (int i = 0; i < 50; i++) {
                JsonNode r = JSON.readTree(http.call("{\"method\":\"echo\",\"params\":[{\"n\":" + i + "}]}").text());
                assertEquals(i, r.get("result").get("n").intValue());
            }
        }
    }

    @Test
    void connectionCloseAndHttp10EndTheConnection() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            http.write(RawHttp.post("{\"method\":\"echo\"}", "Connection: close\r\n"));
            assertEquals(200, http.read().status());
            assertTrue(http.closedByServer(10_000));
        }
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            String body = "{\"method\":\"echo\"}";
            http.write("POST / HTTP/1.0\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertEquals(200, http.read().status());
            assertTrue(http.closedByServer(10_000));
        }
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            String body = "{\"method\":\"echo\"}";
            http.write("POST / HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertEquals(200, http.read().status());
            assertEquals(200, http.call(body).status());
        }
    }

    @Test
    void halfClosedClientStillGetsItsAnswer() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            http.write(RawHttp.post("{\"method\":\"async\"}") + RawHttp.post("{\"method\":\"echo\"}"));
            http.socket.shutdownOutput();
            assertEquals(200, http.read().status());
            assertEquals(200, http.read().status());
            assertTrue(http.closedByServer(10_000));
        }
    }

    @Test
    void answersCompletedOnOtherThreadsArrive() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 25; i++) {
                        String body = "{\"method\":\"async\",\"params\":[{\"t\":" + thread + ",\"i\":" + i + "}]}";
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + fx.rpcPort() + "/"))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        JsonNode result = JSON.readTree(response.body()).get("result");
                        if (response.statusCode() == 200 && result.get("t").intValue() == thread
                                && result.get("i").intValue() == i && result.get("thread").asText().equals("test-dispatcher")) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(25, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void handlerFailuresAndRefusals() throws IOException {
        assertEquals("{\"result\":{\"error\":\"internal\",\"error_code\":70,\"error_message\":\"Internal error.\","
                + "\"request\":{\"command\":\"failing\"},\"status\":\"error\"}}\n\r\n", call("{\"method\":\"failing\"}").text());
        RawHttp.Response rejected = call("{\"method\":\"reject\"}");
        assertEquals("HTTP/1.1 503 Server is overloaded", rejected.statusLine());
        assertEquals("Service Unavailable\r\n", rejected.text());
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            assertEquals("{\"result\":{\"first\":true,\"status\":\"success\"}}\n\r\n", http.call("{\"method\":\"twice\"}").text());
            assertEquals(200, http.call("{\"method\":\"echo\"}").status());
        }
    }

    @Test
    void roleComesFromTheCallersAddress() throws IOException {
        assertEquals("ADMIN", JSON.readTree(call("{\"method\":\"whoami\"}").text()).at("/result/role").asText());
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (RawHttp http = RawHttp.connect(other, fx.rpcPort())) {
            assertEquals("GUEST", JSON.readTree(http.call("{\"method\":\"whoami\"}").text()).at("/result/role").asText());
            RawHttp.Response forbidden = http.call("{\"method\":\"stop\"}");
            assertEquals("HTTP/1.1 403 Forbidden", forbidden.statusLine());
            assertEquals("Forbidden\r\n", forbidden.text());
        }
        assertEquals("{\"result\":{\"message\":\"stoxum server stopping\",\"status\":\"success\"}}\n\r\n",
                call("{\"method\":\"stop\"}").text());
    }

    @Test
    void getOnAnRpcPortIsAnUnparsableRequest() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            http.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response r = http.read();
            assertEquals(400, r.status());
            assertTrue(r.text().startsWith("Unable to parse request: * Line 1, Column 1\n"));
        }
    }

    @Test
    void upgradeOnAnRpcPortIsRefused() throws IOException {
        try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
            http.write(RawWs.handshake("dGhlIHNhbXBsZSBub25jZQ==", "13"));
            RawHttp.Response r = http.read();
            assertEquals("HTTP/1.1 401 Unauthorized", r.statusLine());
            assertEquals("Invalid protocol.", r.text());
            assertTrue(http.closedByServer(10_000));
        }
    }

    @Test
    void malformedHttpIsRefusedAndClosed() throws IOException {
        for (String bad : new String[] {"GARBAGE\r\n\r\n", "POST / HTTP/2.0\r\n\r\n",
                "POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n", "POST / HTTP/1.1\r\nBad Header\r\n\r\n",
                "POST / HTTP/1.1\r\nX: " + "a".repeat(9000) + "\r\n\r\n"}) {
            try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
                http.write(bad);
                assertEquals(400, http.read().status(), bad);
                assertTrue(http.closedByServer(10_000), bad);
            }
        }
    }

    @Test
    void abruptDisconnectsLeaveTheServerServing() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
                http.write(i % 2 == 0 ? "POST / HTTP/1.1\r\nContent-Le" : RawHttp.post("{\"method\":\"async\"}"));
                http.socket.setSoLinger(true, 0);
            }
        }
        assertEquals(200, call("{\"method\":\"echo\"}").status());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx.server.connections(ServerFixture.RPC) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, fx.server.connections(ServerFixture.RPC));
    }
}
