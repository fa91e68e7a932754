package org.stoxum.transport.peer;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.transport.peer.finder.FinderConfig;
import org.stoxum.transport.peer.finder.PeerFinder;
import org.stoxum.transport.peer.handshake.IpAddresses;
import org.stoxum.transport.peer.relay.HashRouter;
import org.stoxum.transport.peer.resource.LocalPeerResources;
import org.stoxum.transport.peer.resource.PeerResources;
import org.stoxum.transport.peer.wire.Frames;

/**
 * Everything the overlay is configured with, validated once ({@link Builder#build()}) and then
 * immutable. Defaults are stoxumd's.
 *
 * @param listen            the {@code protocol = peer} port's address, or null for no inbound peers
 * @param ips               {@code [ips]}: addresses to try first (may be unresolved; resolved at start)
 * @param ipsFixed          {@code [ips_fixed]}: always kept connected, retried with back-off
 * @param peerPrivate       {@code [peer_private]}: our address is never gossiped, we take no inbound
 *                          peers but fixed and cluster ones, and we dial only fixed peers
 * @param peersMax          {@code [peers_max]}, 0 for the default (21); at least 10
 * @param ipLimit           {@code [overlay] ip_limit}, 0 for automatic
 * @param publicIp          {@code [overlay] public_ip}
 * @param clusterMember     whether a node key is in {@code [cluster_nodes]}; members get slots outside
 *                          the limits and may send cluster reports
 * @param networkClock      the network clock (hello times must be within 20 s of each other)
 * @param ledger            our ledger state for hellos and peer sanity
 * @param resources         the resource manager that charges peers
 * @param hashRouter        duplicate suppression shared with the engine
 * @param tick              the overlay timer (stoxumd: 1 s): gossip, dialling, back-off
 * @param peerTimer         the per-peer timer (stoxumd: 8 s): pings, send-queue checks
 * @param handshakeTimeout  how long a connection may take to become a peer (stoxumd: 15 s)
 * @param backoffUnit       unit of the fixed-peer back-off 1, 1, 2, 3, 5, 8... (stoxumd: one minute)
 * @param endpointsInterval how often each peer gets our ENDPOINTS gossip (stoxumd: 5 s)
 * @param maxMessageBytes   largest message accepted
 * @param oneNodePerHost    stoxumd's rule that an IP address is one node (see {@link FinderConfig})
 * @param privateEndpoints  gossip non-public addresses too (stoxumd drops them)
 * @param userAgent         our software and version, sent in the hello
 */
