package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.LongSupplier;

/**
 * The node's operating mode and how long it spent in each (rippled's {@code StateAccounting}), its uptime,
 * what the last consensus round reported, and whether it is amendment-blocked. Thread-safe.
 */
public final class ServerStatus {
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final long[] transitions = new long[OperatingMode.values().length];
    private final long[] durationsNanos = new long[OperatingMode.values().length];
    private OperatingMode mode = OperatingMode.DISCONNECTED;
    private long modeSince;
    private long lastProposers;
    private long lastConvergeMillis;
    private boolean amendmentBlocked;
    private volatile Runnable onModeChange = () -> { };

    /** @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} in production) */
    public ServerStatus(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.modeSince = startNanos;
        transitions[OperatingMode.DISCONNECTED.ordinal()] = 1;
    }

    public synchronized OperatingMode mode() {
        return mode;
    }

    /** What to run after each change of mode (the server stream reports it), outside this object's lock. */
    public void onModeChange(Runnable action) {
        onModeChange = action;
    }

    /**
     * Moves to {@code next}, counting the transition and closing the time spent in the old mode. An
     * amendment-blocked node goes no further than tracking: it cannot build ledgers by the network's rules.
     */
    public void setMode(OperatingMode next) {
        if (changeMode(next)) {
            onModeChange.run();
        }
    }

    private synchronized boolean changeMode(OperatingMode next) {
        if (amendmentBlocked && next.compareTo(OperatingMode.TRACKING) > 0) {
            next = OperatingMode.TRACKING;
        }
        if (next == mode) {
            return false;
        }
        long now = nanoClock.getAsLong();
        durationsNanos[mode.ordinal()] += now - modeSince;
        modeSince = now;
        mode = next;
        transitions[next.ordinal()]++;
        return true;
    }

    /**
     * Marks the node amendment-blocked (stoxumd's {@code setAmendmentBlocked}): a validated ledger enabled an
     * amendment this build does not support. It stays so until restarted with a build that does. Like
     * stoxumd, this sets the mode to tracking whatever it was (a connected node moves up to it); afterwards
     * the mode can fall but never rise above tracking.
     */
    public void setAmendmentBlocked() {
        synchronized (this) {
            amendmentBlocked = true;
        }
        setMode(OperatingMode.TRACKING);
    }

    /** True once a validated ledger enabled an amendment this build does not support. */
    public synchronized boolean amendmentBlocked() {
        return amendmentBlocked;
    }

    /** Records what the last consensus round saw (in stand-alone mode: no proposers). */
    public synchronized void lastClose(long proposers, long convergeMillis) {
        lastProposers = proposers;
        lastConvergeMillis = convergeMillis;
    }

    public synchronized long lastProposers() {
        return lastProposers;
    }

    public synchronized long lastConvergeMillis() {
        return lastConvergeMillis;
    }

    /** Whole seconds since the node started. */
    public long uptimeSeconds() {
        return (nanoClock.getAsLong() - startNanos) / 1_000_000_000L;
    }

    /** {@code state_accounting}: per mode, transitions into it and microseconds spent in it (as strings). */
    public synchronized ObjectNode accountingJson() {
        long now = nanoClock.getAsLong();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (OperatingMode m : OperatingMode.values()) {
            long nanos = durationsNanos[m.ordinal()] + (m == mode ? now - modeSince : 0);
            ObjectNode entry = out.putObject(m.displayName());
            entry.put("transitions", transitions[m.ordinal()]);
            entry.put("duration_us", Long.toString(nanos / 1000));
        }
        return out;
    }
}
