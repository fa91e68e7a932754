package org.stoxum.storage.shamap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/**
 * A leaf: one item and the rule ({@link SHAMapLeafType}) for hashing and spelling it. Immutable apart
 * from the cached hash, so one leaf can be shared by every tree that holds the same item.
 *
 * <p>Held as one array, the item's bytes followed by its key (for keyed types; a transaction set's key is
 * the hash), which is also the body of the wire form: a state tree spends its memory mostly on leaves,
 * and a separate key object and array would cost about 40 bytes more per entry. {@link #key()} therefore
 * makes a new {@link Hash256} on every call; walks inside the tree compare keys in place.
 */
public final class SHAMapLeafNode extends SHAMapTreeNode implements SHAMapItem {
    /** Data, then the key when the type is keyed. */
    private final byte[] blob;
    private final SHAMapLeafType type;

    /** A new leaf; {@code blob} is the data followed by the key (keyed types) and is taken over. */
    private SHAMapLeafNode(byte[] blob, SHAMapLeafType type) {
        this.blob = blob;
        this.type = type;
    }

    /** A parsed leaf whose hash may already be known (a transaction without metadata: its key). */
    private SHAMapLeafNode(byte[] blob, SHAMapLeafType type, byte[] knownHash, int storageMark) {
        super(knownHash, storageMark);
        this.blob = blob;
        this.type = type;
    }

    /** A leaf made by a tree change: a copy of {@code data} under {@code key}. */
    static SHAMapLeafNode of(Hash256 key, byte[] data, SHAMapLeafType type) {
        if (!type.keyed()) {
            return new SHAMapLeafNode(data.clone(), type);
        }
        byte[] blob = Arrays.copyOf(data, data.length + Hash256.LENGTH);
        key.writeTo(blob, data.length);
        return new SHAMapLeafNode(blob, type);
    }

    /**
     * A parsed leaf: {@code length} bytes of {@code raw} from {@code offset}, laid out as the blob is
     * (data, then the key for keyed types).
     */
    static SHAMapLeafNode parsed(byte[] raw, int offset, int length, SHAMapLeafType type, byte[] knownHash,
                                 int storageMark) {
        return new SHAMapLeafNode(Arrays.copyOfRange(raw, offset, offset + length), type, knownHash, storageMark);
    }

    /** The hash rule of a leaf that is not keyed: the transaction ID of {@code data}. */
    static byte[] transactionId(byte[] data) {
        return Sha512Half.local().update(SHAMapLeafType.TRANSACTION_NO_METADATA.prefix()).update(data).finish();
    }

    private int dataLength() {
        return type.keyed() ? blob.length - Hash256.LENGTH : blob.length;
    }

    @Override
    public Hash256 key() {
        return type.keyed() ? Hash256.of(blob, blob.length - Hash256.LENGTH) : hash();
    }

    /** Whether this leaf's key is {@code key}, without making a {@link Hash256}. */
    boolean hasKey(Hash256 key) {
        if (!type.keyed()) {
            return key().equals(key);
        }
        int at = blob.length - Hash256.LENGTH;
        for (int i = 0; i < Hash256.LENGTH; i++) {
            if ((blob[at + i] & 0xFF) != key.byteAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The branch of this leaf's key at {@code depth} (see {@link Hash256#nibble}). */
    int keyNibble(int depth) {
        if (!type.keyed()) {
            return key().nibble(depth);
        }
        int b = blob[blob.length - Hash256.LENGTH + (depth >>> 1)] & 0xFF;
        return (depth & 1) == 0 ? b >>> 4 : b & 0x0F;
    }

    @Override
    public int size() {
        return dataLength();
    }

    @Override
    public byte[] data() {
        return Arrays.copyOf(blob, dataLength());
    }

    @Override
    public ByteBuffer dataView() {
        return ByteBuffer.wrap(blob, 0, dataLength()).slice().asReadOnlyBuffer();
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
            return transactionId(blob);
        }
        return Sha512Half.local().update(type.prefix()).update(blob).finish();
    }

    @Override
    public byte[] toWire() {
        byte[] out = Arrays.copyOf(blob, blob.length + 1);
        out[blob.length] = (byte) type.wireType();
        return out;
    }

    @Override
    public byte[] toPrefixed() {
        byte[] out = new byte[4 + blob.length];
        type.prefix().writeTo(out, 0);
        System.arraycopy(blob, 0, out, 4, blob.length);
        return out;
    }

    @Override
    public String toString() {
        return "SHAMapLeafNode{" + type + " " + key() + ", " + dataLength() + " bytes}";
    }
}
