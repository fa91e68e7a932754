package org.stoxum.transport.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;

/**
 * Members on 127.0.0.1 in this JVM, each with its own embedded media driver and Aeron directory, on free
 * UDP ports, with intervals short enough for tests. Closing it closes every member.
 */
final class TestCluster implements AutoCloseable {
    /** Short report interval and stale limit so that tests see reports and staleness quickly. */
    static final Duration REPORT_INTERVAL = Duration.ofMillis(100);
    static final Duration STALE_AFTER = Duration.ofMillis(1_500);
    static final int TERM_LENGTH = 64 * 1024;

    final List<TestMember> members = new ArrayList<>();
    private final Path dir;

    private TestCluster(Path dir) {
        this.dir = dir;
    }

    /** {@code names.length} members that all know each other, started with the base test settings. */
    static TestCluster start(Path dir, String... names) {
        return start(dir, UnaryOperator.identity(), names);
    }

    static TestCluster start(Path dir, UnaryOperator<ClusterConfig.Builder> tweak, String... names) {
        TestCluster c = create(dir, names);
        try {
            for (TestMember m : c.members) {
                c.startMember(m, c.members, tweak);
            }
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Members with fresh keys and ports, none started yet. */
    static TestCluster create(Path dir, String... names) {
        TestCluster c = new TestCluster(dir);
        for (String n : names) {
            c.members.add(new TestMember(n, KeyPair.random(KeyType.SECP256K1), freeEndpoint()));
        }
        return c;
    }

    /** Starts {@code m} knowing {@code known} (minus itself) as its cluster. */
    void startMember(TestMember m, List<TestMember> known, UnaryOperator<ClusterConfig.Builder> tweak) {
        ClusterConfig.Builder b = baseConfig(m, dir);
        known.forEach(k -> b.member(k.asMember()));
        m.cluster = Cluster.start(tweak.apply(b).build(), m, m.resources::export);
    }

    static ClusterConfig.Builder baseConfig(TestMember m, Path dir) {
        return ClusterConfig.builder()
                .nodeKey(m.key)
                .name(m.name)
                .endpoint(m.endpoint)
                .aeronDirectory(dir.resolve("aeron-" + m.name))
                .termLength(TERM_LENGTH)
                .reportInterval(REPORT_INTERVAL)
                .staleAfter(STALE_AFTER)
                .batchInterval(Duration.ofMillis(5))
                .idleStrategy(() -> new SleepingMillisIdleStrategy(1));
    }

    TestMember get(String name) {
        return members.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /** Waits until every member has a fresh report from every other. */
    TestCluster awaitAllUp() {
        for (TestMember m : members) {
            for (TestMember other : members) {
                if (m != other) {
                    Await.until(m + " sees " + other + " up",
                            () -> m.statusOf(other).status() == MemberStatus.Status.UP,
                            () -> m.cluster.members().toString());
                }
            }
        }
        return this;
    }

    static UdpEndpoint freeEndpoint() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return new UdpEndpoint("127.0.0.1", s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        members.forEach(TestMember::close);
    }
}
