package org.stoxum.engine.rpc.server;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The bytes of every HTTP response the server writes, laid out as the original server lays them out
 * (status lines, header order, the trailing CRLF after JSON-RPC bodies).
 */
final class HttpResponses {

    /** The original's system name, used in page titles and the JSON-RPC Server header. */
    static final String SYSTEM_NAME = "stoxum";
    /** The original's full version string, sent in Server headers. */
    static final String FULL_VERSION = "rippled-0.1.0";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.US);

    private HttpResponses() {
    }

    /**
     * A JSON-RPC transport answer: status line, Date, Connection, Content-Length, Content-Type, Server,
     * then the content followed by CRLF (counted in Content-Length). Errors such as "Null method" use
     * the same layout with a plain-text content.
     */
    static byte[] jsonRpc(int status, String content) {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        String head = statusLine(status)
                + "Date: " + DATE.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n"
                + "Connection: Keep-Alive\r\n"
                + "Content-Length: " + (body.length + 2) + "\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n"
                + "Server: " + SYSTEM_NAME + "-json-rpc/" + FULL_VERSION + "\r\n"
                + "\r\n";
        return concat(head, body, "\r\n");
    }

    private static String statusLine(int status) {
        return switch (status) {
            case 200 -> "HTTP/1.1 200 OK\r\n";
            case 400 -> "HTTP/1.1 400 Bad Request\r\n";
            case 403 -> "HTTP/1.1 403 Forbidden\r\n";
            case 404 -> "HTTP/1.1 404 Not Found\r\n";
            case 500 -> "HTTP/1.1 500 Internal Server Error\r\n";
            case 503 -> "HTTP/1.1 503 Server is overloaded\r\n";
            default -> throw new IllegalArgumentException("no JSON-RPC reply with status " + status);
        };
    }

    /** The load balancer's test page (200), or the refusal page (500) when the server is not okay. */
    static byte[] statusPage(int version, String problem) {
        String body;
        int status;
        if (problem == null) {
            status = 200;
            body = "<!DOCTYPE html><html><head><title>" + SYSTEM_NAME
                    + " Test page for rippled</title></head><body><h1>" + SYSTEM_NAME
                    + " Test</h1><p>This page shows rippled http(s) connectivity is working.</p></body></html>";
        } else {
            status = 500;
            body = "<HTML><BODY>Server cannot accept clients: " + problem + "</BODY></HTML>";
        }
        return closingHtml(version, status, body);
    }

    /** The answer to an upgrade request on a port without WebSocket. */
    static byte[] invalidProtocol(int version) {
        return closingHtml(version, 401, "Invalid protocol.");
    }

    private static byte[] closingHtml(int version, int status, String text) {
        return closing(version, status, "text/html", text.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer after which the connection closes (status page, health check, metrics). */
    static byte[] closing(int version, int status, String contentType, byte[] body) {
        String head = versionText(version) + " " + status + " " + reason(status) + "\r\n"
                + "Server: " + FULL_VERSION + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Connection: close\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        return concat(head, body, "");
    }

    /** A refused WebSocket handshake (400 with the reason as body). */
    static byte[] handshakeRefused(int version, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String head = versionText(version) + " 400 Bad Request\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Server: " + FULL_VERSION + "\r\n"
                + "\r\n";
        return concat(head, body, "");
    }

    /** A WebSocket handshake naming a version other than 13. */
    static byte[] upgradeRequired(int version) {
        String head = versionText(version) + " 426 Upgrade Required\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Content-Length: 0\r\n"
                + "Server: " + FULL_VERSION + "\r\n"
                + "\r\n";
        return head.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The accepted WebSocket handshake. */
    static byte[] switchingProtocols(int version, String accept) {
        String head = versionText(version) + " 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n"
                + "Server: " + FULL_VERSION + "\r\n"
                + "\r\n";
        return head.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The interim answer to "Expect: 100-continue". */
    static byte[] continueInterim() {
        return "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String versionText(int version) {
        return version <= 10 ? "HTTP/1.0" : "HTTP/1.1";
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> throw new IllegalArgumentException("status " + status);
        };
    }

    private static byte[] concat(String head, byte[] body, String tail) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = tail.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.length + body.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        System.arraycopy(t, 0, out, h.length + body.length, t.length);
        return out;
    }
}
