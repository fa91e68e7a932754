package org.stoxum.storage.nodestore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmdbjava.Txn;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMapInnerNode;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/**
 * Writes the nodes of a tree that a generation lacks, children before parents, within one write
 * transaction. Used both to store a new ledger and to copy a ledger into a new generation.
 *
 * <p>A subtree is skipped at its root when the root carries this generation's storage mark or is in
 * its index, which by the children-first order means the whole subtree is there. A new ledger therefore
 * costs its changed nodes plus one mark check per unchanged child of a changed inner node. Nodes a tree
 * change made ({@link SHAMapTreeNode#UNSTORED}) skip the index lookup: no ledger can have stored them,
 * short of an entry changing back to an earlier value, which at worst stores a node twice.
 *
 * <p>Node bytes are appended as the walk produces them; their index entries wait for {@link #finish()},
 * which inserts them in hash order. Marks are applied only by {@link #commitMarks()} after the
 * transaction commits, so an aborted write never leaves a node claiming to be stored.
 */
final class TreeWriter {
    private final Txn<byte[]> txn;
    private final Generation generation;
    private final List<SHAMapTreeNode> stored = new ArrayList<>();
    /** Appended in this transaction, not yet indexed: hash -> location. */
    private final Map<Hash256, byte[]> unindexed = new HashMap<>();
    private long budget;
    private long appended;

    /** @param budget the most nodes to append before giving up (the rest waits for a later call) */
    TreeWriter(Txn<byte[]> txn, Generation generation, long budget) {
        this.txn = txn;
        this.generation = generation;
        this.budget = budget;
    }

    /**
     * Makes the generation hold the tree under {@code root}.
     *
     * @return false if the budget ran out first (what was written is consistent and kept)
     */
    boolean write(SHAMapTreeNode root) {
        if (root.hash().isZero() || isStored(root)) {
            return true;
        }
        return writeBelow(root);
    }

    private boolean isStored(SHAMapTreeNode node) {
        int mark = node.storageMark();
        if (mark == generation.id) {
            return true;
        }
        Hash256 hash = node.hash();
        if (unindexed.containsKey(hash)
                || (mark != SHAMapTreeNode.UNSTORED && generation.contains(txn, hash.toBytes()))) {
            stored.add(node);
            return true;
        }
        return false;
    }

    private boolean writeBelow(SHAMapTreeNode node) {
        if (node instanceof SHAMapInnerNode inner) {
            for (int i = 0; i < SHAMapInnerNode.BRANCHES; i++) {
                SHAMapTreeNode child = inner.peekChild(i);
                if (child != null && !isStored(child) && !writeBelow(inner.child(i))) {
                    return false;
                }
            }
        }
        if (budget == 0) {
            return false;
        }
        unindexed.put(node.hash(), generation.append(txn, node.toWire()));
        stored.add(node);
        budget--;
        appended++;
        return true;
    }

    /** Indexes what was appended; call before committing. */
    void finish() {
        List<Map.Entry<Hash256, byte[]>> sorted = new ArrayList<>(unindexed.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Hash256, byte[]> e : sorted) {
            generation.index(txn, e.getKey().toBytes(), e.getValue());
        }
        unindexed.clear();
    }

    /** How many nodes were appended. */
    long appended() {
        return appended;
    }

    /** Tags every node known to be in the generation; call after the transaction committed. */
    void commitMarks() {
        for (SHAMapTreeNode node : stored) {
            node.setStorageMark(generation.id);
        }
    }
}
