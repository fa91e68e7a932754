package org.stoxum.storage.shamap;

import java.nio.ByteBuffer;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/**
 * A leaf: one item and the rule ({@link SHAMapLeafType}) for hashing and spelling it. Immutable apart
 * from the cached hash, so one leaf can be shared by every tree that holds the same item.
 */
public final class SHAMapLeafNode extends SHAMapTreeNode implements SHAMapItem {
    private final Hash256 key;
    private final byte[] data;
    private final SHAMapLeafType type;

    /** Takes ownership of {@code data}. */
    SHAMapLeafNode(Hash256 key, byte[] data, SHAMapLeafType type) {
        this.key = key;
        this.data = data;
        this.type = type;
    }

    /** A parsed leaf whose hash is already known (a transaction without metadata: its key). */
    SHAMapLeafNode(Hash256 key, byte[] data, SHAMapLeafType type, byte[] knownHash, int storageMark) {
        super(knownHash, storageMark);
        this.key = key;
        this.data = data;
        this.type = type;
    }

    /** The hash rule of a leaf that is not keyed: the transaction ID of {@code data}. */
    static byte[] transactionId(byte[] data) {
        return Sha512Half.local().update(SHAMapLeafType.TRANSACTION_NO_METADATA.prefix()).update(data).finish();
    }

    @Override
    public Hash256 key() {
        return key;
    }

    @Override
    public int size() {
        return data.length;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public ByteBuffer dataView() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    public SHAMapLeafType type() {
        return type;
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    SHAMapTreeNode loaded() {
        return this;
    }

    @Override
    byte[] computeHash() {
        if (!type.keyed()) {
            return transactionId(data);
        }
        return Sha512Half.local().update(type.prefix()).update(data).update(key.toBytes()).finish();
    }

    @Override
    public byte[] toWire() {
        int keyLength = type.keyed() ? Hash256.LENGTH : 0;
        byte[] out = new byte[data.length + keyLength + 1];
        System.arraycopy(data, 0, out, 0, data.length);
        if (type.keyed()) {
            key.writeTo(out, data.length);
        }
        out[out.length - 1] = (byte) type.wireType();
        return out;
    }

    @Override
    public byte[] toPrefixed() {
        int keyLength = type.keyed() ? Hash256.LENGTH : 0;
        byte[] out = new byte[4 + data.length + keyLength];
        type.prefix().writeTo(out, 0);
        System.arraycopy(data, 0, out, 4, data.length);
        if (type.keyed()) {
            key.writeTo(out, 4 + data.length);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SHAMapLeafNode{" + type + " " + key + ", " + data.length + " bytes}";
    }
}
