package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.resource.LocalResourceManager;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/** Starting, stopping, limits, timeouts and load shedding, each on its own server. */
class ServerLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static boolean ioThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith(RpcServer.THREAD_PREFIX));
    }

    @Test
    void stopClosesEveryConnectionAndThread() throws Exception {
        ServerFixture fx = ServerFixture.with(ResourceManager.free(), ServerOptions.defaults().withIoThreads(2));
        int rpcPort = fx.rpcPort();
        assertNotEquals(0, rpcPort);
        try (WsClient ws = WsClient.connect(fx.wsPort()); RawHttp http = RawHttp.connect(rpcPort);
                RawHttp pending = RawHttp.connect(rpcPort)) {
            assertEquals(200, http.call("{\"method\":\"echo\"}").status());
            ws.call("{\"command\":\"ping\"}");
            pending.write(RawHttp.post("{\"method\":\"delayed\"}"));
            eventually(() -> fx.dispatcher.seen.stream().anyMatch(r -> r.method().equals("delayed")), "delayed dispatched");
            fx.close();
            assertEquals(1001, ws.closed.get(10, TimeUnit.SECONDS));
            assertTrue(http.closedByServer(10_000));
            assertTrue(pending.closedByServer(10_000));
        }
        assertFalse(ioThreadsAlive());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", rpcPort).close());
        fx.close();
    }

    @Test
    void aTakenPortFailsToStartAndLeavesNothingRunning() throws Exception {
        try (ServerFixture fx = ServerFixture.standard()) {
            PortConfig clash = PortConfig.builder("port_clash", ServerFixture.LOOPBACK, fx.rpcPort()).build();
            IOException e = assertThrows(IOException.class, () -> RpcServer.start(List.of(clash), new TestDispatcher(),
                    ResourceManager.free(), ServerOptions.defaults()));
            assertTrue(e.getMessage().startsWith("cannot bind [port_clash] to 127.0.0.1:" + fx.rpcPort()), e.getMessage());
            try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
                assertEquals(200, http.call("{\"method\":\"echo\"}").status());
            }
        }
        assertFalse(ioThreadsAlive());
    }

    @Test
    void slowAndIdleClientsAreDropped() throws Exception {
        ServerOptions quick = ServerOptions.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300));
        try (ServerFixture fx = ServerFixture.with(ResourceManager.free(), quick)) {
            try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
                String partial = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 30\r\n\r\n{\"method\":";
                boolean closed = false;
                for (int i = 0; i < partial.length() && !closed; i++) {
                    try {
                        http.write(partial.substring(i, i + 1));
                    } catch (IOException e) {
                        closed = true;
                    }
                    closed = closed || http.closedByServer(50);
                }
                assertTrue(closed || http.closedByServer(10_000), "a trickling request is cut");
            }
            try (RawHttp http = RawHttp.connect(fx.rpcPort())) {
                assertEquals(200, http.call("{\"method\":\"echo\"}").status());
                assertTrue(http.closedByServer(10_000), "an idle keep-alive connection is closed");
            }
            eventually(() -> fx.server.connections(ServerFixture.RPC) == 0, "connections released");
        }
    }

    @Test
    void unansweredPingsEndAWebSocketSession() throws Exception {
        ServerOptions quick = ServerOptions.defaults().withTimeouts(Duration.ofMillis(200), Duration.ofMillis(200));
        try (ServerFixture fx = ServerFixture.with(ResourceManager.free(), quick);
                RawWs ws = RawWs.connect(null, fx.wsPort())) {
            RawWs.Frame ping = ws.readFrame();
            assertEquals(0x9, ping.opcode());
            ws.sendFrame(true, 0xA, ping.payload(), true);
            assertEquals(0x9, ws.readFrame().opcode());
            assertTrue(ws.http.closedByServer(10_000), "no pong to the second ping");
        }
    }

    @Test
    void aLongRequestDoesNotCountAsSilence() throws Exception {
        ServerOptions quick = ServerOptions.defaults().withTimeouts(Duration.ofMillis(200), Duration.ofMillis(200));
        try (ServerFixture fx = ServerFixture.with(ResourceManager.free(), quick);
                RawWs ws = RawWs.connect(null, fx.wsPort())) {
            ws.sendText("{\"id\":1,\"command\":\"delayed\"}");
            eventually(() -> fx.dispatcher.seen.size() == 1, "dispatched");
            Thread.sleep(1_000);
            fx.dispatcher.gate.countDown();
            assertEquals("{\"id\":1,\"result\":{\"delayed\":true,\"thread\":\"test-dispatcher\"},\"status\":\"success\","
                    + "\"type\":\"response\"}", ws.readText());
        }
    }

    @Test
    void portLimitRefusesExtraClients() throws Exception {
        PortConfig limited = PortConfig.builder("port_limited", ServerFixture.LOOPBACK, 0).limit(2).build();
        try (ServerFixture fx = ServerFixture.ports(ResourceManager.free(), ServerOptions.defaults(), limited)) {
            int port = fx.server.port("port_limited");
            RawHttp first = RawHttp.connect(port);
            try (RawHttp second = RawHttp.connect(port)) {
                assertEquals(200, first.call("{\"method\":\"echo\"}").status());
                assertEquals(200, second.call("{\"method\":\"echo\"}").status());
                try (RawHttp third = RawHttp.connect(port)) {
                    assertTrue(third.closedByServer(10_000));
                }
                first.close();
                eventually(() -> fx.server.connections("port_limited") < 2, "a slot freed");
                try (RawHttp again = RawHttp.connect(port)) {
                    assertEquals(200, again.call("{\"method\":\"echo\"}").status());
                }
            }
        }
    }

    @Test
    void aSlowWebSocketConsumerIsDisconnectedAtTheQueueLimit() throws Exception {
        PortConfig ws = PortConfig.builder("port_ws_small", ServerFixture.LOOPBACK, 0).protocols("ws").sendQueueLimit(5).build();
        ServerOptions options = ServerOptions.defaults().withCloseGrace(Duration.ofMillis(500));
        try (ServerFixture fx = ServerFixture.ports(ResourceManager.free(), options, ws);
                RawWs client = RawWs.connect(null, fx.server.port("port_ws_small"))) {
            client.sendText("{\"id\":1,\"command\":\"subscribe\"}");
            client.readText();
            WsSession session = fx.dispatcher.sessions.poll(10, TimeUnit.SECONDS);
            CountDownLatch closed = new CountDownLatch(1);
            session.onClose(closed::countDown);
            ObjectNode push = JsonNodeFactory.instance.objectNode().put("type", "transaction").put("pad", "x".repeat(65_536));
            int sent = 0;
            while (session.isOpen() && sent < 5_000) {
                session.send(push);
                if (++sent % 20 == 0) {
                    Thread.sleep(5);
                }
            }
            assertTrue(closed.await(10, TimeUnit.SECONDS), "the session closed");
            assertTrue(sent < 5_000, "closed before the bound");
            eventually(() -> fx.server.connections("port_ws_small") == 0, "the socket is cut");
        }
    }

    @Test
    void aFloodingWebSocketClientIsToldToSlowDown() throws Exception {
        LocalResourceManager resources = new LocalResourceManager(InstantSource.fixed(Instant.EPOCH), 100, 200);
        PortConfig ws = PortConfig.builder("port_ws_public", ServerFixture.LOOPBACK, 0).protocols("ws").build();
        try (ServerFixture fx = ServerFixture.ports(resources, ServerOptions.defaults(), ws);
                WsClient client = WsClient.connect(fx.server.port("port_ws_public"))) {
            boolean warned = false;
            JsonNode last = null;
            for (int i = 0; i < 1_000; i++) {
                last = JSON.readTree(client.call("{\"id\":" + i + ",\"command\":\"ping\"}"));
                if (last.has("error")) {
                    break;
                }
                warned |= last.path("warning").asText().equals("load");
            }
            assertTrue(warned, "warned before being dropped");
            assertEquals("slowDown", last.get("error").asText());
            assertEquals(10, last.get("error_code").intValue());
            assertEquals("You are placing too much load on the server.", last.get("error_message").asText());
            assertEquals("response", last.get("type").asText());
            assertEquals("ping", last.at("/request/command").asText());
            assertEquals(1005, client.closed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFloodingHttpClientGets503() throws Exception {
        LocalResourceManager resources = new LocalResourceManager(InstantSource.fixed(Instant.EPOCH), 100, 200);
        PortConfig rpc = PortConfig.builder("port_rpc_public", ServerFixture.LOOPBACK, 0).build();
        try (ServerFixture fx = ServerFixture.ports(resources, ServerOptions.defaults(), rpc);
                RawHttp http = RawHttp.connect(fx.server.port("port_rpc_public"))) {
            boolean warned = false;
            RawHttp.Response last = null;
            for (int i = 0; i < 1_000; i++) {
                last = http.call("{\"method\":\"ping\"}");
                if (last.status() != 200) {
                    break;
                }
                warned |= JSON.readTree(last.text()).at("/result/warning").asText().equals("load");
            }
            assertTrue(warned, "warned before being dropped");
            assertEquals("HTTP/1.1 503 Server is overloaded", last.statusLine());
            assertEquals("Server is overloaded\r\n", last.text());
        }
    }

    @Test
    void statusPageReportsAnUnhealthyServer() throws Exception {
        ServerOptions sick = ServerOptions.defaults().withHealth(() -> Optional.of("Server is overloaded"));
        try (ServerFixture fx = ServerFixture.with(ResourceManager.free(), sick);
                RawHttp http = RawHttp.connect(fx.wsPort())) {
            http.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response r = http.read();
            assertEquals("HTTP/1.1 500 Internal Server Error", r.statusLine());
            assertEquals("<HTML><BODY>Server cannot accept clients: Server is overloaded</BODY></HTML>", r.text());
        }
    }
}
