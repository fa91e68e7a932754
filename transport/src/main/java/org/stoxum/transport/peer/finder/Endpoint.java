package org.stoxum.transport.peer.finder;

import java.net.InetSocketAddress;

/**
 * An address that accepts peers, with its distance from us in hops (0 = the sender itself, 1 = a
 * direct neighbour once received).
 */
public record Endpoint(InetSocketAddress address, int hops) {
}
