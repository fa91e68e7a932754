package org.stoxum.engine.net.fetch;

import java.util.List;
import java.util.function.Supplier;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.SHAMapNodeID;
import org.stoxum.storage.shamap.SHAMapSync;
import org.stoxum.storage.shamap.SHAMapSync.MissingNode;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * One consensus candidate transaction set being acquired (rippled's {@code TransactionAcquire}): a tree
 * of transactions without metadata, named by its root hash, asked for with {@code TS_CANDIDATE}.
 */
final class TxSetAcquisition extends PeerSet<SHAMap> {
    /** rippled's {@code TX_ACQUIRE_TIMEOUT}. */
    static final long TIMEOUT_MS = 250;
    /** rippled's {@code MAX_TIMEOUTS}. */
    static final int MAX_TIMEOUTS = 20;
    /** Peers asked first ({@code InboundTransactions}' start peers), and added per timeout. */
    static final int PEERS_START = 2;
    static final int PEERS_ADD = 1;
    /** The whole set is usually small: ask for the root three levels deep. */
    private static final long ROOT_QUERY_DEPTH = 3;

    private final SHAMapSync sync;
    private boolean claimed;

    TxSetAcquisition(Hash256 setHash, Supplier<List<Peer>> peers, long nowMs) {
        super(setHash, peers, TIMEOUT_MS, MAX_TIMEOUTS, nowMs);
        this.sync = SHAMapSync.acquire(SHAMapLeafType.TRANSACTION_NO_METADATA, setHash, null);
    }

    /** Takes a peer's answer; returns how many of its nodes were useful (-1 for a bad answer, charged). */
    synchronized int process(Peer peer, LedgerDataReply reply) {
        if (isDone()) {
            return 0;
        }
        if (reply.error() != null) {
            removePeer(peer);
            return 0;
        }
        if (reply.nodes().isEmpty()) {
            peer.charge(Charge.INVALID_REQUEST);
            return -1;
        }
        return addNodes(peer, sync, reply.nodes());
    }

    @Override
    synchronized void trigger(Peer peer, Trigger why) {
        if (isDone()) {
            return;
        }
        boolean indirect = timeouts() > 0;
        if (!sync.hasRoot()) {
            send(LedgerMessages.getLedger(LedgerInfoType.TS_CANDIDATE, hash, LedgerMessages.ABSENT, ROOT_QUERY_DEPTH,
                    indirect, List.of(SHAMapNodeID.ROOT)), peer);
            return;
        }
        List<MissingNode> missing = sync.missingNodes(MISSING_NODES_FIND);
        if (missing.isEmpty()) {
            return;
        }
        List<MissingNode> ask = filterNodes(missing, why);
        if (!ask.isEmpty()) {
            send(LedgerMessages.getLedger(LedgerInfoType.TS_CANDIDATE, hash, LedgerMessages.ABSENT,
                    LedgerMessages.ABSENT, indirect, ask.stream().map(MissingNode::id).toList()), peer);
        }
    }

    /** How many nodes came from peers (logged, to show what a round cost the network). */
    synchronized int nodesFetched() {
        return sync.nodesReceived();
    }

    /** The finished set the first time it is found complete; null before and after. */
    synchronized SHAMap claimComplete() {
        if (claimed || isDone() || !sync.isComplete()) {
            return null;
        }
        claimed = true;
        return sync.map();
    }

    @Override
    String describe() {
        return "transaction set " + hash;
    }
}
