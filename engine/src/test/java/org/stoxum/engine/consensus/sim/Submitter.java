package org.stoxum.engine.consensus.sim;

import java.util.List;

/**
 * Submits numbered transactions to peers picked at random, one every {@code intervalMs} from {@code startMs}
 * until {@code stopMs} (virtual time).
 */
public final class Submitter {
    private final Sim sim;
    private final List<SimPeer> targets;
    private final long intervalMs;
    private final long stopMs;
    private int next;

    /**
     * @param firstTx the number of the first transaction
     */
    public Submitter(Sim sim, PeerGroup targets, int firstTx, long startMs, long intervalMs, long stopMs) {
        this.sim = sim;
        this.targets = toList(targets);
        this.intervalMs = intervalMs;
        this.stopMs = stopMs;
        this.next = firstTx;
        sim.scheduler.at(startMs, this::submit);
    }

    private static List<SimPeer> toList(PeerGroup g) {
        List<SimPeer> l = new java.util.ArrayList<>();
        g.forEach(l::add);
        return l;
    }

    private void submit() {
        targets.get(sim.random.nextInt(targets.size())).submit(SimTx.of(next++));
        if (sim.scheduler.now() + intervalMs <= stopMs) {
            sim.scheduler.in(intervalMs, this::submit);
        }
    }

    /** How many transactions were submitted so far. */
    public int submitted(int firstTx) {
        return next - firstTx;
    }
}
