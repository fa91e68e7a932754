package org.stoxum.storage.shamap;

import org.stoxum.codec.types.Hash256;

/**
 * A child known only by its hash: what a parsed or loaded inner node holds until a walk needs the
 * child. Costs one small object per branch instead of a loaded subtree.
 */
final class UnloadedNode extends SHAMapTreeNode {
    private final SHAMapNodeSource source;

    UnloadedNode(byte[] hash, SHAMapNodeSource source, int storageMark) {
        super(hash, storageMark);
        this.source = source;
    }

    @Override
    byte[] computeHash() {
        throw new IllegalStateException("an unloaded node always knows its hash");
    }

    @Override
    public boolean isLeaf() {
        return loaded().isLeaf();
    }

    @Override
    SHAMapTreeNode loaded() {
        Hash256 h = hash();
        SHAMapTreeNode node = source == null ? null : source.fetchNode(h);
        if (node == null) {
            throw new SHAMapMissingNodeException(h);
        }
        if (!java.util.Arrays.equals(node.hashBytes(), hashBytes())) {
            throw new SHAMapException("node source returned node " + node.hash() + " for hash " + h);
        }
        return node;
    }

    @Override
    public byte[] toWire() {
        return loaded().toWire();
    }

    @Override
    public byte[] toPrefixed() {
        return loaded().toPrefixed();
    }
}
