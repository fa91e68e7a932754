package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;

/** Imported balances rise with each member's gossip and are always taken back. */
class ImportTableTest {
    private final PublicKey a = KeyPair.random(KeyType.SECP256K1).publicKey();
    private final PublicKey b = KeyPair.random(KeyType.SECP256K1).publicKey();
    private final ImportTable table = new ImportTable(Duration.ofSeconds(30));
    private final Map<String, Long> remote = new HashMap<>();
    private final ImportTable.BalanceSink sink = (address, delta) -> remote.merge(address, delta, Long::sum);

    private static LoadSource src(String address, long balance) {
        return new LoadSource(address, balance);
    }

    @Test
    void importsFromSeveralMembersAddUp() {
        table.replace(a, List.of(src("1.1.1.1", 6000)), 0, sink);
        table.replace(b, List.of(src("1.1.1.1", 10000), src("2.2.2.2", 1000)), 0, sink);
        assertEquals(Map.of("1.1.1.1", 16000L, "2.2.2.2", 1000L), remote);
    }

    @Test
    void aNewReportReplacesTheMembersPreviousOne() {
        table.replace(a, List.of(src("1.1.1.1", 6000), src("2.2.2.2", 2000)), 0, sink);
        table.replace(a, List.of(src("1.1.1.1", 7000), src("3.3.3.3", 1500)), 10_000, sink);
        assertEquals(Map.of("1.1.1.1", 7000L, "2.2.2.2", 0L, "3.3.3.3", 1500L), remote);
    }

    @Test
    void importsExpireThirtySecondsAfterTheyWereLastReported() {
        table.replace(a, List.of(src("1.1.1.1", 6000)), 0, sink);
        table.upsert(b, List.of(src("2.2.2.2", 20000)), 20_000, sink);
        table.expire(29_999, sink);
        assertEquals(6000, remote.get("1.1.1.1"));
        table.expire(30_000, sink);
        assertEquals(0, remote.get("1.1.1.1"));
        assertEquals(20000, remote.get("2.2.2.2"));
        table.upsert(b, List.of(src("2.2.2.2", 25000)), 40_000, sink);
        table.expire(50_000, sink);
        assertEquals(25000, remote.get("2.2.2.2"), "a push renews the import");
        table.expire(70_000, sink);
        assertEquals(0, remote.get("2.2.2.2"));
    }

    @Test
    void aPushAddsToTheMembersImportUntilItsNextReport() {
        table.replace(a, List.of(src("1.1.1.1", 6000)), 0, sink);
        table.upsert(a, List.of(src("9.9.9.9", 16000)), 1, sink);
        assertEquals(Map.of("1.1.1.1", 6000L, "9.9.9.9", 16000L), remote);
        table.replace(a, List.of(src("1.1.1.1", 6000)), 2, sink);
        assertEquals(0, remote.get("9.9.9.9"), "the report no longer lists it");
    }

    @Test
    void anAddressListedTwiceCountsBothBalances() {
        table.replace(a, List.of(src("1.1.1.1", 6000), src("1.1.1.1", 1000)), 0, sink);
        assertEquals(7000, remote.get("1.1.1.1"));
    }

    @Test
    void clearingTakesEverythingBack() {
        table.replace(a, List.of(src("1.1.1.1", 6000)), 0, sink);
        table.upsert(b, List.of(src("1.1.1.1", 9000)), 0, sink);
        table.clear(sink);
        assertEquals(Map.of("1.1.1.1", 0L), remote);
        table.expire(100_000, sink);
        assertEquals(Map.of("1.1.1.1", 0L), remote, "nothing is taken back twice");
    }
}
