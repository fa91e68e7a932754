package org.stoxum.transport.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.agrona.BitUtil;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;

/**
 * Everything the cluster needs, checked once by {@link Builder#build()} and immutable after (Aeron's
 * {@code Context.conclude()} habit). The engine fills it from {@code [node_seed]} and
 * {@code [cluster_nodes]}; tests shorten the intervals.
 */
public final class ClusterConfig {
    /** UDP port of a member's cluster subscription when its endpoint names only a host. */
    public static final int DEFAULT_PORT = 51237;
    /** Aeron stream carrying cluster frames. */
    public static final int DEFAULT_STREAM_ID = 0x5354;
    /** Term buffer per link: small (two cores, several links), and an eighth of it bounds one frame. */
    public static final int DEFAULT_TERM_LENGTH = 256 * 1024;
    /** stoxumd sends its cluster report every 10 s. */
    public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofSeconds(10);
    /** A member whose last report is older than this is stale and leaves the cluster fee (stoxumd: 90 s). */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(90);
    /** How long an imported load source keeps raising an endpoint's balance (stoxumd: 30 s). */
    public static final Duration DEFAULT_IMPORT_EXPIRY = Duration.ofSeconds(30);
    /** A frame stamped further than this from our clock is refused (the peer handshake's ±20 s). */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(20);
    /** Verdicts, relays and charges wait at most this long to share one signed frame. */
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofMillis(10);
    /** Verdicts kept; the oldest go first. */
    public static final int DEFAULT_VERDICT_CAPACITY = 1 << 16;
    /** How long a verdict is kept: as long as rippled's HashRouter remembers a hash (300 s). */
    public static final Duration DEFAULT_VERDICT_TTL = Duration.ofSeconds(300);
    /** Bytes of the queue from engine threads to the cluster thread (a power of two). */
    public static final int DEFAULT_COMMAND_BUFFER_LENGTH = 1 << 20;

    private static final int MIN_TERM_LENGTH = 64 * 1024;
    private static final int MAX_TERM_LENGTH = 1 << 30;

    private final KeyPair nodeKey;
    private final String name;
    private final UdpEndpoint endpoint;
    private final String address;
    private final List<ClusterMember> members;
    private final DriverMode driverMode;
    private final Path aeronDirectory;
    private final int streamId;
    private final int termLength;
    private final Duration reportInterval;
    private final Duration staleAfter;
    private final Duration importExpiry;
    private final Duration maxClockSkew;
    private final Duration batchInterval;
    private final int verdictCapacity;
    private final Duration verdictTtl;
    private final int commandBufferLength;
    private final Supplier<IdleStrategy> idleStrategy;
    private final EpochClock clock;

