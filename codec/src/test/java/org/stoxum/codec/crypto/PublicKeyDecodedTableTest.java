package org.stoxum.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code PublicKey} lends a decoded curve point between instances with the same bytes through a table of
 * recent keys indexed by hash. Two different keys that land in one slot must never borrow each other's
 * point: each verifies its own signatures and refuses the other's, whichever used the slot last.
 */
class PublicKeyDecodedTableTest {
    private static final byte[] MESSAGE = "decoded keys are lent only to equal keys".getBytes(StandardCharsets.UTF_8);
    /** The slot is the hash's low bits. */
    private static final int SLOTS = PublicKey.RECENT_SLOTS;

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void keysSharingASlotNeverBorrowEachOthersPoint(KeyType type) {
        KeyPair[] pair = collidingPair(type);
        KeyPair a = pair[0];
        KeyPair b = pair[1];
        byte[] sigA = a.sign(MESSAGE);
        byte[] sigB = b.sign(MESSAGE);
        for (int round = 0; round < 3; round++) {
            // Fresh instances each round, alternating which one fills the slot first.
            PublicKey first = PublicKey.of((round % 2 == 0 ? a : b).publicKey().toBytes());
            PublicKey second = PublicKey.of((round % 2 == 0 ? b : a).publicKey().toBytes());
            byte[] firstSig = round % 2 == 0 ? sigA : sigB;
            byte[] secondSig = round % 2 == 0 ? sigB : sigA;
            assertTrue(first.verify(MESSAGE, firstSig, true), "round " + round + ": the first key's own signature");
            assertTrue(second.verify(MESSAGE, secondSig, true), "round " + round + ": the second key's own signature");
            assertFalse(second.verify(MESSAGE, firstSig, true), "round " + round + ": the other key's signature");
            assertFalse(first.verify(MESSAGE, secondSig, true), "round " + round + ": the other key's signature");
            PublicKey again = PublicKey.of(first.toBytes());
            assertTrue(again.verify(MESSAGE, firstSig, true), "round " + round + ": an equal key after the other one");
        }
    }

    /** Two key pairs of {@code type} whose public keys fall into the same slot of the table. */
    private static KeyPair[] collidingPair(KeyType type) {
        Map<Integer, KeyPair> bySlot = new HashMap<>();
        for (int i = 0; i < 20 * SLOTS; i++) {
            KeyPair k = KeyPair.random(type);
            KeyPair other = bySlot.putIfAbsent(k.publicKey().hashCode() & (SLOTS - 1), k);
            if (other != null) {
                assertNotEquals(other.publicKey(), k.publicKey());
                return new KeyPair[] {other, k};
            }
        }
        throw new AssertionError("no two keys shared a slot");
    }
}
