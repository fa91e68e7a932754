package org.stoxum.engine.net.fetch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.SHAMapNodeID;
import org.stoxum.storage.shamap.SHAMapNodeSource;
import org.stoxum.storage.shamap.SHAMapSync;
import org.stoxum.storage.shamap.SHAMapSync.AddResult;
import org.stoxum.storage.shamap.SHAMapSync.MissingNode;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * One ledger being acquired (rippled's {@code InboundLedger}): its header first, then the state tree,
 * then the transaction tree, every node checked against the hash that names it, so the finished
 * ledger is the one whose hash was asked for whichever peers answered.
 */
final class LedgerAcquisition extends PeerSet<Ledger> {
    /** rippled's {@code ledgerAcquireTimeout}. */
    static final long TIMEOUT_MS = 2_500;
    /** rippled's {@code ledgerTimeoutRetriesMax}. */
    static final int MAX_TIMEOUTS = 10;
    /** rippled's {@code peerCountStart} and {@code peerCountAdd}. */
    static final int PEERS_START = 4;
    static final int PEERS_ADD = 2;
    /** Needed node hashes fetch_info lists per tree. */
    private static final int NEEDED_HASHES_SHOWN = 16;

    private final long seq;
    private final InboundLedgers.Reason reason;
    private final SHAMapNodeSource local;
    private final Fees configFees;
    private final Set<Hash256> presets;
    private LedgerHeader header;
    private boolean claimed;
    private SHAMapSync state;
    private SHAMapSync txs;

    LedgerAcquisition(Hash256 hash, long seq, InboundLedgers.Reason reason, Supplier<List<Peer>> peers,
                      SHAMapNodeSource local, Fees configFees, Set<Hash256> presets, long nowMs) {
        super(hash, peers, TIMEOUT_MS, MAX_TIMEOUTS, nowMs);
        this.seq = seq;
        this.reason = reason;
        this.local = local;
        this.configFees = configFees;
        this.presets = presets;
    }

    InboundLedgers.Reason reason() {
        return reason;
    }

    /** Takes what the local store already has; true if that is the whole ledger. */
    synchronized boolean tryLocal(LedgerHeader stored) {
        if (stored != null && stored.hash().equals(hash)) {
            takeHeader(stored);
        }
        return header != null && state.isComplete() && txs.isComplete();
    }

    private void takeHeader(LedgerHeader h) {
        header = h;
        state = SHAMapSync.acquire(SHAMapLeafType.ACCOUNT_STATE, h.accountHash(), local);
        txs = SHAMapSync.acquire(SHAMapLeafType.TRANSACTION_WITH_METADATA, h.txHash(), local);
    }

    /**
     * The finished ledger the first time the trees are found complete, built over them; null before,
     * and after (so that one caller alone finishes it).
     */
    synchronized Ledger claimComplete() {
        if (claimed || isDone() || header == null || !state.isComplete() || !txs.isComplete()) {
            return null;
        }
        claimed = true;
        return Ledger.of(header, state.map(), txs.map(), configFees, presets);
    }

    /**
     * Takes a peer's answer; returns how many of its nodes were useful (-1 for a bad answer, the peer
     * charged).
     */
    synchronized int process(Peer peer, LedgerDataReply reply) {
        if (isDone()) {
            return 0;
        }
        if (reply.error() != null) {
            removePeer(peer);
            return 0;
        }
        if (reply.type() == LedgerInfoType.BASE) {
            return processBase(peer, reply);
        }
        SHAMapSync sync = reply.type() == LedgerInfoType.AS_NODE ? state
                : reply.type() == LedgerInfoType.TX_NODE ? txs : null;
        if (sync == null || header == null) {
            peer.charge(Charge.UNWANTED_DATA);
            return -1;
        }
        if (reply.nodes().isEmpty()) {
            peer.charge(Charge.INVALID_REQUEST);
            return -1;
        }
        return addNodes(peer, sync, reply.nodes());
    }

    private int processBase(Peer peer, LedgerDataReply reply) {
        if (reply.nodes().isEmpty()) {
            peer.charge(Charge.INVALID_REQUEST);
            return -1;
        }
        int useful = 0;
        if (header == null) {
            LedgerHeader h;
            try {
                h = LedgerHeader.fromBytes(reply.nodes().get(0).data());
            } catch (RuntimeException e) {
                h = null;
            }
            if (h == null || !h.hash().equals(hash) || (seq > 0 && h.seq() != seq)) {
                peer.charge(Charge.BAD_DATA);
                return -1;
            }
            takeHeader(h);
            useful++;
        }
        boolean bad = false;
        for (int i = 1; i < Math.min(3, reply.nodes().size()); i++) {
            AddResult r = (i == 1 ? state : txs).addRoot(reply.nodes().get(i).data());
            if (r == AddResult.USEFUL) {
                useful++;
            } else if (r == AddResult.INVALID) {
                bad = true;
            }
        }
        return settle(peer, useful, bad);
    }

    @Override
    synchronized void trigger(Peer peer, Trigger why) {
        if (isDone()) {
            return;
        }
        boolean indirect = timeouts() > 0;
        if (header == null) {
            send(LedgerMessages.getLedger(LedgerInfoType.BASE, hash, seq > 0 ? seq : LedgerMessages.ABSENT,
                    LedgerMessages.ABSENT, indirect, List.of()), peer);
            return;
        }
        long depth = why == Trigger.REPLY ? 1 : 0;
        if (!request(state, LedgerInfoType.AS_NODE, peer, why, depth, indirect)) {
            request(txs, LedgerInfoType.TX_NODE, peer, why, depth, indirect);
        }
    }

    /** Asks for the tree's root or missing nodes; false when there is nothing to ask for in it now. */
    private boolean request(SHAMapSync sync, LedgerInfoType type, Peer peer, Trigger why, long depth,
                            boolean indirect) {
        long s = header.seq();
        if (!sync.hasRoot()) {
            send(LedgerMessages.getLedger(type, hash, s, depth, indirect, List.of(SHAMapNodeID.ROOT)), peer);
            return true;
        }
        List<MissingNode> missing = sync.missingNodes(MISSING_NODES_FIND);
        if (missing.isEmpty()) {
            return false;
        }
        List<MissingNode> ask = filterNodes(missing, why);
        if (ask.isEmpty()) {
            return true; // all asked for already: wait for answers or the timer
        }
        send(LedgerMessages.getLedger(type, hash, s, depth, indirect, ask.stream().map(MissingNode::id).toList()),
                peer);
        return true;
    }

    /** The ledger's sequence: the one given, or the header's once it is known. */
    synchronized long seq() {
        return header != null ? header.seq() : seq;
    }

    /**
     * What {@code fetch_info} shows of this acquisition (stoxumd's InboundLedger::getJson), keys in
     * stoxumd's (sorted) order: done or failed, the peers asked while under way, which parts are held,
     * the timeouts, and up to 16 of the nodes each tree still needs.
     */
    synchronized ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean failed = future.isCompletedExceptionally();
        boolean complete = future.isDone() && !failed;
        if (complete) {
            out.put("complete", true);
        }
        if (failed) {
            out.put("failed", true);
        }
        out.put("hash", hash.toString());
        out.put("have_header", header != null);
        if (header != null) {
            out.put("have_state", state.isComplete());
            out.put("have_transactions", txs.isComplete());
        }
        if (header != null && !state.isComplete()) {
            neededHashes(out.putArray("needed_state_hashes"), state);
        }
        if (header != null && !txs.isComplete()) {
            neededHashes(out.putArray("needed_transaction_hashes"), txs);
        }
        if (!complete && !failed) {
            out.put("peers", peerCount());
        }
        out.put("timeouts", timeouts());
        return out;
    }

    private static void neededHashes(ArrayNode out, SHAMapSync sync) {
        if (!sync.hasRoot()) {
            out.add(sync.rootHash().toString());
            return;
        }
        for (MissingNode n : sync.missingNodes(NEEDED_HASHES_SHOWN)) {
            out.add(n.hash().toString());
        }
    }

    /** Nodes received so far (both trees), for progress reports. */
    synchronized int nodesReceived() {
        return (state == null ? 0 : state.nodesReceived()) + (txs == null ? 0 : txs.nodesReceived());
    }

    @Override
    String describe() {
        return "ledger " + (seq > 0 ? seq + " " : "") + hash;
    }

}