    private ClusterConfig(Builder b, List<ClusterMember> members) {
        this.nodeKey = b.nodeKey;
        this.name = b.name;
        this.endpoint = b.endpoint;
        this.address = b.address == null ? b.endpoint.toString() : b.address;
        this.members = List.copyOf(members);
        this.driverMode = b.driverMode;
        this.aeronDirectory = b.aeronDirectory;
        this.streamId = b.streamId;
        this.termLength = b.termLength;
        this.reportInterval = b.reportInterval;
        this.staleAfter = b.staleAfter;
        this.importExpiry = b.importExpiry;
        this.maxClockSkew = b.maxClockSkew;
        this.batchInterval = b.batchInterval;
        this.verdictCapacity = b.verdictCapacity;
        this.verdictTtl = b.verdictTtl;
        this.commandBufferLength = b.commandBufferLength;
        this.idleStrategy = b.idleStrategy;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Our node identity ({@code [node_seed]}); every frame we send is signed with it. */
    public KeyPair nodeKey() {
        return nodeKey;
    }

    /** The name we give ourselves in reports; may be empty. */
    public String name() {
        return name;
    }

    /** Where our subscription listens. */
    public UdpEndpoint endpoint() {
        return endpoint;
    }

    /** Where we say we can be reached, in reports. */
    public String address() {
        return address;
    }

    /** The other members: never ourselves, no key or endpoint twice. */
    public List<ClusterMember> members() {
        return members;
    }

    public DriverMode driverMode() {
        return driverMode;
    }

    /**
     * The Aeron directory: the external driver's, or where the embedded driver puts its files. Null means
     * Aeron's default directory (external) or a fresh temporary directory (embedded).
     */
    public Path aeronDirectory() {
        return aeronDirectory;
    }

    public int streamId() {
        return streamId;
    }

    /** Term buffer length of each link; set on the channel, so an external driver uses it too. */
    public int termLength() {
        return termLength;
    }

    /** The longest frame a link carries (Aeron allows an eighth of the term). */
    public int maxFrameLength() {
        return termLength / 8;
    }

    public Duration reportInterval() {
        return reportInterval;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    public Duration importExpiry() {
        return importExpiry;
    }

    public Duration maxClockSkew() {
        return maxClockSkew;
    }

    public Duration batchInterval() {
        return batchInterval;
    }

    public int verdictCapacity() {
        return verdictCapacity;
    }

    public Duration verdictTtl() {
        return verdictTtl;
    }

    public int commandBufferLength() {
        return commandBufferLength;
    }

    /** A fresh idle strategy for the cluster thread's duty cycle. */
    public IdleStrategy newIdleStrategy() {
        return idleStrategy.get();
    }

    /** Wall clock in ms: report times and frame stamps are compared across members. */
    public EpochClock clock() {
        return clock;
    }

    /** Collects settings; {@link #build()} checks them together. */
    public static final class Builder {
        private KeyPair nodeKey;
        private String name = "";
        private UdpEndpoint endpoint;
        private String address;
        private final List<ClusterMember> members = new ArrayList<>();
        private DriverMode driverMode = DriverMode.EMBEDDED;
        private Path aeronDirectory;
        private int streamId = DEFAULT_STREAM_ID;
        private int termLength = DEFAULT_TERM_LENGTH;
        private Duration reportInterval = DEFAULT_REPORT_INTERVAL;
        private Duration staleAfter = DEFAULT_STALE_AFTER;
        private Duration importExpiry = DEFAULT_IMPORT_EXPIRY;
        private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
        private Duration batchInterval = DEFAULT_BATCH_INTERVAL;
        private int verdictCapacity = DEFAULT_VERDICT_CAPACITY;
        private Duration verdictTtl = DEFAULT_VERDICT_TTL;
        private int commandBufferLength = DEFAULT_COMMAND_BUFFER_LENGTH;
        private Supplier<IdleStrategy> idleStrategy = () -> new SleepingMillisIdleStrategy(1);
        private EpochClock clock = SystemEpochClock.INSTANCE;

        private Builder() {
        }

        public Builder nodeKey(KeyPair nodeKey) {
            this.nodeKey = nodeKey;
            return this;
        }

        public Builder name(String name) {
            this.name = name == null ? "" : name.strip();
            return this;
        }

        public Builder endpoint(UdpEndpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /** Adds a member; an entry with our own key is dropped at build (a shared list names everyone). */
        public Builder member(ClusterMember member) {
            members.add(Objects.requireNonNull(member, "member"));
            return this;
        }

        public Builder members(List<ClusterMember> list) {
            list.forEach(this::member);
            return this;
        }

        public Builder driverMode(DriverMode mode) {
            this.driverMode = mode;
            return this;
        }

        public Builder aeronDirectory(Path dir) {
            this.aeronDirectory = dir;
            return this;
        }

        public Builder streamId(int id) {
            this.streamId = id;
            return this;
        }

        public Builder termLength(int length) {
            this.termLength = length;
            return this;
        }

        public Builder reportInterval(Duration d) {
            this.reportInterval = d;
            return this;
        }

        public Builder staleAfter(Duration d) {
            this.staleAfter = d;
            return this;
        }

        public Builder importExpiry(Duration d) {
            this.importExpiry = d;
            return this;
        }

        public Builder maxClockSkew(Duration d) {
            this.maxClockSkew = d;
            return this;
        }

        public Builder batchInterval(Duration d) {
            this.batchInterval = d;
            return this;
        }

        public Builder verdictCapacity(int n) {
            this.verdictCapacity = n;
            return this;
        }

        public Builder verdictTtl(Duration d) {
            this.verdictTtl = d;
            return this;
        }

        public Builder commandBufferLength(int n) {
            this.commandBufferLength = n;
            return this;
        }

        public Builder idleStrategy(Supplier<IdleStrategy> s) {
            this.idleStrategy = s;
            return this;
        }

        public Builder clock(EpochClock c) {
            this.clock = c;
            return this;
        }

        /**
         * Checks the settings together and freezes them.
         *
         * @throws IllegalArgumentException naming the first setting that is missing or wrong
         */
        public ClusterConfig build() {
            require(nodeKey != null, "no node key ([node_seed])");
            require(endpoint != null, "no endpoint for our own subscription");
            require(driverMode != null, "no media driver mode");
            require(fitsText(name), "our name is longer than " + FrameWriter.MAX_TEXT_BYTES + " bytes");
            require(address == null || fitsText(address),
                    "our address is longer than " + FrameWriter.MAX_TEXT_BYTES + " bytes");
            require(idleStrategy != null && clock != null, "no idle strategy or clock");
            List<ClusterMember> others = new ArrayList<>();
            Set<PublicKey> keys = new HashSet<>();
            Set<UdpEndpoint> endpoints = new HashSet<>(Set.of(endpoint));
            for (ClusterMember m : members) {
                if (m.publicKey().equals(nodeKey.publicKey())) {
                    continue;
                }
                require(keys.add(m.publicKey()), "member " + m.publicKey() + " is listed twice");
                require(endpoints.add(m.endpoint()), "endpoint " + m.endpoint() + " is given twice");
                others.add(m);
            }
            require(!others.isEmpty(), "no other member ([cluster_nodes])");
            require(streamId != 0, "stream id 0 is reserved");
            require(BitUtil.isPowerOfTwo(termLength) && termLength >= MIN_TERM_LENGTH && termLength <= MAX_TERM_LENGTH,
                    "term length must be a power of two from 64 KiB to 1 GiB, not " + termLength);
            positive(reportInterval, "report interval");
            positive(staleAfter, "stale limit");
            positive(importExpiry, "import expiry");
            positive(maxClockSkew, "clock skew limit");
            positive(batchInterval, "batch interval");
            positive(verdictTtl, "verdict lifetime");
            require(staleAfter.compareTo(reportInterval) > 0, "stale limit must exceed the report interval");
            require(verdictCapacity > 0, "verdict capacity must be positive");
            require(BitUtil.isPowerOfTwo(commandBufferLength) && commandBufferLength >= 4096,
                    "command buffer length must be a power of two of at least 4096");
            return new ClusterConfig(this, others);
        }

        private static boolean fitsText(String s) {
            return s.getBytes(StandardCharsets.UTF_8).length <= FrameWriter.MAX_TEXT_BYTES;
        }

        private static void positive(Duration d, String what) {
            require(d != null && !d.isNegative() && !d.isZero(), what + " must be positive");
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("cluster: " + message);
            }
        }
    }
}
