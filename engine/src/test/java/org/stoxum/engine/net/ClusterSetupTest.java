package org.stoxum.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.transport.cluster.ClusterConfig;
import org.stoxum.transport.cluster.DriverMode;

/** {@code [cluster]}'s media driver settings reach the cluster's configuration. */
class ClusterSetupTest {
    @TempDir
    Path dir;

    private final Seed seed = Seed.random();
    private final KeyPair self = KeyPair.nodeFromSeed(seed, KeyType.SECP256K1);

    @Test
    void anEmbeddedDriverKeepsItsFilesUnderTheNodeStoreByDefault() {
        ClusterConfig c = cluster("");
        assertEquals(DriverMode.EMBEDDED, c.driverMode());
        assertEquals(dir.resolve("db").resolve("aeron"), c.aeronDirectory());
    }

    @Test
    void anExternalDriverIsFoundThroughAeronDir() {
        ClusterConfig c = cluster("media_driver = external\naeron_dir = /dev/shm/aeron-ops\n");
        assertEquals(DriverMode.EXTERNAL, c.driverMode());
        assertEquals(Path.of("/dev/shm/aeron-ops"), c.aeronDirectory());
    }

    @Test
    void anExternalDriverWithoutAeronDirUsesAeronsDefault() {
        ClusterConfig c = cluster("media_driver = external\n");
        assertEquals(DriverMode.EXTERNAL, c.driverMode());
        assertNull(c.aeronDirectory(), "Aeron's default directory");
    }

    @Test
    void anEmbeddedDriverMayBePlacedElsewhere() {
        ClusterConfig c = cluster("media_driver = embedded\naeron_dir = shm\n");
        assertEquals(DriverMode.EMBEDDED, c.driverMode());
        assertEquals(dir.resolve("shm"), c.aeronDirectory());
    }

    private ClusterConfig cluster(String clusterKeys) {
        String other = KeyPair.nodeFromSeed(Seed.random(), KeyType.SECP256K1).publicKey()
                .toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM);
        String text = String.join("\n", "[server]", "port_rpc", "", "[port_rpc]", "ip = 127.0.0.1", "port = 5005",
                "protocol = http", "", "[node_db]", "type = lmdb", "path = db", "",
                "[node_seed]", seed.toBase58(NetworkProfile.STOXUM), "",
                "[cluster_nodes]", other + " beta @127.0.0.1:51300", "",
                "[cluster]", clusterKeys);
        NodeConfig config = NodeConfigLoader.parse("cluster.cfg", text, Optional.empty(), dir, dir.resolve("data"),
                false);
        return ClusterSetup.fromConfig(config, self).orElseThrow();
    }
}
