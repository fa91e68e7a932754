package org.stoxum.engine.rpc.server;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/** What every connection of one server shares. */
record ServerContext(RpcDispatcher dispatcher, ResourceManager resources, ServerOptions options, AtomicLong ids,
        RpcMetrics metrics) {

    /** The time a client at {@code remote} has to complete a message, in nanoseconds. */
    long timeoutNanos(InetSocketAddress remote) {
        boolean local = remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
        return (local ? options.localTimeout() : options.remoteTimeout()).toNanos();
    }
}
