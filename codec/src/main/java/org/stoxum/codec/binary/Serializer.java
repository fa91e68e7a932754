package org.stoxum.codec.binary;

import java.util.Arrays;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * A growable byte buffer the binary format is written into (rippled's Serializer).
 *
 * <p>One instance can be {@link #reset()} and reused, so hot paths (hashing ledger entries, relaying
 * transactions) serialize without allocating per field; {@link #buffer()} exposes the bytes in place.
 * Not thread-safe.
 */
public final class Serializer {
    /** Largest length a VL prefix can express. */
    public static final int MAX_VL_LENGTH = 918_744;

    private static final ThreadLocal<Serializer> PER_THREAD = ThreadLocal.withInitial(() -> new Serializer(1024));

    private byte[] buf;
    private int len;

    public Serializer() {
        this(256);
    }

    public Serializer(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /**
     * This thread's scratch instance, emptied; only for code that does not call out while using it
     * (hashing), since the next caller empties it again.
     */
    static Serializer scratch() {
        Serializer s = PER_THREAD.get();
        s.reset();
        return s;
    }

    /** Empties the buffer, keeping its capacity. */
    public Serializer reset() {
        len = 0;
        return this;
    }

    /** Bytes written so far. */
    public int length() {
        return len;
    }

    /** The backing array; bytes {@code [0, length())} are valid until the next write. */
    public byte[] buffer() {
        return buf;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int more) {
        int need = len + more;
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    public Serializer add8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public Serializer add16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public Serializer add32(long v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public Serializer add64(long v) {
        add32(v >>> 32);
        return add32(v);
    }

    public Serializer add(HashPrefix prefix) {
        return add32(prefix.value() & 0xFFFFFFFFL);
    }

    public Serializer addRaw(byte[] data) {
        return addRaw(data, 0, data.length);
    }

    public Serializer addRaw(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, buf, len, length);
        len += length;
        return this;
    }

    public Serializer addHash256(Hash256 h) {
        ensure(Hash256.LENGTH);
        h.writeTo(buf, len);
        len += Hash256.LENGTH;
        return this;
    }

    public Serializer addAccount(AccountId a) {
        ensure(AccountId.LENGTH);
        a.writeTo(buf, len);
        len += AccountId.LENGTH;
        return this;
    }

    public Serializer addCurrency(Currency c) {
        ensure(Currency.LENGTH);
        c.writeTo(buf, len);
        len += Currency.LENGTH;
        return this;
    }

    /** Writes an amount's 8 or 48 bytes. */
    public Serializer addAmount(STAmount a) {
        ensure(48);
        len += a.writeTo(buf, len);
        return this;
    }

    /** Writes a field header. */
    public Serializer addFieldHeader(SField field) {
        ensure(3);
        len += field.writeHeader(buf, len);
        return this;
    }

    /** Writes a header for a raw type and field number (1..255 each), e.g. the end markers. */
    public Serializer addFieldHeader(int type, int nth) {
        return addRaw(SField.encodeHeader(type, nth));
    }

    /**
     * Writes the 1..3 byte VL length prefix.
     *
     * @throws CodecException when {@code length} exceeds {@link #MAX_VL_LENGTH}
     */
    public Serializer addVLLength(int length) {
        if (length < 0 || length > MAX_VL_LENGTH) {
            throw CodecException.invalid("variable-length field of " + length + " bytes exceeds the "
                    + MAX_VL_LENGTH + "-byte limit");
        }
        ensure(3);
        if (length <= 192) {
            buf[len++] = (byte) length;
        } else if (length <= 12_480) {
            int l = length - 193;
            buf[len++] = (byte) (193 + (l >>> 8));
            buf[len++] = (byte) l;
        } else {
            int l = length - 12_481;
            buf[len++] = (byte) (241 + (l >>> 16));
            buf[len++] = (byte) (l >>> 8);
            buf[len++] = (byte) l;
        }
        return this;
    }

    /** Writes a VL prefix and the bytes. */
    public Serializer addVL(byte[] data) {
        addVLLength(data.length);
        return addRaw(data);
    }

    /** Length of the VL prefix for a payload of {@code length} bytes. */
    public static int vlPrefixLength(int length) {
        return length <= 192 ? 1 : length <= 12_480 ? 2 : 3;
    }
}
