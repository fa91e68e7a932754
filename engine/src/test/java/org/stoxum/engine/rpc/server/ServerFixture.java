package org.stoxum.engine.rpc.server;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/** A real server on loopback with ephemeral ports and the test dispatcher; always closed by the test. */
final class ServerFixture implements AutoCloseable {

    static final String RPC = "port_rpc";
    static final String WS = "port_ws";
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final TestDispatcher dispatcher = new TestDispatcher();
    final RpcServer server;

    private ServerFixture(List<PortConfig> ports, ResourceManager resources, ServerOptions options) throws IOException {
        this.server = RpcServer.start(ports, dispatcher, resources, options);
    }

    /** An admin HTTP port and an admin WebSocket port for 127.0.0.1. */
    static ServerFixture standard() throws IOException {
        return with(ResourceManager.free(), ServerOptions.defaults());
    }

    static ServerFixture with(ResourceManager resources, ServerOptions options) throws IOException {
        return new ServerFixture(List.of(
                PortConfig.builder(RPC, LOOPBACK, 0).protocols("http").admin(LOOPBACK).build(),
                PortConfig.builder(WS, LOOPBACK, 0).protocols("ws").admin(LOOPBACK).build()), resources, options);
    }

    static ServerFixture ports(ResourceManager resources, ServerOptions options, PortConfig... ports)
            throws IOException {
        return new ServerFixture(List.of(ports), resources, options);
    }

    int rpcPort() {
        return server.port(RPC);
    }

    int wsPort() {
        return server.port(WS);
    }

    @Override
    public void close() {
        server.close();
        dispatcher.close();
    }
}
