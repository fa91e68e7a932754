package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.resource.LocalResourceManager;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/**
 * A WebSocket session with several requests in flight: answers leave in request order whatever order
 * their handlers finish in, reading stops at {@link WsProtocol#MAX_IN_FLIGHT}, and a close (the client's,
 * or ours after slowDown) comes after the answers to what was read before it and nothing after it.
 */
class WsPipeliningTest {

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

    private static String held(int id) {
        return "{\"id\":" + id + ",\"command\":\"held\"}";
    }

    private static String heldAnswer(int id) {
        return "{\"id\":" + id + ",\"result\":{\"held\":" + id + "},\"status\":\"success\",\"type\":\"response\"}";
    }

    /** Takes the held requests in dispatch order, failing if fewer than {@code n} arrive. */
    private static List<TestDispatcher.Held> takeHeld(ServerFixture fx, int n) throws InterruptedException {
        List<TestDispatcher.Held> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TestDispatcher.Held h = fx.dispatcher.held.poll(10, TimeUnit.SECONDS);
            assertNotNull(h, "held request " + (i + 1) + " dispatched");
            all.add(h);
        }
        return all;
    }

    @Test
    void answersFinishedInReverseLeaveInRequestOrder() throws Exception {
        try (ServerFixture fx = ServerFixture.standard(); RawWs ws = RawWs.connect(null, fx.wsPort())) {
            ws.sendText(held(1));
            ws.sendText(held(2));
            ws.sendText(held(3));
            ws.sendText("{\"id\":4,\"command\":\"echo\"}");
            List<TestDispatcher.Held> held = takeHeld(fx, 3);
            eventually(() -> fx.dispatcher.seen.size() == 4, "the echo dispatched while three are in flight");
            held.get(2).complete();
            held.get(1).complete();
            // Posted to the session's loop after both answers: it arrives first, so neither was sent.
            held.get(0).session().send(JsonNodeFactory.instance.objectNode().put("type", "marker"));
            assertEquals("{\"type\":\"marker\"}\n", ws.readText());
            held.get(0).complete();
            assertEquals(heldAnswer(1), ws.readText());
            assertEquals(heldAnswer(2), ws.readText());
            assertEquals(heldAnswer(3), ws.readText());
            assertEquals("{\"id\":4,\"result\":{\"command\":\"echo\",\"id\":4},\"status\":\"success\",\"type\":\"response\"}",
                    ws.readText());
        }
    }

    @Test
    void noMessageIsReadBeyondTheLimitUntilTheOldestAnswerLeaves() throws Exception {
        int limit = WsProtocol.MAX_IN_FLIGHT;
        try (ServerFixture fx = ServerFixture.standard(); RawWs ws = RawWs.connect(null, fx.wsPort())) {
            for (int id = 1; id <= limit; id++) {
                ws.sendText(held(id));
            }
            ws.sendText("{\"id\":" + (limit + 1) + ",\"command\":\"echo\"}");
            List<TestDispatcher.Held> held = takeHeld(fx, limit);
            // Every request but the oldest finishes: their answers wait for it, and so does reading.
            for (int i = limit - 1; i >= 1; i--) {
                held.get(i).complete();
            }
            held.get(0).session().send(JsonNodeFactory.instance.objectNode().put("type", "marker"));
            assertEquals("{\"type\":\"marker\"}\n", ws.readText());
            assertEquals(limit, fx.dispatcher.seen.size(), "the message past the limit was not read");
            held.get(0).complete();
            for (int id = 1; id <= limit; id++) {
                assertEquals(heldAnswer(id), ws.readText());
            }
            assertEquals("{\"id\":" + (limit + 1) + ",\"result\":{\"command\":\"echo\",\"id\":" + (limit + 1)
                    + "},\"status\":\"success\",\"type\":\"response\"}", ws.readText());
            assertEquals(limit + 1, fx.dispatcher.seen.size());
        }
    }

    @Test
    void aCloseMidFlightComesAfterTheAnswersToWhatPrecededIt() throws Exception {
        try (ServerFixture fx = ServerFixture.standard(); RawWs ws = RawWs.connect(null, fx.wsPort())) {
            ws.sendText(held(1));
            ws.sendText("{\"id\":2,\"command\":\"echo\"}");
            ws.sendFrame(true, 0x8, new byte[] {0x03, (byte) 0xE8}, true);
            ws.sendText("{\"id\":3,\"command\":\"echo\"}");
            TestDispatcher.Held first = takeHeld(fx, 1).get(0);
            eventually(() -> fx.dispatcher.seen.size() == 2, "the echo before the close dispatched");
            assertTrue(first.session().isOpen(), "the session serves its requests in flight");
            first.complete();
            assertEquals(heldAnswer(1), ws.readText());
            assertEquals("{\"id\":2,\"result\":{\"command\":\"echo\",\"id\":2},\"status\":\"success\",\"type\":\"response\"}",
                    ws.readText());
            RawWs.Frame close = ws.readFrame();
            assertEquals(0x8, close.opcode());
            assertEquals(1000, close.closeCode());
            assertTrue(ws.http.closedByServer(10_000), "nothing after the close");
            assertEquals(2, fx.dispatcher.seen.size(), "the message after the close frame was not handled");
            assertFalse(first.session().isOpen());
        }
    }

    @Test
    void ourCloseWhileTheClientsWaitsBehindRequestsEndsTheConnection() throws Exception {
        ServerOptions longGrace = ServerOptions.defaults().withCloseGrace(Duration.ofSeconds(60));
        try (ServerFixture fx = ServerFixture.with(ResourceManager.free(), longGrace);
                RawWs ws = RawWs.connect(null, fx.wsPort())) {
            // In one write, so the close frame is read (and waits) before our close below.
            ws.sendTogether(RawWs.frame(true, 0x1, held(1).getBytes(StandardCharsets.UTF_8), true),
                    RawWs.frame(true, 0x8, new byte[] {0x03, (byte) 0xE8}, true));
            TestDispatcher.Held first = takeHeld(fx, 1).get(0);
            first.session().close();
            RawWs.Frame close = ws.readFrame();
            assertEquals(0x8, close.opcode(), "our close; the answer in flight is dropped");
            assertEquals(0, close.payload().length);
            // The client's close was already read: no waiting for another one through the close grace.
            assertTrue(ws.http.closedByServer(10_000), "the connection ends after our close");
            first.complete();
        }
    }

    @Test
    void aPipelinedFloodEndsWithSlowDownAfterTheAnswersBeforeIt() throws Exception {
        LocalResourceManager resources = new LocalResourceManager(InstantSource.fixed(Instant.EPOCH), 100, 200);
        PortConfig port = PortConfig.builder("port_ws_public", ServerFixture.LOOPBACK, 0).protocols("ws").build();
        try (ServerFixture fx = ServerFixture.ports(resources, ServerOptions.defaults(), port);
                RawWs ws = RawWs.connect(null, fx.server.port("port_ws_public"))) {
            int sent = 1_000;
            for (int id = 0; id < sent; id++) {
                ws.sendText("{\"id\":" + id + ",\"command\":\"ping\"}");
            }
            int id = 0;
            JsonNode answer;
            do {
                answer = JSON.readTree(ws.readText());
                assertEquals(id, answer.get("id").intValue(), "answers in request order");
                id++;
            } while (!answer.has("error"));
            assertTrue(id < sent, "dropped before the end of the flood");
            assertEquals("slowDown", answer.get("error").asText());
            assertEquals("ping", answer.at("/request/command").asText());
            RawWs.Frame close = ws.readFrame();
            assertEquals(0x8, close.opcode(), "the close follows the slowDown answer");
            assertEquals(0, close.payload().length);
            assertEquals(id - 1, fx.dispatcher.seen.size(), "everything before slowDown dispatched, nothing after");
        }
    }
}
