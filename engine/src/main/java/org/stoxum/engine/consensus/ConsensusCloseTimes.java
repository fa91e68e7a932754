package org.stoxum.engine.consensus;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The raw close times of a round: each peer's initial estimate (counted per time, ordered) and ours. The
 * application uses them after the round to nudge its network clock toward the others'.
 */
public final class ConsensusCloseTimes {
    private final TreeMap<Long, Integer> peers = new TreeMap<>();
    private long self;

    /** Peers' initial close times (NetClock seconds) with how many peers reported each. */
    public NavigableMap<Long, Integer> peers() {
        return Collections.unmodifiableNavigableMap(peers);
    }

    /** Our own close time (NetClock seconds), 0 before we closed. */
    public long self() {
        return self;
    }

    void addPeer(long closeTime) {
        peers.merge(closeTime, 1, Integer::sum);
    }

    void clearPeers() {
        peers.clear();
    }

    void setSelf(long closeTime) {
        self = closeTime;
    }
}
