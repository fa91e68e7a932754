package org.stoxum.storage.shamap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.stoxum.codec.types.Hash256;

/**
 * rippled's SHAMap: a 16-way radix tree over 256-bit keys whose root hash commits to every item, used
 * for a ledger's state and transactions and for consensus transaction sets.
 *
 * <p>A leaf sits at the shallowest depth where no other key shares its prefix, so the shape, and with
 * it the hash, depends only on the set of items, never on the order of changes.
 *
 * <p><b>Versions.</b> A map is either mutable or an immutable snapshot. {@link #snapshot()} and
 * {@link #mutableCopy()} take O(1): the trees share every node, and a mutable map copies a shared node
 * the first time it changes it (copy-on-write), so a change costs only the nodes on its path. Hashes are
 * computed on demand and cached per node; a change clears only the cached hashes on its path, so hashing
 * after a batch of N changes hashes each changed inner node once.
 *
 * <p><b>Threads.</b> A mutable map belongs to one thread. A snapshot can be read by many threads once
 * it has been handed over safely (through a queue, a volatile field or a lock).
 *
 * <p><b>Loading.</b> A map loaded from a {@link SHAMapNodeSource} starts with only its root; the rest
 * loads as walks reach it and stays attached to the tree. A walk that needs a node the source lacks
 * throws {@link SHAMapMissingNodeException}.
 */
public final class SHAMap implements Iterable<SHAMapItem> {
    /** Keys have 64 nibbles, so inner nodes sit at depths 0..63. */
    private static final int MAX_DEPTH = 64;
    /**
     * From this many changes since the last hash on, {@link #hash()} hashes the root's subtrees on
     * several threads; below it the hand-off costs more than it saves.
     */
    static final int PARALLEL_REHASH_CHANGES = 256;
    private static final AtomicLong COWIDS = new AtomicLong();

    private final SHAMapLeafType leafType;
    private SHAMapInnerNode root;
    /** The id marking nodes this map may change in place; 0 for a snapshot. */
    private long cowid;
    /** Puts and deletes since the root was last hashed: how much {@link #hash()} has to do. */
    private int changes;

    private SHAMap(SHAMapLeafType leafType, SHAMapInnerNode root, long cowid) {
        this.leafType = leafType;
        this.root = root;
        this.cowid = cowid;
    }

    private SHAMap(SHAMap from, long cowid) {
        this(from.leafType, from.root, cowid);
        this.changes = from.changes;
    }

    /** A new, empty, mutable map whose items are leaves of {@code leafType}. */
    public static SHAMap empty(SHAMapLeafType leafType) {
        long id = nextCowid();
        return new SHAMap(leafType, new SHAMapInnerNode(id), id);
    }

    /**
     * A snapshot of the stored tree with root {@code rootHash} (zero: the empty tree). Only the root is
     * loaded now.
     *
     * @throws SHAMapMissingNodeException if the source lacks the root
     * @throws SHAMapException if the root is not an inner node
     */
    public static SHAMap load(SHAMapLeafType leafType, Hash256 rootHash, SHAMapNodeSource source) {
        if (rootHash.isZero()) {
            return new SHAMap(leafType, new SHAMapInnerNode(0), 0);
        }
        SHAMapTreeNode node = source.fetchNode(rootHash);
        if (node == null) {
            throw new SHAMapMissingNodeException(rootHash);
        }
        if (!(node instanceof SHAMapInnerNode inner) || !inner.hash().equals(rootHash)) {
            throw new SHAMapException("node " + rootHash + " is not the inner node a root must be");
        }
        return new SHAMap(leafType, inner, 0);
    }

    private static long nextCowid() {
        return COWIDS.incrementAndGet();
    }

    public SHAMapLeafType leafType() {
        return leafType;
    }

    public boolean isMutable() {
        return cowid != 0;
    }

    /**
     * The root hash (zero for an empty map); hashes whatever changed since the last call. After many
     * changes the root's subtrees are hashed in parallel (on the common fork-join pool and this thread):
     * they share no node, and each thread hashes with its own digest.
     */
    public Hash256 hash() {
        if (changes >= PARALLEL_REHASH_CHANGES && !root.hasHash()) {
            List<SHAMapInnerNode> dirty = new ArrayList<>(SHAMapInnerNode.BRANCHES);
            for (int i = 0; i < SHAMapInnerNode.BRANCHES; i++) {
                if (root.peekChild(i) instanceof SHAMapInnerNode inner && !inner.hasHash()) {
                    dirty.add(inner);
                }
            }
            dirty.parallelStream().forEach(SHAMapTreeNode::hashBytes);
        }
        changes = 0;
        return root.hash();
    }

