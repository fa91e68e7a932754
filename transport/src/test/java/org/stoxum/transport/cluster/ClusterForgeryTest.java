package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.nio.file.Path;
import java.util.List;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.sbe.cluster.MessageHeaderEncoder;
import org.stoxum.codec.types.Hash256;

/** Frames that do not come from a member, as sent, are ignored and counted. */
class ClusterForgeryTest {
    private static final Hash256 TARGET = Hash256.fromHex("AB".repeat(32));

    @TempDir
    Path dir;
    private TestCluster cluster;
    /** A member alpha lists that never runs: the test holds its key, as an attacker with recordings would. */
    private final TestMember carol = new TestMember("carol", KeyPair.random(KeyType.SECP256K1),
            TestCluster.freeEndpoint());
    private MediaDriver driver;
    private Aeron aeron;

    @BeforeEach
    void start() {
        cluster = TestCluster.start(dir, b -> b.member(carol.asMember()), "alpha", "beta").awaitAllUp();
        driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(dir.resolve("aeron-forger").toString())
                .dirDeleteOnStart(true).dirDeleteOnShutdown(true)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
                .publicationTermBufferLength(TestCluster.TERM_LENGTH));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
    }

    @AfterEach
    void stop() {
        CloseHelper.closeAll(aeron, driver, cluster);
    }

    @Test
    void aServerThatIsNotAMemberIsIgnored() {
        TestMember alpha = cluster.get("alpha");
        TestMember mallory = new TestMember("mallory", KeyPair.random(KeyType.SECP256K1), TestCluster.freeEndpoint());
        try (mallory) {
            cluster.startMember(mallory, List.of(alpha), b -> b);  // mallory lists alpha; alpha does not list mallory
            mallory.cluster.publishVerdict(TARGET, true);
            mallory.cluster.relayTransaction(new byte[] {1, 2, 3}, false);
            Await.until("alpha refuses mallory's frames",
                    () -> alpha.cluster.count(ClusterCounter.REJECTED_UNKNOWN_SENDER) >= 3);
            assertEquals(Verdict.UNKNOWN, alpha.cluster.isVerified(TARGET));
            assertTrue(alpha.transactionsHeard.isEmpty());
            assertEquals(List.of("beta", "carol"), alpha.cluster.members().stream().map(MemberStatus::name).toList());
            assertEquals(MemberStatus.Status.STALE, mallory.statusOf(alpha).status(), "alpha never answers mallory");
        }
    }

    @Test
    void aMembersKeyWithABadSignatureIsRefused() {
        TestMember alpha = cluster.get("alpha");
        TestMember beta = cluster.get("beta");
        KeyPair mallory = KeyPair.random(KeyType.SECP256K1);
        FrameWriter writer = new FrameWriter(mallory, TestCluster.TERM_LENGTH / 8);
        writer.marks(List.of(new Outbox.Mark(TARGET, true)), 0);
        // Stamped ahead of beta's own frames, so that only the signature can give it away.
        int length = writer.seal(alpha.key.publicKey().toBytes(), 42, 1, System.currentTimeMillis() + 5_000);
        // Claim to be beta; the signature is mallory's.
        ((org.agrona.MutableDirectBuffer) writer.buffer()).putBytes(MessageHeaderEncoder.ENCODED_LENGTH,
                beta.key.publicKey().toBytes());
        send(alpha, writer, length);
        Await.until("alpha refuses the forged signature",
                () -> alpha.cluster.count(ClusterCounter.REJECTED_BAD_SIGNATURE) == 1);
        assertEquals(Verdict.UNKNOWN, alpha.cluster.isVerified(TARGET));
        assertEquals(MemberStatus.Status.UP, alpha.statusOf(beta).status(), "beta's own frames still count");
    }

    @Test
    void aReplayedFrameIsRefused() {
        TestMember alpha = cluster.get("alpha");
        // A frame carol really signed, sent twice, as an attacker replaying a recording would.
        FrameWriter writer = new FrameWriter(carol.key, TestCluster.TERM_LENGTH / 8);
        writer.marks(List.of(new Outbox.Mark(TARGET, false)), 0);
        int length = writer.seal(alpha.key.publicKey().toBytes(), 7, 1, System.currentTimeMillis());
        send(alpha, writer, length);
        Await.until("alpha takes the first copy", () -> alpha.cluster.isVerified(TARGET) == Verdict.BAD);
        send(alpha, writer, length);
        Await.until("alpha refuses the second", () -> alpha.cluster.count(ClusterCounter.REJECTED_REPLAYED) == 1);
    }

    @Test
    void aFrameForAnotherMemberIsRefused() {
        TestMember alpha = cluster.get("alpha");
        TestMember beta = cluster.get("beta");
        // carol's frame for beta, captured and sent to alpha.
        FrameWriter writer = new FrameWriter(carol.key, TestCluster.TERM_LENGTH / 8);
        writer.marks(List.of(new Outbox.Mark(TARGET, true)), 0);
        int length = writer.seal(beta.key.publicKey().toBytes(), 7, 1, System.currentTimeMillis());
        send(alpha, writer, length);
        Await.until("alpha refuses it", () -> alpha.cluster.count(ClusterCounter.REJECTED_MISADDRESSED) == 1);
        assertEquals(Verdict.UNKNOWN, alpha.cluster.isVerified(TARGET));
    }

    private void send(TestMember to, FrameWriter writer, int length) {
        ExclusivePublication pub = aeron.addExclusivePublication("aeron:udp?endpoint=" + to.endpoint
                + "|term-length=" + TestCluster.TERM_LENGTH, to.cluster.config().streamId());
        Await.until("the forger's link connects", pub::isConnected);
        Await.until("the frame is taken by Aeron", () -> pub.offer(writer.buffer(), 0, length) > 0);
    }
}
