package org.stoxum.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.RpcDispatcher;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.RpcRequest;
import org.stoxum.engine.rpc.server.RpcResponder;
import org.stoxum.engine.rpc.server.RpcServer;
import org.stoxum.engine.rpc.server.ServerOptions;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/** The client against a real server on loopback. */
class JsonRpcClientTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static RpcServer server;

    /** echo answers its params, silent never answers, anything else is unknown. */
    private static final RpcDispatcher DISPATCHER = new RpcDispatcher() {
        @Override
        public void dispatch(RpcRequest request, RpcResponder responder) {
            switch (request.method()) {
                case "echo" -> responder.complete(request.params());
                case "silent" -> { }
                default -> responder.complete(RpcError.UNKNOWN_COMMAND.make());
            }
        }
    };

    @BeforeAll
    static void start() throws IOException {
        server = RpcServer.start(List.of(
                PortConfig.builder("port_rpc", LOOPBACK, 0).build(),
                PortConfig.builder("port_basic", LOOPBACK, 0).basicAuth("u", "p").build()),
                DISPATCHER, ResourceManager.free(), ServerOptions.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void callReturnsTheResult() throws RpcClientException {
        JsonRpcClient client = new JsonRpcClient("127.0.0.1", server.port("port_rpc"));
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("x", 1).put("s", "\u00e9");
        JsonNode result = client.call("echo", params);
        assertEquals("success", result.get("status").asText());
        assertEquals("echo", result.get("command").asText());
        assertEquals(1, result.get("x").intValue());
        assertEquals("\u00e9", result.get("s").asText());
        assertEquals("echo", client.call("echo", null).get("command").asText());
    }

    @Test
    void errorAnswersAreResultsNotExceptions() throws RpcClientException {
        JsonNode result = new JsonRpcClient("127.0.0.1", server.port("port_rpc")).call("nope", null);
        assertEquals("error", result.get("status").asText());
        assertEquals("unknownCmd", result.get("error").asText());
        assertEquals(32, result.get("error_code").intValue());
        assertEquals("nope", result.at("/request/command").asText());
    }

    @Test
    void nothingListeningSaysSo() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            port = probe.getLocalPort();
        }
        JsonRpcClient client = new JsonRpcClient("127.0.0.1", port);
        NoServerAnsweredException e = assertThrows(NoServerAnsweredException.class, () -> client.call("echo", null));
        assertEquals("no server answered at 127.0.0.1:" + port, e.getMessage());
        assertEquals(port, e.port());
    }

    @Test
    void transportRefusalsCarryStatusAndText() throws RpcClientException {
        int port = server.port("port_basic");
        RpcTransportException e = assertThrows(RpcTransportException.class,
                () -> new JsonRpcClient("127.0.0.1", port).call("echo", null));
        assertEquals(403, e.status());
        assertEquals("Forbidden", e.body());
        JsonRpcClient authorized = new JsonRpcClient("127.0.0.1", port, "u", "p", Duration.ofSeconds(10));
        assertEquals("success", authorized.call("echo", null).get("status").asText());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        JsonRpcClient client = new JsonRpcClient("127.0.0.1", server.port("port_rpc"), null, null, Duration.ofMillis(300));
        RpcClientException e = assertThrows(RpcClientException.class, () -> client.call("silent", null));
        assertTrue(e.getMessage().startsWith("no answer from 127.0.0.1:"), e.getMessage());
    }
}
