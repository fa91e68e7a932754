package org.stoxum.codec.binary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.types.Hash256;

/**
 * The fixed 118-byte ledger header that the ledger hash covers (after {@code LWR\0}): sequence,
 * total drops, parent hash, transaction tree hash, state tree hash, parent close time, close time,
 * close time resolution and close flags.
 *
 * <p>{@link #toJson()} gives the {@code ledger_data} shape of the codec vectors (ripple-binary-codec's
 * decodeLedgerData), not the answer of the {@code ledger} command.
 */
public record LedgerHeader(long sequence, long totalDrops, Hash256 parentHash, Hash256 transactionHash,
                           Hash256 accountHash, long parentCloseTime, long closeTime,
                           int closeTimeResolution, int closeFlags) {
    /** Bytes in a serialized header. */
    public static final int LENGTH = 4 + 8 + 32 * 3 + 4 + 4 + 1 + 1;

    /**
     * Reads exactly {@link #LENGTH} bytes.
     *
     * @throws CodecException for any other length
     */
    public static LedgerHeader fromBytes(byte[] b) {
        if (b.length != LENGTH) {
            throw CodecException.invalid("a ledger header is " + LENGTH + " bytes, got " + b.length);
        }
        SerialIter s = new SerialIter(b, 0, b.length);
        return new LedgerHeader(s.get32(), s.get64(), Hash256.wrap(s.getRaw(32, "parent hash")),
                Hash256.wrap(s.getRaw(32, "transaction hash")), Hash256.wrap(s.getRaw(32, "account hash")),
                s.get32(), s.get32(), s.get8(), s.get8());
    }

    public byte[] toBytes() {
        Serializer s = new Serializer(LENGTH);
        s.add32(sequence).add64(totalDrops).addHash256(parentHash).addHash256(transactionHash)
                .addHash256(accountHash).add32(parentCloseTime).add32(closeTime).add8(closeTimeResolution)
                .add8(closeFlags);
        return s.toByteArray();
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("account_hash", accountHash.toString());
        o.put("close_flags", closeFlags);
        o.put("close_time", closeTime);
        o.put("close_time_resolution", closeTimeResolution);
        o.put("ledger_index", sequence);
        o.put("parent_close_time", parentCloseTime);
        o.put("parent_hash", parentHash.toString());
        o.put("total_coins", Long.toUnsignedString(totalDrops));
        o.put("transaction_hash", transactionHash.toString());
        return o;
    }
}
