package org.stoxum.engine.consensus.sim;

/** Receives every event of a simulation, for analysis after (or during) a run. */
@FunctionalInterface
public interface SimCollector {
    /** Node {@code node} did {@code event} at virtual time {@code timeMs}. */
    void on(int node, long timeMs, SimEvent event);
}
