package org.stoxum.storage.shamap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.stoxum.codec.types.Hash256;

/**
 * Builds a SHAMap known only by its root hash from nodes that arrive one by one from peers (rippled's
 * {@code SHAMapSync}), and serves the nodes of a complete map to peers doing the same.
 *
 * <p><b>Acquiring.</b> {@link #missingNodes(int)} names the nodes still needed (where each sits and the
 * hash its parent expects); {@link #addRoot} and {@link #addNode} take a node in wire form and hook it
 * into the tree only if it hashes to exactly what its parent committed to, so a tree built this way is
 * the tree the root hash names, whoever sent the nodes. Garbage never throws: it comes back as
 * {@link AddResult#INVALID}, for the caller to charge the sender.
 *
 * <p><b>Local nodes.</b> Nodes the {@code local} source already holds are never asked for. The source
 * must be <em>subtree-closed</em>: holding a node means holding everything below it, as the node store
 * guarantees by writing children before parents. Following the network therefore costs only the nodes
 * that changed since a ledger we have. Local subtrees stay unloaded in the finished map and load from
 * the source when read.
 *
 * <p>Not thread-safe: one acquisition drives its sync from one thread at a time.
 */
public final class SHAMapSync {
    /** Keys have 64 nibbles: a node ID deeper than this names nothing. */
    private static final int MAX_DEPTH = 64;

    /** What became of a node offered to the map (rippled's {@code SHAMapAddNode}). */
    public enum AddResult {
        /** The node was needed, verified and hooked into the tree. */
        USEFUL,
        /** We already had it, or cannot place it yet (its parent has not arrived): harmless. */
        DUPLICATE,
        /** Malformed, of the wrong kind, not where the sender claims, or not what the parent expects. */
        INVALID
    }

    /** A node still needed: where it sits and the hash its parent expects. */
    public record MissingNode(SHAMapNodeID id, Hash256 hash) {
    }

    /** A node as sent to a peer: where it sits and its wire form. */
    public record WireNode(SHAMapNodeID id, byte[] data) {
    }

    private final SHAMapLeafType leafType;
    private final Hash256 rootHash;
    private final SHAMapNodeSource local;
    /** Inner nodes whose whole subtree is present (in memory or locally): never walked again. */
    private final Set<SHAMapInnerNode> fullBelow = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Hashes the local source was found to hold (each is a complete subtree). */
    private final Set<Hash256> localHits = new HashSet<>();
    private SHAMapInnerNode root;
    private boolean complete;
    private int received;

    private SHAMapSync(SHAMapLeafType leafType, Hash256 rootHash, SHAMapNodeSource local) {
        this.leafType = leafType;
        this.rootHash = rootHash;
        this.local = local;
    }

    /**
     * Starts acquiring the map with root {@code rootHash}. The root itself is taken from {@code local}
     * when it holds it (then the map is complete at once); a zero root hash is the empty map.
     *
     * @param local a subtree-closed source of nodes we already have, or null for none
     */
    public static SHAMapSync acquire(SHAMapLeafType leafType, Hash256 rootHash, SHAMapNodeSource local) {
        SHAMapSync sync = new SHAMapSync(leafType, rootHash, local);
        if (rootHash.isZero()) {
            sync.root = new SHAMapInnerNode(0);
            sync.complete = true;
        } else if (sync.hasLocally(rootHash) && sync.fetchLocal(rootHash) instanceof SHAMapInnerNode inner) {
            sync.root = inner;
            sync.complete = true;
        }
        return sync;
    }

    public SHAMapLeafType leafType() {
        return leafType;
    }

    public Hash256 rootHash() {
        return rootHash;
    }

    /** True once the root node is known (received or local). */
    public boolean hasRoot() {
        return root != null;
    }

    /** How many received nodes were hooked into the tree. */
    public int nodesReceived() {
        return received;
    }

    /**
     * Offers the root node in wire form.
     *
     * @return USEFUL if it is the inner node hashing to the root hash, DUPLICATE if the root is already
     *     known, INVALID otherwise
     */
    public AddResult addRoot(byte[] wire) {
        if (root != null) {
            return AddResult.DUPLICATE;
        }
        SHAMapTreeNode node = parse(wire);
        if (!(node instanceof SHAMapInnerNode inner) || !inner.hash().equals(rootHash)) {
            return AddResult.INVALID;
        }
        root = inner;
        received++;
        return AddResult.USEFUL;
    }

    /**
     * Offers the node a peer says sits at {@code id}, in wire form. It is hooked in only if the parent
     * is already in the tree and expects exactly this node's hash on that branch.
     */
    public AddResult addNode(SHAMapNodeID id, byte[] wire) {
        if (id.depth() == 0) {
            return addRoot(wire);
        }
        if (root == null) {
            return AddResult.DUPLICATE;
        }
        SHAMapInnerNode parent = root;
        for (int depth = 0; depth < id.depth() - 1; depth++) {
            SHAMapTreeNode next = parent.children[id.id().nibble(depth)];
            if (next == null || next instanceof SHAMapLeafNode) {
                return AddResult.INVALID; // no such node in this tree
            }
            if (next instanceof UnloadedNode || fullBelow.contains(next)) {
                return AddResult.DUPLICATE; // parent not here yet, or the subtree is complete already
            }
            parent = (SHAMapInnerNode) next;
        }
        int branch = id.id().nibble(id.depth() - 1);
        SHAMapTreeNode slot = parent.children[branch];
        if (slot == null) {
            return AddResult.INVALID;
        }
        if (!(slot instanceof UnloadedNode) || localHits.contains(slot.hash())) {
            return AddResult.DUPLICATE;
        }
        SHAMapTreeNode node = parse(wire);
        if (node == null || !node.hash().equals(slot.hash())) {
            return AddResult.INVALID;
        }
        parent.children[branch] = node;
        received++;
        return AddResult.USEFUL;
    }

