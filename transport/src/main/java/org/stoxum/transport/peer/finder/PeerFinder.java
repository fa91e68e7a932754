package org.stoxum.transport.peer.finder;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.transport.peer.handshake.IpAddresses;

/**
 * stoxumd's PeerFinder logic: slots and their limits, fixed peers with back-off, the live cache of
 * gossiped endpoints, the boot cache of addresses to try, redirects, and the choice of whom to dial.
 *
 * <p>Not thread-safe: owned by the overlay's I/O thread. Time is passed in (nanoseconds of a
 * monotonic clock), so a test can step it.
 */
public final class PeerFinder {
    /** The answer to {@link #activate}. */
    public enum Result { SUCCESS, DUPLICATE, FULL }

    /** Gossip with more hops than this is dropped. */
    public static final int MAX_HOPS = 6;
    /** Endpoints sent in each ENDPOINTS message. */
    public static final int ENDPOINTS_PER_MESSAGE = 2 * MAX_HOPS;
    /** Endpoints handed to a peer we redirect. */
    public static final int REDIRECT_ENDPOINTS = 10;
    /** Redirect addresses taken from one answer. */
    public static final int MAX_REDIRECTS = 30;
    /** How often we send ENDPOINTS. */
    public static final Duration DEFAULT_ENDPOINTS_INTERVAL = Duration.ofSeconds(5);
    /** How long a gossiped endpoint stays in the live cache. */
    public static final Duration LIVECACHE_TTL = Duration.ofSeconds(30);
    /** The most outbound attempts in flight. */
    public static final int MAX_CONNECT_ATTEMPTS = 20;
    /** Boot cache size. */
    public static final int BOOTCACHE_SIZE = 1000;
    /**
     * Fixed-peer back-off, in units of {@link FinderConfig#backoffUnit()}. One unit is also how long
     * an address we dialled, or are connected to, is left alone afterwards (stoxumd: 60 s, its unit).
     */
    static final int[] CONNECTION_BACKOFF = {1, 1, 2, 3, 5, 8, 13, 21, 34, 55};

    private final FinderConfig config;
    private final Random random;
    private final int outMax;
    private final int inMax;

    private final Map<InetSocketAddress, Slot> slots = new HashMap<>();
    private final Set<PublicKey> keys = new HashSet<>();
    private final Map<InetSocketAddress, Fixed> fixed = new LinkedHashMap<>();
    private final Map<InetSocketAddress, Live> livecache = new HashMap<>();
    private final LinkedHashSet<InetSocketAddress> bootcache = new LinkedHashSet<>();
    private final Map<Object, Long> squelches = new HashMap<>();
    private long whenBroadcast;

    public PeerFinder(FinderConfig config, Random random) {
        this.config = config;
        this.random = random;
        if (config.wantIncoming()) {
            int out = (int) Math.floor(config.outPeers());
            if (random.nextDouble() < config.outPeers() - out) {
                out++;
            }
            this.outMax = out;
        } else {
            this.outMax = config.maxPeers();
        }
        this.inMax = Math.max(0, config.maxPeers() - outMax);
    }

    public FinderConfig config() {
        return config;
    }

    /** Inbound slots (fixed and cluster peers aside). */
    public int inboundSlots() {
        return inMax;
    }

    /** Outbound slots (fixed and cluster peers aside). */
    public int outboundSlots() {
        return outMax;
    }

    /** Adds an {@code [ips_fixed]} address: always kept connected, retried with back-off. */
    public void addFixedPeer(InetSocketAddress address, long now) {
        if (address.getPort() == 0) {
            throw new IllegalArgumentException("Port not specified for address: " + address);
        }
        fixed.putIfAbsent(address, new Fixed(now));
    }

    /** Adds addresses to try when there is nothing better ({@code [ips]}, redirects). */
    public void addBootstrap(Collection<InetSocketAddress> addresses) {
        for (InetSocketAddress a : addresses) {
            if (bootcache.size() >= BOOTCACHE_SIZE) {
                return;
            }
            bootcache.add(a);
        }
    }

