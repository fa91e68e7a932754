package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.types.Hash256;

/** Members come and go: the others notice, show it in {@code peers}, and keep working. */
class ClusterMembershipTest {
    @TempDir
    Path dir;

    @Test
    void membersShowNameStatusLoadAndAge() {
        try (TestCluster c = TestCluster.start(dir, "alpha", "beta", "gamma").awaitAllUp()) {
            TestMember alpha = c.get("alpha");
            List<MemberStatus> seen = alpha.cluster.members();
            assertEquals(List.of("beta", "gamma"), seen.stream().map(MemberStatus::name).toList());
            for (MemberStatus m : seen) {
                assertEquals(MemberStatus.Status.UP, m.status());
                assertEquals(Cluster.NORMAL_FEE, m.loadFee());
                assertTrue(m.reportAge().orElseThrow().compareTo(TestCluster.STALE_AFTER) < 0);
            }
            assertEquals(c.get("beta").endpoint.toString(), seen.get(0).address());
        }
    }

    @Test
    void aMemberMayUseAnExternalMediaDriver() {
        Path external = dir.resolve("external-driver");
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(external.toString())
                .dirDeleteOnStart(true).dirDeleteOnShutdown(true)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new SleepingMillisIdleStrategy(1)));
             TestCluster c = TestCluster.create(dir, "alpha", "beta")) {
            c.startMember(c.get("alpha"), c.members, UnaryOperator.identity());
            c.startMember(c.get("beta"), c.members, b -> b.driverMode(DriverMode.EXTERNAL).aeronDirectory(external));
            c.awaitAllUp();
            Hash256 id = Hash256.fromHex("33".repeat(32));
            c.get("beta").cluster.publishVerdict(id, true);
            Await.until("alpha hears beta", () -> c.get("alpha").cluster.isVerified(id) == Verdict.GOOD);
            c.get("beta").close();
            assertTrue(Files.exists(external.resolve("cnc.dat")), "the external driver outlives the member");
        }
    }

    @Test
    void aStoppedMemberGoesStaleAndTheOthersCarryOn() {
        try (TestCluster c = TestCluster.start(dir, "alpha", "beta", "gamma").awaitAllUp()) {
            TestMember alpha = c.get("alpha");
            TestMember beta = c.get("beta");
            TestMember gamma = c.get("gamma");
            gamma.close();
            for (TestMember m : List.of(alpha, beta)) {
                Await.until(m + " reports gamma stale", () -> m.statusOf(gamma).status() == MemberStatus.Status.STALE);
            }
            assertTrue(alpha.statusOf(gamma).reportAge().orElseThrow().compareTo(TestCluster.STALE_AFTER) > 0);
            assertEquals(MemberStatus.Status.UP, alpha.statusOf(beta).status());
            assertEquals(MemberStatus.Status.UP, beta.statusOf(alpha).status());

            Hash256 id = Hash256.fromHex("11".repeat(32));
            alpha.cluster.publishVerdict(id, true);
            byte[] tx = {0x12, 0x00, 0x00, 0x22, 1, 2, 3};
            byte[] held = {0x12, 0x00, 0x00, 0x22, 4, 5};
            alpha.cluster.relayTransaction(tx, false);
            alpha.cluster.relayTransaction(held, true);
            Await.until("beta still hears verdicts", () -> beta.cluster.isVerified(id) == Verdict.GOOD);
            Await.until("beta still gets relayed transactions", () -> beta.transactionsHeard.size() == 2);
            assertArrayEquals(tx, beta.transactionsHeard.get(0));
            assertEquals(List.of(false, true), beta.deferredHeard, "applied, then held: the flag arrives");
        }
    }

    @Test
    void aRestartedMemberIsTakenBackInItsNewSession() {
        UnaryOperator<ClusterConfig.Builder> same = UnaryOperator.identity();
        try (TestCluster c = TestCluster.start(dir, "alpha", "beta", "gamma").awaitAllUp()) {
            TestMember alpha = c.get("alpha");
            TestMember gamma = c.get("gamma");
            gamma.close();
            Await.until("gamma stale", () -> alpha.statusOf(gamma).status() == MemberStatus.Status.STALE);
            TestMember again = new TestMember("gamma", gamma.key, gamma.endpoint);
            c.members.set(c.members.indexOf(gamma), again);
            c.startMember(again, c.members, same);
            Await.until("alpha sees gamma up again", () -> alpha.statusOf(again).status() == MemberStatus.Status.UP);
            Await.until("gamma hears alpha at once", () -> again.statusOf(alpha).status() == MemberStatus.Status.UP);
            Hash256 id = Hash256.fromHex("22".repeat(32));
            again.cluster.publishVerdict(id, false);
            Await.until("alpha takes gamma's frames", () -> alpha.cluster.isVerified(id) == Verdict.BAD);
            assertEquals(0, alpha.cluster.count(ClusterCounter.REJECTED_REPLAYED));
        }
    }

    @Test
    void transactionsAreRelayedToEveryMemberWhateverTheirLoad() {
        try (TestCluster c = TestCluster.start(dir, b -> b.staleAfter(Duration.ofSeconds(20)),
                "alpha", "beta", "gamma").awaitAllUp()) {
            TestMember alpha = c.get("alpha");
            c.get("beta").cluster.reportLoad(256 * 1000);
            int count = 300;
            for (int i = 0; i < count; i++) {
                byte[] tx = new byte[100 + i];
                tx[0] = (byte) i;
                assertTrue(alpha.cluster.relayTransaction(tx, false));
            }
            for (TestMember m : List.of(c.get("beta"), c.get("gamma"))) {
                Await.until(m + " gets every transaction", () -> m.transactionsHeard.size() == count,
                        () -> m.transactionsHeard.size() + " of " + count + "; " + alpha.counters() + " " + m.counters());
                for (int i = 0; i < count; i++) {
                    assertEquals(100 + i, m.transactionsHeard.get(i).length, "in order");
                }
            }
            assertTrue(alpha.transactionsHeard.isEmpty());
            int tooLong = FrameWriter.maxTransactionLength(alpha.cluster.config().maxFrameLength()) + 1;
            assertEquals(false, alpha.cluster.relayTransaction(new byte[tooLong], false));
            assertEquals(1, alpha.cluster.count(ClusterCounter.COMMANDS_REFUSED));
        }
    }
}
