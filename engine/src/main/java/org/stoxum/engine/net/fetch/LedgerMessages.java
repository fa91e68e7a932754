package org.stoxum.engine.net.fetch;

import java.util.List;
import org.stoxum.codec.sbe.GetLedgerEncoder;
import org.stoxum.codec.sbe.LedgerDataEncoder;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.sbe.LedgerType;
import org.stoxum.codec.sbe.QueryType;
import org.stoxum.codec.sbe.ReplyError;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMapNodeID;
import org.stoxum.storage.shamap.SHAMapSync.WireNode;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.Frames;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * Frames of the ledger-fetching conversation (stoxumd's {@code TMGetLedger} and {@code TMLedgerData}),
 * written with the generated SBE encoders. Callable from any thread (one encoder per thread).
 */
public final class LedgerMessages {
    /** Marks an optional number as absent in the parameters below. */
    public static final long ABSENT = -1;
    private static final byte[] NO_BYTES = new byte[0];
    private static final ThreadLocal<Encoders> ENCODERS = ThreadLocal.withInitial(Encoders::new);

    private static final class Encoders {
        final FrameEncoder frames = new FrameEncoder();
        final GetLedgerEncoder getLedger = new GetLedgerEncoder();
        final LedgerDataEncoder ledgerData = new LedgerDataEncoder();
    }

    private LedgerMessages() {
    }

    /**
     * A request for a ledger's header (BASE), nodes of its state or transaction tree (AS_NODE, TX_NODE),
     * or nodes of a candidate transaction set (TS_CANDIDATE, {@code hash} being the set's hash).
     *
     * @param hash       the ledger's hash, or null to ask by sequence
     * @param seq        the ledger sequence, or {@link #ABSENT}
     * @param queryDepth how many levels below each node to send (0..3), or {@link #ABSENT} (the server picks)
     * @param indirect   stoxumd's {@code qtINDIRECT}: set once an acquisition has timed out
     */
    public static OutboundMessage getLedger(LedgerInfoType itype, Hash256 hash, long seq, long queryDepth,
                                            boolean indirect, List<SHAMapNodeID> nodeIds) {
        Encoders e = ENCODERS.get();
        GetLedgerEncoder m = e.getLedger.wrapAndApplyHeader(e.frames.buffer(), Frames.LENGTH_BYTES, e.frames.header());
        byte[] h = (hash == null ? Hash256.ZERO : hash).toBytes();
        m.itype(itype).ltype(LedgerType.NULL_VAL).putLedgerHash(h, 0, Hash256.LENGTH)
                .ledgerSeq(seq == ABSENT ? GetLedgerEncoder.ledgerSeqNullValue() : seq)
                .requestCookie(GetLedgerEncoder.requestCookieNullValue())
                .queryType(indirect ? QueryType.INDIRECT : QueryType.NULL_VAL)
                .queryDepth(queryDepth == ABSENT ? GetLedgerEncoder.queryDepthNullValue() : queryDepth);
        GetLedgerEncoder.NodeIdsEncoder ids = m.nodeIdsCount(nodeIds.size());
        for (SHAMapNodeID id : nodeIds) {
            byte[] wire = id.toWire();
            ids.next().putNodeId(wire, 0, wire.length);
        }
        return e.frames.finish(m.limit());
    }

    /**
     * A reply carrying nodes.
     *
     * @param cookie the request's cookie to echo, or {@link #ABSENT}
     * @param nodes  the nodes; a null ID stands for the ledger header (sent without an ID)
     */
    public static OutboundMessage ledgerData(Hash256 hash, long seq, LedgerInfoType type, long cookie,
                                             List<WireNode> nodes) {
        Encoders e = ENCODERS.get();
        LedgerDataEncoder m = header(e, hash, seq, type, cookie).replyError(ReplyError.NULL_VAL);
        LedgerDataEncoder.NodesEncoder group = m.nodesCount(nodes.size());
        for (WireNode n : nodes) {
            byte[] id = n.id() == null ? NO_BYTES : n.id().toWire();
            group.next().putNodeData(n.data(), 0, n.data().length).putNodeId(id, 0, id.length);
        }
        return e.frames.finish(m.limit());
    }

    /** A reply saying the ledger (reNO_LEDGER) or the nodes (reNO_NODE) are not available here. */
    public static OutboundMessage ledgerError(Hash256 hash, long seq, LedgerInfoType type, long cookie,
                                              ReplyError error) {
        Encoders e = ENCODERS.get();
        LedgerDataEncoder m = header(e, hash, seq, type, cookie).replyError(error);
        m.nodesCount(0);
        return e.frames.finish(m.limit());
    }

    private static LedgerDataEncoder header(Encoders e, Hash256 hash, long seq, LedgerInfoType type, long cookie) {
        return e.ledgerData.wrapAndApplyHeader(e.frames.buffer(), Frames.LENGTH_BYTES, e.frames.header())
                .putLedgerHash(hash.toBytes(), 0, Hash256.LENGTH)
                .ledgerSeq(seq)
                .infoType(type)
                .requestCookie(cookie == ABSENT || cookie > 0xFFFF_FFFFL
                        ? LedgerDataEncoder.requestCookieNullValue() : cookie);
    }
}
