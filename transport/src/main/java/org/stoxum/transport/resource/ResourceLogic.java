package org.stoxum.transport.resource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The balances behind stoxumd's one {@code Resource::Manager}: API clients and peers that come from the same
 * address share one account, and so do the charges other cluster members report for it. The RPC server's and
 * the overlay's resource managers are views of one instance.
 *
 * <p>Each account's balance decays exponentially over a {@value #DECAY_WINDOW_SECONDS}-second window:
 * charges add to a sample that loses 1/32 of itself (rounded up) for each whole second, and the balance is
 * the sample divided by the window, so an endpoint paying a steady {@code r} units a second settles near
 * {@code r}. An inbound account (keyed by IP) also counts the remote balance members report for its
 * address; an outbound one (keyed by the endpoint we dialled) does not, and is not gossiped. Idle accounts
 * are forgotten after {@value #SECONDS_UNTIL_EXPIRATION} seconds. Thread-safe; time comes from a supplier
 * of whole seconds, so tests step it.
 */
public final class ResourceLogic {
    /** Balance at which an endpoint is warned. */
    public static final int WARNING_THRESHOLD = 5000;
    /** Balance at which an endpoint is dropped. */
    public static final int DROP_THRESHOLD = 15000;
    /** Length of the decay window. */
    public static final int DECAY_WINDOW_SECONDS = 32;
    /** An idle account is forgotten after this long. */
    public static final long SECONDS_UNTIL_EXPIRATION = 300;
    /** Inbound accounts whose local balance reaches this are gossiped to the cluster (minimumGossipBalance). */
    public static final int MINIMUM_GOSSIP_BALANCE = 1000;

    private static final int SWEEP_EVERY = 256;

    /** Where a balance stands against the thresholds. */
    public enum Level {
        OK, WARN, DROP
    }

    private final LongSupplier nowSeconds;
    private final int warningThreshold;
    private final int dropThreshold;
    private final Map<Object, Account> table = new ConcurrentHashMap<>();
    /** Balances other cluster members report, by address text (stoxumd's remote balance). */
    private final Map<String, Long> remote = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Integer> onDrop = (a, b) -> { };
    private int lookupsSinceSweep;

    /** stoxumd's thresholds on the system clock. */
    public ResourceLogic() {
        this(() -> System.currentTimeMillis() / 1000, WARNING_THRESHOLD, DROP_THRESHOLD);
    }

    /** Chosen thresholds and clock (tests, tuning). */
    public ResourceLogic(LongSupplier nowSeconds, int warningThreshold, int dropThreshold) {
        if (warningThreshold <= 0 || dropThreshold < warningThreshold) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < warning <= drop");
        }
        this.nowSeconds = nowSeconds;
        this.warningThreshold = warningThreshold;
        this.dropThreshold = dropThreshold;
    }

    /** The account of a client or peer that connected to us from {@code address}. */
    public Account inbound(InetAddress address) {
        return account(address, address.getHostAddress());
    }

    /** The account of a peer we dial at {@code endpoint}. */
    public Account outbound(InetSocketAddress endpoint) {
        return account(endpoint, null);
    }

    /** The balance of an inbound address, remote share included; 0 when unknown. */
    public int inboundBalance(InetAddress address) {
        Account a = table.get(address);
        return a == null ? clamp(remoteBalance(address.getHostAddress())) : a.balance();
    }

    /** The balance of an outbound endpoint, 0 when unknown. */
    public int outboundBalance(InetSocketAddress endpoint) {
        Account a = table.get(endpoint);
        return a == null ? 0 : a.balance();
    }

    public Level level(int balance) {
        if (balance >= dropThreshold) {
            return Level.DROP;
        }
        return balance >= warningThreshold ? Level.WARN : Level.OK;
    }

    /**
     * Adds {@code delta} to what the cluster says {@code address} owes (stoxumd's remote balance): it counts
     * toward the thresholds of the inbound account of that address as if the charges were ours.
     */
    public void addRemoteBalance(String address, long delta) {
        remote.merge(address, delta, (a, b) -> a + b <= 0 ? null : a + b);
    }

    /** What the cluster says {@code address} owes. */
    public long remoteBalance(String address) {
        return remote.getOrDefault(address, 0L);
    }

    /**
     * Inbound addresses whose local balance reaches {@value #MINIMUM_GOSSIP_BALANCE}, for our cluster reports
     * (stoxumd's exportConsumers): clients and peers alike.
     */
    public Map<String, Integer> exportConsumers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Account a : table.values()) {
            if (a.address != null) {
                int local = a.localBalance();
                if (local >= MINIMUM_GOSSIP_BALANCE) {
                    out.merge(a.address, local, Integer::sum);
                }
            }
        }
        return out;
    }

    /**
     * Told of every inbound address dropped, with its balance, so the cluster can push it to the other
     * members at once rather than at the next report.
     */
    public void onDrop(BiConsumer<String, Integer> listener) {
        this.onDrop = listener;
    }

    private Account account(Object key, String address) {
        long now = nowSeconds.getAsLong();
        sweepIfDue(now);
        return table.computeIfAbsent(key, k -> new Account(address, now));
    }

    private synchronized void sweepIfDue(long now) {
        if (++lookupsSinceSweep < SWEEP_EVERY) {
            return;
        }
        lookupsSinceSweep = 0;
        for (Iterator<Account> it = table.values().iterator(); it.hasNext(); ) {
            if (it.next().idleSince(now) > SECONDS_UNTIL_EXPIRATION) {
                it.remove();
            }
        }
    }

    private static int clamp(long balance) {
        return (int) Math.min(Integer.MAX_VALUE, balance);
    }

    /** One endpoint's account. */
    public final class Account {
        /** The address gossiped for an inbound account; null for outbound. */
        private final String address;
        private long sample;
        private long sampleTime;
        private long lastUse;
        private long lastWarning = Long.MIN_VALUE;

        private Account(String address, long now) {
            this.address = address;
            this.sampleTime = now;
            this.lastUse = now;
        }

        /** Adds {@code units}; returns the balance after. */
        public synchronized int charge(int units) {
            long now = nowSeconds.getAsLong();
            decay(now);
            sample += units;
            lastUse = now;
            return current();
        }

        /** The balance now, remote share included. */
        public synchronized int balance() {
            decay(nowSeconds.getAsLong());
            return current();
        }

        /**
         * Whether the endpoint should be warned: at or past the warning threshold, at most once per second;
         * a warning costs {@code cost}, so warnings escalate.
         */
        public synchronized boolean warn(int cost) {
            long now = nowSeconds.getAsLong();
            decay(now);
            if (current() >= warningThreshold && now != lastWarning) {
                charge(cost);
                lastWarning = now;
                return true;
            }
            return false;
        }

        /**
         * Whether the endpoint should be disconnected: at or past the drop threshold. A drop costs
         * {@code cost}, so the endpoint cannot come straight back, and an inbound drop is told to
         * {@link #onDrop}.
         */
        public synchronized boolean disconnect(int cost) {
            decay(nowSeconds.getAsLong());
            if (current() < dropThreshold) {
                return false;
            }
            int after = charge(cost);
            if (address != null) {
                onDrop.accept(address, after);
            }
            return true;
        }

        synchronized long idleSince(long now) {
            return now - lastUse;
        }

        synchronized int localBalance() {
            decay(nowSeconds.getAsLong());
            return clamp(sample / DECAY_WINDOW_SECONDS);
        }

        private int current() {
            return clamp(sample / DECAY_WINDOW_SECONDS + (address == null ? 0 : remoteBalance(address)));
        }

        private void decay(long now) {
            long elapsed = now - sampleTime;
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
            sampleTime = now;
        }
    }
}
