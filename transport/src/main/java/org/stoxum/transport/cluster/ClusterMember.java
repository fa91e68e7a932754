package org.stoxum.transport.cluster;

import java.util.Objects;
import org.stoxum.codec.crypto.PublicKey;

/**
 * Another server of our cluster: its node key (as {@code [cluster_nodes]} lists it), the name written after
 * the key (possibly empty), and where its cluster subscription listens.
 */
public record ClusterMember(PublicKey publicKey, String name, UdpEndpoint endpoint) {
    public ClusterMember {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(endpoint, "endpoint");
        name = name == null ? "" : name.strip();
    }
}
