package org.stoxum.codec.types;

import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;

/**
 * An immutable 256-bit value: ledger object keys, transaction IDs, tree and ledger hashes.
 * Ordered as an unsigned big-endian number, the order of SHAMap keys.
 */
public final class Hash256 extends FixedBytes<Hash256> {
    public static final int LENGTH = 32;
    public static final Hash256 ZERO = new Hash256(new byte[LENGTH]);

    private Hash256(byte[] bytes) {
        super(bytes);
    }

    /** Wraps a copy of 32 bytes. */
    public static Hash256 of(byte[] bytes) {
        return wrap(bytes.clone());
    }

    /** Copies 32 bytes starting at {@code offset}. */
    public static Hash256 of(byte[] bytes, int offset) {
        return new Hash256(copy(bytes, offset, LENGTH, "a 256-bit hash"));
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

    /** The 4-bit digit at depth {@code depth} (0 = high nibble of byte 0), the SHAMap branch. */
    public int nibble(int depth) {
        int b = bytes[depth >>> 1] & 0xFF;
        return (depth & 1) == 0 ? b >>> 4 : b & 0x0F;
    }
}
