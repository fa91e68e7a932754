package org.stoxum.engine.net.fetch;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.sbe.LedgerDataDecoder;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.sbe.ReplyError;
import org.stoxum.codec.types.Hash256;

/**
 * A received {@code LedgerData} copied out of the receive buffer, so that it can be worked on off the
 * overlay's I/O thread.
 *
 * @param hash  the ledger's hash (the set's hash for a candidate set)
 * @param type  what the nodes are; null when the sender wrote a value this version does not know
 * @param error the sender's error, or null
 * @param nodes node IDs and data as sent, unchecked
 */
public record LedgerDataReply(Hash256 hash, long seq, LedgerInfoType type, ReplyError error, List<RawNode> nodes) {

    /** One node as sent: its 33-byte ID (empty for the header) and its wire form. */
    public record RawNode(byte[] id, byte[] data) {
    }

    /** Copies the message the decoder is wrapped over (read from the start of its fields). */
    public static LedgerDataReply copyOf(LedgerDataDecoder d) {
        byte[] hash = new byte[Hash256.LENGTH];
        d.getLedgerHash(hash, 0, hash.length);
        long seq = d.ledgerSeq();
        LedgerInfoType type = infoType(d.infoTypeRaw());
        ReplyError error = switch (d.replyErrorRaw()) {
            case 1 -> ReplyError.NO_LEDGER;
            case 2 -> ReplyError.NO_NODE;
            default -> null;
        };
        List<RawNode> nodes = new ArrayList<>();
        for (LedgerDataDecoder.NodesDecoder n : d.nodes()) {
            byte[] data = new byte[n.nodeDataLength()];
            n.getNodeData(data, 0, data.length);
            byte[] id = new byte[n.nodeIdLength()];
            n.getNodeId(id, 0, id.length);
            nodes.add(new RawNode(id, data));
        }
        return new LedgerDataReply(Hash256.wrap(hash), seq, type, error, List.copyOf(nodes));
    }

    /** The info type for its wire value, or null for one this version does not know. */
    static LedgerInfoType infoType(short raw) {
        for (LedgerInfoType t : LedgerInfoType.values()) {
            if (t != LedgerInfoType.NULL_VAL && t.value() == raw) {
                return t;
            }
        }
        return null;
    }
}
