package org.stoxum.transport.peer.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.types.Hash256;

class HashRouterTest {
    private long now;
    private final HashRouter router = new HashRouter(() -> now, Duration.ofSeconds(300));
    private final Hash256 tx = Hash256.fromHex("AB".repeat(32));

    @Test
    void aTransactionIsProcessedOncePerTenSeconds() {
        assertTrue(router.shouldProcess(tx, 1, HashRouter.TRANSACTION_INTERVAL));
        assertFalse(router.shouldProcess(tx, 2, HashRouter.TRANSACTION_INTERVAL));
        now += Duration.ofSeconds(9).toNanos();
        assertFalse(router.shouldProcess(tx, 3, HashRouter.TRANSACTION_INTERVAL));
        now += Duration.ofSeconds(1).toNanos();
        assertTrue(router.shouldProcess(tx, 3, HashRouter.TRANSACTION_INTERVAL));
    }

    @Test
    void relaysSkipTheSendersAndHappenOncePerHoldTime() {
        assertTrue(router.addSuppressionPeer(tx, 1));
        assertFalse(router.addSuppressionPeer(tx, 2));
        router.addSuppressionPeer(tx, 0);
        assertEquals(Optional.of(Set.of(1L, 2L)), router.shouldRelay(tx));
        assertEquals(Optional.empty(), router.shouldRelay(tx));
        router.addSuppressionPeer(tx, 5);
        now += Duration.ofSeconds(300).toNanos();
        assertEquals(Optional.of(Set.of(5L)), router.shouldRelay(tx));
    }

    @Test
    void entriesAreForgottenOldestFirstAndATouchKeepsOneAlive() {
        Hash256 early = Hash256.fromHex("01".repeat(32));
        Hash256 touchedAgain = Hash256.fromHex("02".repeat(32));
        router.setFlags(early, HashRouter.FLAG_BAD);
        router.setFlags(touchedAgain, HashRouter.FLAG_SIGGOOD);
        for (int i = 0; i < 5_000; i++) {
            now += Duration.ofMillis(50).toNanos();
            byte[] k = new byte[Hash256.LENGTH];
            k[0] = (byte) 0x80;
            k[30] = (byte) (i >> 8);
            k[31] = (byte) i;
            router.addSuppressionPeer(Hash256.wrap(k), 7);
        }
        assertEquals(HashRouter.FLAG_SIGGOOD, router.getFlags(touchedAgain), "at 250 s: still held, and touched");
        now += Duration.ofSeconds(100).toNanos();
        assertEquals(0, router.getFlags(early), "untouched for 350 s: forgotten");
        assertEquals(HashRouter.FLAG_SIGGOOD, router.getFlags(touchedAgain), "touched 100 s ago: kept");
        assertTrue(router.size() < 5_000, "what expired is dropped, not kept until a sweep: " + router.size());
        now += Duration.ofSeconds(301).toNanos();
        router.getFlags(tx);
        assertEquals(1, router.size(), "after a whole hold time untouched, only the item just asked about");
    }

    @Test
    void flagsStickUntilTheEntryExpires() {
        assertTrue(router.setFlags(tx, HashRouter.FLAG_BAD));
        assertFalse(router.setFlags(tx, HashRouter.FLAG_BAD));
        assertEquals(HashRouter.FLAG_BAD, router.getFlags(tx));
        now += Duration.ofSeconds(301).toNanos();
        assertEquals(0, router.getFlags(tx));
    }
}
