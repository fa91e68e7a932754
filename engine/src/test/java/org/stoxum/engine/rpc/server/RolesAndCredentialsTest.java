package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/** Admin credentials, trusted gateways and HTTP Basic, as the port configuration asks for them. */
class RolesAndCredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUARDED = "port_guarded";
    private static final String BASIC = "port_basic";
    private static ServerFixture fx;
    private static InetAddress gateway;
    private static InetAddress stranger;

    @BeforeAll
    static void start() throws IOException {
        gateway = InetAddress.getByName("127.0.0.3");
        stranger = InetAddress.getByName("127.0.0.2");
        fx = ServerFixture.ports(ResourceManager.free(), ServerOptions.defaults(),
                PortConfig.builder(GUARDED, ServerFixture.LOOPBACK, 0).protocols("http", "ws")
                        .admin(ServerFixture.LOOPBACK).adminCredentials("root", "pw").secureGateway(gateway).build(),
                PortConfig.builder(BASIC, ServerFixture.LOOPBACK, 0).basicAuth("u", "p").build());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static JsonNode whoami(InetAddress from, String params, String headers) throws IOException {
        try (RawHttp http = RawHttp.connect(from, fx.server.port(GUARDED))) {
            http.write(RawHttp.post("{\"method\":\"whoami\",\"params\":[" + params + "]}", headers));
            return JSON.readTree(http.read().text()).get("result");
        }
    }

    @Test
    void adminNeedsTheConfiguredCredentials() throws IOException {
        assertEquals("GUEST", whoami(null, "{}", "").get("role").asText());
        assertEquals("GUEST", whoami(null, "{\"admin_user\":\"root\",\"admin_password\":\"no\"}", "").get("role").asText());
        assertEquals("ADMIN", whoami(null, "{\"admin_user\":\"root\",\"admin_password\":\"pw\"}", "").get("role").asText());
        assertEquals("GUEST", whoami(stranger, "{\"admin_user\":\"root\",\"admin_password\":\"pw\"}", "").get("role").asText());
        try (RawHttp http = RawHttp.connect(fx.server.port(GUARDED))) {
            assertEquals(403, http.call("{\"method\":\"stop\"}").status());
            assertEquals(200, http.call("{\"method\":\"stop\",\"params\":[{\"admin_user\":\"root\",\"admin_password\":\"pw\"}]}")
                    .status());
        }
    }

    @Test
    void aTrustedGatewayIdentifiesItsUsers() throws IOException {
        JsonNode identified = whoami(gateway, "{}", "X-User: alice\r\nX-Forwarded-For: 192.0.2.7\r\n");
        assertEquals("IDENTIFIED", identified.get("role").asText());
        assertEquals("alice", identified.get("user").asText());
        assertEquals("192.0.2.7", identified.get("forwarded_for").asText());
        assertEquals("GUEST", whoami(gateway, "{}", "").get("role").asText());
        JsonNode untrusted = whoami(stranger, "{}", "X-User: alice\r\nX-Forwarded-For: 192.0.2.7\r\n");
        assertEquals("GUEST", untrusted.get("role").asText());
        assertEquals("", untrusted.get("user").asText());
        assertEquals("", untrusted.get("forwarded_for").asText());
    }

    @Test
    void webSocketRolesFollowTheSameRules() throws IOException {
        try (RawWs ws = RawWs.connect(null, fx.server.port(GUARDED))) {
            ws.sendText("{\"command\":\"whoami\"}");
            assertEquals("GUEST", JSON.readTree(ws.readText()).at("/result/role").asText());
            ws.sendText("{\"command\":\"whoami\",\"admin_user\":\"root\",\"admin_password\":\"pw\"}");
            assertEquals("ADMIN", JSON.readTree(ws.readText()).at("/result/role").asText());
            ws.sendText("{\"command\":\"ping\",\"id\":1}");
            assertEquals("{\"id\":1,\"result\":{},\"status\":\"success\",\"type\":\"response\"}", ws.readText());
        }
    }

    @Test
    void basicAuthGuardsJsonRpc() throws IOException {
        int port = fx.server.port(BASIC);
        try (RawHttp http = RawHttp.connect(port)) {
            RawHttp.Response r = http.call("{\"method\":\"echo\"}");
            assertEquals("HTTP/1.1 403 Forbidden", r.statusLine());
            assertEquals("Forbidden\r\n", r.text());
            assertTrue(http.closedByServer(10_000));
        }
        try (RawHttp http = RawHttp.connect(port)) {
            http.write(RawHttp.post("{\"method\":\"echo\"}", "Authorization: Basic "
                    + Base64.getEncoder().encodeToString("u:wrong".getBytes()) + "\r\n"));
            assertEquals(403, http.read().status());
        }
        try (RawHttp http = RawHttp.connect(port)) {
            http.write(RawHttp.post("{\"method\":\"echo\"}", "Authorization: Basic "
                    + Base64.getEncoder().encodeToString("u:p".getBytes()) + "\r\n"));
            assertEquals(200, http.read().status());
        }
    }
}
