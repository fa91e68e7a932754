package org.stoxum.engine.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A whole simulated network in one thread: scheduler, links, trust graph, ledger oracle, nodes and
 * collectors. Everything random draws from one seeded generator, so a run is repeatable.
 */
public final class Sim {
    final Scheduler scheduler = new Scheduler();
    final Random random;
    final SimNetwork net;
    final TrustGraph trustGraph = new TrustGraph();
    final LedgerOracle oracle = new LedgerOracle();
    private final List<SimNode> nodes = new ArrayList<>();
    private final List<SimCollector> collectors = new ArrayList<>();
    private final List<SimPeer> peers = new ArrayList<>();

    /** A simulation whose randomness comes from {@code seed}. */
    public Sim(long seed) {
        random = new Random(seed);
        net = new SimNetwork(scheduler, random);
    }

    /** A simulation with seed 0. */
    public Sim() {
        this(0);
    }

    /** The scheduler (virtual clock). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The network links. */
    public SimNetwork net() {
        return net;
    }

    /** The trust graph. */
    public TrustGraph trustGraph() {
        return trustGraph;
    }

    /** The shared generator. */
    public Random random() {
        return random;
    }

    /** Adds {@code n} honest peers (each trusting itself), without links. */
    public PeerGroup createGroup(int n) {
        List<SimPeer> created = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SimPeer p = new SimPeer(this, nodes.size());
            nodes.add(p);
            peers.add(p);
            trustGraph.trust(p.id(), p.id());
            created.add(p);
        }
        return new PeerGroup(this, created);
    }

    /** Adds a node that is not an honest peer (an adversary); it gets the next ID. */
    public <N extends SimNode> N add(java.util.function.IntFunction<N> factory) {
        N node = factory.apply(nodes.size());
        nodes.add(node);
        return node;
    }

    /** Registers a collector. */
    public void addCollector(SimCollector c) {
        collectors.add(c);
    }

    void report(int node, SimEvent e) {
        for (SimCollector c : collectors) {
            c.on(node, scheduler.now(), e);
        }
    }

    SimNode node(int id) {
        return nodes.get(id);
    }

    SimPeer peer(int id) {
        return (SimPeer) nodes.get(id);
    }

    /** Every honest peer. */
    public PeerGroup all() {
        return new PeerGroup(this, peers);
    }

    /** Runs until every peer has closed {@code ledgers} more ledgers. */
    public void run(int ledgers) {
        for (SimPeer p : peers) {
            p.targetLedgers = p.completedLedgers + ledgers;
            p.start();
        }
        scheduler.step();
    }

    /** Runs every peer for {@code durationMs} of virtual time. */
    public void runFor(long durationMs) {
        for (SimPeer p : peers) {
            p.targetLedgers = Integer.MAX_VALUE;
            p.start();
        }
        scheduler.stepFor(durationMs);
    }

    /** Whether all peers share their last closed and fully validated ledgers. */
    public boolean synchronized_() {
        return all().synchronized_();
    }

    /** How many chains the peers' fully validated ledgers lie on. */
    public int branches() {
        return all().branches();
    }
}
