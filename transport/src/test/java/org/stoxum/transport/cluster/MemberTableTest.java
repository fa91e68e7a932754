package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;

/** stoxumd's Cluster rules: newer reports only, names kept, and the cluster fee as the fresh median. */
class MemberTableTest {
    private static final long T = 1_000_000;
    private static final Duration STALE = Duration.ofSeconds(90);

    private final PublicKey self = key();
    private final PublicKey a = key();
    private final PublicKey b = key();
    private final PublicKey c = key();
    private final MemberTable table = new MemberTable(self, List.of(
            new ClusterMember(a, "alpha", new UdpEndpoint("10.0.0.1", 1)),
            new ClusterMember(b, "", new UdpEndpoint("10.0.0.2", 1)),
            new ClusterMember(c, "gamma", new UdpEndpoint("10.0.0.3", 1))), STALE);

    private static PublicKey key() {
        return KeyPair.random(KeyType.SECP256K1).publicKey();
    }

    @Test
    void aReportNotNewerThanTheOneHeldIsIgnored() {
        assertTrue(table.update(a, "", 300, T, "x"));
        assertFalse(table.update(a, "", 999, T, "x"));
        assertFalse(table.update(a, "", 999, T - 1, "x"));
        assertEquals(300, table.report(a).loadFee());
        assertTrue(table.update(a, "", 400, T + 1, ""));
        assertEquals(400, table.report(a).loadFee());
        assertEquals("x", table.report(a).address(), "an empty address keeps the one held");
    }

    @Test
    void strangersAreNotKept() {
        assertFalse(table.update(key(), "eve", 256, T, ""));
        assertEquals(0, table.clusterFee(T));
    }

    @Test
    void theConfiguredNameWinsElseTheReportedOne() {
        table.update(a, "calls itself a", 256, T, "");
        table.update(b, "beta", 256, T, "");
        table.update(b, "", 256, T + 1, "");
        List<MemberStatus> m = table.members(T + 1);
        assertEquals(List.of("alpha", "beta", "gamma"), m.stream().map(MemberStatus::name).toList());
    }

    @Test
    void statusAndAgeFollowTheLastReportTime() {
        table.update(a, "", 512, T, "10.0.0.1:51235");
        table.update(b, "", 256, T + 5_000, "");
        List<MemberStatus> m = table.members(T + 90_000);
        assertEquals(new MemberStatus(a, "alpha", MemberStatus.Status.UP, 512, Optional.of(Duration.ofSeconds(90)),
                "10.0.0.1:51235"), m.get(0));
        assertEquals(MemberStatus.Status.STALE, table.members(T + 90_001).get(0).status());
        assertEquals(Optional.of(Duration.ZERO), table.members(T).get(1).reportAge(), "a report from the future is age 0");
        assertEquals(new MemberStatus(c, "gamma", MemberStatus.Status.STALE, 0, Optional.empty(), ""), m.get(2));
        assertFalse(m.stream().anyMatch(s -> s.publicKey().equals(self)), "peers does not list ourselves");
    }

    @Test
    void theClusterFeeIsTheMedianOfTheOtherMembersFreshFees() {
        assertEquals(0, table.clusterFee(T), "nobody reported");
        table.update(self, "", 2560, T, "");
        assertEquals(0, table.clusterFee(T), "our own fee is not among them");
        table.update(a, "", 2560, T, "");
        assertEquals(2560, table.clusterFee(T), "one member: its fee");
        table.update(b, "", 256, T, "");
        assertEquals(2560, table.clusterFee(T), "two fees: the upper one, as stoxumd takes fees[size / 2]");
        table.update(c, "", 256, T, "");
        assertEquals(256, table.clusterFee(T), "256, 256, 2560: one spike of three others is outvoted");
        table.update(b, "", 0, T + 60_000, "");
        table.update(c, "", 1280, T + 60_000, "");
        assertEquals(1280, table.clusterFee(T + 100_000), "only the two fresh fees count: 0 and 1280");
    }

    @Test
    void othersReportsAreRelayedButNotOurOwn() {
        table.update(self, "", 256, T, "");
        table.update(c, "", 300, T, "");
        assertEquals(List.of(c), table.othersReports().stream().map(MemberTable.Report::key).toList());
    }
}
