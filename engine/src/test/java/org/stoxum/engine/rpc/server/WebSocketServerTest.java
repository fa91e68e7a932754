package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WebSocket against a real server on loopback: handshake, envelopes, pushes, frames and closing. */
class WebSocketServerTest {

    private static ServerFixture fx;

    @BeforeAll
    static void start() throws IOException {
        fx = ServerFixture.standard();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void requestsGetTheWebSocketEnvelope() throws Exception {
        try (WsClient ws = WsClient.connect(fx.wsPort())) {
            assertEquals("{\"id\":1,\"result\":{\"command\":\"echo\",\"id\":1,\"x\":\"\u00e9\"},\"status\":\"success\",\"type\":\"response\"}",
                    ws.call("{\"id\":1,\"command\":\"echo\",\"x\":\"\u00e9\"}"));
            assertEquals("{\"error\":\"unknownCmd\",\"error_code\":32,\"error_message\":\"Unknown method.\",\"id\":2,"
                    + "\"request\":{\"command\":\"nope\",\"id\":2},\"status\":\"error\",\"type\":\"response\"}",
                    ws.call("{\"id\":2,\"command\":\"nope\"}"));
            assertEquals("{\"id\":3,\"result\":{},\"status\":\"success\",\"type\":\"response\"}",
                    ws.call("{\"id\":3,\"method\":\"ping\"}"));
            assertEquals("{\"id\":4,\"result\":{},\"status\":\"success\",\"type\":\"response\",\"unlimited\":true}",
                    ws.call("{\"id\":4,\"command\":\"ping\"}"));
            assertEquals("{\"error\":\"internal\",\"error_code\":70,\"error_message\":\"Internal error.\",\"id\":\"f\","
                    + "\"request\":{\"command\":\"failing\",\"id\":\"f\"},\"status\":\"error\",\"type\":\"response\"}",
                    ws.call("{\"id\":\"f\",\"command\":\"failing\"}"));
            assertEquals("{\"id\":5,\"result\":{\"command\":\"async\",\"id\":5,\"thread\":\"test-dispatcher\"},"
                    + "\"status\":\"success\",\"type\":\"response\"}", ws.call("{\"id\":5,\"command\":\"async\"}"));
        }
    }

    @Test
    void missingOrConflictingCommands() throws Exception {
        try (WsClient ws = WsClient.connect(fx.wsPort())) {
            assertEquals("{\"error\":\"missingCommand\",\"id\":5,\"request\":{\"id\":5},\"status\":\"error\",\"type\":\"response\"}",
                    ws.call("{\"id\":5}"));
            assertEquals("{\"error\":\"missingCommand\",\"request\":{\"command\":\"a\",\"method\":\"b\"},\"status\":\"error\","
                    + "\"type\":\"response\"}", ws.call("{\"command\":\"a\",\"method\":\"b\"}"));
        }
    }

    @Test
    void unparsableMessagesGetJsonInvalid() throws Exception {
        try (WsClient ws = WsClient.connect(fx.wsPort())) {
            assertEquals("{\"error\":\"jsonInvalid\",\"type\":\"error\",\"value\":\"not json\"}\n", ws.call("not json"));
            assertEquals("{\"error\":\"jsonInvalid\",\"type\":\"error\",\"value\":\"[]\"}\n", ws.call("[]"));
            assertEquals("{\"error\":\"jsonInvalid\",\"type\":\"error\",\"value\":\"{}\"}\n", ws.call("{}"));
            String big = "x".repeat(1_000_001);
            String answer = ws.call(big);
            assertTrue(answer.equals("{\"error\":\"jsonInvalid\",\"type\":\"error\",\"value\":\"" + big + "\"}\n"),
                    "an oversized message is echoed back as jsonInvalid");
            assertEquals("{\"id\":1,\"result\":{},\"status\":\"success\",\"type\":\"response\"}", ws.call("{\"id\":1,\"method\":\"ping\"}"));
        }
    }

    @Test
    void adminCommandsAreForbiddenToOthers() throws Exception {
        try (RawWs ws = RawWs.connect(InetAddress.getByName("127.0.0.2"), fx.wsPort())) {
            ws.sendText("{\"command\":\"stop\",\"id\":1}");
            assertEquals("{\"error\":\"forbidden\",\"error_code\":3,\"error_message\":\"Bad credentials.\",\"id\":1,"
                    + "\"request\":{\"command\":\"stop\",\"id\":1},\"status\":\"error\",\"type\":\"response\"}", ws.readText());
            ws.sendText("{\"command\":\"ping\",\"id\":2}");
            assertEquals("{\"id\":2,\"result\":{},\"status\":\"success\",\"type\":\"response\"}", ws.readText());
        }
    }

    @Test
    void serverPushesReachTheSessionUntilItCloses() throws Exception {
        try (WsClient ws = WsClient.connect(fx.wsPort())) {
            ws.call("{\"id\":6,\"command\":\"subscribe\"}");
            WsSession session = fx.dispatcher.sessions.poll(10, TimeUnit.SECONDS);
            assertTrue(session.isOpen());
            CountDownLatch closed = new CountDownLatch(1);
            session.onClose(closed::countDown);
            assertTrue(session.send(JsonNodeFactory.instance.objectNode().put("type", "ledgerClosed").put("ledger_index", 5)));
            assertEquals("{\"ledger_index\":5,\"type\":\"ledgerClosed\"}\n", ws.next());
            ws.socket.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
            assertEquals(1000, ws.closed.get(10, TimeUnit.SECONDS));
            assertTrue(closed.await(10, TimeUnit.SECONDS));
            assertFalse(session.isOpen());
            assertFalse(session.send(JsonNodeFactory.instance.objectNode()));
            CountDownLatch late = new CountDownLatch(1);
            session.onClose(late::countDown);
            assertEquals(0, late.getCount());
        }
    }

    @Test
    void theDispatcherCanCloseASession() throws Exception {
        try (WsClient ws = WsClient.connect(fx.wsPort())) {
            ws.call("{\"id\":7,\"command\":\"subscribe\"}");
            WsSession session = fx.dispatcher.sessions.poll(10, TimeUnit.SECONDS);
            session.close();
            assertEquals(1005, ws.closed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void fragmentedMessagesAreReassembled() throws Exception {
        try (WsClient ws = WsClient.connect(fx.wsPort())) {
            ws.socket.sendText("{\"id\":8,", false).get(10, TimeUnit.SECONDS);
            ws.socket.sendText("\"command\":\"echo\"}", true).get(10, TimeUnit.SECONDS);
            assertEquals("{\"id\":8,\"result\":{\"command\":\"echo\",\"id\":8},\"status\":\"success\",\"type\":\"response\"}", ws.next());
        }
        try (RawWs ws = RawWs.connect(null, fx.wsPort())) {
            ws.sendFrame(false, 0x1, "{\"id\":9,".getBytes(StandardCharsets.UTF_8), true);
            ws.sendFrame(true, 0x9, "p".getBytes(StandardCharsets.UTF_8), true);
            ws.sendFrame(false, 0x0, "\"command\"".getBytes(StandardCharsets.UTF_8), true);
            ws.sendFrame(true, 0x0, ":\"echo\"}".getBytes(StandardCharsets.UTF_8), true);
            RawWs.Frame pong = ws.readFrame();
            assertEquals(0xA, pong.opcode());
            assertEquals("p", pong.text());
            assertEquals("{\"id\":9,\"result\":{\"command\":\"echo\",\"id\":9},\"status\":\"success\",\"type\":\"response\"}", ws.readText());
            ws.sendFrame(true, 0x2, "{\"id\":10,\"command\":\"ping\"}".getBytes(StandardCharsets.UTF_8), true);
            assertEquals("{\"id\":10,\"result\":{},\"status\":\"success\",\"type\":\"response\",\"unlimited\":true}", ws.readText());
        }
    }

    @Test
    void pingsAreAnsweredWithTheirPayload() throws Exception {
        try (RawWs ws = RawWs.connect(null, fx.wsPort())) {
            ws.sendFrame(true, 0x9, "abc".getBytes(StandardCharsets.UTF_8), true);
            RawWs.Frame pong = ws.readFrame();
            assertEquals(0xA, pong.opcode());
            assertEquals("abc", pong.text());
        }
    }

    @Test
    void clientCloseIsEchoed() throws Exception {
        try (RawWs ws = RawWs.connect(null, fx.wsPort())) {
            ws.sendFrame(true, 0x8, new byte[] {0x03, (byte) 0xE8, 'o', 'k'}, true);
            RawWs.Frame close = ws.readFrame();
            assertEquals(0x8, close.opcode());
            assertEquals(1000, close.closeCode());
            assertTrue(ws.http.closedByServer(10_000));
        }
    }

    @Test
    void protocolViolationsCloseTheSession() throws Exception {
        Object[][] cases = {
            {new byte[] {(byte) 0x81, 0x02, '{', '}'}, 1002},          // unmasked
            {new byte[] {(byte) 0xC1, (byte) 0x80, 0, 0, 0, 0}, 1002}, // reserved bit
            {new byte[] {(byte) 0x83, (byte) 0x80, 0, 0, 0, 0}, 1002}, // unknown opcode
            {new byte[] {(byte) 0x80, (byte) 0x80, 0, 0, 0, 0}, 1002}, // continuation without start
            {new byte[] {(byte) 0x09, (byte) 0x80, 0, 0, 0, 0}, 1002}, // fragmented ping
            {new byte[] {(byte) 0x81, (byte) 0x81, 0, 0, 0, 0, (byte) 0xFF}, 1007}, // invalid UTF-8
            {new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xED}, 1002}, // close code 1005
        };
        for (Object[] c : cases) {
            try (RawWs ws = RawWs.connect(null, fx.wsPort())) {
                ws.http.write((byte[]) c[0]);
                RawWs.Frame close = ws.readFrame();
                assertEquals(0x8, close.opcode());
                assertEquals(c[1], close.closeCode());
                assertTrue(ws.http.closedByServer(10_000));
            }
        }
    }

    @Test
    void handshakeIsTheOriginals() throws Exception {
        try (RawHttp http = RawHttp.connect(fx.wsPort())) {
            http.write(RawWs.handshake("dGhlIHNhbXBsZSBub25jZQ==", "13"));
            RawHttp.Response r = http.read();
            assertEquals("HTTP/1.1 101 Switching Protocols", r.statusLine());
            assertEquals(List.of("Upgrade: websocket", "Connection: upgrade",
                    "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "Server: rippled-0.1.0"), r.headerLines());
        }
        try (RawHttp http = RawHttp.connect(fx.wsPort())) {
            http.write(RawWs.handshake(null, "13"));
            RawHttp.Response r = http.read();
            assertEquals("HTTP/1.1 400 Bad Request", r.statusLine());
            assertEquals("Missing Sec-WebSocket-Key", r.text());
            assertTrue(http.closedByServer(10_000));
        }
        try (RawHttp http = RawHttp.connect(fx.wsPort())) {
            http.write(RawWs.handshake("dGhlIHNhbXBsZSBub25jZQ==", "8"));
            RawHttp.Response r = http.read();
            assertEquals("HTTP/1.1 426 Upgrade Required", r.statusLine());
            assertEquals("13", r.header("Sec-WebSocket-Version"));
        }
        try (RawHttp http = RawHttp.connect(fx.wsPort())) {
            http.write("GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            assertEquals("Missing Host", http.read().text());
        }
    }

    @Test
    void getOfRootOnAWebSocketPortIsTheTestPage() throws Exception {
        try (RawHttp http = RawHttp.connect(fx.wsPort())) {
            http.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response r = http.read();
            assertEquals("HTTP/1.1 200 OK", r.statusLine());
            assertEquals(List.of("Server: rippled-0.1.0", "Content-Type: text/html", "Connection: close",
                    "Content-Length: 180"), r.headerLines());
            assertEquals("<!DOCTYPE html><html><head><title>stoxum Test page for rippled</title></head><body>"
                    + "<h1>stoxum Test</h1><p>This page shows rippled http(s) connectivity is working.</p></body></html>",
                    r.text());
            assertTrue(http.closedByServer(10_000));
        }
        try (RawHttp http = RawHttp.connect(fx.wsPort())) {
            RawHttp.Response r = http.call("{\"method\":\"ping\"}");
            assertEquals("HTTP/1.1 403 Forbidden", r.statusLine());
            assertEquals("Forbidden\r\n", r.text());
            assertTrue(http.closedByServer(10_000));
        }
    }
}
