package org.stoxum.engine.rpc.server.resource;

import java.net.InetAddress;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resource manager for one node without gossip: each inbound address has a balance that decays
 * exponentially over a {@value #DECAY_WINDOW_SECONDS}-second window, is warned at
 * {@value #WARNING_THRESHOLD} and dropped at {@value #DROP_THRESHOLD} (the original server's numbers).
 *
 * <p>The balance is kept as the original does: charges accumulate in a sample that loses 1/32 of
 * itself (rounded up) for each whole second that passes, and the balance is the sample divided by
 * the window. A client paying a steady {@code r} units a second so settles at a balance near
 * {@code r}. Time comes from an {@link InstantSource}, so tests step it by hand.
 */
public final class LocalResourceManager implements ResourceManager {

    /** Balance at which clients are warned. */
    public static final int WARNING_THRESHOLD = 5000;
    /** Balance at which clients are dropped. */
    public static final int DROP_THRESHOLD = 15000;
    /** Length of the decay window. */
    public static final int DECAY_WINDOW_SECONDS = 32;
    /** An idle entry is forgotten after this long. */
    public static final long SECONDS_UNTIL_EXPIRATION = 300;

    private static final int SWEEP_EVERY = 1024;

    private final InstantSource clock;
    private final int warningThreshold;
    private final int dropThreshold;
    private final Map<InetAddress, Entry> table = new ConcurrentHashMap<>();
    /** Balances other cluster members report for addresses (stoxumd's remote balance), added to ours. */
    private final Map<String, Long> remote = new ConcurrentHashMap<>();
    private volatile BiConsumer<InetAddress, Integer> onDrop = (a, b) -> { };
    private int lookupsSinceSweep;

    /** A manager with the original thresholds on the system clock. */
    public LocalResourceManager() {
        this(InstantSource.system(), WARNING_THRESHOLD, DROP_THRESHOLD);
    }

    /** A manager with chosen thresholds and clock (tests, tuning). */
    public LocalResourceManager(InstantSource clock, int warningThreshold, int dropThreshold) {
        if (warningThreshold <= 0 || dropThreshold < warningThreshold) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < warning <= drop");
        }
        this.clock = clock;
        this.warningThreshold = warningThreshold;
        this.dropThreshold = dropThreshold;
    }

    @Override
    public ResourceConsumer newInboundEndpoint(InetAddress address) {
        long now = nowSeconds();
        sweepIfDue(now);
        return table.computeIfAbsent(address, a -> new Entry(a, now));
    }

    @Override
    public ResourceConsumer newUnlimitedEndpoint(InetAddress address) {
        return FreeConsumer.UNLIMITED;
    }

    /** The current balance of {@code address}, 0 when unknown. */
    public int balance(InetAddress address) {
        Entry entry = table.get(address);
        return entry == null ? (int) Math.min(Integer.MAX_VALUE, remoteBalance(address)) : entry.balance();
    }

    /**
     * Adds {@code delta} to what the cluster says {@code address} owes (stoxumd's remote balance): it counts
     * toward the warning and drop thresholds here as if the charges were ours.
     */
    public void addRemoteBalance(String address, long delta) {
        remote.merge(address, delta, (a, b) -> a + b <= 0 ? null : a + b);
    }

    private long remoteBalance(InetAddress address) {
        return remote.getOrDefault(address.getHostAddress(), 0L);
    }

    /** Our own endpoints whose local balance reaches {@code minimum} (stoxumd's exportConsumers). */
    public Map<String, Integer> heavyEndpoints(int minimum) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (Entry e : table.values()) {
            int local = e.localBalance();
            if (local >= minimum) {
                out.put(e.address.getHostAddress(), local);
            }
        }
        return out;
    }

    /** Told of every endpoint this manager drops, with its balance (the cluster pushes it to the others). */
    public void onDrop(BiConsumer<InetAddress, Integer> listener) {
        this.onDrop = listener;
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    private synchronized void sweepIfDue(long now) {
        if (++lookupsSinceSweep < SWEEP_EVERY) {
            return;
        }
        lookupsSinceSweep = 0;
        for (Iterator<Entry> it = table.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastUse() > SECONDS_UNTIL_EXPIRATION) {
                it.remove();
            }
        }
    }

    private Disposition disposition(int balance) {
        if (balance >= dropThreshold) {
            return Disposition.DROP;
        }
        return balance >= warningThreshold ? Disposition.WARN : Disposition.OK;
    }

    /** One address's account. */
    private final class Entry implements ResourceConsumer {
        private final InetAddress address;
        private long sample;
        private long sampleTime;
        private long lastUse;
        private long lastWarning = Long.MIN_VALUE;

        Entry(InetAddress address, long now) {
            this.address = address;
            this.sampleTime = now;
            this.lastUse = now;
        }

        synchronized long lastUse() {
            return lastUse;
        }

        @Override
        public synchronized Disposition charge(Charge charge) {
            long now = nowSeconds();
            decay(now);
            sample += charge.cost();
            lastUse = now;
            return disposition(current());
        }

        @Override
        public synchronized boolean warn() {
            long now = nowSeconds();
            decay(now);
            if (current() >= warningThreshold && now != lastWarning) {
                charge(Charge.WARNING);
                lastWarning = now;
                return true;
            }
            return false;
        }

        @Override
        public synchronized boolean disconnect() {
            decay(nowSeconds());
            if (current() >= dropThreshold) {
                charge(Charge.DROP);
                onDrop.accept(address, current());
                return true;
            }
            return false;
        }

        @Override
        public synchronized int balance() {
            decay(nowSeconds());
            return current();
        }

        @Override
        public boolean isUnlimited() {
            return false;
        }

        private int current() {
            return (int) Math.min(Integer.MAX_VALUE, sample / DECAY_WINDOW_SECONDS + remoteBalance(address));
        }

        synchronized int localBalance() {
            decay(nowSeconds());
            return (int) Math.min(Integer.MAX_VALUE, sample / DECAY_WINDOW_SECONDS);
        }

        private void decay(long now) {
            if (now <= sampleTime) {
                return;
            }
            long elapsed = now - sampleTime;
            if (elapsed > 4L * DECAY_WINDOW_SECONDS) {
                sample = 0;
            } else {
                while (elapsed-- > 0 && sample != 0) {
                    sample -= (sample + DECAY_WINDOW_SECONDS - 1) / DECAY_WINDOW_SECONDS;
                }
            }
            sampleTime = now;
        }
    }
}
