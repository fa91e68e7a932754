package org.stoxum.storage.ledger;

import java.nio.ByteBuffer;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.types.Hash256;

/**
 * A ledger header: the 118 bytes that, behind {@code LWR\0}, hash to the ledger hash and commit to the
 * whole ledger through its two tree roots. Times are seconds since 2000-01-01 (see {@link LedgerTimes}).
 *
 * @param seq                 ledger sequence (u32)
 * @param drops               native currency in existence, in drops (shrinks as fees are burned)
 * @param parentHash          hash of the previous ledger
 * @param txHash              root of the transaction tree (zero when the ledger has none)
 * @param accountHash         root of the state tree
 * @param parentCloseTime     close time of the previous ledger (u32)
 * @param closeTime           this ledger's (rounded) close time (u32)
 * @param closeTimeResolution the rounding applied to the close time, in seconds (u8)
 * @param closeFlags          {@link LedgerTimes#NO_CONSENSUS_TIME} when validators did not agree (u8)
 */
public record LedgerHeader(long seq, long drops, Hash256 parentHash, Hash256 txHash, Hash256 accountHash,
                           long parentCloseTime, long closeTime, int closeTimeResolution, int closeFlags) {
    /** Serialized size without the hash prefix. */
    public static final int SIZE = 4 + 8 + 3 * Hash256.LENGTH + 4 + 4 + 1 + 1;

    public LedgerHeader {
        requireRange("seq", seq, 0xFFFF_FFFFL);
        if (drops < 0) {
            throw new IllegalArgumentException("drops must not be negative: " + drops);
        }
        requireRange("parentCloseTime", parentCloseTime, 0xFFFF_FFFFL);
        requireRange("closeTime", closeTime, 0xFFFF_FFFFL);
        requireRange("closeTimeResolution", closeTimeResolution, 0xFF);
        requireRange("closeFlags", closeFlags, 0xFF);
        if (parentHash == null || txHash == null || accountHash == null) {
            throw new IllegalArgumentException("header hashes must not be null");
        }
    }

    private static void requireRange(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }

    /** The 118-byte form (rippled {@code addRaw(LedgerInfo)}): what is hashed and what is stored. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.putInt((int) seq).putLong(drops);
        b.put(parentHash.toBytes()).put(txHash.toBytes()).put(accountHash.toBytes());
        b.putInt((int) parentCloseTime).putInt((int) closeTime);
        b.put((byte) closeTimeResolution).put((byte) closeFlags);
        return b.array();
    }

    /**
     * Parses the 118-byte form.
     *
     * @throws CodecException if {@code bytes} is not 118 bytes (they come from disk or peers)
     */
    public static LedgerHeader fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw CodecException.invalid("a ledger header is " + SIZE + " bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long seq = b.getInt() & 0xFFFF_FFFFL;
        long drops = b.getLong();
        Hash256 parent = hash(b);
        Hash256 tx = hash(b);
        Hash256 account = hash(b);
        long parentClose = b.getInt() & 0xFFFF_FFFFL;
        long close = b.getInt() & 0xFFFF_FFFFL;
        int resolution = b.get() & 0xFF;
        int flags = b.get() & 0xFF;
        return new LedgerHeader(seq, drops, parent, tx, account, parentClose, close, resolution, flags);
    }

    private static Hash256 hash(ByteBuffer b) {
        byte[] h = new byte[Hash256.LENGTH];
        b.get(h);
        return Hash256.wrap(h);
    }

    /** The ledger hash: {@code SHA512Half(LWR\0 || header)}. */
    public Hash256 hash() {
        return Hash256.wrap(Sha512Half.of(HashPrefix.LEDGER_MASTER, toBytes()));
    }

    /** Whether validators agreed on the close time. */
    public boolean closeTimeAgreed() {
        return (closeFlags & LedgerTimes.NO_CONSENSUS_TIME) == 0;
    }
}
