package org.stoxum.perf.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generator's WebSocket client against a scripted server: handshake, masking, fragments, lean trees. */
class WsRpcClientTest {

    @Test
    void answersMatchTheirRequestsAndEventsArriveWithoutTheirMetadata() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> seenRequest = new CompletableFuture<>();
            Thread server = new Thread(() -> serve(listener, seenRequest));
            server.setDaemon(true);
            server.start();
            CompletableFuture<JsonNode> event = new CompletableFuture<>();
            WsRpcClient client = WsRpcClient.open(URI.create("ws://127.0.0.1:" + listener.getLocalPort()),
                    event::complete);
            JsonNode result = client.call(RpcClient.submit("ABCD")).get(5, TimeUnit.SECONDS);
            assertEquals("{\"command\":\"submit\",\"tx_blob\":\"ABCD\",\"id\":1}", seenRequest.get(5, TimeUnit.SECONDS));
            assertEquals("tesSUCCESS", result.path("engine_result").asText());
            assertFalse(result.has("tx_json"));
            assertEquals(12345678901234567890.0, result.path("big").asDouble(), 1e6);
            JsonNode e = event.get(5, TimeUnit.SECONDS);
            assertEquals("AB", e.path("transaction").path("hash").asText());
            assertTrue(e.path("validated").asBoolean());
            assertFalse(e.has("meta"));
            client.close();
        }
    }

    private static void serve(ServerSocket listener, CompletableFuture<String> seenRequest) {
        try (Socket s = listener.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            assertEquals(0x81, b0);
            assertEquals(0x80, b1 & 0x80);
            byte[] mask = new byte[4];
            in.readFully(mask);
            byte[] payload = new byte[b1 & 0x7F];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            seenRequest.complete(new String(payload, StandardCharsets.UTF_8));
            String answer = "{\"id\":1,\"result\":{\"engine_result\":\"tesSUCCESS\",\"big\":12345678901234567890,"
                    + "\"tx_json\":{\"Account\":\"r\",\"Paths\":[[{\"a\":1}]]}},\"status\":\"success\"}";
            byte[] a = answer.getBytes(StandardCharsets.UTF_8);
            // in two fragments: text without FIN, then a continuation with FIN
            frame(out, 0x01, a, 0, 10);
            frame(out, 0x80, a, 10, a.length - 10);
            String event = "{\"type\":\"transaction\",\"validated\":true,\"meta\":{\"AffectedNodes\":[]},"
                    + "\"transaction\":{\"hash\":\"AB\"}}";
            byte[] ev = event.getBytes(StandardCharsets.UTF_8);
            frame(out, 0x81, ev, 0, ev.length);
            out.flush();
            in.read();
        } catch (IOException e) {
            seenRequest.completeExceptionally(e);
        }
    }

    private static void frame(OutputStream out, int first, byte[] data, int from, int n) throws IOException {
        out.write(first);
        if (n < 126) {
            out.write(n);
        } else {
            out.write(126);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        }
        out.write(data, from, n);
    }
}