    /** The root node, for walks that serialize or store nodes. */
    public SHAMapInnerNode root() {
        return root;
    }

    /** An immutable view of the current content; this map stays mutable and copies what it changes next. */
    public SHAMap snapshot() {
        if (!isMutable()) {
            return this;
        }
        SHAMap snap = new SHAMap(this, 0);
        cowid = nextCowid();
        return snap;
    }

    /** A mutable map starting from the current content; neither map sees the other's later changes. */
    public SHAMap mutableCopy() {
        if (isMutable()) {
            cowid = nextCowid();
        }
        return new SHAMap(this, nextCowid());
    }

    /** The item with this key, or null. */
    public SHAMapItem get(Hash256 key) {
        SHAMapTreeNode node = root;
        int depth = 0;
        while (node instanceof SHAMapInnerNode inner) {
            node = inner.child(branch(key, depth++));
        }
        return node instanceof SHAMapLeafNode leaf && leaf.hasKey(key) ? leaf : null;
    }

    public boolean contains(Hash256 key) {
        return get(key) != null;
    }

    /**
     * Adds or replaces the item with this key (a copy of {@code data} is kept).
     *
     * @return true if the key was new
     * @throws IllegalArgumentException in a map of transactions without metadata, if {@code key} is not
     *     the transaction ID of {@code data}
     */
    public boolean put(Hash256 key, byte[] data) {
        requireMutable();
        SHAMapLeafNode leaf = SHAMapLeafNode.of(key, data, leafType);
        if (!leafType.keyed() && !leaf.hash().equals(key)) {
            throw new IllegalArgumentException("a transaction set is keyed by transaction ID; " + key
                    + " is not the ID of the data");
        }
        return insert(leaf);
    }

    /** As {@link #put(Hash256, byte[])}; an item of another map of the same kind is shared, not copied. */
    public boolean put(SHAMapItem item) {
        if (item instanceof SHAMapLeafNode leaf && leaf.type() == leafType) {
            requireMutable();
            return insert(leaf);
        }
        return put(item.key(), item.data());
    }

    private boolean insert(SHAMapLeafNode leaf) {
        changes++;
        Hash256 key = leaf.key();
        SHAMapInnerNode node = ownedRoot();
        for (int depth = 0; ; depth++) {
            int b = branch(key, depth);
            SHAMapTreeNode child = node.child(b);
            if (child == null) {
                node.children[b] = leaf;
                return true;
            }
            if (child instanceof SHAMapInnerNode inner) {
                node = owned(node, b, inner);
                continue;
            }
            SHAMapLeafNode existing = (SHAMapLeafNode) child;
            if (existing.hasKey(key)) {
                node.children[b] = leaf;
                return false;
            }
            // The two keys share depth+1 nibbles: chain inner nodes until they part.
            SHAMapInnerNode split = new SHAMapInnerNode(cowid);
            node.children[b] = split;
            int d = depth + 1;
            while (branch(existing, d) == branch(key, d)) {
                SHAMapInnerNode next = new SHAMapInnerNode(cowid);
                split.children[branch(key, d)] = next;
                split = next;
                d++;
            }
            split.children[branch(existing, d)] = existing;
            split.children[branch(key, d)] = leaf;
            return true;
        }
    }

    /**
     * Removes the item with this key, pulling a lone remaining leaf up to where it is unique again.
     *
     * @return true if it was present
     */
    public boolean delete(Hash256 key) {
        requireMutable();
        if (get(key) == null) {
            return false;
        }
        changes++;
        SHAMapInnerNode[] path = new SHAMapInnerNode[MAX_DEPTH];
        int[] branches = new int[MAX_DEPTH];
        SHAMapInnerNode node = ownedRoot();
        int depth = 0;
        while (true) {
            int b = branch(key, depth);
            path[depth] = node;
            branches[depth] = b;
            if (!(node.child(b) instanceof SHAMapInnerNode inner)) {
                node.children[b] = null;
                break;
            }
            node = owned(node, b, inner);
            depth++;
        }
        for (int d = depth; d > 0; d--) {
            SHAMapTreeNode replacement = collapsed(path[d]);
            if (replacement == path[d]) {
                break;
            }
            path[d - 1].children[branches[d - 1]] = replacement;
        }
        return true;
    }

    /** What stands in place of a non-root node that lost a descendant: nothing, its lone leaf, or itself. */
    private static SHAMapTreeNode collapsed(SHAMapInnerNode node) {
        int only = -1;
        for (int i = 0; i < SHAMapInnerNode.BRANCHES; i++) {
            if (node.children[i] != null) {
                if (only >= 0) {
                    return node;
                }
                only = i;
            }
        }
        if (only < 0) {
            return null;
        }
        SHAMapTreeNode child = node.child(only);
        return child.isLeaf() ? child : node;
    }

