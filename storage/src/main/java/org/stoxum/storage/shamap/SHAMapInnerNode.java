package org.stoxum.storage.shamap;

import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/**
 * An inner node: 16 branches, each empty, a child node, or a child known only by its hash until a walk
 * needs it.
 *
 * <p>{@code cowid} names the mutable tree allowed to change this node in place; every other tree copies
 * it first (copy-on-write). Nodes loaded or parsed have cowid 0 and belong to no tree.
 */
public final class SHAMapInnerNode extends SHAMapTreeNode {
    public static final int BRANCHES = 16;
    /** Below this many children the wire form lists hash/branch pairs instead of all 16 hashes. */
    private static final int COMPRESS_BELOW = 12;
    private static final int FULL_WIRE_TYPE = 2;
    private static final int COMPRESSED_WIRE_TYPE = 3;
    private static final int PREFIX_LENGTH = 4;
    /** The prefixed form of the node being hashed, per thread (its children are hashed before it is filled). */
    private static final ThreadLocal<byte[]> PREFIXED_SCRATCH = ThreadLocal.withInitial(() -> {
        byte[] b = new byte[PREFIX_LENGTH + BRANCHES * Hash256.LENGTH];
        HashPrefix.INNER_NODE.writeTo(b, 0);
        return b;
    });

    final SHAMapTreeNode[] children;
    final long cowid;

    SHAMapInnerNode(long cowid) {
        this.children = new SHAMapTreeNode[BRANCHES];
        this.cowid = cowid;
    }

    /** A parsed node: children known by hash, each loading from {@code source}. */
    SHAMapInnerNode(SHAMapTreeNode[] children, int storageMark) {
        super(null, storageMark);
        this.children = children;
        this.cowid = 0;
    }

    private SHAMapInnerNode(SHAMapInnerNode from, long cowid) {
        this.children = from.children.clone();
        this.cowid = cowid;
    }

    private SHAMapInnerNode(SHAMapInnerNode from) {
        super(from.hashBytes(), from.storageMark());
        this.children = from.children.clone();
        this.cowid = 0;
    }

    /**
     * A new node with the same hash and children, owned by no tree. A cache hands these out so that
     * children a tree loads into its copy never pin memory through the cached original.
     */
    public SHAMapInnerNode freshCopy() {
        return new SHAMapInnerNode(this);
    }

    /** A copy owned by the tree {@code cowid}, with no hash yet (it is about to change). */
    SHAMapInnerNode copyFor(long newCowid) {
        return new SHAMapInnerNode(this, newCowid);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    SHAMapTreeNode loaded() {
        return this;
    }

    public boolean isEmptyBranch(int branch) {
        return children[branch] == null;
    }

    public int branchCount() {
        int n = 0;
        for (SHAMapTreeNode c : children) {
            if (c != null) {
                n++;
            }
        }
        return n;
    }

    /** The child's hash, or zero for an empty branch. */
    public Hash256 childHash(int branch) {
        SHAMapTreeNode c = children[branch];
        return c == null ? Hash256.ZERO : c.hash();
    }

    /**
     * The child on {@code branch} as it is held now: possibly a placeholder that knows only its hash and
     * storage mark (enough to decide whether to look further without loading it). Null if empty.
     */
    public SHAMapTreeNode peekChild(int branch) {
        return children[branch];
    }

    /**
     * The child on {@code branch}, loaded if needed (and kept, so the next walk finds it). Null if empty.
     *
     * @throws SHAMapMissingNodeException if it must be loaded and its source lacks it
     */
    public SHAMapTreeNode child(int branch) {
        SHAMapTreeNode c = children[branch];
        if (c instanceof UnloadedNode u) {
            // Concurrent readers may both load and store equal nodes here; either one is correct.
            c = u.loaded();
            children[branch] = c;
        }
        return c;
    }

    @Override
    byte[] computeHash() {
        boolean any = false;
        for (SHAMapTreeNode c : children) {
            if (c != null) {
                c.hashBytes(); // children first: the digest below is this thread's only instance
                any = true;
            }
        }
        if (!any) {
            return ZERO_HASH;
        }
        // One digest update over the prefixed form: sixteen small updates cost more than the copies.
        byte[] prefixed = PREFIXED_SCRATCH.get();
        writeHashes(prefixed, PREFIX_LENGTH);
        return Sha512Half.local().update(prefixed).finish();
    }

    @Override
    public byte[] toWire() {
        int count = branchCount();
        if (count >= COMPRESS_BELOW) {
            byte[] out = new byte[BRANCHES * Hash256.LENGTH + 1];
            writeHashes(out, 0);
            out[out.length - 1] = FULL_WIRE_TYPE;
            return out;
        }
        byte[] out = new byte[count * (Hash256.LENGTH + 1) + 1];
        int pos = 0;
        for (int i = 0; i < BRANCHES; i++) {
            SHAMapTreeNode c = children[i];
            if (c != null) {
                System.arraycopy(c.hashBytes(), 0, out, pos, Hash256.LENGTH);
                out[pos + Hash256.LENGTH] = (byte) i;
                pos += Hash256.LENGTH + 1;
            }
        }
        out[pos] = COMPRESSED_WIRE_TYPE;
        return out;
    }

    @Override
    public byte[] toPrefixed() {
        byte[] out = new byte[PREFIX_LENGTH + BRANCHES * Hash256.LENGTH];
        HashPrefix.INNER_NODE.writeTo(out, 0);
        writeHashes(out, PREFIX_LENGTH);
        return out;
    }

    /** The 16 child hashes (zero for an empty branch) into {@code out} from {@code offset}. */
    private void writeHashes(byte[] out, int offset) {
        for (int i = 0; i < BRANCHES; i++) {
            SHAMapTreeNode c = children[i];
            System.arraycopy(c == null ? ZERO_HASH : c.hashBytes(), 0, out, offset + i * Hash256.LENGTH,
                    Hash256.LENGTH);
        }
    }
}