    /**
     * A slot for a connection we accepted, or null when its address already has as many inbound
     * peers as {@code ip_limit} allows.
     */
    public Slot newInboundSlot(InetSocketAddress local, InetSocketAddress remote) {
        if (IpAddresses.isPublic(remote.getAddress())) {
            long count = slots.keySet().stream().filter(a -> a.getAddress().equals(remote.getAddress())).count();
            if (count > config.ipLimit()) {
                return null;
            }
        }
        Slot slot = new Slot(true, isFixedAddress(remote.getAddress()), remote, local);
        slots.put(remote, slot);
        return slot;
    }

    /** A slot for a connection we are about to dial, or null when one to that endpoint exists. */
    public Slot newOutboundSlot(InetSocketAddress remote) {
        if (slots.containsKey(remote)) {
            return null;
        }
        Slot slot = new Slot(false, fixed.containsKey(remote), remote, null);
        slots.put(remote, slot);
        return slot;
    }

    /**
     * The dial succeeded: records our end. False for a connection to ourselves by address (our
     * local endpoint is the remote endpoint of one of our inbound slots).
     */
    public boolean onConnected(Slot slot, InetSocketAddress local) {
        slot.local(local);
        Slot other = slots.get(local);
        if (other != null && other.inbound() && slot.remote().equals(other.local())) {
            return false;
        }
        slot.state(Slot.State.CONNECTED);
        return true;
    }

    /** The handshake proved the peer's key: take a slot if the limits allow. */
    public Result activate(Slot slot, PublicKey key, boolean cluster, long now) {
        if (keys.contains(key)) {
            return Result.DUPLICATE;
        }
        if (!canActivate(slot, cluster)) {
            if (!slot.inbound()) {
                bootcacheSuccess(slot.remote());
            }
            return Result.FULL;
        }
        slot.activate(key, cluster);
        keys.add(key);
        if (!slot.inbound()) {
            bootcacheSuccess(slot.remote());
            Fixed f = fixed.get(slot.remote());
            if (f != null) {
                f.success(now);
            }
        }
        return Result.SUCCESS;
    }

    private boolean canActivate(Slot slot, boolean cluster) {
        if (slot.fixed() || cluster) {
            return true;
        }
        return slot.inbound() ? count(true) < inMax : count(false) < outMax;
    }

    private int count(boolean inbound) {
        int n = 0;
        for (Slot s : slots.values()) {
            if (s.state() == Slot.State.ACTIVE && s.inbound() == inbound && s.counted()) {
                n++;
            }
        }
        return n;
    }

    /** Addresses to offer a peer we turn away (stoxumd's 503 {@code peer-ips}). */
    public List<InetSocketAddress> redirect(Slot slot) {
        List<Live> live = new ArrayList<>(livecache.values());
        Collections.shuffle(live, random);
        List<InetSocketAddress> out = new ArrayList<>();
        for (Live l : live) {
            if (out.size() >= REDIRECT_ENDPOINTS) {
                break;
            }
            if (l.hops <= MAX_HOPS && !sameNode(l.address, slot.remote())
                    && out.stream().noneMatch(a -> sameNode(a, l.address))) {
                out.add(l.address);
            }
        }
        return out;
    }

    /** Redirect addresses a peer gave us: into the boot cache. */
    public void onRedirects(List<InetSocketAddress> addresses) {
        addBootstrap(addresses.subList(0, Math.min(addresses.size(), MAX_REDIRECTS)));
    }

    /**
     * Whom to dial now (stoxumd's outbound connection strategy): fixed peers that are due; then, with
     * auto-connect and free outbound slots, live cache entries, then boot cache entries.
     */
    public List<InetSocketAddress> autoconnect(long now) {
        int attempts = attempts();
        if (attempts >= MAX_CONNECT_ATTEMPTS) {
            return List.of();
        }
        int needed = MAX_CONNECT_ATTEMPTS - attempts;
        for (Slot s : slots.values()) {
            squelch(s.remote(), now);
        }
        List<InetSocketAddress> out = new ArrayList<>();
        if (fixedActive() < fixed.size()) {
            for (Map.Entry<InetSocketAddress, Fixed> e : fixed.entrySet()) {
                if (out.size() >= needed) {
                    break;
                }
                InetSocketAddress a = e.getKey();
                if (e.getValue().when <= now && !squelched(a, now) && !connected(a)) {
                    squelch(a, now);
                    out.add(a);
                }
            }
            if (!out.isEmpty() || attempts > 0) {
                return out;
            }
        }
        if (!config.autoConnect() || count(false) >= outMax) {
            return out;
        }
        List<Live> live = new ArrayList<>(livecache.values());
        Collections.shuffle(live, random);
        live.sort(Comparator.comparingInt(l -> -l.hops));
        for (Live l : live) {
            tryHandout(l.address, out, needed, now);
        }
        if (!out.isEmpty() || attempts > 0) {
            return out;
        }
        for (InetSocketAddress a : bootcache) {
            tryHandout(a, out, needed, now);
        }
        return out;
    }

