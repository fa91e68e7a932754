package org.stoxum.engine.config;

/**
 * A peer address from {@code [ips]} or {@code [ips_fixed]}: a host name or IP and a port. Names are
 * resolved later, by the overlay, never while the config is read.
 *
 * @param host host name or IP literal
 * @param port 1..65535
 */
public record PeerEndpoint(String host, int port) {
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
