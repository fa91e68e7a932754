package org.stoxum.storage.nodestore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.collections.Object2LongHashMap;
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
 * which inserts them in the order of the index's keys. That order is sorted as plain longs (the hash's
 * leading bits with the entry's position below them): sorting the entries by hash with a comparator
 * took a quarter of a 10,000-transaction commit. Marks are applied only by {@link #commitMarks()} after the
 * transaction commits, so an aborted write never leaves a node claiming to be stored.
 */
final class TreeWriter {
    private final Txn<byte[]> txn;
    private final Generation generation;
    private final List<SHAMapTreeNode> stored = new ArrayList<>();
    /** Appended in this transaction, not yet indexed: hash -> location. */
    private final Object2LongHashMap<Hash256> unindexed = new Object2LongHashMap<>(-1L);
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
                || (mark != SHAMapTreeNode.UNSTORED && generation.contains(txn, hash))) {
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
        int n = unindexed.size();
        Hash256[] hashes = new Hash256[n];
        long[] locations = new long[n];
        long[] order = new long[n];
        int positionBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n));
        long positionMask = (1L << positionBits) - 1;
        int i = 0;
        for (Object2LongHashMap<Hash256>.EntryIterator it = unindexed.entrySet().iterator(); it.hasNext(); i++) {
            it.next();
            hashes[i] = it.getKey();
            locations[i] = it.getLongValue();
            // Flipping the sign bit makes the signed sort order the unsigned order of the hash bytes.
            order[i] = ((hashes[i].longAt(0) & ~positionMask) | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(order);
        for (long o : order) {
            int at = (int) ((o ^ Long.MIN_VALUE) & positionMask);
            generation.index(txn, hashes[at], locations[at]);
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