    private void tryHandout(InetSocketAddress a, List<InetSocketAddress> out, int needed, long now) {
        if (out.size() < needed && !squelched(a, now) && !out.contains(a)) {
            squelch(a, now);
            out.add(a);
        }
    }

    private int attempts() {
        int n = 0;
        for (Slot s : slots.values()) {
            if (!s.inbound() && (s.state() == Slot.State.CONNECT || s.state() == Slot.State.CONNECTED)) {
                n++;
            }
        }
        return n;
    }

    private int fixedActive() {
        int n = 0;
        for (Slot s : slots.values()) {
            if (s.fixed() && s.state() == Slot.State.ACTIVE) {
                n++;
            }
        }
        return n;
    }

    private boolean connected(InetSocketAddress a) {
        for (InetSocketAddress s : slots.keySet()) {
            if (sameNode(s, a)) {
                return true;
            }
        }
        return false;
    }

    /** stoxumd compares addresses without ports ("for security reasons"); several nodes per host need ports. */
    private boolean sameNode(InetSocketAddress a, InetSocketAddress b) {
        return config.oneNodePerHost() ? a.getAddress().equals(b.getAddress()) : a.equals(b);
    }

    private Object squelchKey(InetSocketAddress a) {
        return config.oneNodePerHost() ? a.getAddress() : a;
    }

    private void squelch(InetSocketAddress a, long now) {
        squelches.put(squelchKey(a), now + config.backoffUnit().toNanos());
    }

    private boolean squelched(InetSocketAddress a, long now) {
        Long until = squelches.get(squelchKey(a));
        return until != null && until > now;
    }

    /**
     * The ENDPOINTS each active peer should get now, at most every endpoints interval: our own
     * port at hop 0 when we take inbound peers, then live cache entries the peer does not know.
     */
    public Map<Slot, List<Endpoint>> buildEndpointsForPeers(long now) {
        if (now - whenBroadcast < 0) {
            return Map.of();
        }
        whenBroadcast = now + config.endpointsInterval().toNanos();
        List<Slot> targets = new ArrayList<>();
        for (Slot s : slots.values()) {
            if (s.state() == Slot.State.ACTIVE) {
                targets.add(s);
            }
        }
        Collections.shuffle(targets, random);
        List<Live> live = new ArrayList<>(livecache.values());
        Collections.shuffle(live, random);
        live.sort(Comparator.comparingInt(l -> l.hops));
        long expires = now + LIVECACHE_TTL.toNanos();
        Map<Slot, List<Endpoint>> out = new LinkedHashMap<>();
        for (Slot target : targets) {
            List<Endpoint> list = new ArrayList<>();
            if (config.wantIncoming() && inMax > 0) {
                list.add(new Endpoint(new InetSocketAddress(unspecified(), config.listeningPort()), 0));
            }
            for (Live l : live) {
                if (list.size() >= ENDPOINTS_PER_MESSAGE) {
                    break;
                }
                if (l.hops > MAX_HOPS || sameNode(l.address, target.remote()) || target.knows(l.address, l.hops, now)
                        || list.stream().anyMatch(e -> sameNode(e.address(), l.address))) {
                    continue;
                }
                list.add(new Endpoint(l.address, l.hops));
                target.remember(l.address, l.hops, expires);
            }
            out.put(target, list);
        }
        return out;
    }

    private static InetAddress unspecified() {
        return new InetSocketAddress(0).getAddress();
    }

