package org.stoxum.storage.nodestore;

/** Fixed-width big-endian keys, so that LMDB's byte order is numeric order. */
final class BigEndian {
    private BigEndian() {
    }

    static byte[] u32(long v) {
        byte[] out = new byte[4];
        putU32(out, 0, v);
        return out;
    }

    static byte[] u64(long v) {
        byte[] out = new byte[8];
        putU32(out, 0, v >>> 32);
        putU32(out, 4, v);
        return out;
    }

    static void putU32(byte[] out, int offset, long v) {
        out[offset] = (byte) (v >>> 24);
        out[offset + 1] = (byte) (v >>> 16);
        out[offset + 2] = (byte) (v >>> 8);
        out[offset + 3] = (byte) v;
    }

    static long getU32(byte[] in, int offset) {
        return ((in[offset] & 0xFFL) << 24) | ((in[offset + 1] & 0xFFL) << 16)
                | ((in[offset + 2] & 0xFFL) << 8) | (in[offset + 3] & 0xFFL);
    }

    static long getU64(byte[] in, int offset) {
        return (getU32(in, offset) << 32) | getU32(in, offset + 4);
    }
}
