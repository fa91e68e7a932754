package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.resource.Disposition;
import org.stoxum.transport.peer.resource.LocalPeerResources;
import org.stoxum.transport.peer.resource.PeerConsumer;
import org.stoxum.transport.resource.ResourceLogic;

/**
 * Misbehaving peers are shared like API clients, as stoxumd's one resource manager gossips both: each member's
 * overlay charges a {@link LocalPeerResources} over the member's {@link ResourceLogic}, whose drops the cluster
 * pushes and whose heavy addresses it reports, and whose remote balances it feeds.
 */
class ClusterPeerResourcesTest {
    @TempDir
    Path dir;

    @Test
    void aPeerDroppedAtOneMemberIsRefusedAtTheOther() throws Exception {
        InetAddress abuser = InetAddress.getByName("203.0.113.77");
        TestCluster c = TestCluster.create(dir, "alpha", "beta");
        List<ResourceLogic> logics = new ArrayList<>();
        List<Cluster> clusters = new ArrayList<>();
        try {
            for (TestMember m : c.members) {
                ResourceLogic logic = new ResourceLogic();
                ClusterConfig.Builder b = TestCluster.baseConfig(m, dir).reportInterval(Duration.ofSeconds(5))
                        .staleAfter(Duration.ofSeconds(20));
                c.members.forEach(k -> b.member(k.asMember()));
                Cluster cluster = Cluster.start(b.build(), new ClusterListener() {
                    @Override
                    public void onRemoteBalance(String address, long delta) {
                        logic.addRemoteBalance(address, delta);
                    }
                }, () -> logic.exportConsumers().entrySet().stream()
                        .map(e -> new LoadSource(e.getKey(), e.getValue())).toList());
                logic.onDrop(cluster::publishCharge);
                logics.add(logic);
                clusters.add(cluster);
            }
            Await.until("links up", () -> clusters.stream().allMatch(
                    x -> x.count(ClusterCounter.FRAMES_ACCEPTED) >= 1));
            LocalPeerResources alpha = new LocalPeerResources(logics.get(0));
            LocalPeerResources beta = new LocalPeerResources(logics.get(1));
            assertFalse(beta.newInboundEndpoint(new InetSocketAddress(abuser, 40001)).disconnect());

            PeerConsumer atAlpha = alpha.newInboundEndpoint(new InetSocketAddress(abuser, 40000));
            Disposition d = Disposition.OK;
            while (d != Disposition.DROP) {
                d = atAlpha.charge(Charge.INVALID_SIGNATURE);
            }
            assertTrue(atAlpha.disconnect(), "alpha drops the peer");

            Await.until("beta imports alpha's charge", () -> logics.get(1).remoteBalance(abuser.getHostAddress())
                    >= ResourceLogic.DROP_THRESHOLD);
            assertTrue(beta.newInboundEndpoint(new InetSocketAddress(abuser, 40002)).disconnect(),
                    "beta refuses the peer's first connection");
            assertEquals(0, beta.inboundBalance(InetAddress.getByName("203.0.113.78")), "others are unaffected");
            assertFalse(beta.newInboundEndpoint(new InetSocketAddress(InetAddress.getByName("203.0.113.78"), 1))
                    .disconnect());
        } finally {
            clusters.forEach(Cluster::close);
        }
    }
}
