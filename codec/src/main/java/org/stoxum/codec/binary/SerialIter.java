package org.stoxum.codec.binary;

import java.util.Arrays;
import org.stoxum.codec.CodecException;

/**
 * A bounds-checked read cursor over serialized bytes (rippled's SerialIter). Every read past the end
 * raises {@link CodecException} naming the offset, so malformed input can never surface as an index
 * exception.
 */
final class SerialIter {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    SerialIter(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + buf.length);
        }
        this.buf = buf;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
    }

    boolean empty() {
        return pos >= end;
    }

    int remaining() {
        return end - pos;
    }

    /** Offset from the start of the input, for error messages. */
    int offset() {
        return pos - start;
    }

    byte[] array() {
        return buf;
    }

    /** Absolute index into {@link #array()} of the next byte. */
    int position() {
        return pos;
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            throw CodecException.invalid("truncated input: " + what + " needs " + n + " bytes at offset "
                    + offset() + ", only " + (end - pos) + " left");
        }
    }

    int get8() {
        need(1, "a byte");
        return buf[pos++] & 0xFF;
    }

    int peek8() {
        need(1, "a byte");
        return buf[pos] & 0xFF;
    }

    int get16() {
        need(2, "a UInt16");
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long get32() {
        need(4, "a UInt32");
        long v = ((buf[pos] & 0xFFL) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    long get64() {
        need(8, "a UInt64");
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    byte[] getRaw(int n, String what) {
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    void skip(int n, String what) {
        need(n, what);
        pos += n;
    }

    /** Reads a VL length prefix (1..3 bytes) and returns the payload length. */
    int getVLLength() {
        int b1 = get8();
        if (b1 <= 192) {
            return b1;
        }
        if (b1 <= 240) {
            int b2 = get8();
            return 193 + (b1 - 193) * 256 + b2;
        }
        if (b1 <= 254) {
            int b2 = get8();
            int b3 = get8();
            return 12_481 + (b1 - 241) * 65_536 + b2 * 256 + b3;
        }
        throw CodecException.invalid("invalid VL length byte 0xFF at offset " + (offset() - 1));
    }

    /** Reads a VL-prefixed payload. */
    byte[] getVL(String what) {
        int n = getVLLength();
        return getRaw(n, what);
    }
}
