package org.stoxum.storage.shamap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.stoxum.codec.Hex;
import org.stoxum.codec.types.Hash256;

/** Randomized checks of the tree against a sorted-map model and a from-scratch hash. */
class SHAMapPropertiesTest {

    @Property(tries = 60)
    void editsHashLikeTheFinalSetBuiltInAnyOrder(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        NavigableMap<Hash256, byte[]> model = new TreeMap<>();
        t.edit(map, model, 300);

        assertEquals(RandomTrees.referenceHash(model), map.hash());
        assertEquals(map.hash(), RandomTrees.build(model, t.random()).hash());
        assertEquals(RandomTrees.hex(model), RandomTrees.hex(RandomTrees.contents(map)));
        for (Map.Entry<Hash256, byte[]> e : model.entrySet()) {
            assertEquals(Hex.encode(e.getValue()), Hex.encode(map.get(e.getKey()).data()));
        }
    }

    @Property(tries = 40)
    void deletingEverythingLeavesTheEmptyTree(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        NavigableMap<Hash256, byte[]> model = new TreeMap<>();
        t.edit(map, model, 100);
        map.hash();
        for (Hash256 k : new ArrayList<>(model.keySet())) {
            assertTrue(map.delete(k));
        }
        assertEquals(Hash256.ZERO, map.hash());
        assertEquals(0, map.root().branchCount(), "no inner node is left behind");
    }