public record OverlaySettings(InetSocketAddress listen, List<InetSocketAddress> ips, List<InetSocketAddress> ipsFixed,
                              boolean peerPrivate, int peersMax, int ipLimit, Optional<InetAddress> publicIp,
                              Predicate<PublicKey> clusterMember, NetworkClock networkClock, LocalLedger ledger,
                              PeerResources resources, HashRouter hashRouter, Duration tick, Duration peerTimer,
                              Duration handshakeTimeout, Duration backoffUnit, Duration endpointsInterval,
                              int maxMessageBytes,
                              boolean oneNodePerHost, boolean privateEndpoints, String userAgent) {
    /** The overlay timer period. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    /** The per-peer timer period (pings, send queue). */
    public static final Duration DEFAULT_PEER_TIMER = Duration.ofSeconds(8);
    /** How long a connection attempt may take. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);
    /** stoxumd counts fixed-peer back-off in minutes. */
    public static final Duration DEFAULT_BACKOFF_UNIT = Duration.ofMinutes(1);
    /** What we call ourselves in hellos. */
    public static final String DEFAULT_USER_AGENT = "stoxumd-java-0.1.0";

    /** The peer finder's tuned settings, given the port we actually listen on. */
    public FinderConfig finderConfig(int listeningPort) {
        return FinderConfig.tuned(peersMax, peerPrivate, listeningPort, ipLimit, backoffUnit, oneNodePerHost,
                privateEndpoints, endpointsInterval);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; {@link #build()} checks them. */
    public static final class Builder {
        private InetSocketAddress listen;
        private List<InetSocketAddress> ips = List.of();
        private List<InetSocketAddress> ipsFixed = List.of();
        private boolean peerPrivate;
        private int peersMax;
        private int ipLimit;
        private Optional<InetAddress> publicIp = Optional.empty();
        private Predicate<PublicKey> clusterMember = key -> false;
        private NetworkClock networkClock = NetworkClock.SYSTEM;
        private LocalLedger ledger = LocalLedger.NONE;
        private PeerResources resources;
        private HashRouter hashRouter;
        private Duration tick = DEFAULT_TICK;
        private Duration peerTimer = DEFAULT_PEER_TIMER;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private Duration backoffUnit = DEFAULT_BACKOFF_UNIT;
        private Duration endpointsInterval = PeerFinder.DEFAULT_ENDPOINTS_INTERVAL;
        private int maxMessageBytes = Frames.DEFAULT_MAX_MESSAGE_BYTES;
        private boolean oneNodePerHost = true;
        private boolean privateEndpoints;
        private String userAgent = DEFAULT_USER_AGENT;

        public Builder listen(InetSocketAddress v) {
            listen = v;
            return this;
        }

        public Builder ips(List<InetSocketAddress> v) {
            ips = List.copyOf(v);
            return this;
        }

        public Builder ipsFixed(List<InetSocketAddress> v) {
            ipsFixed = List.copyOf(v);
            return this;
        }

        public Builder peerPrivate(boolean v) {
            peerPrivate = v;
            return this;
        }

        public Builder peersMax(int v) {
            peersMax = v;
            return this;
        }

        public Builder ipLimit(int v) {
            ipLimit = v;
            return this;
        }

        public Builder publicIp(InetAddress v) {
            publicIp = Optional.ofNullable(v);
            return this;
        }

        public Builder clusterMember(Predicate<PublicKey> v) {
            clusterMember = Objects.requireNonNull(v);
            return this;
        }

        public Builder networkClock(NetworkClock v) {
            networkClock = Objects.requireNonNull(v);
            return this;
        }

        public Builder ledger(LocalLedger v) {
            ledger = Objects.requireNonNull(v);
            return this;
        }

        public Builder resources(PeerResources v) {
            resources = Objects.requireNonNull(v);
            return this;
        }

        public Builder hashRouter(HashRouter v) {
            hashRouter = Objects.requireNonNull(v);
            return this;
        }

        public Builder tick(Duration v) {
            tick = v;
            return this;
        }

        public Builder peerTimer(Duration v) {
            peerTimer = v;
            return this;
        }

        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        public Builder backoffUnit(Duration v) {
            backoffUnit = v;
            return this;
        }

        public Builder endpointsInterval(Duration v) {
            endpointsInterval = v;
            return this;
        }

        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        public Builder oneNodePerHost(boolean v) {
            oneNodePerHost = v;
            return this;
        }

        public Builder privateEndpoints(boolean v) {
            privateEndpoints = v;
            return this;
        }

        public Builder userAgent(String v) {
            userAgent = Objects.requireNonNull(v);
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException for a negative limit, a non-positive period, a fixed or
         *     bootstrap address without a port, or a public IP that is not a public IPv4 address
         */
        public OverlaySettings build() {
            if (peersMax < 0 || ipLimit < 0) {
                throw new IllegalArgumentException("peers_max and ip_limit must not be negative");
            }
            for (Duration d : List.of(tick, peerTimer, handshakeTimeout, backoffUnit, endpointsInterval)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("periods must be positive");
                }
            }
            if (maxMessageBytes < Frames.HEADER_BYTES) {
                throw new IllegalArgumentException("maxMessageBytes below a message header");
            }
            for (InetSocketAddress a : ips) {
                requirePort(a);
            }
            for (InetSocketAddress a : ipsFixed) {
                requirePort(a);
            }
            publicIp.ifPresent(ip -> {
                if (!(ip instanceof Inet4Address) || !IpAddresses.isPublic(ip)) {
                    throw new IllegalArgumentException("Configured public IP is invalid: " + ip);
                }
            });
            return new OverlaySettings(listen, ips, ipsFixed, peerPrivate, peersMax, ipLimit, publicIp, clusterMember,
                    networkClock, ledger, resources != null ? resources : new LocalPeerResources(),
                    hashRouter != null ? hashRouter : new HashRouter(), tick, peerTimer, handshakeTimeout, backoffUnit,
                    endpointsInterval, maxMessageBytes, oneNodePerHost, privateEndpoints, userAgent);
        }

        private static void requirePort(InetSocketAddress a) {
            if (a.getPort() == 0) {
                throw new IllegalArgumentException("Port not specified for address: " + a);
            }
        }
    }
}
