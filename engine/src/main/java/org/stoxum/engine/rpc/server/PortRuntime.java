package org.stoxum.engine.rpc.server;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.stoxum.engine.config.PortConfig;

/** A bound port and its live connection count. */
final class PortRuntime {

    final PortConfig config;
    final ServerSocketChannel channel;
    final InetSocketAddress bound;
    final AtomicInteger connections = new AtomicInteger();

    PortRuntime(PortConfig config, ServerSocketChannel channel, InetSocketAddress bound) {
        this.config = config;
        this.channel = channel;
        this.bound = bound;
    }

    /** Counts a new connection; false (and not counted) when the port's limit is reached. */
    boolean admit() {
        while (true) {
            int current = connections.get();
            if (config.limit() > 0 && current >= config.limit()) {
                return false;
            }
            if (connections.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        connections.decrementAndGet();
    }
}
