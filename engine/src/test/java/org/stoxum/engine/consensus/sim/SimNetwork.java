package org.stoxum.engine.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Links between simulated nodes, each with a fixed delay and a drop rate. Links are symmetric; messages on
 * a link arrive in the order sent. Breaking a link loses what is in flight on it; reconnecting makes a new
 * link. Drops draw from a seeded generator, so runs repeat exactly.
 */
public final class SimNetwork {
    private final Scheduler scheduler;
    private final Random random;
    private final Map<Integer, TreeMap<Integer, Link>> links = new TreeMap<>();
    private long nextEpoch;

    SimNetwork(Scheduler scheduler, Random random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    /** Connects {@code a} and {@code b} with {@code delayMs} each way; false when already linked or a == b. */
    public boolean connect(int a, int b, long delayMs) {
        if (a == b || linked(a, b)) {
            return false;
        }
        long epoch = nextEpoch++;
        links.computeIfAbsent(a, k -> new TreeMap<>()).put(b, new Link(delayMs, epoch));
        links.computeIfAbsent(b, k -> new TreeMap<>()).put(a, new Link(delayMs, epoch));
        return true;
    }

    /** Breaks the link between {@code a} and {@code b}; false when there was none. */
    public boolean disconnect(int a, int b) {
        boolean had = links.getOrDefault(a, new TreeMap<>()).remove(b) != null;
        links.getOrDefault(b, new TreeMap<>()).remove(a);
        return had;
    }

    /** Whether {@code a} and {@code b} are linked. */
    public boolean linked(int a, int b) {
        return links.getOrDefault(a, new TreeMap<>()).containsKey(b);
    }

    /** Sets the share of messages lost on the link between {@code a} and {@code b} (0 to 1). */
    public void setDropRate(int a, int b, double rate) {
        links.get(a).get(b).dropRate = rate;
        links.get(b).get(a).dropRate = rate;
    }

    /** Who {@code from} is linked to, in ID order. */
    public List<Integer> neighbours(int from) {
        return new ArrayList<>(links.getOrDefault(from, new TreeMap<>()).keySet());
    }

    /** The smallest delay on {@code from}'s links, or {@code fallback} when it has none. */
    public long minDelay(int from, long fallback) {
        return links.getOrDefault(from, new TreeMap<>()).values().stream().mapToLong(l -> l.delayMs).min()
                .orElse(fallback);
    }

    /** Delivers {@code onArrival} after the link delay, unless the link breaks first or drops it. */
    public void send(int from, int to, Runnable onArrival) {
        Link link = links.getOrDefault(from, new TreeMap<>()).get(to);
        if (link == null) {
            return;
        }
        if (link.dropRate > 0 && random.nextDouble() < link.dropRate) {
            return;
        }
        long epoch = link.epoch;
        scheduler.in(link.delayMs, () -> {
            Link now = links.getOrDefault(from, new TreeMap<>()).get(to);
            if (now != null && now.epoch == epoch) {
                onArrival.run();
            }
        });
    }

    private static final class Link {
        private final long delayMs;
        private final long epoch;
        private double dropRate;

        Link(long delayMs, long epoch) {
            this.delayMs = delayMs;
            this.epoch = epoch;
        }
    }
}
