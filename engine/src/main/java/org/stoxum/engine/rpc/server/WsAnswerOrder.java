package org.stoxum.engine.rpc.server;

import java.util.ArrayDeque;

/**
 * The requests a WebSocket session has in flight, oldest first, so that answers leave in request order
 * however their handlers finish: a client that pipelines sees exactly the sequence it would see if every
 * request were answered before the next was read. Used on the session's loop thread only.
 */
final class WsAnswerOrder {

    /** One request's place in the order; filled once when its answer is ready. */
    static final class Slot {
        private byte[] answer;
        private boolean thenClose;
        private boolean done;
        private boolean dropped;

        /** The answer's bytes, or null when the request has no answer (the session is closing). */
        byte[] answer() {
            return answer;
        }

        /** True when the session closes once this answer is sent. */
        boolean thenClose() {
            return thenClose;
        }
    }

    private final ArrayDeque<Slot> slots = new ArrayDeque<>();

    /** Takes the next place in the order for a request just read. */
    Slot open() {
        Slot slot = new Slot();
        slots.add(slot);
        return slot;
    }

    /** Requests read whose answers have not left yet. */
    int inFlight() {
        return slots.size();
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    /**
     * Records the answer of {@code slot}. Returns false when the slot was dropped (the session began
     * closing meanwhile): then the answer goes nowhere.
     */
    boolean complete(Slot slot, byte[] answer, boolean thenClose) {
        if (slot.dropped) {
            return false;
        }
        slot.answer = answer;
        slot.thenClose = thenClose;
        slot.done = true;
        return true;
    }

    /** Removes and returns the oldest slot if its answer is in; null while it is still being worked on. */
    Slot poll() {
        Slot head = slots.peek();
        if (head == null || !head.done) {
            return null;
        }
        return slots.poll();
    }

    /** Forgets every slot: answers still to come are discarded. */
    void clear() {
        for (Slot slot : slots) {
            slot.dropped = true;
        }
        slots.clear();
    }
}
