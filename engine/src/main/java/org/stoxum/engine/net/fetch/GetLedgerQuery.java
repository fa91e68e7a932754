package org.stoxum.engine.net.fetch;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.sbe.GetLedgerDecoder;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.types.Hash256;

/**
 * A received {@code GetLedger} copied out of the receive buffer, optional fields resolved.
 *
 * @param itype         what is asked for; null when the sender wrote a value this version does not know
 * @param hash          the ledger's (or candidate set's) hash, or null when absent
 * @param seq           the ledger sequence, or {@link LedgerMessages#ABSENT}
 * @param closedLedger  true when the sender asked for our closed ledger ({@code ltCLOSED}) instead
 * @param cookie        the cookie to echo, or {@link LedgerMessages#ABSENT}
 * @param queryDepth    the depth asked for, or {@link LedgerMessages#ABSENT}
 * @param nodeIds       the node IDs asked for, as sent (unchecked)
 */
public record GetLedgerQuery(LedgerInfoType itype, Hash256 hash, long seq, boolean closedLedger, long cookie,
                             long queryDepth, List<byte[]> nodeIds) {
    private static final short LT_CLOSED = 2;

    /** Copies the message the decoder is wrapped over (read from the start of its fields). */
    public static GetLedgerQuery copyOf(GetLedgerDecoder d) {
        LedgerInfoType itype = LedgerDataReply.infoType(d.itypeRaw());
        boolean closed = d.ltypeRaw() == LT_CLOSED;
        byte[] h = new byte[Hash256.LENGTH];
        d.getLedgerHash(h, 0, h.length);
        Hash256 hash = Hash256.wrap(h);
        long seq = d.ledgerSeq() == GetLedgerDecoder.ledgerSeqNullValue() ? LedgerMessages.ABSENT : d.ledgerSeq();
        long cookie = d.requestCookie() == GetLedgerDecoder.requestCookieNullValue()
                ? LedgerMessages.ABSENT : d.requestCookie();
        long depth = d.queryDepth() == GetLedgerDecoder.queryDepthNullValue() ? LedgerMessages.ABSENT : d.queryDepth();
        List<byte[]> ids = new ArrayList<>();
        for (GetLedgerDecoder.NodeIdsDecoder n : d.nodeIds()) {
            byte[] id = new byte[n.nodeIdLength()];
            n.getNodeId(id, 0, id.length);
            ids.add(id);
        }
        return new GetLedgerQuery(itype, hash.isZero() ? null : hash, seq, closed, cookie, depth, List.copyOf(ids));
    }
}
