package org.stoxum.engine.net.fetch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMapException;
import org.stoxum.storage.shamap.SHAMapNodeID;
import org.stoxum.storage.shamap.SHAMapSync;
import org.stoxum.storage.shamap.SHAMapSync.AddResult;
import org.stoxum.storage.shamap.SHAMapSync.MissingNode;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * What every acquisition over the peer network shares (rippled's {@code PeerSet}): the peers asked, a
 * timer that counts timeouts only when a whole period brought nothing useful, more peers after each
 * timeout, failure after too many, and the nodes asked for recently (not asked again before the next
 * timer).
 *
 * <p>Every method runs under the set's lock; the owner calls them from its executor, never from the
 * overlay's I/O thread.
 *
 * @param <T> what the acquisition produces
 */
abstract class PeerSet<T> {
    /** Why a round of requests is sent (rippled's {@code TriggerReason}). */
    enum Trigger {
        /** A peer joined the set: ask it blind (shallow). */
        ADDED,
        /** A peer's answer was useful: ask it for more, deeper. */
        REPLY,
        /** A period went by without progress: ask every peer again, indirectly. */
        TIMEOUT
    }

    /** Nodes looked for at once in a tree (rippled's {@code missingNodesFind}). */
    static final int MISSING_NODES_FIND = 256;
    /** Nodes asked for after a useful answer (rippled's {@code reqNodesReply}). */
    static final int REQ_NODES_REPLY = 128;
    /** Nodes asked for blind (rippled's {@code reqNodes}). */
    static final int REQ_NODES = 8;

    final Hash256 hash;
    final CompletableFuture<T> future = new CompletableFuture<>();
    private final Supplier<List<Peer>> peerSource;
    private final Map<Long, Peer> peers = new LinkedHashMap<>();
    private final Set<Hash256> recentNodes = new HashSet<>();
    private final long timeoutMs;
    private final int maxTimeouts;
    private long lastTimerMs;
    private int timeouts;
    private boolean progress;

    PeerSet(Hash256 hash, Supplier<List<Peer>> peerSource, long timeoutMs, int maxTimeouts, long nowMs) {
        this.hash = hash;
        this.peerSource = peerSource;
        this.timeoutMs = timeoutMs;
        this.maxTimeouts = maxTimeouts;
        this.lastTimerMs = nowMs;
    }

    /** Sends the next requests, to {@code peer} or (null) to every peer of the set. */
    abstract void trigger(Peer peer, Trigger reason);

    /** What the owner logs about this acquisition. */
    abstract String describe();

    final synchronized boolean isDone() {
        return future.isDone();
    }

    final synchronized int timeouts() {
        return timeouts;
    }

    final synchronized int peerCount() {
        return peers.size();
    }

    /**
     * Adds a reply's nodes to {@code sync}, charging a peer that sent bad ones (garbage, a malformed node ID,
     * a node that does not hash to what its parent expects).
     *
     * @return the useful nodes, or -1 when nothing was useful and something was bad
     */
    final synchronized int addNodes(Peer peer, SHAMapSync sync, List<LedgerDataReply.RawNode> nodes) {
        int useful = 0;
        boolean bad = false;
        for (LedgerDataReply.RawNode n : nodes) {
            AddResult r;
            try {
                r = sync.addNode(SHAMapNodeID.fromWire(n.id()), n.data());
            } catch (SHAMapException e) {
                r = AddResult.INVALID;
            }
            if (r == AddResult.USEFUL) {
                useful++;
            } else if (r == AddResult.INVALID) {
                bad = true;
            }
        }
        return settle(peer, useful, bad);
    }

    /** Charges a peer that sent bad nodes and counts progress; the answer of {@link #addNodes}. */
    final synchronized int settle(Peer peer, int useful, boolean bad) {
        if (bad) {
            peer.charge(Charge.BAD_DATA);
        }
        if (useful > 0) {
            progress();
        }
        return bad && useful == 0 ? -1 : useful;
    }

    final synchronized void progress() {
        progress = true;
    }

    /** True when a timer period has run out at {@code nowMs} (the owner then calls {@link #onTimer}). */
    final synchronized boolean timerDue(long nowMs) {
        if (future.isDone() || nowMs - lastTimerMs < timeoutMs) {
            return false;
        }
        lastTimerMs = nowMs;
        return true;
    }

    /**
     * One timer period ended: without progress it counts as a timeout, re-asks every peer and adds
     * {@code addOnTimeout} more; past the limit the acquisition fails.
     */
    final synchronized void onTimer(int addOnTimeout) {
        recentNodes.clear();
        if (future.isDone()) {
            return;
        }
        if (progress) {
            progress = false;
            return;
        }
        timeouts++;
        if (timeouts > maxTimeouts) {
            fail(timeouts + " timeouts");
            return;
        }
        trigger(null, Trigger.TIMEOUT);
        addPeers(addOnTimeout);
    }

    /** Adds up to {@code count} open peers not yet in the set, each asked at once. */
    final synchronized void addPeers(int count) {
        List<Peer> candidates = new ArrayList<>();
        for (Peer p : peerSource.get()) {
            if (p.isOpen() && !peers.containsKey(p.id())) {
                candidates.add(p);
            }
        }
        Collections.shuffle(candidates);
        for (Peer p : candidates.subList(0, Math.min(count, candidates.size()))) {
            peers.put(p.id(), p);
            if (!future.isDone()) {
                trigger(p, Trigger.ADDED);
            }
        }
    }

    /** Stops asking {@code peer} (it said it lacks what we want). */
    final synchronized void removePeer(Peer peer) {
        peers.remove(peer.id());
    }

    final synchronized void send(OutboundMessage message, Peer peer) {
        if (peer != null) {
            peer.send(message);
            return;
        }
        for (Peer p : peers.values()) {
            if (p.isOpen()) {
                p.send(message);
            }
        }
    }

    /**
     * Keeps the nodes worth asking for now (rippled's {@code filterNodes}): those not asked for since
     * the last timer first; none at all if every one was, unless this is a timeout; at most 128 after
     * a useful answer, 8 otherwise. The kept ones count as asked for.
     */
    final synchronized List<MissingNode> filterNodes(List<MissingNode> nodes, Trigger reason) {
        List<MissingNode> fresh = new ArrayList<>();
        for (MissingNode n : nodes) {
            if (!recentNodes.contains(n.hash())) {
                fresh.add(n);
            }
        }
        List<MissingNode> kept = fresh.isEmpty() ? (reason == Trigger.TIMEOUT ? nodes : List.of()) : fresh;
        int limit = reason == Trigger.REPLY ? REQ_NODES_REPLY : REQ_NODES;
        kept = new ArrayList<>(kept.subList(0, Math.min(limit, kept.size())));
        for (MissingNode n : kept) {
            recentNodes.add(n.hash());
        }
        return kept;
    }

    final void complete(T result) {
        future.complete(result);
    }

    final void fail(String why) {
        future.completeExceptionally(new AcquisitionFailedException(hash, why));
    }
}