    /**
     * Gossip from an active peer: drops entries beyond {@link #MAX_HOPS}, invalid addresses and
     * duplicates; the first hop-0 entry is the peer itself, at its socket address and the announced
     * port; every kept entry is stored one hop further.
     */
    public void onEndpoints(Slot slot, List<Endpoint> list, long now) {
        boolean neighbour = false;
        Set<InetSocketAddress> seen = new HashSet<>();
        long expires = now + LIVECACHE_TTL.toNanos();
        for (Endpoint ep : list) {
            if (ep.hops() > MAX_HOPS) {
                continue;
            }
            InetSocketAddress address = ep.address();
            if (ep.hops() == 0) {
                if (neighbour) {
                    continue;
                }
                neighbour = true;
                address = new InetSocketAddress(slot.remote().getAddress(), ep.address().getPort());
            }
            if (!validAddress(address) || !seen.add(address)) {
                continue;
            }
            int hops = ep.hops() + 1;
            slot.remember(address, hops, expires);
            Live existing = livecache.get(address);
            if (existing == null || existing.expires <= now || hops <= existing.hops) {
                livecache.put(address, new Live(address, hops, expires));
            }
            addBootstrap(List.of(address));
        }
    }

    private boolean validAddress(InetSocketAddress a) {
        if (a.getPort() == 0 || a.getAddress() == null || a.getAddress().isAnyLocalAddress()) {
            return false;
        }
        return config.privateEndpoints() || IpAddresses.isPublic(a.getAddress());
    }

    /** A connection ended: frees its slot and records a failed dial of a fixed peer. */
    public void onClosed(Slot slot, long now) {
        if (slots.get(slot.remote()) != slot) {
            return;
        }
        slots.remove(slot.remote());
        if (slot.publicKey() != null) {
            keys.remove(slot.publicKey());
        }
        if (!slot.inbound() && slot.state() != Slot.State.ACTIVE) {
            Fixed f = fixed.get(slot.remote());
            if (f != null) {
                f.failure(now, config.backoffUnit().toNanos());
            }
            bootcacheFailure(slot.remote());
        }
        slot.state(Slot.State.CLOSING);
    }

    /** Housekeeping: expires the live cache, slots' recent lists and squelches. */
    public void oncePerSecond(long now) {
        livecache.values().removeIf(l -> l.expires <= now);
        for (Slot s : slots.values()) {
            s.expireRecent(now);
        }
        squelches.values().removeIf(until -> until <= now);
    }

    /** The live cache now: endpoints learned from gossip, with their hops. */
    public List<Endpoint> liveEndpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (Live l : livecache.values()) {
            out.add(new Endpoint(l.address, l.hops));
        }
        return out;
    }

    /** When a fixed peer may next be dialled (monotonic nanoseconds), or null for an unknown one. */
    public Long fixedDue(InetSocketAddress address) {
        Fixed f = fixed.get(address);
        return f == null ? null : f.when;
    }

    private boolean isFixedAddress(InetAddress address) {
        for (InetSocketAddress a : fixed.keySet()) {
            if (a.getAddress().equals(address)) {
                return true;
            }
        }
        return false;
    }

    private void bootcacheSuccess(InetSocketAddress a) {
        Set<InetSocketAddress> rest = new LinkedHashSet<>(bootcache);
        rest.remove(a);
        bootcache.clear();
        bootcache.add(a);
        bootcache.addAll(rest);
    }

    private void bootcacheFailure(InetSocketAddress a) {
        if (bootcache.remove(a)) {
            bootcache.add(a);
        }
    }

    /** Entries that have not yet been tried lately, in the order {@link #autoconnect} walks them. */
    public List<InetSocketAddress> bootcache() {
        return List.copyOf(bootcache);
    }

    private static final class Fixed {
        private long when;
        private int failures;

        Fixed(long now) {
            this.when = now;
        }

        void failure(long now, long unitNanos) {
            failures = Math.min(failures + 1, CONNECTION_BACKOFF.length - 1);
            when = now + CONNECTION_BACKOFF[failures] * unitNanos;
        }

        void success(long now) {
            failures = 0;
            when = now;
        }
    }

    private record Live(InetSocketAddress address, int hops, long expires) {
    }

    /** Drops every slot (the overlay is stopping). */
    public void clear() {
        for (Iterator<Slot> it = slots.values().iterator(); it.hasNext(); ) {
            it.next().state(Slot.State.CLOSING);
            it.remove();
        }
        keys.clear();
    }
}
