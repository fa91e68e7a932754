package org.stoxum.storage.ledger;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A transaction as a closed ledger holds it: the signed transaction and its metadata. In the ledger's
 * transaction tree the leaf data is {@code VL(tx) || VL(meta)}, with rippled's blob length prefix.
 */
public final class TransactionWithMeta {
    private static final int ONE_BYTE_MAX = 192;
    private static final int TWO_BYTE_MAX = 12_480;
    private static final int THREE_BYTE_MAX = 918_744;

    private final byte[] tx;
    private final byte[] meta;

    public TransactionWithMeta(byte[] tx, byte[] meta) {
        this.tx = tx.clone();
        this.meta = meta.clone();
    }

    /** A copy of the signed transaction. */
    public byte[] tx() {
        return tx.clone();
    }

    /** A copy of the metadata. */
    public byte[] meta() {
        return meta.clone();
    }

    /** {@code VL(tx) || VL(meta)}: the data of the transaction-tree leaf. */
    public byte[] toLeafData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(tx.length + meta.length + 6);
        writeVl(out, tx);
        writeVl(out, meta);
        return out.toByteArray();
    }

    /**
     * Splits leaf data back into transaction and metadata.
     *
     * @throws IllegalArgumentException if the data is not exactly two length-prefixed blobs
     */
    public static TransactionWithMeta fromLeafData(byte[] data) {
        int[] pos = {0};
        byte[] tx = readVl(data, pos);
        byte[] meta = readVl(data, pos);
        if (pos[0] != data.length) {
            throw new IllegalArgumentException("transaction leaf has " + (data.length - pos[0]) + " trailing bytes");
        }
        return new TransactionWithMeta(tx, meta);
    }

    private static void writeVl(ByteArrayOutputStream out, byte[] blob) {
        int n = blob.length;
        if (n <= ONE_BYTE_MAX) {
            out.write(n);
        } else if (n <= TWO_BYTE_MAX) {
            int m = n - (ONE_BYTE_MAX + 1);
            out.write(193 + (m >>> 8));
            out.write(m & 0xFF);
        } else if (n <= THREE_BYTE_MAX) {
            int m = n - (TWO_BYTE_MAX + 1);
            out.write(241 + (m >>> 16));
            out.write((m >>> 8) & 0xFF);
            out.write(m & 0xFF);
        } else {
            throw new IllegalArgumentException("blob of " + n + " bytes exceeds the VL maximum " + THREE_BYTE_MAX);
        }
        out.writeBytes(blob);
    }

    private static byte[] readVl(byte[] data, int[] pos) {
        int p = pos[0];
        int b0 = byteAt(data, p++);
        int n;
        if (b0 <= ONE_BYTE_MAX) {
            n = b0;
        } else if (b0 <= 240) {
            n = ONE_BYTE_MAX + 1 + (b0 - 193) * 256 + byteAt(data, p++);
        } else if (b0 <= 254) {
            n = TWO_BYTE_MAX + 1 + (b0 - 241) * 65_536 + byteAt(data, p++) * 256;
            n += byteAt(data, p++);
        } else {
            throw new IllegalArgumentException("invalid VL length byte 0xFF");
        }
        if (p + n > data.length) {
            throw new IllegalArgumentException("VL blob of " + n + " bytes runs past the end of the leaf");
        }
        pos[0] = p + n;
        return Arrays.copyOfRange(data, p, p + n);
    }

    private static int byteAt(byte[] data, int p) {
        if (p >= data.length) {
            throw new IllegalArgumentException("transaction leaf ends inside a VL length");
        }
        return data[p] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionWithMeta t && Arrays.equals(tx, t.tx) && Arrays.equals(meta, t.meta);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tx) + Arrays.hashCode(meta);
    }
}
