package org.stoxum.transport.peer.finder;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.stoxum.codec.crypto.PublicKey;

/** The peer finder's record of one connection, from accept or dial to close. */
public final class Slot {
    /** Where a connection is in its life. */
    public enum State { ACCEPT, CONNECT, CONNECTED, ACTIVE, CLOSING }

    private static final long LIVE_NANOS = PeerFinder.LIVECACHE_TTL.toNanos();

    private final boolean inbound;
    private final boolean fixed;
    private final InetSocketAddress remote;
    private InetSocketAddress local;
    private State state;
    private PublicKey publicKey;
    private boolean cluster;
    private final Map<InetSocketAddress, long[]> recent = new HashMap<>();

    Slot(boolean inbound, boolean fixed, InetSocketAddress remote, InetSocketAddress local) {
        this.inbound = inbound;
        this.fixed = fixed;
        this.remote = remote;
        this.local = local;
        this.state = inbound ? State.ACCEPT : State.CONNECT;
    }

    public boolean inbound() {
        return inbound;
    }

    /** True for a slot whose address is in {@code [ips_fixed]}. */
    public boolean fixed() {
        return fixed;
    }

    public boolean cluster() {
        return cluster;
    }

    public State state() {
        return state;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public InetSocketAddress local() {
        return local;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    void local(InetSocketAddress local) {
        this.local = local;
    }

    void state(State state) {
        this.state = state;
    }

    void activate(PublicKey key, boolean cluster) {
        this.publicKey = key;
        this.cluster = cluster;
        this.state = State.ACTIVE;
    }

    /** True when this slot fills one of the limited slots (fixed and cluster peers do not). */
    boolean counted() {
        return !fixed && !cluster;
    }

    /**
     * True when the peer behind this slot already knows {@code address} at {@code hops} or fewer
     * (it told us, or we told it, within the live cache's lifetime).
     */
    boolean knows(InetSocketAddress address, int hops, long now) {
        long[] seen = recent.get(address);
        return seen != null && seen[1] > now && seen[0] <= hops;
    }

    void remember(InetSocketAddress address, int hops, long expires) {
        long[] seen = recent.get(address);
        boolean live = seen != null && seen[1] > expires - LIVE_NANOS;
        recent.put(address, new long[] {live ? Math.min(hops, seen[0]) : hops, expires});
    }

    void expireRecent(long now) {
        recent.values().removeIf(seen -> seen[1] <= now);
    }

    @Override
    public String toString() {
        return (inbound ? "in " : "out ") + remote + " " + state;
    }
}
