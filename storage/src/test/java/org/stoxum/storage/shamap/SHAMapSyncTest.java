package org.stoxum.storage.shamap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMapSync.AddResult;
import org.stoxum.storage.shamap.SHAMapSync.MissingNode;
import org.stoxum.storage.shamap.SHAMapSync.WireNode;

/** Acquiring a tree node by node from a peer's answers, and the answers a serving node gives. */
class SHAMapSyncTest {
    private static final int SERVE_MAX = 8192;

    /** Every node of {@code map} in wire form, by hash: a subtree-closed store. */
    private static Map<Hash256, byte[]> store(SHAMap map) {
        Map<Hash256, byte[]> out = new HashMap<>();
        TreeWalk.nodes(map.root(), n -> out.put(n.hash(), n.toWire()));
        return out;
    }

    private static SHAMapNodeSource source(Map<Hash256, byte[]> store) {
        SHAMapNodeSource[] self = new SHAMapNodeSource[1];
        self[0] = h -> store.containsKey(h) ? SHAMapTreeNode.fromWire(store.get(h), h, self[0], 0) : null;
        return self[0];
    }

    private static SHAMap randomMap(long seed, int edits) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        t.edit(map, new TreeMap<>(), edits);
        return map.snapshot();
    }

    /** Runs missing/serve/add rounds until complete; returns how many rounds it took. */
    private static int syncRounds(SHAMapSync sync, SHAMap served, int depth) {
        int rounds = 0;
        if (!sync.hasRoot()) {
            assertEquals(AddResult.USEFUL, sync.addRoot(served.root().toWire()));
        }
        while (!sync.isComplete()) {
            List<MissingNode> missing = sync.missingNodes(256);
            assertFalse(missing.isEmpty(), "an incomplete map names what it misses");
            for (MissingNode m : missing) {
                assertEquals(m.hash(), served.nodeAt(m.id()).hash(), "the expected hash is the served node's");
                for (WireNode n : SHAMapSync.nodesAt(served, m.id(), depth, true, SERVE_MAX)) {
                    AddResult r = sync.addNode(n.id(), n.data());
                    assertTrue(r != AddResult.INVALID, "honest nodes are never invalid");
                }
            }
            assertTrue(++rounds < 200, "the sync makes progress");
        }
        return rounds;
    }

    @Property(tries = 40)
    void syncsARandomTreeIntoAnEmptyStore(@ForAll long seed) {
        SHAMap served = randomMap(seed, 400);
        SHAMapSync sync = SHAMapSync.acquire(SHAMapLeafType.ACCOUNT_STATE, served.hash(), null);
        syncRounds(sync, served, (int) Math.floorMod(seed, 3L));
        SHAMap got = sync.map();
        assertEquals(served.hash(), got.hash());
        assertEquals(RandomTrees.hex(RandomTrees.contents(served)), RandomTrees.hex(RandomTrees.contents(got)));
        assertEquals(store(served).size(), sync.nodesReceived(), "every node travelled exactly once");
    }

    @Property(tries = 30)
    void aSuccessorTreeFetchesOnlyWhatChanged(@ForAll long seed) {
        RandomTrees t = new RandomTrees(seed);
        SHAMap base = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        NavigableMap<Hash256, byte[]> model = new TreeMap<>();
        t.edit(base, model, 500);
        SHAMap parent = base.snapshot();
        SHAMap next = parent.mutableCopy();
        t.edit(next, model, 1 + t.random().nextInt(6));
        next = next.snapshot();

        Map<Hash256, byte[]> local = store(parent);
        long changed = store(next).keySet().stream().filter(h -> !local.containsKey(h)).count();
        SHAMapSync sync = SHAMapSync.acquire(SHAMapLeafType.ACCOUNT_STATE, next.hash(), source(local));
        if (local.containsKey(next.hash())) {
            assertTrue(sync.isComplete(), "an unchanged tree is complete from the local store");
            return;
        }
        while (!sync.isComplete()) {
            if (!sync.hasRoot()) {
                sync.addRoot(next.root().toWire());
            }
            for (MissingNode m : sync.missingNodes(256)) {
                assertFalse(local.containsKey(m.hash()), "a node held locally is never asked for");
                sync.addNode(m.id(), next.nodeAt(m.id()).toWire());
            }
        }
        assertEquals(changed, sync.nodesReceived(), "only the changed nodes travel");
        assertEquals(RandomTrees.referenceHash(model), sync.map().hash());
        assertEquals(RandomTrees.hex(model), RandomTrees.hex(RandomTrees.contents(sync.map())));
    }

    @Test
    void aTreeHeldLocallyIsCompleteAtOnce() {
        SHAMap map = randomMap(7, 200);
        SHAMapSync sync = SHAMapSync.acquire(SHAMapLeafType.ACCOUNT_STATE, map.hash(), source(store(map)));
        assertTrue(sync.isComplete());
        assertEquals(0, sync.nodesReceived());
        assertEquals(map.hash(), sync.map().hash());
    }

    @Test
    void theEmptyTreeNeedsNothing() {
        SHAMapSync sync = SHAMapSync.acquire(SHAMapLeafType.TRANSACTION_WITH_METADATA, Hash256.ZERO, null);
        assertTrue(sync.isComplete());
        assertEquals(Hash256.ZERO, sync.map().hash());
    }

    @Test
    void noMissingNodesAreNamedBeforeTheRoot() {
        SHAMap map = randomMap(3, 100);
        SHAMapSync sync = SHAMapSync.acquire(SHAMapLeafType.ACCOUNT_STATE, map.hash(), null);
        assertFalse(sync.hasRoot());
        assertTrue(sync.missingNodes(10).isEmpty());
        assertFalse(sync.isComplete());
        assertThrows(IllegalStateException.class, sync::map);
    }

    @Test
    void garbageWrongAndMisplacedNodesAreRejectedWithoutHarm() {
        SHAMap map = randomMap(11, 400);
        SHAMapSync sync = SHAMapSync.acquire(SHAMapLeafType.ACCOUNT_STATE, map.hash(), null);
        SHAMap other = randomMap(12, 400);

        assertEquals(AddResult.INVALID, sync.addRoot(other.root().toWire()), "another tree's root");
        assertEquals(AddResult.INVALID, sync.addRoot(new byte[0]));
        assertEquals(AddResult.INVALID, sync.addRoot(new byte[] {1, 2, 3, 2}));
        byte[] root = map.root().toWire();
        assertEquals(AddResult.INVALID, sync.addRoot(Arrays.copyOf(root, root.length - 5)), "truncated");
        assertEquals(AddResult.USEFUL, sync.addRoot(root));
        assertEquals(AddResult.DUPLICATE, sync.addRoot(root));

        List<MissingNode> before = sync.missingNodes(256);
        MissingNode first = before.get(0);
        byte[] good = map.nodeAt(first.id()).toWire();
        byte[] flipped = good.clone();
        flipped[0] ^= 1;
        assertEquals(AddResult.INVALID, sync.addNode(first.id(), flipped), "one bit off");
        assertEquals(AddResult.INVALID, sync.addNode(first.id(), Arrays.copyOf(good, good.length - 1)));
        assertEquals(AddResult.INVALID, sync.addNode(first.id(), new byte[] {9, 9, 9, 42}), "unknown type");
        MissingNode second = before.get(1);
        assertEquals(AddResult.INVALID, sync.addNode(first.id(), map.nodeAt(second.id()).toWire()),
                "a real node of the tree, at the wrong place");
        byte[] txLeaf = SHAMapLeafNode.of(first.hash(), new byte[] {1, 2, 3},
                SHAMapLeafType.TRANSACTION_WITH_METADATA).toWire();
        assertEquals(AddResult.INVALID, sync.addNode(first.id(), txLeaf), "a leaf of another kind of tree");
        int empty = emptyBranch(map.root());
        if (empty >= 0) {
            assertEquals(AddResult.INVALID, sync.addNode(SHAMapNodeID.ROOT.child(empty), good),
                    "a node under an empty branch");
        }
        assertEquals(before, sync.missingNodes(256), "rejected nodes change nothing");
        assertEquals(1, sync.nodesReceived());

        assertEquals(AddResult.USEFUL, sync.addNode(first.id(), good));
        assertEquals(AddResult.DUPLICATE, sync.addNode(first.id(), good));
        syncRounds(sync, map, 1);
        assertEquals(map.hash(), sync.map().hash());
    }

    private static int emptyBranch(SHAMapInnerNode node) {
        for (int b = 0; b < SHAMapInnerNode.BRANCHES; b++) {
            if (node.isEmptyBranch(b)) {
                return b;
            }
        }
        return -1;
    }

    @Test
    void servingFollowsRipplesDepthRulesAndCap() {
        SHAMap map = randomMap(21, 3000);
        List<WireNode> rootOnly = SHAMapSync.nodesAt(map, SHAMapNodeID.ROOT, 0, true, SERVE_MAX);
        assertEquals(1, rootOnly.size(), "depth 0 on a branching root: the node alone");
        assertEquals(SHAMapNodeID.ROOT, rootOnly.get(0).id());
        assertTrue(Arrays.equals(map.root().toWire(), rootOnly.get(0).data()));

        List<WireNode> one = SHAMapSync.nodesAt(map, SHAMapNodeID.ROOT, 1, true, SERVE_MAX);
        assertEquals(1 + map.root().branchCount(), one.size(), "depth 1: the node and its children");
        for (WireNode n : one) {
            assertTrue(Arrays.equals(map.nodeAt(n.id()).toWire(), n.data()), "each node is the one at its ID");
        }
        List<WireNode> two = SHAMapSync.nodesAt(map, SHAMapNodeID.ROOT, 2, true, SERVE_MAX);
        assertTrue(two.size() > one.size());
        List<WireNode> capped = SHAMapSync.nodesAt(map, SHAMapNodeID.ROOT, 3, true, 10);
        assertEquals(10, capped.size());

        SHAMapNodeID absent = SHAMapNodeID.ROOT.child(emptyBranchOrZero(map)).child(0).child(0).child(0);
        if (map.nodeAt(absent) == null) {
            assertTrue(SHAMapSync.nodesAt(map, absent, 1, true, SERVE_MAX).isEmpty());
        }
        SHAMap empty = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        assertTrue(SHAMapSync.nodesAt(empty, SHAMapNodeID.ROOT, 1, true, SERVE_MAX).isEmpty(), "empty root");
    }

    private static int emptyBranchOrZero(SHAMap map) {
        int b = emptyBranch(map.root());
        return b < 0 ? 0 : b;
    }

    @Test
    void thinLeavesLeaveOutLeafChildren() {
        SHAMap map = randomMap(5, 40);
        List<WireNode> fat = SHAMapSync.nodesAt(map, SHAMapNodeID.ROOT, 1, true, SERVE_MAX);
        List<WireNode> thin = SHAMapSync.nodesAt(map, SHAMapNodeID.ROOT, 1, false, SERVE_MAX);
        long leafChildren = fat.stream().skip(1).filter(n -> map.nodeAt(n.id()).isLeaf()).count();
        assertEquals(fat.size() - leafChildren, thin.size());
    }

    @Test
    void aServerMissingPartOfItsTreeAnswersWhatItHas() {
        SHAMap map = randomMap(9, 400);
        Map<Hash256, byte[]> partial = store(map);
        SHAMapInnerNode root = map.root();
        int b = 0;
        while (root.isEmptyBranch(b)) {
            b++;
        }
        partial.remove(root.childHash(b));
        SHAMap holey = SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, map.hash(), source(partial));
        List<WireNode> got = SHAMapSync.nodesAt(holey, SHAMapNodeID.ROOT, 1, true, SERVE_MAX);
        assertEquals(1, got.size(), "the root, then the gap stops the walk");
    }
}