    /** The item with the smallest key greater than {@code key} (rippled's upper_bound), or null. */
    public SHAMapItem successor(Hash256 key) {
        return neighbour(key, true);
    }

    /** The item with the greatest key less than {@code key} (rippled's lower_bound), or null. */
    public SHAMapItem predecessor(Hash256 key) {
        return neighbour(key, false);
    }

    private SHAMapLeafNode neighbour(Hash256 key, boolean after) {
        SHAMapInnerNode[] path = new SHAMapInnerNode[MAX_DEPTH];
        int[] branches = new int[MAX_DEPTH];
        SHAMapInnerNode node = root;
        int depth = 0;
        SHAMapTreeNode child;
        while (true) {
            int b = branch(key, depth);
            path[depth] = node;
            branches[depth] = b;
            child = node.child(b);
            if (!(child instanceof SHAMapInnerNode inner)) {
                break;
            }
            node = inner;
            depth++;
        }
        if (child instanceof SHAMapLeafNode leaf) {
            int c = leaf.key().compareTo(key);
            if (after ? c > 0 : c < 0) {
                return leaf;
            }
        }
        // Everything under a later (earlier) branch of a node on the path is greater (smaller) than
        // key, and the deepest such branch holds the closest items.
        for (int d = depth; d >= 0; d--) {
            int step = after ? 1 : -1;
            for (int i = branches[d] + step; i >= 0 && i < SHAMapInnerNode.BRANCHES; i += step) {
                SHAMapTreeNode c = path[d].child(i);
                if (c != null) {
                    return edgeLeaf(c, after);
                }
            }
        }
        return null;
    }

    private static SHAMapLeafNode edgeLeaf(SHAMapTreeNode node, boolean smallest) {
        while (node instanceof SHAMapInnerNode inner) {
            SHAMapTreeNode next = null;
            for (int k = 0; k < SHAMapInnerNode.BRANCHES && next == null; k++) {
                next = inner.child(smallest ? k : SHAMapInnerNode.BRANCHES - 1 - k);
            }
            if (next == null) {
                throw new SHAMapException("empty inner node below the root");
            }
            node = next;
        }
        return (SHAMapLeafNode) node;
    }

