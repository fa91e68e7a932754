package org.stoxum.transport.cluster;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.stoxum.codec.types.Hash256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's membership in its cluster ({@code [cluster_nodes]}): links to every other member over
 * Aeron, authenticated by node keys, sharing signature verdicts, relayed transactions, load fees and
 * heavily charged endpoints.
 *
 * <p>Engine threads call the methods here at any time: they read published state or queue a request for
 * the cluster thread, never block on the network, and get {@code false} back when a request is refused
 * (counted as {@link ClusterCounter#COMMANDS_REFUSED}). What members send comes to the
 * {@link ClusterListener} on the cluster thread.
 */
public final class Cluster implements AutoCloseable {
    /** The load fee meaning "not loaded" (LoadFeeTrack's base, 256). */
    public static final long NORMAL_FEE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
    private static final int IPC_TERM_LENGTH = 64 * 1024;

    private final ClusterConfig config;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final AgentRunner runner;
    private final ClusterAgent.Shared shared;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Cluster(ClusterConfig config, MediaDriver driver, Aeron aeron, AgentRunner runner,
                    ClusterAgent.Shared shared) {
        this.config = config;
        this.driver = driver;
        this.aeron = aeron;
        this.runner = runner;
        this.shared = shared;
    }

    /**
     * Starts the media driver (when embedded), the links and the cluster thread.
     *
     * @param listener    receives what members send; null for none
     * @param loadSources the resource manager's consumers and their balances (stoxumd
     *                    {@code exportConsumers}), asked on the cluster thread at each report; those under
     *                    1000 are left out. Null for none.
     * @throws io.aeron.exceptions.AeronException when the driver cannot start or an endpoint cannot be used
     */
    public static Cluster start(ClusterConfig config, ClusterListener listener,
                                Supplier<List<LoadSource>> loadSources) {
        Objects.requireNonNull(config, "config");
        ClusterCounters counters = new ClusterCounters();
        ErrorHandler errors = e -> {
            counters.increment(ClusterCounter.ERRORS);
            LOG.warn("cluster: Aeron error", e);
        };
        MediaDriver driver = null;
        Aeron aeron = null;
        try {
            String dir;
            if (config.driverMode() == DriverMode.EMBEDDED) {
                driver = launchDriver(config, errors);
                dir = driver.aeronDirectoryName();
            } else {
                dir = config.aeronDirectory() == null
                        ? CommonContext.getAeronDirectoryName() : config.aeronDirectory().toString();
            }
            aeron = Aeron.connect(new Aeron.Context()
                    .aeronDirectoryName(dir)
                    .clientName("stoxumd-cluster")
                    .useConductorAgentInvoker(true)
                    .errorHandler(errors));
            Subscription subscription = aeron.addSubscription(
                    "aeron:udp?endpoint=" + config.endpoint(), config.streamId());
            List<ClusterAgent.Link> links = new ArrayList<>();
            for (ClusterMember m : config.members()) {
                ExclusivePublication pub = aeron.addExclusivePublication("aeron:udp?endpoint=" + m.endpoint()
                        + "|term-length=" + config.termLength(), config.streamId());
                links.add(new ClusterAgent.Link(m, pub));
            }
            ClusterAgent.Shared shared = new ClusterAgent.Shared(
                    new MemberTable(config.nodeKey().publicKey(), config.members(), config.staleAfter()),
                    new VerdictCache(config.verdictCapacity(), config.verdictTtl().toMillis(), config.clock()),
                    new CommandQueue(config.commandBufferLength(),
                            FrameWriter.maxTransactionLength(config.maxFrameLength())),
                    counters, new AtomicLong(NORMAL_FEE), new AtomicBoolean());
            ClusterAgent agent = new ClusterAgent(config, aeron.conductorAgentInvoker(), subscription, links,
                    shared, listener == null ? new ClusterListener() { } : listener,
                    loadSources == null ? List::of : loadSources);
            AgentRunner runner = new AgentRunner(config.newIdleStrategy(), errors, null, agent);
            Cluster cluster = new Cluster(config, driver, aeron, runner, shared);
            AgentRunner.startOnThread(runner);
            return cluster;
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(aeron, driver);
            throw e;
        }
    }

    private static MediaDriver launchDriver(ClusterConfig config, ErrorHandler errors) {
        Path dir = config.aeronDirectory();
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("stoxum-cluster-aeron-");
            } catch (IOException e) {
                throw new UncheckedIOException("cluster: cannot create a directory for the media driver", e);
            }
        }
        return MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(dir.toString())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .warnIfDirectoryExists(false)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(config.newIdleStrategy())
                .termBufferSparseFile(true)
                .publicationTermBufferLength(config.termLength())
                .ipcTermBufferLength(IPC_TERM_LENGTH)
                .errorHandler(errors));
    }

    /** What members said about the signature of {@code hash}; check it yourself on {@code UNKNOWN}. */
    public Verdict isVerified(Hash256 hash) {
        return shared.verdicts().lookup(hash);
    }

    /** Tells every member that we checked the signature of {@code hash}, and remembers it here too. */
    public boolean publishVerdict(Hash256 hash, boolean good) {
        shared.verdicts().record(hash, good ? Verdict.GOOD : Verdict.BAD);
        return accepted(shared.commands().verdict(hash, good));
    }

    /**
     * Relays a serialized transaction to every member. One we applied goes as trusted, and members apply it
     * whatever their own load; one we only held ({@code deferred}, stoxumd's terQUEUED) is not trusted.
     * Refused when longer than a frame carries (an eighth of the term length, less the frame overhead).
     */
    public boolean relayTransaction(byte[] rawTransaction, boolean deferred) {
        return accepted(shared.commands().relay(rawTransaction, deferred));
    }

    /**
     * Pushes an endpoint's balance to every member at once, without waiting for the next report: call it
     * when an endpoint is charged past the drop threshold, so every member refuses it.
     */
    public boolean publishCharge(String address, long balance) {
        return accepted(shared.commands().charge(new LoadSource(address, balance)));
    }

    /**
     * The load fee our reports carry from now on: the local fee, or 0 while the validated ledger is older
     * than 4 minutes (stoxumd's rule; the engine knows the ledger's age).
     */
    public void reportLoad(long fee) {
        if (fee < 0 || fee > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a load fee is an unsigned 32-bit value: " + fee);
        }
        shared.localFee().set(fee);
    }

    /** Sends our report at the next duty cycle instead of waiting for the report interval. */
    public void reportNow() {
        shared.reportRequested().set(true);
    }

    /** The median of the other members' fresh load fees; 0 when none is fresh. */
    public long clusterFee() {
        return shared.members().clusterFee(config.clock().time());
    }

    /** Every other member, in configuration order, for the {@code peers} command. */
    public List<MemberStatus> members() {
        return shared.members().members(config.clock().time());
    }

    public long count(ClusterCounter counter) {
        return shared.counters().get(counter);
    }

    public ClusterConfig config() {
        return config;
    }

    /** Stops the cluster thread (taking back imported balances), then the Aeron client and driver. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            CloseHelper.closeAll(runner, aeron, driver);
        }
    }

    private boolean accepted(boolean queued) {
        if (!queued) {
            shared.counters().increment(ClusterCounter.COMMANDS_REFUSED);
        }
        return queued;
    }
}
