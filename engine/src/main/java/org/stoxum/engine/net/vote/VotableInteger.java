package org.stoxum.engine.net.vote;

import java.util.Map;
import java.util.TreeMap;

/**
 * One fee setting under vote (stoxumd's {@code VotableInteger}): our own vote goes for the target, a
 * validator that says nothing votes for the current value, and the outcome is the value with the most
 * votes between current and target inclusive (the lowest such value on a tie, the current value when
 * none is in range). A setting can therefore only move toward our target, never past it.
 *
 * <p>Values are unsigned 64-bit, compared as such.
 */
final class VotableInteger {
    private final long current;
    private final long target;
    private final Map<Long, Integer> votes = new TreeMap<>(Long::compareUnsigned);

    VotableInteger(long current, long target) {
        this.current = current;
        this.target = target;
        addVote(target);
    }

    void addVote(long value) {
        votes.merge(value, 1, Integer::sum);
    }

    /** A trusted validator sent no vote for this setting: it counts for the current value. */
    void noVote() {
        addVote(current);
    }

    /** The value the votes choose. */
    long result() {
        long low = Long.compareUnsigned(current, target) <= 0 ? current : target;
        long high = Long.compareUnsigned(current, target) <= 0 ? target : current;
        long chosen = current;
        int weight = 0;
        for (Map.Entry<Long, Integer> e : votes.entrySet()) {
            long value = e.getKey();
            if (Long.compareUnsigned(value, low) >= 0 && Long.compareUnsigned(value, high) <= 0
                    && e.getValue() > weight) {
                chosen = value;
                weight = e.getValue();
            }
        }
        return chosen;
    }
}
