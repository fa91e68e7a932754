package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members share their load fees and the endpoints they charge. */
class ClusterLoadSharingTest {
    private static final String ABUSER = "203.0.113.9";
    private static final String SPLIT_ABUSER = "198.51.100.4";

    @TempDir
    Path dir;

    @Test
    void aClientDroppedAtOneMemberIsRefusedAtTheOthers() {
        // Reports every 100 ms could carry the balance too; a long interval shows the push alone does it.
        try (TestCluster c = TestCluster.start(dir, b -> b.reportInterval(Duration.ofSeconds(5))
                .staleAfter(Duration.ofSeconds(20)), "alpha", "beta", "gamma")) {
            TestMember alpha = c.get("alpha");
            TestMember beta = c.get("beta");
            TestMember gamma = c.get("gamma");
            Await.until("links up", () -> alpha.cluster.count(ClusterCounter.FRAMES_ACCEPTED) >= 2
                    && beta.cluster.count(ClusterCounter.FRAMES_ACCEPTED) >= 2
                    && gamma.cluster.count(ClusterCounter.FRAMES_ACCEPTED) >= 2);
            assertFalse(beta.resources.refuses(ABUSER));

            alpha.resources.charge(ABUSER, 16_000);
            assertTrue(alpha.resources.refuses(ABUSER));
            assertTrue(alpha.cluster.publishCharge(ABUSER, alpha.resources.balance(ABUSER)));

            for (TestMember other : new TestMember[] {beta, gamma}) {
                Await.until(other + " refuses the client alpha dropped", () -> other.resources.refuses(ABUSER));
                assertEquals(16_000, other.resources.remoteBalance(ABUSER));
            }
            assertEquals(0, alpha.resources.remoteBalance(ABUSER), "a member does not import its own charges");
        }
    }

    @Test
    void balancesAddUpAcrossMembersAndAreTakenBack() {
        try (TestCluster c = TestCluster.start(dir, b -> b.importExpiry(Duration.ofMillis(800)),
                "alpha", "beta", "gamma").awaitAllUp()) {
            TestMember alpha = c.get("alpha");
            TestMember beta = c.get("beta");
            TestMember gamma = c.get("gamma");
            // Each member alone stays under the drop threshold; the cluster as a whole does not.
            alpha.resources.charge(SPLIT_ABUSER, 6_000);
            beta.resources.charge(SPLIT_ABUSER, 10_000);
            gamma.resources.charge("192.0.2.1", 999);  // below the gossip minimum: never exported
            for (TestMember m : c.members) {
                Await.until(m + " refuses the client charged at two members",
                        () -> m.resources.refuses(SPLIT_ABUSER), () -> "balance " + m.resources.balance(SPLIT_ABUSER));
            }
            assertEquals(16_000, gamma.resources.remoteBalance(SPLIT_ABUSER));
            assertEquals(0, alpha.resources.remoteBalance("192.0.2.1"));

            // beta forgives the client: its next report no longer lists it, and the others take it back.
            beta.resources.forgive(SPLIT_ABUSER);
            Await.until("gamma takes back beta's share", () -> gamma.resources.remoteBalance(SPLIT_ABUSER) == 6_000);
            Await.until("alpha no longer refuses", () -> !alpha.resources.refuses(SPLIT_ABUSER));

            // alpha stops: its imports at the others expire; and it took back what it had imported.
            alpha.close();
            assertEquals(0, alpha.resources.remoteBalance(SPLIT_ABUSER), "closing takes imports back");
            Await.until("gamma's import from alpha expires", () -> gamma.resources.remoteBalance(SPLIT_ABUSER) == 0);
            Await.until("beta's import from alpha expires", () -> beta.resources.remoteBalance(SPLIT_ABUSER) == 0);
        }
    }

    @Test
    void aLoadSpikeAtOneMemberRaisesTheClusterFeeAtTheOthers() {
        try (TestCluster c = TestCluster.start(dir, "alpha", "beta", "gamma").awaitAllUp()) {
            TestMember alpha = c.get("alpha");
            TestMember beta = c.get("beta");
            TestMember gamma = c.get("gamma");
            for (TestMember m : c.members) {
                assertEquals(Cluster.NORMAL_FEE, m.cluster.clusterFee());
            }

            alpha.cluster.reportLoad(2560);
            alpha.cluster.reportNow();
            // beta's others are alpha (2560) and gamma (256): the upper median is alpha's.
            Await.until("beta's cluster fee follows alpha", () -> beta.cluster.clusterFee() == 2560,
                    () -> beta.cluster.members().toString());
            Await.until("gamma's too", () -> gamma.cluster.clusterFee() == 2560);
            assertEquals(256, alpha.cluster.clusterFee(), "alpha's others are unloaded");

            gamma.cluster.reportLoad(1280);
            gamma.cluster.reportNow();
            Await.until("alpha's cluster fee follows gamma", () -> alpha.cluster.clusterFee() == 1280);
            assertEquals(2560, beta.cluster.clusterFee(), "1280 and 2560: the upper one");

            // With gamma gone stale, beta's only fresh other is alpha.
            gamma.close();
            Await.until("alpha's cluster fee drops once gamma is stale", () -> alpha.cluster.clusterFee() == 256,
                    () -> alpha.cluster.members().toString());

            alpha.cluster.reportLoad(Cluster.NORMAL_FEE);
            alpha.cluster.reportNow();
            Await.until("the spike passes", () -> beta.cluster.clusterFee() == Cluster.NORMAL_FEE);
        }
    }
}
