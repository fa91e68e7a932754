package org.stoxum.engine.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.engine.app.StartupException;
import org.stoxum.engine.config.ClusterSectionConfig;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeKeyEntry;
import org.stoxum.transport.cluster.ClusterConfig;
import org.stoxum.transport.cluster.ClusterMember;
import org.stoxum.transport.cluster.DriverMode;
import org.stoxum.transport.cluster.UdpEndpoint;

/**
 * Reads a node's cluster from {@code [cluster_nodes]}. Members talk over Aeron, so each needs a UDP endpoint
 * besides its node key: a word {@code @host[:port]} on its line gives it (port {@value ClusterConfig#DEFAULT_PORT}
 * when omitted); the other words are the name, as stoxumd reads them. Every member can share one list that
 * names them all: the line with our own key gives the endpoint we listen on (all interfaces on the default port
 * when we are not listed).
 *
 * <pre>
 * [cluster_nodes]
 * n9KAa2zVWjPHgfzsE3iZ8HAbzJtPrnoh4H2M2HgE7dfqtvyEb1KJ alpha @10.0.0.11:51237
 * n9MV8JKX4oBqsxh2f8n1Vd9j6Qw7VRuXTyT5vFmxYgqodt5bwyrY beta  @10.0.0.12:51237
 * </pre>
 *
 * <p>{@code [cluster] media_driver} chooses the Aeron media driver: {@code embedded} (one inside this process,
 * its files under the node store or in {@code aeron_dir}) or {@code external} (one the operator runs, found
 * through {@code aeron_dir}, else Aeron's default directory).
 */
public final class ClusterSetup {
    private ClusterSetup() {
    }

    /**
     * The cluster this config describes, or empty when {@code [cluster_nodes]} is.
     *
     * @throws StartupException when an endpoint is malformed or the members do not make a cluster
     */
    public static Optional<ClusterConfig> fromConfig(NodeConfig config, KeyPair nodeKey) {
        if (config.clusterNodes().isEmpty()) {
            return Optional.empty();
        }
        if (config.nodeSeed().isEmpty()) {
            throw new StartupException("[cluster_nodes] needs [node_seed]: the other members know this server by "
                    + "its node key, which must not change");
        }
        ClusterSectionConfig section = config.clusterSection();
        ClusterConfig.Builder b = ClusterConfig.builder().nodeKey(nodeKey)
                .driverMode(section.externalDriver() ? DriverMode.EXTERNAL : DriverMode.EMBEDDED)
                .reportInterval(section.reportInterval()).staleAfter(section.staleAfter())
                .aeronDirectory(section.aeronDir().orElse(
                        section.externalDriver() ? null : config.nodeDb().path().resolve("aeron")));
        UdpEndpoint own = UdpEndpoint.parse("0.0.0.0", ClusterConfig.DEFAULT_PORT);
        String ownName = "";
        List<ClusterMember> members = new ArrayList<>();
        for (NodeKeyEntry e : config.clusterNodes()) {
            Line line = Line.parse(e);
            PublicKey key = PublicKey.of(e.publicKey());
            if (key.equals(nodeKey.publicKey())) {
                own = line.endpoint().orElse(own);
                ownName = line.name();
                continue;
            }
            members.add(new ClusterMember(key, line.name(), line.endpoint().orElseThrow(() -> new StartupException(
                    e.source() + ":" + e.line() + ": [cluster_nodes] " + e.token()
                            + " has no @host:port for its cluster endpoint"))));
        }
        try {
            return Optional.of(b.endpoint(own).name(ownName).members(members).build());
        } catch (IllegalArgumentException | IllegalStateException ex) {
            throw new StartupException("[cluster_nodes]: " + ex.getMessage());
        }
    }

    /** One {@code [cluster_nodes]} line's name and endpoint. */
    private record Line(String name, Optional<UdpEndpoint> endpoint) {
        static Line parse(NodeKeyEntry e) {
            List<String> name = new ArrayList<>();
            UdpEndpoint endpoint = null;
            for (String word : e.comment().strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (word.startsWith("@")) {
                    try {
                        endpoint = UdpEndpoint.parse(word.substring(1), ClusterConfig.DEFAULT_PORT);
                    } catch (IllegalArgumentException ex) {
                        throw new StartupException(e.source() + ":" + e.line() + ": [cluster_nodes] " + ex.getMessage());
                    }
                } else {
                    name.add(word);
                }
            }
            return new Line(String.join(" ", name), Optional.ofNullable(endpoint));
        }
    }
}
