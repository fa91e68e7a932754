package org.stoxum.engine.consensus.sim;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event scheduler with a virtual millisecond clock (the simulation framework's heart). Events at
 * the same time run in the order they were scheduled, so a run is a pure function of its inputs.
 */
public final class Scheduler {
    /** A run that processes more events than this is taken to be spinning. */
    static final long MAX_EVENTS_PER_STEP = 50_000_000L;

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long nextSeq;

    /** Virtual time (ms since the simulation started). */
    public long now() {
        return now;
    }

    /** Runs {@code action} at virtual time {@code when} (not before now). */
    public Cancellable at(long when, Runnable action) {
        Event e = new Event(Math.max(when, now), nextSeq++, action);
        queue.add(e);
        return e;
    }

    /** Runs {@code action} after {@code delayMs}. */
    public Cancellable in(long delayMs, Runnable action) {
        return at(now + delayMs, action);
    }

    /** Runs the next event; false when none is left. */
    public boolean stepOne() {
        Event e = queue.poll();
        if (e == null) {
            return false;
        }
        now = e.when;
        if (!e.cancelled) {
            e.action.run();
        }
        return true;
    }

    /** Runs until no event is left. */
    public void step() {
        stepWhile(() -> true);
    }

    /** Runs events while {@code condition} holds and events remain; true if the condition stopped it. */
    public boolean stepWhile(BooleanSupplier condition) {
        long n = 0;
        while (condition.getAsBoolean()) {
            if (!stepOne()) {
                return false;
            }
            if (++n > MAX_EVENTS_PER_STEP) {
                throw new IllegalStateException("simulation did not settle");
            }
        }
        return true;
    }

    /** Runs every event up to and including {@code until}, then sets the clock there. */
    public void stepUntil(long until) {
        stepWhile(() -> !queue.isEmpty() && queue.peek().when <= until);
        now = Math.max(now, until);
    }

    /** Runs for {@code durationMs} of virtual time. */
    public void stepFor(long durationMs) {
        stepUntil(now + durationMs);
    }

    /** A scheduled event that can be called off. */
    public interface Cancellable {
        /** Calls the event off; it will not run. */
        void cancel();
    }

    private static final class Event implements Comparable<Event>, Cancellable {
        private final long when;
        private final long seq;
        private final Runnable action;
        private boolean cancelled;

        Event(long when, long seq, Runnable action) {
            this.when = when;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(when, o.when);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
