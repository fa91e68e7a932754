package org.stoxum.transport.peer.resource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * A resource manager for peers without cluster gossip, with stoxumd's numbers: each endpoint's balance
 * decays exponentially over a {@value #DECAY_WINDOW_SECONDS}-second window, is warned at
 * {@value #WARNING_THRESHOLD} and dropped at {@value #DROP_THRESHOLD}; idle entries are forgotten after
 * {@value #SECONDS_UNTIL_EXPIRATION} seconds.
 *
 * <p>The balance is kept as stoxumd keeps it: charges add to a sample that loses 1/32 of itself
 * (rounded up) for each whole second, and the balance is the sample divided by the window, so a peer
 * paying a steady {@code r} units a second settles near {@code r}. Time comes from an
 * {@link EpochClock} so tests can step it.
 */
public final class LocalPeerResources implements PeerResources {
    /** Balance at which a consumer is warned. */
    public static final int WARNING_THRESHOLD = 5000;
    /** Balance at which a consumer is disconnected. */
    public static final int DROP_THRESHOLD = 15000;
    /** Length of the decay window. */
    public static final int DECAY_WINDOW_SECONDS = 32;
    /** An idle entry is forgotten after this long. */
    public static final long SECONDS_UNTIL_EXPIRATION = 300;

    private static final int SWEEP_EVERY = 256;

    private final EpochClock clock;
    private final Map<Object, Entry> table = new ConcurrentHashMap<>();
    private int lookupsSinceSweep;

    /** A manager on the system clock. */
    public LocalPeerResources() {
        this(SystemEpochClock.INSTANCE);
    }

    /** A manager on the given clock (milliseconds since the epoch). */
    public LocalPeerResources(EpochClock clock) {
        this.clock = clock;
    }

    @Override
    public PeerConsumer newInboundEndpoint(InetSocketAddress remote) {
        return entry(remote.getAddress());
    }

    @Override
    public PeerConsumer newOutboundEndpoint(InetSocketAddress remote) {
        return entry(remote);
    }

    /** The current balance of an inbound address, 0 when unknown. */
    public int inboundBalance(InetAddress address) {
        Entry e = table.get(address);
        return e == null ? 0 : e.balance();
    }

    /** The current balance of an outbound endpoint, 0 when unknown. */
    public int outboundBalance(InetSocketAddress endpoint) {
        Entry e = table.get(endpoint);
        return e == null ? 0 : e.balance();
    }

    private PeerConsumer entry(Object key) {
        long now = nowSeconds();
        sweepIfDue(now);
        return table.computeIfAbsent(key, k -> new Entry(now));
    }

    private long nowSeconds() {
        return clock.time() / 1000;
    }

    private synchronized void sweepIfDue(long now) {
        if (++lookupsSinceSweep < SWEEP_EVERY) {
            return;
        }
        lookupsSinceSweep = 0;
        for (Iterator<Entry> it = table.values().iterator(); it.hasNext(); ) {
            if (it.next().idleSince(now) > SECONDS_UNTIL_EXPIRATION) {
                it.remove();
            }
        }
    }

    private static Disposition disposition(int balance) {
        if (balance >= DROP_THRESHOLD) {
            return Disposition.DROP;
        }
        return balance >= WARNING_THRESHOLD ? Disposition.WARN : Disposition.OK;
    }

    private final class Entry implements PeerConsumer {
        private long sample;
        private long when;
        private long lastUse;

        Entry(long now) {
            this.when = now;
            this.lastUse = now;
        }

        @Override
        public synchronized Disposition charge(Charge charge) {
            return disposition(add(charge.units(), nowSeconds()));
        }

        @Override
        public synchronized boolean disconnect() {
            long now = nowSeconds();
            if (add(0, now) < DROP_THRESHOLD) {
                return false;
            }
            add(Charge.DROP.units(), now);
            return true;
        }

        @Override
        public synchronized int balance() {
            return add(0, nowSeconds());
        }

        synchronized long idleSince(long now) {
            return now - lastUse;
        }

        private int add(int units, long now) {
            decay(now);
            sample += units;
            lastUse = now;
            return (int) Math.min(Integer.MAX_VALUE, sample / DECAY_WINDOW_SECONDS);
        }

        private void decay(long now) {
            long elapsed = now - when;
            if (elapsed <= 0) {
                return;
            }
            if (elapsed > 4L * DECAY_WINDOW_SECONDS) {
                sample = 0;
            } else {
                for (long i = 0; i < elapsed && sample != 0; i++) {
                    sample -= (sample + DECAY_WINDOW_SECONDS - 1) / DECAY_WINDOW_SECONDS;
                }
            }
            when = now;
        }
    }
}
