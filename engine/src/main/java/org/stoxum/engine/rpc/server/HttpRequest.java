package org.stoxum.engine.rpc.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP request: the request line, the header fields in arrival order and the body.
 *
 * @param version 10 for HTTP/1.0, 11 for HTTP/1.1
 */
record HttpRequest(String method, String target, int version, List<Map.Entry<String, String>> headers,
        byte[] body) {

    /** The first value of header {@code name} (case-insensitive), or empty. */
    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return "";
    }

    /** True when header {@code name} is present. */
    boolean hasHeader(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** True when the comma-separated list in header {@code name} holds {@code token} (case-insensitive). */
    boolean headerHasToken(String name, String token) {
        for (String item : header(name).split(",")) {
            if (item.trim().toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** HTTP/1.1 stays open unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive". */
    boolean keepAlive() {
        if (version <= 10) {
            return headerHasToken("Connection", "keep-alive");
        }
        return !headerHasToken("Connection", "close");
    }

    /** A WebSocket upgrade request, as the original server recognizes one. */
    boolean isWebSocketUpgrade() {
        return version >= 11 && method.equals("GET") && headerHasToken("Connection", "upgrade")
                && headerHasToken("Upgrade", "websocket") && hasHeader("Sec-WebSocket-Version");
    }

    /** The load balancer's probe: GET / over HTTP/1.1 with no body. */
    boolean isStatusRequest() {
        return version >= 11 && target.equals("/") && body.length == 0 && method.equals("GET");
    }
}
