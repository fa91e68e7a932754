package org.stoxum.storage.shamap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.types.Hash256;

class SHAMapNodeIDTest {
    @Test
    void childIdsFillNibblesInOrder() {
        SHAMapNodeID a = SHAMapNodeID.ROOT.child(5);
        assertEquals(1, a.depth());
        assertEquals("50" + "00".repeat(31), a.id().toString());
        SHAMapNodeID b = a.child(0xA);
        assertEquals("5A" + "00".repeat(31), b.id().toString());
        assertEquals(Hex.encode(b.id().toBytes()) + "02", Hex.encode(b.toWire()));
        assertEquals(b, SHAMapNodeID.fromWire(b.toWire()));
        Hash256 key = Hash256.fromHex("5A3" + "F".repeat(61));
        assertEquals(3, b.selectBranch(key));
        assertEquals(b, SHAMapNodeID.of(key, 2));
    }

    @Test
    void malformedIdsAreRejected() {
        assertThrows(SHAMapException.class, () -> SHAMapNodeID.fromWire(new byte[32]));
        byte[] deep = new byte[33];
        deep[32] = 65;
        assertThrows(SHAMapException.class, () -> SHAMapNodeID.fromWire(deep));
        byte[] stray = new byte[33];
        stray[0] = 0x0F; // a second nibble at depth 1
        stray[32] = 1;
        assertThrows(SHAMapException.class, () -> SHAMapNodeID.fromWire(stray));
        assertThrows(SHAMapException.class, () -> SHAMapNodeID.of(Hash256.ZERO, 64).child(0));
    }

    @Property(tries = 20)
    void everyNodeIsFoundByItsId(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        t.edit(map, new TreeMap<>(), 150);
        check(map, map.root(), SHAMapNodeID.ROOT);
        assertNull(map.nodeAt(SHAMapNodeID.of(Hash256.fromHex("F".repeat(64)), 64)));
    }

    private static void check(SHAMap map, SHAMapTreeNode node, SHAMapNodeID id) {
        assertSame(node, map.nodeAt(id));
        assertEquals(id, SHAMapNodeID.fromWire(id.toWire()));
        if (node instanceof SHAMapLeafNode leaf) {
            assertEquals(id, SHAMapNodeID.of(leaf.key(), id.depth()));
        } else {
            SHAMapInnerNode inner = (SHAMapInnerNode) node;
            for (int i = 0; i < SHAMapInnerNode.BRANCHES; i++) {
                if (inner.child(i) != null) {
                    check(map, inner.child(i), id.child(i));
                } else {
                    assertNull(map.nodeAt(id.child(i)));
                }
            }
        }
    }
}