    /**
     * The node at {@code id} (what a peer asking for that node ID gets), or null if the tree has no
     * node there.
     */
    public SHAMapTreeNode nodeAt(SHAMapNodeID id) {
        SHAMapTreeNode node = root;
        for (int depth = 0; depth < id.depth(); depth++) {
            if (!(node instanceof SHAMapInnerNode inner)) {
                return null;
            }
            node = inner.child(id.id().nibble(depth));
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The items in key order. Iterate a snapshot if the map may change meanwhile. */
    @Override
    public Iterator<SHAMapItem> iterator() {
        return new LeafIterator(root);
    }

    /**
     * Where this map and {@code other} disagree, in key order; {@code before} is this map's item.
     * Subtrees the two share (same node, or same hash) are skipped without being walked or loaded.
     */
    public List<SHAMapDifference> diff(SHAMap other) {
        Map<Hash256, SHAMapDifference> out = new TreeMap<>();
        diffNodes(root, other.root, out);
        return new ArrayList<>(out.values());
    }

    /** Both nodes loaded and non-null. */
    private static void diffNodes(SHAMapTreeNode ours, SHAMapTreeNode theirs, Map<Hash256, SHAMapDifference> out) {
        if (ours == theirs || Arrays.equals(ours.hashBytes(), theirs.hashBytes())) {
            return;
        }
        if (ours instanceof SHAMapInnerNode a && theirs instanceof SHAMapInnerNode b) {
            for (int i = 0; i < SHAMapInnerNode.BRANCHES; i++) {
                SHAMapTreeNode x = a.peekChild(i);
                SHAMapTreeNode y = b.peekChild(i);
                if (x == y || (x != null && y != null && Arrays.equals(x.hashBytes(), y.hashBytes()))) {
                    continue;
                }
                if (x == null) {
                    addAll(b.child(i), false, out);
                } else if (y == null) {
                    addAll(a.child(i), true, out);
                } else {
                    diffNodes(a.child(i), b.child(i), out);
                }
            }
        } else if (ours instanceof SHAMapLeafNode a && theirs instanceof SHAMapLeafNode b) {
            if (a.key().equals(b.key())) {
                out.put(a.key(), new SHAMapDifference(a.key(), a, b));
            } else {
                out.put(a.key(), new SHAMapDifference(a.key(), a, null));
                out.put(b.key(), new SHAMapDifference(b.key(), null, b));
            }
        } else if (ours instanceof SHAMapLeafNode a) {
            leafAgainstTree(a, (SHAMapInnerNode) theirs, true, out);
        } else {
            leafAgainstTree((SHAMapLeafNode) theirs, (SHAMapInnerNode) ours, false, out);
        }
    }

    private static void leafAgainstTree(SHAMapLeafNode leaf, SHAMapInnerNode tree, boolean leafIsOurs,
                                        Map<Hash256, SHAMapDifference> out) {
        boolean found = false;
        for (LeafIterator it = new LeafIterator(tree); it.hasNext(); ) {
            SHAMapLeafNode other = it.nextLeaf();
            if (other.key().equals(leaf.key())) {
                found = true;
                if (!Arrays.equals(other.hashBytes(), leaf.hashBytes())) {
                    out.put(leaf.key(), leafIsOurs
                            ? new SHAMapDifference(leaf.key(), leaf, other)
                            : new SHAMapDifference(leaf.key(), other, leaf));
                }
            } else {
                out.put(other.key(), leafIsOurs
                        ? new SHAMapDifference(other.key(), null, other)
                        : new SHAMapDifference(other.key(), other, null));
            }
        }
        if (!found) {
            out.put(leaf.key(), leafIsOurs
                    ? new SHAMapDifference(leaf.key(), leaf, null)
                    : new SHAMapDifference(leaf.key(), null, leaf));
        }
    }

    private static void addAll(SHAMapTreeNode node, boolean ours, Map<Hash256, SHAMapDifference> out) {
        if (node instanceof SHAMapLeafNode leaf) {
            out.put(leaf.key(), ours ? new SHAMapDifference(leaf.key(), leaf, null)
                    : new SHAMapDifference(leaf.key(), null, leaf));
            return;
        }
        for (LeafIterator it = new LeafIterator((SHAMapInnerNode) node); it.hasNext(); ) {
            addAll(it.nextLeaf(), ours, out);
        }
    }

    private void requireMutable() {
        if (!isMutable()) {
            throw new IllegalStateException("this SHAMap is an immutable snapshot; change a mutableCopy()");
        }
    }

    private SHAMapInnerNode ownedRoot() {
        if (root.cowid == cowid) {
            root.invalidate();
        } else {
            root = root.copyFor(cowid);
        }
        return root;
    }

    /** {@code child}, hung under {@code parent} at {@code branch}, made changeable by this map. */
    private SHAMapInnerNode owned(SHAMapInnerNode parent, int branch, SHAMapInnerNode child) {
        if (child.cowid == cowid) {
            child.invalidate();
            return child;
        }
        SHAMapInnerNode copy = child.copyFor(cowid);
        parent.children[branch] = copy;
        return copy;
    }

    private static int branch(Hash256 key, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new SHAMapException("inner node deeper than a key is long: corrupt tree");
        }
        return key.nibble(depth);
    }

    private static int branch(SHAMapLeafNode leaf, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new SHAMapException("inner node deeper than a key is long: corrupt tree");
        }
        return leaf.keyNibble(depth);
    }

    /** Depth-first, branches in order: key order. */
    private static final class LeafIterator implements Iterator<SHAMapItem> {
        private final SHAMapInnerNode[] stack = new SHAMapInnerNode[MAX_DEPTH];
        private final int[] nextBranch = new int[MAX_DEPTH];
        private int top;
        private SHAMapLeafNode next;

        LeafIterator(SHAMapInnerNode root) {
            stack[0] = root;
            advance();
        }

        private void advance() {
            next = null;
            while (top >= 0) {
                SHAMapInnerNode node = stack[top];
                int b = nextBranch[top];
                while (b < SHAMapInnerNode.BRANCHES && node.isEmptyBranch(b)) {
                    b++;
                }
                if (b == SHAMapInnerNode.BRANCHES) {
                    top--;
                    continue;
                }
                nextBranch[top] = b + 1;
                SHAMapTreeNode child = node.child(b);
                if (child instanceof SHAMapInnerNode inner) {
                    if (++top == MAX_DEPTH) {
                        throw new SHAMapException("inner node deeper than a key is long: corrupt tree");
                    }
                    stack[top] = inner;
                    nextBranch[top] = 0;
                } else {
                    next = (SHAMapLeafNode) child;
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SHAMapItem next() {
            return nextLeaf();
        }

        SHAMapLeafNode nextLeaf() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            SHAMapLeafNode result = next;
            advance();
            return result;
        }
    }
}