    @Property(tries = 30)
    void snapshotsStayUnchangedWhileCopiesChange(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        NavigableMap<Hash256, byte[]> model = new TreeMap<>();
        List<SHAMap> snapshots = new ArrayList<>();
        List<NavigableMap<Hash256, byte[]>> models = new ArrayList<>();
        List<SHAMap> copies = new ArrayList<>();
        List<NavigableMap<Hash256, byte[]>> copyModels = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            t.edit(map, model, 60);
            if (t.random().nextBoolean()) {
                map.hash();
            }
            SHAMap snap = map.snapshot();
            snapshots.add(snap);
            models.add(new TreeMap<>(model));
            copies.add(snap.mutableCopy());
            copyModels.add(new TreeMap<>(model));
            for (int i = 0; i < copies.size(); i++) {
                t.edit(copies.get(i), copyModels.get(i), 20);
            }
        }
        assertThrows(IllegalStateException.class, () -> snapshots.get(0).put(t.key(), t.data()));
        for (int i = 0; i < snapshots.size(); i++) {
            assertEquals(RandomTrees.hex(models.get(i)), RandomTrees.hex(RandomTrees.contents(snapshots.get(i))));
            assertEquals(RandomTrees.referenceHash(models.get(i)), snapshots.get(i).hash());
            assertEquals(RandomTrees.referenceHash(copyModels.get(i)), copies.get(i).hash());
            assertEquals(RandomTrees.hex(copyModels.get(i)), RandomTrees.hex(RandomTrees.contents(copies.get(i))));
        }
        assertEquals(RandomTrees.referenceHash(model), map.hash());
    }

    @Property(tries = 40)
    void mutableCopyOfAMutableMapIsIndependent(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap a = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        NavigableMap<Hash256, byte[]> modelA = new TreeMap<>();
        t.edit(a, modelA, 80);
        SHAMap b = a.mutableCopy();
        NavigableMap<Hash256, byte[]> modelB = new TreeMap<>(modelA);
        t.edit(a, modelA, 40);
        t.edit(b, modelB, 40);
        assertEquals(RandomTrees.referenceHash(modelA), a.hash());
        assertEquals(RandomTrees.referenceHash(modelB), b.hash());
    }

    @Property(tries = 40)
    void successorAndPredecessorMatchTheSortedModel(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        NavigableMap<Hash256, byte[]> model = new TreeMap<>();
        t.edit(map, model, 150);
        List<Hash256> probes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            probes.add(t.key());
        }
        probes.addAll(model.keySet());
        probes.add(Hash256.ZERO);
        probes.add(Hash256.fromHex("F".repeat(64)));
        SHAMap snap = map.snapshot();
        for (Hash256 p : probes) {
            SHAMapItem next = snap.successor(p);
            SHAMapItem prev = snap.predecessor(p);
            assertEquals(model.higherKey(p), next == null ? null : next.key(), "successor of " + p);
            assertEquals(model.lowerKey(p), prev == null ? null : prev.key(), "predecessor of " + p);
        }
    }

    @Property(tries = 40)
    void diffListsExactlyTheChangedKeys(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap base = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        NavigableMap<Hash256, byte[]> baseModel = new TreeMap<>();
        t.edit(base, baseModel, 120);
        SHAMap left = base.snapshot().mutableCopy();
        SHAMap right = base.snapshot().mutableCopy();
        NavigableMap<Hash256, byte[]> leftModel = new TreeMap<>(baseModel);
        NavigableMap<Hash256, byte[]> rightModel = new TreeMap<>(baseModel);
        t.edit(left, leftModel, 30);
        t.edit(right, rightModel, 30);

        Map<Hash256, String> expected = expectedDiff(leftModel, rightModel);
        assertEquals(expected, describe(left.diff(right)));
        // Same content without shared nodes: the walk must reach the same answer by hashes alone.
        SHAMap unsharedRight = RandomTrees.build(rightModel, t.random());
        assertEquals(expected, describe(left.diff(unsharedRight)));
        assertTrue(left.diff(left.snapshot()).isEmpty());
    }

    @Property(tries = 20)
    void diffOfStoredTreesLoadsOnlyWhatDiffers(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap base = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        t.edit(base, new TreeMap<>(), 400);
        SHAMap changed = base.snapshot().mutableCopy();
        Hash256 key = t.key();
        changed.put(key, t.data());
        Map<Hash256, byte[]> store = new HashMap<>();
        for (SHAMap m : new SHAMap[] {base, changed}) {
            TreeWalk.nodes(m.root(), node -> store.put(node.hash(), node.toWire()));
        }
        int[] loads = {0};
        SHAMapNodeSource[] source = new SHAMapNodeSource[1];
        source[0] = h -> {
            loads[0]++;
            return store.containsKey(h) ? SHAMapTreeNode.fromWire(store.get(h), h, source[0], 0) : null;
        };
        List<SHAMapDifference> diff = SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, base.hash(), source[0])
                .diff(SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, changed.hash(), source[0]));
        assertEquals(1, diff.size());
        assertEquals(key, diff.get(0).key());
        // The two paths to the key, plus at most the few leaves a split puts under the new inner node.
        int paths = pathLength(base, key) + pathLength(changed, key);
        assertTrue(loads[0] <= paths + 2, "nodes loaded: " + loads[0] + " for paths of " + paths);
    }

    private static int pathLength(SHAMap map, Hash256 key) {
        int n = 1;
        SHAMapTreeNode node = map.root();
        for (int depth = 0; node instanceof SHAMapInnerNode inner; depth++) {
            node = inner.child(key.nibble(depth));
            if (node != null) {
                n++;
            }
        }
        return n;
    }

    private static Map<Hash256, String> expectedDiff(Map<Hash256, byte[]> before, Map<Hash256, byte[]> after) {
        Map<Hash256, String> out = new TreeMap<>();
        Map<Hash256, String> b = RandomTrees.hex(before);
        Map<Hash256, String> a = RandomTrees.hex(after);
        for (Hash256 k : b.keySet()) {
            if (!a.containsKey(k)) {
                out.put(k, "removed " + b.get(k));
            } else if (!a.get(k).equals(b.get(k))) {
                out.put(k, "modified " + b.get(k) + " -> " + a.get(k));
            }
        }
        for (Hash256 k : a.keySet()) {
            if (!b.containsKey(k)) {
                out.put(k, "added " + a.get(k));
            }
        }
        return out;
    }

    private static Map<Hash256, String> describe(List<SHAMapDifference> diff) {
        Map<Hash256, String> out = new TreeMap<>();
        Hash256 previous = null;
        for (SHAMapDifference d : diff) {
            assertTrue(previous == null || previous.compareTo(d.key()) < 0, "diff in key order");
            previous = d.key();
            String text = d.isAdded() ? "added " + Hex.encode(d.after().data())
                    : d.isRemoved() ? "removed " + Hex.encode(d.before().data())
                    : "modified " + Hex.encode(d.before().data()) + " -> " + Hex.encode(d.after().data());
            out.put(d.key(), text);
        }
        return out;
    }

    @Property(tries = 30)
    void nodesRoundTripInBothFormsAndTreesReloadFromThem(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        NavigableMap<Hash256, byte[]> model = new TreeMap<>();
        t.edit(map, model, 200);
        Map<Hash256, byte[]> wireStore = new HashMap<>();
        Map<Hash256, byte[]> prefixStore = new HashMap<>();
        TreeWalk.nodes(map.root(), node -> {
            byte[] wire = node.toWire();
            byte[] prefixed = node.toPrefixed();
            SHAMapTreeNode a = SHAMapTreeNode.fromWire(wire, node.hash());
            SHAMapTreeNode b = SHAMapTreeNode.fromPrefixed(prefixed, node.hash());
            assertEquals(Hex.encode(wire), Hex.encode(a.toWire()));
            assertEquals(Hex.encode(prefixed), Hex.encode(b.toPrefixed()));
            assertEquals(Hex.encode(wire), Hex.encode(b.toWire()));
            wireStore.put(node.hash(), wire);
            prefixStore.put(node.hash(), prefixed);
        });
        SHAMapNodeSource[] sources = new SHAMapNodeSource[2];
        sources[0] = h -> wireStore.containsKey(h) ? SHAMapTreeNode.fromWire(wireStore.get(h), h, sources[0], 0) : null;
        sources[1] = h -> prefixStore.containsKey(h) ? SHAMapTreeNode.fromPrefixed(prefixStore.get(h), h, sources[1], 0) : null;
        for (SHAMapNodeSource source : sources) {
            SHAMap loaded = SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, map.hash(), source);
            assertEquals(map.hash(), loaded.hash());
            assertEquals(RandomTrees.hex(model), RandomTrees.hex(RandomTrees.contents(loaded)));
            // Copy-on-write over nodes that are loaded only when an edit reaches them.
            SHAMap fresh = SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, map.hash(), source).mutableCopy();
            NavigableMap<Hash256, byte[]> freshModel = new TreeMap<>(model);
            t.edit(fresh, freshModel, 40);
            assertEquals(RandomTrees.referenceHash(freshModel), fresh.hash());
        }
        Hash256 someKey = model.isEmpty() ? null : model.firstKey();
        if (someKey != null) {
            wireStore.remove(((SHAMapLeafNode) map.get(someKey)).hash());
            SHAMap partial = SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, map.hash(), sources[0]);
            assertThrows(SHAMapMissingNodeException.class, () -> partial.get(someKey));
        }
    }

    @Property(tries = 200)
    void damagedWireBytesNeverPassAsTheNode(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        t.edit(map, new TreeMap<>(), 40);
        List<SHAMapTreeNode> nodes = new ArrayList<>();
        TreeWalk.nodes(map.root(), nodes::add);
        SHAMapTreeNode node = nodes.get(t.random().nextInt(nodes.size()));
        byte[] wire = node.toWire();
        byte[] damaged = wire.clone();
        int at = t.random().nextInt(damaged.length);
        damaged[at] ^= (byte) (1 + t.random().nextInt(255));
        Hash256 hash = node.hash();
        assertThrows(SHAMapException.class, () -> SHAMapTreeNode.fromWire(damaged, hash));
        byte[] truncated = java.util.Arrays.copyOf(wire, t.random().nextInt(wire.length));
        assertThrows(SHAMapException.class, () -> SHAMapTreeNode.fromWire(truncated, hash));
    }

    @Property(tries = 20)
    void transactionSetsAreKeyedByTransactionId(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap set = SHAMap.empty(SHAMapLeafType.TRANSACTION_NO_METADATA);
        List<byte[]> txs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] tx = t.data();
            txs.add(tx);
            Hash256 id = SHAMapTreeNode.fromPrefixed(concat(new byte[] {'T', 'X', 'N', 0}, tx), null).hash();
            set.put(id, tx);
            SHAMapLeafNode leaf = (SHAMapLeafNode) set.get(id);
            assertEquals(id, leaf.hash(), "a transaction-set leaf hashes to its key");
            SHAMapTreeNode parsed = SHAMapTreeNode.fromWire(leaf.toWire(), id);
            assertEquals(id, ((SHAMapLeafNode) parsed).key());
        }
        assertThrows(IllegalArgumentException.class, () -> set.put(t.key(), t.data()));
        assertNotNull(set.get(SHAMapTreeNode.fromPrefixed(concat(new byte[] {'T', 'X', 'N', 0}, txs.get(0)), null).hash()));
        assertNotEquals(Hash256.ZERO, set.hash());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Property(tries = 10)
    void emptyTree(@ForAll long seed) {
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        RandomTrees t = new RandomTrees(seed);
        assertEquals(Hash256.ZERO, map.hash());
        assertNull(map.successor(Hash256.ZERO));
        assertNull(map.predecessor(t.key()));
        assertTrue(!map.iterator().hasNext());
        SHAMapTreeNode root = SHAMapTreeNode.fromWire(map.root().toWire(), Hash256.ZERO);
        assertEquals(Hash256.ZERO, root.hash());
        assertEquals(Hash256.ZERO, SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, Hash256.ZERO, h -> null).hash());
    }
}
