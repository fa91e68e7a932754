package org.stoxum.codec.types;

import java.util.Arrays;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;

/**
 * An immutable 256-bit value: ledger object keys, transaction IDs, tree and ledger hashes.
 * Ordered as an unsigned big-endian number, the order of SHAMap keys.
 */
public final class Hash256 implements Comparable<Hash256> {
    public static final int LENGTH = 32;
    public static final Hash256 ZERO = new Hash256(new byte[LENGTH]);

    private final byte[] bytes;
    private final int hash;

    private Hash256(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Wraps a copy of 32 bytes. */
    public static Hash256 of(byte[] bytes) {
        return wrap(bytes.clone());
    }

    /** Copies 32 bytes starting at {@code offset}. */
    public static Hash256 of(byte[] bytes, int offset) {
        if (offset < 0 || offset + LENGTH > bytes.length) {
            throw CodecException.invalid("a 256-bit hash needs 32 bytes");
        }
        return new Hash256(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
    }

    /** Takes ownership of {@code bytes} without copying; the caller must not change them afterwards. */
    public static Hash256 wrap(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw CodecException.invalid("a 256-bit hash is 32 bytes, got " + bytes.length);
        }
        return new Hash256(bytes);
    }

    public static Hash256 fromHex(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw CodecException.invalid("a 256-bit hash is 64 hex characters, got " + hex.length());
        }
        return new Hash256(Hex.decode(hex));
    }

    /** A copy of the bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the 32 bytes into {@code out} at {@code offset}. */
    public void writeTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, LENGTH);
    }

    /** Byte {@code i} as 0..255. */
    public int byteAt(int i) {
        return bytes[i] & 0xFF;
    }

    /** The 4-bit digit at depth {@code depth} (0 = high nibble of byte 0), the SHAMap branch. */
    public int nibble(int depth) {
        int b = bytes[depth >>> 1] & 0xFF;
        return (depth & 1) == 0 ? b >>> 4 : b & 0x0F;
    }

    public boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Hash256 o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash256 h && h.hash == hash && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Upper-case hex, as JSON shows it. */
    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
