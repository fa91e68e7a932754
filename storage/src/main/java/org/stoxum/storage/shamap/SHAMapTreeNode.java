package org.stoxum.storage.shamap;

import org.stoxum.codec.types.Hash256;

/**
 * A node of a SHAMap: an inner node with up to 16 children, or a leaf holding one item.
 *
 * <p>The hash is computed on first use and cached; a node shared by several trees is never changed, so
 * its cached hash stays valid for all of them. A tree that changes a node it owns clears that node's
 * hash (and only the hashes on the changed path), so hashing a batch of changes visits each changed
 * inner node once.
 *
 * <p>Two byte forms exist, both from rippled: the <em>wire</em> form peers exchange (content followed by
 * a type byte; inner nodes with fewer than 12 children compressed to hash/branch pairs) and the
 * <em>prefixed</em> form (hash prefix followed by content) whose SHA512Half is the node's hash.
 */
public abstract sealed class SHAMapTreeNode permits SHAMapInnerNode, SHAMapLeafNode, UnloadedNode {
    static final byte[] ZERO_HASH = new byte[Hash256.LENGTH];
    /**
     * The storage mark of a node a tree change made (a new leaf, a copied or changed inner node): no store
     * can hold it yet, so a store writing it need not look it up first.
     */
    public static final int UNSTORED = -1;

    /** Null until computed; shared nodes publish it to other readers, hence volatile. */
    private volatile byte[] hash;
    private int storageMark;

    /** A node made by a tree change. */
    SHAMapTreeNode() {
        this.storageMark = UNSTORED;
    }

    SHAMapTreeNode(byte[] knownHash, int storageMark) {
        this.hash = knownHash;
        this.storageMark = storageMark;
    }

    /** The node's hash (computed now if needed). The hash of an empty root is zero. */
    public final Hash256 hash() {
        return Hash256.wrap(hashBytes());
    }

    /** The cached hash bytes; callers must not modify them. */
    final byte[] hashBytes() {
        byte[] h = hash;
        if (h == null) {
            h = computeHash();
            hash = h;
        }
        return h;
    }

    /** Whether the hash is known (computed, or given when the node was parsed). */
    final boolean hasHash() {
        return hash != null;
    }

    /** Forgets the hash and the storage mark of a node its owning tree is about to change. */
    final void invalidate() {
        hash = null;
        storageMark = UNSTORED;
    }

    abstract byte[] computeHash();

    /**
     * An opaque tag the node store keeps on nodes it knows it holds (0 = unknown, {@link #UNSTORED} = made
     * by a tree change, positive = the store's own tags), letting it skip whole stored subtrees when
     * writing the next ledger. A changed node loses its tag.
     */
    public final int storageMark() {
        return storageMark;
    }

    public final void setStorageMark(int mark) {
        this.storageMark = mark;
    }

    public abstract boolean isLeaf();

    public final boolean isInner() {
        return !isLeaf();
    }

    /** This node with its content available (loads it if only its hash was known). */
    abstract SHAMapTreeNode loaded();

    /** The wire form: content then a type byte (rippled {@code snfWIRE}). */
    public abstract byte[] toWire();

    /** The prefixed form: hash prefix then content (rippled {@code snfPREFIX}); hashes to {@link #hash()}. */
    public abstract byte[] toPrefixed();

    /**
     * Parses the wire form.
     *
     * @param expectedHash when not null, the parsed node must hash to it
     * @throws SHAMapException for malformed bytes or a hash mismatch
     */
    public static SHAMapTreeNode fromWire(byte[] wire, Hash256 expectedHash) {
        return fromWire(wire, expectedHash, null, 0);
    }

    /**
     * Parses the wire form of a node whose children, if any, will be loaded from {@code childSource}
     * and carry {@code storageMark}.
     */
    public static SHAMapTreeNode fromWire(byte[] wire, Hash256 expectedHash, SHAMapNodeSource childSource,
                                          int storageMark) {
        return NodeCodec.checked(NodeCodec.parseWire(wire, childSource, storageMark), expectedHash);
    }

    /**
     * Parses the prefixed form.
     *
     * @param expectedHash when not null, the parsed node must hash to it
     * @throws SHAMapException for malformed bytes or a hash mismatch
     */
    public static SHAMapTreeNode fromPrefixed(byte[] prefixed, Hash256 expectedHash) {
        return fromPrefixed(prefixed, expectedHash, null, 0);
    }

    /** As {@link #fromWire(byte[], Hash256, SHAMapNodeSource, int)}, for the prefixed form. */
    public static SHAMapTreeNode fromPrefixed(byte[] prefixed, Hash256 expectedHash, SHAMapNodeSource childSource,
                                              int storageMark) {
        return NodeCodec.checked(NodeCodec.parsePrefixed(prefixed, childSource, storageMark), expectedHash);
    }
}
