package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.metrics.HealthReport;
import org.stoxum.engine.metrics.MetricsRegistry;
import org.stoxum.engine.metrics.Operations;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/** GET /health (open, status from the level) and GET /metrics (admins only) on the real server. */
class OperatorEndpointsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final class FakeOperations implements Operations {
        final AtomicReference<HealthReport> health = new AtomicReference<>(HealthReport.healthy());
        final MetricsRegistry registry = new MetricsRegistry();

        @Override
        public HealthReport health() {
            return health.get();
        }

        @Override
        public MetricsRegistry registry() {
            return registry;
        }
    }

    private static RawHttp.Response get(int port, String target, String extraHeaders) throws Exception {
        try (RawHttp http = RawHttp.connect(port)) {
            http.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
            RawHttp.Response r = http.read();
            assertTrue(http.closedByServer(5000), "the connection closes after the answer, as rippled's does");
            return r;
        }
    }

    @Test
    void healthAnswersEachLevelWithItsStatusAndTheFailingChecks() throws Exception {
        FakeOperations ops = new FakeOperations();
        try (ServerFixture f = ServerFixture.with(ResourceManager.free(), ServerOptions.defaults().withOperations(ops))) {
            RawHttp.Response ok = get(f.rpcPort(), "/health", "");
            assertEquals("HTTP/1.1 200 OK", ok.statusLine());
            assertEquals("application/json", ok.header("Content-Type"));
            assertEquals("{\"info\":{}}", ok.text());

            ObjectNode info = JsonNodeFactory.instance.objectNode().put("server_state", "connected");
            ops.health.set(new HealthReport(HealthReport.Level.WARNING, info));
            RawHttp.Response warn = get(f.wsPort(), "/health", "");
            assertEquals("HTTP/1.1 503 Service Unavailable", warn.statusLine());
            assertEquals("{\"info\":{\"server_state\":\"connected\"}}", warn.text());

            ops.health.set(new HealthReport(HealthReport.Level.CRITICAL, info.put("peers", 0)));
            RawHttp.Response critical = get(f.rpcPort(), "/health", "");
            assertEquals(500, critical.status());
            assertEquals("{\"info\":{\"peers\":0,\"server_state\":\"connected\"}}", critical.text());
        }
    }

    @Test
    void metricsAreForAdminsOnly() throws Exception {
        FakeOperations ops = new FakeOperations();
        PortConfig admin = PortConfig.builder("port_admin", LOOPBACK, 0).protocols("http").admin(LOOPBACK).build();
        PortConfig open = PortConfig.builder("port_public", LOOPBACK, 0).protocols("http").build();
        try (ServerFixture f = ServerFixture.ports(ResourceManager.free(),
                ServerOptions.defaults().withOperations(ops), admin, open)) {
            try (RawHttp http = RawHttp.connect(f.server.port("port_admin"))) {
                http.call("{\"method\":\"echo\"}");
                http.call("{\"method\":\"stop\"}");
                http.call("{\"method\":\"no_such_command\"}");
            }
            RawHttp.Response scrape = get(f.server.port("port_admin"), "/metrics", "");
            assertEquals(200, scrape.status());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.header("Content-Type"));
            String text = scrape.text();
            assertTrue(text.contains("stoxumd_rpc_requests_total{method=\"echo\"} 1\n"), text);
            assertTrue(text.contains("stoxumd_rpc_requests_total{method=\"stop\"} 1\n"), text);
            assertTrue(text.contains("stoxumd_rpc_connections_open 1\n"), "the scrape's own connection:\n" + text);

            RawHttp.Response refused = get(f.server.port("port_public"), "/metrics", "");
            assertEquals("HTTP/1.1 403 Forbidden", refused.statusLine());
            assertEquals(200, get(f.server.port("port_public"), "/health", "").status(), "health is open");
        }
    }

    @Test
    void aPortWantingAdminCredentialsTakesThemAsBasicAuth() throws Exception {
        PortConfig port = PortConfig.builder("port_admin", LOOPBACK, 0).protocols("http").admin(LOOPBACK)
                .adminCredentials("ops", "secret").build();
        try (ServerFixture f = ServerFixture.ports(ResourceManager.free(), ServerOptions.defaults(), port)) {
            int p = f.server.port("port_admin");
            assertEquals(403, get(p, "/metrics", "").status());
            String wrong = Base64.getEncoder().encodeToString("ops:nope".getBytes(StandardCharsets.UTF_8));
            assertEquals(403, get(p, "/metrics", "Authorization: Basic " + wrong + "\r\n").status());
            String right = Base64.getEncoder().encodeToString("ops:secret".getBytes(StandardCharsets.UTF_8));
            RawHttp.Response ok = get(p, "/metrics", "Authorization: Basic " + right + "\r\n");
            assertEquals(200, ok.status());
            assertTrue(ok.text().contains("# TYPE jvm_memory_heap_used_bytes gauge"), ok.text());
        }
    }

    @Test
    void aFailingFigureStillGetsAnAnswer() throws Exception {
        Operations broken = new Operations() {
            @Override
            public HealthReport health() {
                throw new IllegalStateException("no ledger yet");
            }

            @Override
            public MetricsRegistry registry() {
                return new MetricsRegistry();
            }
        };
        try (ServerFixture f = ServerFixture.with(ResourceManager.free(),
                ServerOptions.defaults().withOperations(broken))) {
            assertEquals(500, get(f.rpcPort(), "/health", "").status());
        }
    }
}
