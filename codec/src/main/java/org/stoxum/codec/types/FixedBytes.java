package org.stoxum.codec.types;

import java.util.Arrays;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;

/**
 * An immutable value made of a fixed number of bytes (hashes, account IDs, currency codes, keys).
 * Values of one kind are ordered as unsigned big-endian numbers, the order rippled sorts them in, and
 * print as upper-case hex.
 *
 * @param <T> the concrete kind, so only values of the same kind compare
 */
public abstract class FixedBytes<T extends FixedBytes<T>> implements Comparable<T> {
    /** Owned by this value: never handed out without a copy. */
    protected final byte[] bytes;
    private final int hash;

    /** Takes ownership of {@code bytes}. */
    protected FixedBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /**
     * Copies {@code length} bytes at {@code offset}, failing with the codec's error when they are not there.
     *
     * @param what names the value in the error message
     */
    protected static byte[] copy(byte[] source, int offset, int length, String what) {
        if (offset < 0 || offset > source.length - length) {
            throw CodecException.invalid(what + " needs " + length + " bytes");
        }
        return Arrays.copyOfRange(source, offset, offset + length);
    }

    /** Copies all of {@code source}, which must be exactly {@code length} bytes. */
    protected static byte[] copyExact(byte[] source, int length, String what) {
        if (source.length != length) {
            throw CodecException.invalid(what + " is " + length + " bytes, got " + source.length);
        }
        return source.clone();
    }

    /** A copy of the bytes. */
    public final byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the bytes into {@code out} at {@code offset}. */
    public final void writeTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, bytes.length);
    }

    /**
     * The eight bytes at {@code offset} as a big-endian long: compared unsigned, such prefixes order
     * like the bytes, so a store can key and sort on a hash's first eight bytes without copying them.
     */
    public final long longAt(int offset) {
        long v = 0;
        for (int i = offset; i < offset + Long.BYTES; i++) {
            v = (v << 8) | (bytes[i] & 0xFFL);
        }
        return v;
    }

    /** Byte {@code i} as 0..255. */
    public final int byteAt(int i) {
        return bytes[i] & 0xFF;
    }

    public final boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final int compareTo(T o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((FixedBytes<?>) o).hash == hash
                && Arrays.equals(bytes, ((FixedBytes<?>) o).bytes);
    }

    @Override
    public final int hashCode() {
        return hash;
    }

    /** Upper-case hex of the bytes. */
    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
