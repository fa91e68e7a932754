package org.stoxum.transport.peer.resource;

import java.net.InetSocketAddress;

/**
 * Gives each peer connection its consumer (stoxumd's resource manager as the overlay sees it). Inbound
 * peers are keyed by their IP alone, so reconnecting from another port does not clear a balance;
 * outbound peers by the address and port we dialled.
 */
public interface PeerResources {

    /** The consumer of a peer that connected to us. */
    PeerConsumer newInboundEndpoint(InetSocketAddress remote);

    /** The consumer of a peer we connect to. */
    PeerConsumer newOutboundEndpoint(InetSocketAddress remote);
}
