package org.stoxum.engine.config;

/**
 * The config used when no {@code stoxumd.cfg} is given or found: enough to run stand-alone from the
 * current directory with no setup. JSON-RPC and WebSocket listen on loopback with admin rights for
 * loopback, the peer port is the usual one (and is dropped in stand-alone mode), and all data goes
 * under {@code ./data}.
 */
public final class EmbeddedDefaults {
    /** How the embedded config is named in messages. */
    public static final String SOURCE = "<embedded defaults>";

    /** JSON-RPC port of the defaults. */
    public static final int RPC_PORT = 51232;

    /** WebSocket port of the defaults. */
    public static final int WS_PORT = 51233;

    /** Peer port of the defaults. */
    public static final int PEER_PORT = 51234;

    /** The defaults as config text, read by the same parser as a real file. */
    public static final String TEXT = """
            [server]
            port_rpc_admin_local
            port_ws_admin_local
            port_peer

            [port_rpc_admin_local]
            ip = 127.0.0.1
            port = 51232
            protocol = http
            admin = 127.0.0.1

            [port_ws_admin_local]
            ip = 127.0.0.1
            port = 51233
            protocol = ws
            admin = 127.0.0.1

            [port_peer]
            ip = 0.0.0.0
            port = 51234
            protocol = peer

            [node_db]
            type = lmdb
            path = data/db

            [database_path]
            data

            [network_profile]
            stoxum
            """;

    private EmbeddedDefaults() {
    }
}
