package org.stoxum.storage.shamap;

import org.stoxum.codec.types.Hash256;

/**
 * Where a node sits in a tree: its depth and the key prefix leading to it (the remaining nibbles zero).
 * Peers name the nodes they ask for and send this way (rippled {@code SHAMapNodeID}, the {@code nodeid}
 * of {@code TMLedgerNode}); on the wire it is the 32-byte prefix followed by the depth byte.
 *
 * @param depth 0 (the root) to 64
 * @param id    the first {@code depth} nibbles of every key below the node, the rest zero
 */
public record SHAMapNodeID(int depth, Hash256 id) {
    public static final int WIRE_SIZE = Hash256.LENGTH + 1;
    public static final SHAMapNodeID ROOT = new SHAMapNodeID(0, Hash256.ZERO);
    private static final int MAX_DEPTH = 64;

    public SHAMapNodeID {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new SHAMapException("node ID depth " + depth + " is outside 0..64");
        }
        for (int n = depth; n < MAX_DEPTH; n++) {
            if (id.nibble(n) != 0) {
                throw new SHAMapException("node ID " + id + " has bits set below depth " + depth);
            }
        }
    }

    /** The ID of the node at {@code depth} on the way to {@code key}. */
    public static SHAMapNodeID of(Hash256 key, int depth) {
        byte[] prefix = new byte[Hash256.LENGTH];
        for (int n = 0; n < depth; n++) {
            setNibble(prefix, n, key.nibble(n));
        }
        return new SHAMapNodeID(depth, Hash256.wrap(prefix));
    }

    /** The ID of this node's child on {@code branch}. */
    public SHAMapNodeID child(int branch) {
        if (depth == MAX_DEPTH || branch < 0 || branch >= SHAMapInnerNode.BRANCHES) {
            throw new SHAMapException("no child " + branch + " below depth " + depth);
        }
        byte[] prefix = id.toBytes();
        setNibble(prefix, depth, branch);
        return new SHAMapNodeID(depth + 1, Hash256.wrap(prefix));
    }

    /** The branch of this node that leads towards {@code key}. */
    public int selectBranch(Hash256 key) {
        return key.nibble(depth);
    }

    public byte[] toWire() {
        byte[] out = new byte[WIRE_SIZE];
        id.writeTo(out, 0);
        out[Hash256.LENGTH] = (byte) depth;
        return out;
    }

    /**
     * Parses the 33-byte wire form.
     *
     * @throws SHAMapException for a wrong length, a depth above 64, or bits set below the depth
     */
    public static SHAMapNodeID fromWire(byte[] wire) {
        if (wire.length != WIRE_SIZE) {
            throw new SHAMapException("a node ID is 33 bytes, got " + wire.length);
        }
        return new SHAMapNodeID(wire[Hash256.LENGTH] & 0xFF, Hash256.of(wire, 0));
    }

    private static void setNibble(byte[] b, int n, int value) {
        int i = n / 2;
        b[i] = (byte) ((n & 1) == 0 ? (b[i] & 0x0F) | (value << 4) : (b[i] & 0xF0) | value);
    }
}
