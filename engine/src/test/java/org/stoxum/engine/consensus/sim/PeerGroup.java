package org.stoxum.engine.consensus.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/** A set of peers to wire up and inspect together. */
public final class PeerGroup implements Iterable<SimPeer> {
    private final Sim sim;
    private final List<SimPeer> peers;

    PeerGroup(Sim sim, List<SimPeer> peers) {
        this.sim = sim;
        this.peers = List.copyOf(new LinkedHashSet<>(peers));
    }

    /** The union of this group and {@code o}. */
    public PeerGroup plus(PeerGroup o) {
        List<SimPeer> all = new ArrayList<>(peers);
        all.addAll(o.peers);
        return new PeerGroup(sim, all);
    }

    /** The peers from index {@code from} (inclusive) to {@code to} (exclusive). */
    public PeerGroup slice(int from, int to) {
        return new PeerGroup(sim, peers.subList(from, to));
    }

    /** The {@code i}th peer. */
    public SimPeer get(int i) {
        return peers.get(i);
    }

    /** The number of peers. */
    public int size() {
        return peers.size();
    }

    /** Whether {@code p} is in the group. */
    public boolean contains(SimPeer p) {
        return peers.contains(p);
    }

    @Override
    public Iterator<SimPeer> iterator() {
        return peers.iterator();
    }

    /** Every peer here trusts every peer of {@code o}. */
    public void trust(PeerGroup o) {
        for (SimPeer a : peers) {
            for (SimPeer b : o.peers) {
                sim.trustGraph.trust(a.id(), b.id());
            }
        }
    }

    /** Every peer here trusts node {@code id}. */
    public void trust(int id) {
        for (SimPeer a : peers) {
            sim.trustGraph.trust(a.id(), id);
        }
    }

    /** Links every peer here to every peer of {@code o} with {@code delayMs}. */
    public void connect(PeerGroup o, long delayMs) {
        for (SimPeer a : peers) {
            for (SimPeer b : o.peers) {
                sim.net.connect(a.id(), b.id(), delayMs);
            }
        }
    }

    /** Links every peer here to node {@code id}. */
    public void connect(int id, long delayMs) {
        for (SimPeer a : peers) {
            sim.net.connect(a.id(), id, delayMs);
        }
    }

    /** Trust and link. */
    public void trustAndConnect(PeerGroup o, long delayMs) {
        trust(o);
        connect(o, delayMs);
    }

    /** Breaks every link between this group and {@code o}. */
    public void disconnect(PeerGroup o) {
        for (SimPeer a : peers) {
            for (SimPeer b : o.peers) {
                sim.net.disconnect(a.id(), b.id());
            }
        }
    }

    /** Whether every peer here has the same last closed and fully validated ledger. */
    public boolean synchronized_() {
        if (peers.isEmpty()) {
            return true;
        }
        SimPeer ref = peers.get(0);
        return peers.stream().allMatch(p -> p.lastClosedLedger.id().equals(ref.lastClosedLedger.id())
                && p.fullyValidatedLedger.id().equals(ref.fullyValidatedLedger.id()));
    }

    /** How many chains the fully validated ledgers of this group lie on. */
    public int branches() {
        return LedgerOracle.branches(peers.stream().map(p -> p.fullyValidatedLedger).toList());
    }

    @Override
    public String toString() {
        return peers.toString();
    }
}
