package org.stoxum.engine.rpc.server.resource;

import java.net.InetAddress;

/**
 * Tracks the load each endpoint places on the server (the resource manager of the original server).
 * The RPC server asks it for a consumer per request (JSON-RPC) or per session (WebSocket).
 */
public interface ResourceManager {

    /** The account of an inbound client, keyed by its address (its port is ignored). */
    ResourceConsumer newInboundEndpoint(InetAddress address);

    /** An account that is never charged, for admin and identified callers. */
    ResourceConsumer newUnlimitedEndpoint(InetAddress address);

    /** A manager that charges nobody (admin and identified callers still count as unlimited). */
    static ResourceManager free() {
        return new ResourceManager() {
            @Override
            public ResourceConsumer newInboundEndpoint(InetAddress address) {
                return FreeConsumer.INBOUND;
            }

            @Override
            public ResourceConsumer newUnlimitedEndpoint(InetAddress address) {
                return FreeConsumer.UNLIMITED;
            }
        };
    }
}
