package org.stoxum.transport.cluster;

import java.util.Objects;

/**
 * A host and UDP port where a cluster member's Aeron subscription listens. Kept as text, not a resolved
 * address: Aeron resolves names itself, and a member configured by name should follow DNS.
 *
 * @param host a host name, an IPv4 literal, or an IPv6 literal without brackets
 * @param port 1..65535
 */
public record UdpEndpoint(String host, int port) {
    public UdpEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '|' || c == '?'
                || c == '[' || c == ']')) {
            throw new IllegalArgumentException("not a host: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("UDP port out of range: " + port);
        }
    }

    /**
     * Parses {@code host:port}, {@code [v6]:port}, or a bare host (or bracketed IPv6 literal) that takes
     * {@code defaultPort}.
     *
     * @throws IllegalArgumentException naming the text when it is not an endpoint
     */
    public static UdpEndpoint parse(String text, int defaultPort) {
        String t = text.strip();
        try {
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '['");
                }
                String host = t.substring(1, close);
                String rest = t.substring(close + 1);
                if (rest.isEmpty()) {
                    return new UdpEndpoint(host, defaultPort);
                }
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("expected ':' after ']'");
                }
                return new UdpEndpoint(host, Integer.parseInt(rest.substring(1)));
            }
            int colon = t.indexOf(':');
            if (colon < 0) {
                return new UdpEndpoint(t, defaultPort);
            }
            if (t.indexOf(':', colon + 1) >= 0) {
                return new UdpEndpoint(t, defaultPort);  // a bare IPv6 literal
            }
            return new UdpEndpoint(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a UDP endpoint: '" + text + "' (" + e.getMessage() + ")", e);
        }
    }

    /** {@code host:port}, with brackets around an IPv6 literal, as an Aeron channel's endpoint wants. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
