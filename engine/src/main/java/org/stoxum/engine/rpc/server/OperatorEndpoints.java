package org.stoxum.engine.rpc.server;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.metrics.HealthReport;
import org.stoxum.engine.metrics.Operations;
import org.stoxum.engine.metrics.PrometheusText;
import org.stoxum.engine.rpc.server.json.RippledJsonWriter;

/**
 * The operator's GETs, answered on every client port and closed after, as rippled answers its health
 * check: {@code /health} is open to anyone (a load balancer asks it), {@code /metrics} only to the
 * port's admins, since it tells the node's load to whoever reads it; others get 403.
 *
 * <p>A port that wants {@code admin_user} and {@code admin_password} takes them for {@code /metrics}
 * as HTTP Basic credentials, the only way a scraper's GET can carry them.
 */
final class OperatorEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorEndpoints.class);

    static final String HEALTH = "/health";
    static final String METRICS = "/metrics";

    private OperatorEndpoints() {
    }

    static boolean serves(String target) {
        return target.equals(HEALTH) || target.equals(METRICS);
    }

    static byte[] answer(HttpRequest request, Operations operations, PortConfig port, InetSocketAddress remote) {
        try {
            if (request.target().equals(HEALTH)) {
                HealthReport report = operations.health();
                byte[] body = RippledJsonWriter.compact(report.body()).getBytes(StandardCharsets.UTF_8);
                return HttpResponses.closing(request.version(), report.level().httpStatus(), "application/json",
                        body);
            }
            if (!admin(request, port, remote)) {
                return HttpResponses.closing(request.version(), 403, "text/plain",
                        "Forbidden".getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] text = operations.registry().scrape().getBytes(StandardCharsets.UTF_8);
            return HttpResponses.closing(request.version(), 200, PrometheusText.CONTENT_TYPE, text);
        } catch (RuntimeException e) {
            // A figure that cannot be read must not cost the operator the answer's status.
            LOG.warn("answering {} failed", request.target(), e);
            return HttpResponses.closing(request.version(), 500, "text/plain",
                    ("Internal Server Error: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean admin(HttpRequest request, PortConfig port, InetSocketAddress remote) {
        String user = null;
        String password = null;
        String header = request.header("Authorization");
        if (header.startsWith("Basic ")) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon >= 0) {
                    user = pair.substring(0, colon);
                    password = pair.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return port.admin(remote.getAddress(), user, password);
    }
}
