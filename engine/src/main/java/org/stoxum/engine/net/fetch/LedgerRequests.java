package org.stoxum.engine.net.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.sbe.GetLedgerDecoder;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.sbe.ReplyError;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapException;
import org.stoxum.storage.shamap.SHAMapNodeID;
import org.stoxum.storage.shamap.SHAMapSync;
import org.stoxum.storage.shamap.SHAMapSync.WireNode;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * Answers peers' {@code GetLedger} requests (rippled's {@code PeerImp::getLedger}): a ledger's header
 * with its tree roots, nodes of its trees by node ID to a depth, or nodes of a candidate transaction
 * set we hold. What we lack is answered with {@code reNO_LEDGER} / {@code reNO_NODE} so that the asker
 * turns to another peer; malformed requests are charged.
 *
 * <p>{@link #onGetLedger} runs on the overlay's I/O thread: it copies the request and answers it on the
 * executor, since reading trees may reach the disk.
 */
public final class LedgerRequests {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerRequests.class);
    /** The most nodes one reply carries (rippled's {@code Tuning::maxReplyNodes}). */
    public static final int MAX_REPLY_NODES = 8192;
    /** The deepest query honoured. */
    static final long MAX_QUERY_DEPTH = 3;

    private final LedgerLookup ledgers;
    private final InboundTxSets txSets;
    private final Executor executor;

    /**
     * @param ledgers  the ledgers we serve
     * @param txSets   the candidate sets we serve
     * @param executor where answers are built
     */
    public LedgerRequests(LedgerLookup ledgers, InboundTxSets txSets, Executor executor) {
        this.ledgers = Objects.requireNonNull(ledgers, "ledgers");
        this.txSets = Objects.requireNonNull(txSets, "txSets");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** A peer's request; copied here, answered on the executor. */
    public void onGetLedger(Peer peer, GetLedgerDecoder msg) {
        GetLedgerQuery query = GetLedgerQuery.copyOf(msg);
        executor.execute(() -> {
            try {
                answer(peer, query);
            } catch (RuntimeException e) {
                LOG.warn("answering a ledger request from peer {} failed", peer.id(), e);
            }
        });
    }

    /** Answers {@code query} from {@code peer}; public for callers that already hold a copy. */
    public void answer(Peer peer, GetLedgerQuery query) {
        if (query.itype() == null) {
            peer.charge(Charge.INVALID_REQUEST);
            return;
        }
        if (query.itype() == LedgerInfoType.TS_CANDIDATE) {
            answerTxSet(peer, query);
            return;
        }
        Ledger ledger = find(peer, query);
        if (ledger == null) {
            return;
        }
        Hash256 hash = ledger.hash();
        long seq = ledger.seq();
        if (query.itype() == LedgerInfoType.BASE) {
            List<WireNode> nodes = new ArrayList<>(3);
            nodes.add(new WireNode(null, ledger.header().toBytes()));
            if (!ledger.stateMap().hash().isZero()) {
                nodes.add(new WireNode(SHAMapNodeID.ROOT, ledger.stateMap().root().toWire()));
                if (!ledger.txMap().hash().isZero()) {
                    nodes.add(new WireNode(SHAMapNodeID.ROOT, ledger.txMap().root().toWire()));
                }
            }
            peer.send(LedgerMessages.ledgerData(hash, seq, LedgerInfoType.BASE, query.cookie(), nodes));
            return;
        }
        SHAMap map = query.itype() == LedgerInfoType.AS_NODE ? ledger.stateMap() : ledger.txMap();
        sendNodes(peer, query, map, hash, seq, true);
    }

    /** The ledger asked for, or null once the request has been answered or charged. */
    private Ledger find(Peer peer, GetLedgerQuery query) {
        Ledger ledger;
        if (query.hash() != null) {
            ledger = ledgers.byHash(query.hash());
        } else if (query.seq() != LedgerMessages.ABSENT) {
            ledger = query.seq() < ledgers.earliestFetch() ? null : ledgers.bySeq(query.seq());
        } else if (query.closedLedger()) {
            ledger = ledgers.closed();
        } else {
            peer.charge(Charge.INVALID_REQUEST);
            return null;
        }
        if (ledger != null && query.seq() != LedgerMessages.ABSENT && query.seq() != ledger.seq()) {
            peer.charge(Charge.INVALID_REQUEST); // the hash and the sequence disagree
            return null;
        }
        if (ledger == null || ledger.seq() < ledgers.earliestFetch()) {
            Hash256 asked = query.hash() != null ? query.hash() : Hash256.ZERO;
            long seq = query.seq() == LedgerMessages.ABSENT ? 0 : query.seq();
            peer.send(LedgerMessages.ledgerError(asked, seq, query.itype(), query.cookie(), ReplyError.NO_LEDGER));
            return null;
        }
        return ledger;
    }

    private void answerTxSet(Peer peer, GetLedgerQuery query) {
        if (query.hash() == null) {
            peer.charge(Charge.INVALID_REQUEST);
            return;
        }
        SHAMap set = txSets.knownSet(query.hash());
        if (set == null) {
            peer.send(LedgerMessages.ledgerError(query.hash(), 0, LedgerInfoType.TS_CANDIDATE, query.cookie(),
                    ReplyError.NO_LEDGER));
            return;
        }
        // Leaves are left out below the asked depth: the peer most likely has most transactions already.
        sendNodes(peer, query, set, query.hash(), 0, false);
    }

    private void sendNodes(Peer peer, GetLedgerQuery query, SHAMap map, Hash256 hash, long seq, boolean fatLeaves) {
        if (query.nodeIds().isEmpty()) {
            peer.charge(Charge.INVALID_REQUEST);
            return;
        }
        int depth = (int) (query.queryDepth() == LedgerMessages.ABSENT ? 1
                : Math.min(query.queryDepth(), MAX_QUERY_DEPTH));
        List<WireNode> nodes = new ArrayList<>();
        for (byte[] raw : query.nodeIds()) {
            if (nodes.size() >= MAX_REPLY_NODES) {
                break;
            }
            SHAMapNodeID id;
            try {
                id = SHAMapNodeID.fromWire(raw);
            } catch (SHAMapException e) {
                peer.charge(Charge.INVALID_REQUEST);
                return;
            }
            nodes.addAll(SHAMapSync.nodesAt(map, id, depth, fatLeaves, MAX_REPLY_NODES - nodes.size()));
        }
        if (nodes.isEmpty()) {
            peer.send(LedgerMessages.ledgerError(hash, seq, query.itype(), query.cookie(), ReplyError.NO_NODE));
            return;
        }
        peer.send(LedgerMessages.ledgerData(hash, seq, query.itype(), query.cookie(), nodes));
    }
}
