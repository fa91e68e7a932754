package org.stoxum.storage.shamap;

import java.util.Arrays;
import org.stoxum.codec.Hex;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.types.Hash256;

/** Parses the two byte forms of a tree node (rippled {@code SHAMapAbstractNode::make}). */
final class NodeCodec {
    private static final int HASH = Hash256.LENGTH;
    private static final int FULL_INNER = SHAMapInnerNode.BRANCHES * HASH;
    private static final int WIRE_FULL_INNER = 2;
    private static final int WIRE_COMPRESSED_INNER = 3;
    private static final int WIRE_FULL_INNER_V2 = 5;
    private static final int WIRE_COMPRESSED_INNER_V2 = 6;

    private NodeCodec() {
    }

    static SHAMapTreeNode checked(SHAMapTreeNode node, Hash256 expectedHash) {
        if (expectedHash != null && !node.hash().equals(expectedHash)) {
            throw new SHAMapException("node hashes to " + node.hash() + ", expected " + expectedHash);
        }
        return node;
    }

    static SHAMapTreeNode parseWire(byte[] raw, SHAMapNodeSource source, int mark) {
        if (raw.length == 0) {
            throw new SHAMapException("empty wire node");
        }
        int type = raw[raw.length - 1] & 0xFF;
        int len = raw.length - 1;
        if (type == SHAMapLeafType.TRANSACTION_NO_METADATA.wireType()) {
            return transaction(raw, 0, len, mark);
        }
        if (type == SHAMapLeafType.ACCOUNT_STATE.wireType()) {
            return keyedLeaf(raw, 0, len, SHAMapLeafType.ACCOUNT_STATE, mark);
        }
        if (type == SHAMapLeafType.TRANSACTION_WITH_METADATA.wireType()) {
            return keyedLeaf(raw, 0, len, SHAMapLeafType.TRANSACTION_WITH_METADATA, mark);
        }
        if (type == WIRE_FULL_INNER) {
            return fullInner(raw, 0, len, source, mark);
        }
        if (type == WIRE_COMPRESSED_INNER) {
            return compressedInner(raw, len, source, mark);
        }
        if (type == WIRE_FULL_INNER_V2 || type == WIRE_COMPRESSED_INNER_V2) {
            throw new SHAMapException("SHAMapV2 inner nodes are not supported");
        }
        throw new SHAMapException("unknown wire node type " + type);
    }

    static SHAMapTreeNode parsePrefixed(byte[] raw, SHAMapNodeSource source, int mark) {
        if (raw.length < 4) {
            throw new SHAMapException("prefixed node shorter than its 4-byte prefix");
        }
        int prefix = ((raw[0] & 0xFF) << 24) | ((raw[1] & 0xFF) << 16) | ((raw[2] & 0xFF) << 8) | (raw[3] & 0xFF);
        int len = raw.length - 4;
        if (prefix == HashPrefix.TRANSACTION_ID.value()) {
            return transaction(raw, 4, len, mark);
        }
        if (prefix == HashPrefix.LEAF_NODE.value()) {
            return keyedLeaf(raw, 4, len, SHAMapLeafType.ACCOUNT_STATE, mark);
        }
        if (prefix == HashPrefix.TX_NODE.value()) {
            return keyedLeaf(raw, 4, len, SHAMapLeafType.TRANSACTION_WITH_METADATA, mark);
        }
        if (prefix == HashPrefix.INNER_NODE.value()) {
            return fullInner(raw, 4, len, source, mark);
        }
        if (prefix == HashPrefix.INNER_NODE_V2.value()) {
            throw new SHAMapException("SHAMapV2 inner nodes are not supported");
        }
        throw new SHAMapException("unknown node prefix " + Hex.encode(raw, 0, 4));
    }

    private static SHAMapLeafNode transaction(byte[] raw, int offset, int len, int mark) {
        return SHAMapLeafNode.parsed(raw, offset, len, SHAMapLeafType.TRANSACTION_NO_METADATA, null, mark);
    }

    private static SHAMapLeafNode keyedLeaf(byte[] raw, int offset, int len, SHAMapLeafType type, int mark) {
        if (len < HASH) {
            throw new SHAMapException("leaf node too short for its key (" + len + " bytes)");
        }
        if (Arrays.equals(raw, offset + len - HASH, offset + len, SHAMapTreeNode.ZERO_HASH, 0, HASH)) {
            throw new SHAMapException("leaf node with a zero key");
        }
        return SHAMapLeafNode.parsed(raw, offset, len, type, null, mark);
    }

    private static SHAMapInnerNode fullInner(byte[] raw, int offset, int len, SHAMapNodeSource source, int mark) {
        if (len != FULL_INNER) {
            throw new SHAMapException("full inner node must hold 512 bytes of hashes, got " + len);
        }
        SHAMapTreeNode[] children = new SHAMapTreeNode[SHAMapInnerNode.BRANCHES];
        for (int i = 0; i < SHAMapInnerNode.BRANCHES; i++) {
            children[i] = child(raw, offset + i * HASH, source, mark);
        }
        return new SHAMapInnerNode(children, mark);
    }

    private static SHAMapInnerNode compressedInner(byte[] raw, int len, SHAMapNodeSource source, int mark) {
        if (len % (HASH + 1) != 0) {
            throw new SHAMapException("compressed inner node length " + len + " is not a multiple of 33");
        }
        SHAMapTreeNode[] children = new SHAMapTreeNode[SHAMapInnerNode.BRANCHES];
        for (int pos = 0; pos < len; pos += HASH + 1) {
            int branch = raw[pos + HASH] & 0xFF;
            if (branch >= SHAMapInnerNode.BRANCHES) {
                throw new SHAMapException("compressed inner node names branch " + branch);
            }
            if (children[branch] != null) {
                throw new SHAMapException("compressed inner node repeats branch " + branch);
            }
            children[branch] = child(raw, pos, source, mark);
        }
        return new SHAMapInnerNode(children, mark);
    }

    private static SHAMapTreeNode child(byte[] raw, int offset, SHAMapNodeSource source, int mark) {
        byte[] h = Arrays.copyOfRange(raw, offset, offset + HASH);
        return Arrays.equals(h, SHAMapTreeNode.ZERO_HASH) ? null : new UnloadedNode(h, source, mark);
    }
}