    /** Parses a wire node of this map's kind; null for anything else. */
    private SHAMapTreeNode parse(byte[] wire) {
        SHAMapTreeNode node;
        try {
            node = NodeCodec.parseWire(wire, local, 0);
        } catch (RuntimeException e) {
            return null; // malformed bytes in any of the ways a parser can meet them
        }
        if (node instanceof SHAMapLeafNode leaf && leaf.type() != leafType) {
            return null;
        }
        return node;
    }

    /**
     * Up to {@code max} nodes still needed, parents before children, in branch order. Empty once the
     * map is complete, and also while the root is unknown (ask for the root by other means).
     */
    public List<MissingNode> missingNodes(int max) {
        List<MissingNode> out = new ArrayList<>();
        if (root == null || complete || max <= 0) {
            return out;
        }
        if (collectMissing(root, SHAMapNodeID.ROOT, out, max) && out.isEmpty()) {
            complete = true;
        }
        return out;
    }

    /**
     * Walks the loaded part of the tree below {@code node}, listing unloaded children that are not
     * local; returns true when everything below is present (and remembers it).
     */
    private boolean collectMissing(SHAMapInnerNode node, SHAMapNodeID id, List<MissingNode> out, int max) {
        if (fullBelow.contains(node)) {
            return true;
        }
        boolean full = true;
        for (int b = 0; b < SHAMapInnerNode.BRANCHES; b++) {
            SHAMapTreeNode child = node.children[b];
            if (child == null || child instanceof SHAMapLeafNode) {
                continue;
            }
            if (child instanceof UnloadedNode) {
                if (hasLocally(child.hash())) {
                    continue;
                }
                full = false;
                if (out.size() >= max) {
                    return false;
                }
                out.add(new MissingNode(id.child(b), child.hash()));
            } else if (id.depth() + 1 >= MAX_DEPTH) {
                return false; // an inner node below the deepest key: cannot complete, never asked for
            } else if (!collectMissing((SHAMapInnerNode) child, id.child(b), out, max)) {
                full = false;
                if (out.size() >= max) {
                    return false;
                }
            }
        }
        if (full) {
            fullBelow.add(node);
        }
        return full;
    }

    private boolean hasLocally(Hash256 hash) {
        if (localHits.contains(hash)) {
            return true;
        }
        if (fetchLocal(hash) != null) {
            localHits.add(hash);
            return true;
        }
        return false;
    }

    private SHAMapTreeNode fetchLocal(Hash256 hash) {
        if (local == null) {
            return null;
        }
        try {
            return local.fetchNode(hash);
        } catch (SHAMapException e) {
            return null; // a damaged local copy is as good as none: fetch it again
        }
    }

    /** True when every node of the map is present (in memory or locally). */
    public boolean isComplete() {
        if (!complete && root != null) {
            missingNodes(1);
        }
        return complete;
    }

    /**
     * The acquired map, an immutable snapshot; subtrees found locally load from the local source.
     *
     * @throws IllegalStateException if the map is not complete
     */
    public SHAMap map() {
        if (!isComplete()) {
            throw new IllegalStateException("map " + rootHash + " is not complete yet");
        }
        SHAMapInnerNode r = root;
        return SHAMap.load(leafType, rootHash, h -> h.equals(rootHash) ? r : local == null ? null : local.fetchNode(h));
    }

    // ------------------------------------------------------------------ serving

    /**
     * The nodes a peer asking for {@code id} gets (rippled's {@code getNodeFat}): the node, and below it
     * inner nodes to {@code depth} more levels (a chain of single-child inner nodes does not count
     * against the depth) with, at the last level, the children themselves; leaves below the last level
     * only if {@code fatLeaves}. At most {@code max} nodes, parents before their children.
     *
     * @return empty when the map has no inner or leaf node at {@code id}, the node there is an empty
     *     inner node, or the nodes cannot be read (this node lacks part of the map)
     */
    public static List<WireNode> nodesAt(SHAMap map, SHAMapNodeID id, int depth, boolean fatLeaves, int max) {
        List<WireNode> out = new ArrayList<>();
        try {
            SHAMapTreeNode node = map.nodeAt(id);
            if (node == null || max <= 0 || (node instanceof SHAMapInnerNode inner && inner.branchCount() == 0)) {
                return out;
            }
            record Pending(SHAMapTreeNode node, SHAMapNodeID id, int depth) {
            }
            ArrayDeque<Pending> stack = new ArrayDeque<>();
            stack.push(new Pending(node, id, depth));
            while (!stack.isEmpty() && out.size() < max) {
                Pending p = stack.pop();
                out.add(new WireNode(p.id(), p.node().toWire()));
                if (!(p.node() instanceof SHAMapInnerNode inner)) {
                    continue;
                }
                int count = inner.branchCount();
                if (p.depth() <= 0 && count != 1) {
                    continue;
                }
                for (int b = 0; b < SHAMapInnerNode.BRANCHES && out.size() < max; b++) {
                    SHAMapTreeNode child = inner.child(b);
                    if (child == null) {
                        continue;
                    }
                    SHAMapNodeID childId = p.id().child(b);
                    if (child instanceof SHAMapInnerNode && (p.depth() > 1 || count == 1)) {
                        stack.push(new Pending(child, childId, count > 1 ? p.depth() - 1 : p.depth()));
                    } else if (child instanceof SHAMapInnerNode || fatLeaves) {
                        out.add(new WireNode(childId, child.toWire()));
                    }
                }
            }
        } catch (SHAMapException e) {
            return out; // what was read before the gap is still correct
        }
        return out;
    }
}
