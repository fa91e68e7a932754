package org.stoxum.storage.nodestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapException;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/**
 * The node index keys a node by the first 8 bytes of its hash; a second node whose hash shares them goes
 * to the overflow table under its whole hash. No two real hashes sharing 8 bytes can be made, so the
 * prefix is taken by a node indexed under a made-up hash with the same first 8 bytes: from the second
 * node's side that is exactly a collision.
 */
class GenerationTest {
    @TempDir
    Path dir;

    @Test
    void aNodeWhosePrefixIsTakenIsFoundThroughTheOverflowTable() {
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        map.put(key(0x10), new byte[] {1, 2, 3});
        map.put(key(0x20), new byte[] {4, 5, 6});
        SHAMapTreeNode occupant = map.root().peekChild(1);
        SHAMapTreeNode node = map.root().peekChild(2);
        Hash256 hash = node.hash();
        byte[] fake = hash.toBytes();
        Arrays.fill(fake, Generation.INDEX_KEY, fake.length, (byte) 0x5A);
        Hash256 prefixTaker = Hash256.wrap(fake);
        byte[] absent = hash.toBytes();
        Arrays.fill(absent, Generation.INDEX_KEY, absent.length, (byte) 0xA5);

        try (Env<byte[]> env = Env.create(SafeByteArrayProxy.INSTANCE).setMapSize(1L << 24).setMaxDbs(16)
                .open(dir.toFile(), EnvFlags.MDB_NOTLS)) {
            try (Txn<byte[]> txn = env.txnWrite()) {
                Generation gen = Generation.openSlots(env, txn).generation(txn, 1);
                gen.index(txn, prefixTaker, gen.append(txn, occupant.toWire()));
                gen.index(txn, hash, gen.append(txn, node.toWire()));
                gen.index(txn, hash, gen.append(txn, node.toWire())); // indexed again: no second entry
                txn.commit();
            }
            try (Txn<byte[]> txn = env.txnRead()) {
                Generation gen = Generation.openSlots(env, txn).generation(txn, 1);
                assertTrue(gen.contains(txn, hash), "the node behind a taken prefix is held");
                assertEquals(hash, gen.node(txn, hash, null).hash());
                assertEquals(Arrays.toString(node.toWire()), Arrays.toString(gen.node(txn, hash, null).toWire()));
                assertFalse(gen.contains(txn, Hash256.wrap(absent)), "a third hash with the prefix is not held");
                assertThrows(SHAMapException.class, () -> gen.node(txn, Hash256.wrap(absent), null),
                        "an absent node behind a taken prefix reads as damage, as documented");
                assertNull(gen.node(txn, occupant.hash(), null), "nothing is indexed under the occupant's own hash");
            }
        }
    }

    private static Hash256 key(int first) {
        byte[] k = new byte[Hash256.LENGTH];
        k[0] = (byte) first;
        k[31] = 1;
        return Hash256.wrap(k);
    }
}
