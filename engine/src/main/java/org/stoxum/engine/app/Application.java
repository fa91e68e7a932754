package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.config.AmendmentEntry;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.metrics.NodeOperations;
import org.stoxum.engine.net.ClusterSetup;
import org.stoxum.engine.net.NetworkOps;
import org.stoxum.engine.net.NetworkSetup;
import org.stoxum.engine.net.TrustedValidators;
import org.stoxum.engine.pipeline.PeerSignedMessage;
import org.stoxum.engine.pipeline.PipelineCallback;
import org.stoxum.engine.pipeline.PipelineEvent;
import org.stoxum.engine.pipeline.TxPipeline;
import org.stoxum.engine.rpc.handlers.HandlerTable;
import org.stoxum.engine.rpc.handlers.RpcContext;
import org.stoxum.engine.rpc.handlers.RpcFailure;
import org.stoxum.engine.rpc.server.Role;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.RpcServer;
import org.stoxum.engine.rpc.server.ServerOptions;
import org.stoxum.engine.rpc.server.resource.LocalResourceManager;
import org.stoxum.engine.rpc.server.resource.ResourceManager;
import org.stoxum.engine.tx.EngineSetup;
import org.stoxum.engine.tx.LedgerBuilder;
import org.stoxum.engine.tx.OpenLedger;
import org.stoxum.engine.validator.ManifestCache;
import org.stoxum.engine.validator.ValidatorIdentity;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.LedgerTimes;
import org.stoxum.storage.nodestore.NodeStore;
import org.stoxum.storage.nodestore.NodeStoreSettings;
import org.stoxum.transport.cluster.Cluster;
import org.stoxum.transport.cluster.ClusterConfig;
import org.stoxum.transport.cluster.ClusterListener;
import org.stoxum.transport.cluster.LoadSource;
import org.stoxum.transport.cluster.Verdict;
import org.stoxum.transport.peer.resource.LocalPeerResources;
import org.stoxum.transport.resource.ResourceLogic;
import org.stoxum.transport.peer.PeerOverlay;

/**
 * A running stoxumd node (rippled's {@code Application}): built from the config and the start-up choice, it
 * opens the node store, makes or loads the first ledger, starts the transaction pipeline and the job threads,
 * serves the API, and stops cleanly on {@link #signalStop()} (the {@code stop} command, SIGTERM) or
 * {@link #close()}.
 *
 * <p>Stand-alone, the ledger advances through {@code ledger_accept} and every closed ledger is validated at
 * once. On a network, {@link NetworkOps} runs consensus over the peer overlay and the ledger is validated
 * by a quorum of trusted validators.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    /** Ring slots of the transaction pipeline. */
    static final int PIPELINE_RING = 1 << 14;

    private final NodeConfig config;
    private final NetworkProfile profile;
    private final boolean standalone;
    private final Clock clock;
    private final KeyPair nodeKey;
    private final ValidatorIdentity validator;
    private final ManifestCache manifests = new ManifestCache();
    private final ServerStatus status;
    private final ClientJobs jobs;
    private final LogLevels logLevels;
    private final FeeEscalation feeEscalation;
    private final Subscriptions subscriptions;
    private final StreamPublisher publisher;
    private final List<CloseListener> closeListeners = new CopyOnWriteArrayList<>();
    private final ServerFeed serverFeed;
    private final NodeStore store;
    private final LedgerMaster ledgerMaster;
    private final TransactionMaster transactions;
    private final TxPipeline pipeline;
    private final TxIntake intake;
    /** How long a shutdown waits for a ledger close under way. */
    private static final long CLOSE_SHUTDOWN_MILLIS = 30_000;
    private final ApiDispatcher dispatcher;
    private final RpcServer server;
    /** Set once at start-up (after the pipeline, which relays through it); null when stand-alone. */
    private volatile NetworkOps network;
    private volatile PeerOverlay overlay;
    /** Set once at start-up when {@code [cluster_nodes]} names members; null otherwise. */
    private volatile Cluster cluster;
    /** The balances of clients and peers, shared by the RPC server, the overlay and the cluster. */
    private final ResourceLogic resourceLogic = new ResourceLogic();
    private final LoadFeeTrack loadFeeTrack = new LoadFeeTrack(() -> {
        Cluster c = cluster;
        return c == null ? 0 : c.clusterFee();
    });
    private final ScheduledExecutorService loadManager = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-manager");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Set when a fault, not a request, stopped the node. */
    private final AtomicBoolean faulted = new AtomicBoolean();

    private Application(NodeConfig config, LedgerStart start, Clock clock, LogLevels.Severity logBase,
                        ServerOptions serverOptions, OptionalInt minimumQuorum) throws IOException {
        this.config = config;
        this.profile = config.networkProfile();
        this.standalone = config.standalone();
        this.clock = clock;
        this.nodeKey = NodeKeys.nodeKey(config);
        this.validator = ValidatorIdentity.fromConfig(config);
        validator.loadInto(manifests);
        this.status = new ServerStatus(System::nanoTime);
        this.jobs = new ClientJobs(standalone ? 1 : Math.max(2, config.workers()));
        this.logLevels = new LogLevels(logBase);
        this.feeEscalation = new FeeEscalation(config.transactionQueue(), standalone);
        this.subscriptions = new Subscriptions(profile);
        this.store = NodeStore.open(new NodeStoreSettings(config.nodeDb().path(), NodeStoreSettings.DEFAULT_MAP_SIZE,
                config.nodeDb().onlineDelete(), config.nodeDb().advisoryDelete(),
                NodeStoreSettings.DEFAULT_CACHE_SIZE), profile);
        this.publisher = new StreamPublisher(subscriptions);
        TxPipeline startedPipeline = null;
        RpcServer startedServer = null;
        NetworkOps startedNetwork = null;
        PeerOverlay startedOverlay = null;
        try {
            this.ledgerMaster = new LedgerMaster(store);
            this.serverFeed = new ServerFeed(subscriptions, publisher, ledgerMaster, loadFeeTrack, feeEscalation,
                    this::serverState);
            ledgerMaster.onStoreFailure(this::stopOnStoreFailure);
            this.transactions = new TransactionMaster(ledgerMaster);
            startLedgers(start);
            status.onModeChange(serverFeed::modeChanged);
            ledgerMaster.openLedger().useQueue(feeEscalation.queue());
            if (standalone) {
                status.setMode(OperatingMode.FULL);
            }
            this.intake = new TxIntake(profile, ledgerMaster, transactions,
                    this::processed, this::accepted, this::networkTime, clusterVerdicts(),
                    task -> postToWriter(task, null, false), this::offerToWriter);
            startedPipeline = new TxPipeline(this.intake, PIPELINE_RING, 1, "blocking");
            this.pipeline = startedPipeline;
            resumeOpenLedger(start);
            this.dispatcher = new ApiDispatcher(this, HandlerTable.standard());
            Optional<ClusterConfig> clusterConfig = ClusterSetup.fromConfig(config, nodeKey);
            if (clusterConfig.isPresent()) {
                cluster = Cluster.start(clusterConfig.get(), new ClusterInbound(resourceLogic),
                        () -> resourceLogic.exportConsumers().entrySet().stream()
                                .map(e -> new LoadSource(e.getKey(), e.getValue())).toList());
                resourceLogic.onDrop((address, balance) -> cluster.publishCharge(address, balance));
                LOG.info("cluster member {} on {} with {} other member(s)", clusterConfig.get().name(),
                        clusterConfig.get().endpoint(), clusterConfig.get().members().size());
            }
            loadManager.scheduleWithFixedDelay(this::checkLoad, 1, 1, TimeUnit.SECONDS);
            if (!standalone) {
                startedNetwork = new NetworkOps(this, new TrustedValidators(config.validators().trusted(),
                        validator.masterKey().orElse(null), manifests, minimumQuorum),
                        validator.signingKey(), config.networkQuorum());
                startedOverlay = new PeerOverlay(NetworkSetup.overlaySettings(config, ledgerMaster,
                        new LocalPeerResources(resourceLogic)), nodeKey,
                        startedNetwork).start();
                startedNetwork.start(startedOverlay);
            }
            this.network = startedNetwork;
            this.overlay = startedOverlay;
            startedServer = RpcServer.start(servedPorts(config), dispatcher, new LocalResourceManager(resourceLogic),
                    serverOptions.withOperations(new NodeOperations(this, startedPipeline)));
            this.server = startedServer;
        } catch (IOException | RuntimeException e) {
            loadManager.shutdownNow();
            if (cluster != null) {
                cluster.close();
            }
            if (startedOverlay != null) {
                startedOverlay.close();
            }
            if (startedNetwork != null) {
                startedNetwork.close();
            }
            if (startedPipeline != null) {
                startedPipeline.close();
            }
            jobs.close();
            publisher.close();
            store.close();
            throw e;
        }
        LOG.info("stoxumd started{}: {} on {}", standalone ? " stand-alone" : "", ledgerMaster.closedLedger(),
                profile.configName());
    }

    /**
     * Builds and starts a node.
     *
     * @param logBase the log threshold {@code log_level} reports as {@code base}
     * @throws IOException      when a port cannot be bound
     * @throws StartupException when the first ledger cannot be made or loaded
     */
    public static Application start(NodeConfig config, LedgerStart start, LogLevels.Severity logBase,
                                    ServerOptions serverOptions) throws IOException {
        return start(config, start, logBase, serverOptions, OptionalInt.empty());
    }

    /**
     * Builds and starts a node.
     *
     * @param minimumQuorum {@code --quorum}: the least number of trusted validations that validate a ledger
     */
    public static Application start(NodeConfig config, LedgerStart start, LogLevels.Severity logBase,
                                    ServerOptions serverOptions, OptionalInt minimumQuorum) throws IOException {
        Application app = new Application(config, start, Clock.systemUTC(), logBase, serverOptions, minimumQuorum);
        app.runStartupCommands();
        return app;
    }

    /** The ports this server answers on: every non-peer port (the peer protocol is not served here). */
    private static List<PortConfig> servedPorts(NodeConfig config) {
        List<PortConfig> out = new ArrayList<>();
        for (PortConfig p : config.ports()) {
            if (p.peer()) {
                continue;
            }
            if (p.secure()) {
                LOG.warn("[{}] needs TLS, which this server does not serve yet; it is not opened", p.name());
                continue;
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new StartupException("the config opens no plain http or ws port for the API");
        }
        return out;
    }

    private void startLedgers(LedgerStart start) {
        Fees fees = new Fees(config.fees().baseFee(), Fees.DEFAULT_UNITS, config.fees().accountReserve(),
                config.fees().ownerReserve());
        Set<Hash256> presets = presets(config);
        EngineSetup setup = engineSetup();
        if (start instanceof LedgerStart.Genesis g) {
            LedgerHeader earlier = store.lastLedger();
            if (earlier != null) {
                LOG.warn("the node store at {} already holds ledgers up to {} from an earlier run; this run starts a "
                        + "new chain over them, and --load afterwards resumes this new chain",
                        store.path(), earlier.seq());
            }
            Ledger genesis = Genesis.create(profile, g.withAmendments() ? desiredAmendments(config) : Set.of(), fees,
                    presets);
            OpenLedger open = OpenLedger.startStandalone(setup, genesis, networkTime());
            ledgerMaster.start(open, open.lastClosed().seq());
            return;
        }
        Ledger loaded;
        long firstComplete;
        if (start instanceof LedgerStart.LoadFile f) {
            loaded = LedgerDump.load(f.file(), profile, fees, presets);
            firstComplete = loaded.seq();
        } else {
            loaded = loadStored(((LedgerStart.Load) start).which(), fees, presets);
            long oldest = store.firstLedgerSeq();
            firstComplete = oldest < 0 ? loaded.seq() : oldest;
        }
        ledgerMaster.start(new OpenLedger(setup, loaded), firstComplete);
        LOG.info("loaded {}", loaded);
    }

    /**
     * {@code [features]}: amendments whose rules every ledger follows whether or not it enabled them
     * (stoxumd's {@code Config::features}, the presets of each ledger's Rules). The loader refused unknown
     * names.
     */
    static Set<Hash256> presets(NodeConfig config) {
        Set<Hash256> out = new TreeSet<>();
        for (String name : config.features()) {
            out.add(Amendments.id(name));
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * What a {@code --start} genesis ledger enables (stoxumd's {@code AmendmentTable::getDesired}): the
     * supported amendments and those of {@code [amendments]}, less those of {@code [veto_amendments]}.
     */
    static Set<Hash256> desiredAmendments(NodeConfig config) {
        Set<Hash256> out = new TreeSet<>(Amendments.supported());
        for (AmendmentEntry e : config.amendments()) {
            out.add(Hash256.fromHex(e.id()));
        }
        for (AmendmentEntry e : config.vetoAmendments()) {
            out.remove(Hash256.fromHex(e.id()));
        }
        return Collections.unmodifiableSet(out);
    }

    private Ledger loadStored(String which, Fees fees, Set<Hash256> presets) {
        LedgerHeader header;
        if (which.equalsIgnoreCase("latest")) {
            header = store.lastLedger();
        } else if (which.length() == 64) {
            header = store.ledger(Hash256.fromHex(which));
        } else {
            try {
                header = store.ledger(Long.parseLong(which));
            } catch (NumberFormatException e) {
                throw new StartupException("--ledger takes 'latest', a ledger sequence or a ledger hash, not '"
                        + which + "'");
            }
        }
        if (header == null) {
            throw new StartupException("the ledger '" + which + "' is not in the node store at "
                    + store.path() + (store.lastLedger() == null ? " (it holds no ledger yet)" : ""));
        }
        return Ledger.of(header, store.stateMap(header), store.transactionMap(header), fees, presets);
    }

    /**
     * Submits again the transactions the open ledger held at the last clean stop, when this run resumes
     * that chain, before any client is served; a run that starts another chain drops them. Each goes
     * through the pipeline as a fresh local submission, so it is checked and applied (or queued, or
     * refused) exactly as when it first came.
     */
    private void resumeOpenLedger(LedgerStart start) {
        OpenLedgerFile saved = new OpenLedgerFile(store.path());
        if (!saved.exists()) {
            return;
        }
        try {
            if (!(start instanceof LedgerStart.Load)) {
                LOG.warn("{} holds the open ledger of an earlier run; this run starts another chain, so its "
                        + "transactions are dropped", saved.path());
                saved.remove();
                return;
            }
            List<byte[]> blobs;
            try {
                blobs = saved.load();
            } catch (IOException e) {
                LOG.warn("the open ledger kept at the last stop cannot be read ({}); it is set aside as {}",
                        e.getMessage(), saved.setAside());
                return;
            }
            int applied = resubmit(blobs);
            LOG.info("{} of the {} transactions the open ledger held at the last stop are in the open ledger "
                    + "again", applied, blobs.size());
            saved.remove();
        } catch (IOException e) {
            throw new StartupException("cannot take back the open ledger kept at " + saved.path() + ": "
                    + e.getMessage());
        }
    }

    /** Submits {@code blobs} in order as local transactions; how many the open ledger took. */
    private int resubmit(List<byte[]> blobs) {
        CountDownLatch answered = new CountDownLatch(blobs.size());
        AtomicInteger applied = new AtomicInteger();
        TxIntake.Submit how = new TxIntake.Submit(false, false, true, false);
        for (byte[] blob : blobs) {
            PipelineCallback counted = outcome -> {
                if (outcome instanceof SubmitOutcome.Processed p && p.applied()) {
                    applied.incrementAndGet();
                }
                answered.countDown();
            };
            while (!pipeline.trySubmit(blob, how, counted, PipelineEvent.UNCHECKED)) {
                LockSupport.parkNanos(100_000);
            }
        }
        try {
            answered.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while taking back the open ledger");
        }
        return applied.get();
    }

    /** Runs {@code [rpc_startup]} commands as an admin would, as stoxumd does after start-up. */
    private void runStartupCommands() {
        for (ObjectNode cmd : config.rpcStartup()) {
            String method = cmd.path("command").asText(cmd.path("method").asText(""));
            CompletableFuture<ObjectNode> done = new CompletableFuture<>();
            dispatcher.run(method, cmd, Role.ADMIN, new RpcContext(cmd, Role.ADMIN, this, Optional.empty(),
                    ResourceManager.free().newUnlimitedEndpoint(InetAddress.getLoopbackAddress())),
                    (result, charge) -> done.complete(result));
            ObjectNode result = done.join();
            if (RpcError.isError(result)) {
                LOG.warn("[rpc_startup] {} failed: {}", method, result);
            }
        }
    }

    /**
     * A transaction reached the open ledger (writer thread): peers and cluster members that lack it get it,
     * the proposed stream shows it. Cluster members relay to each other whatever their load: what we applied
     * goes as trusted, what we only held as deferred (not trusted, as stoxumd's {@code deferred} relay); what
     * came from a member is not sent back to the cluster, since every member relays to every other. When a
     * proposed-stream message goes out, the submitter's reply waits for it (rippled publishes before it
     * answers); otherwise the reply is completed here and the answer is built on the requester's thread.
     */
    private void processed(SubmitOutcome.Processed p, TxIntake.Submit how, PipelineCallback reply) {
        relay(p, how);
        if (p.applied()) {
            serverFeed.reportFeeChange(ledgerMaster.openLedger().view());
        }
        if (p.applied() && subscriptions.publishesProposed()) {
            publisher.proposed(p.tx(), p.ter(), ledgerMaster.currentLedger().seq(), reply, p);
        } else {
            reply.complete(p);
        }
    }

    private void relay(SubmitOutcome.Processed p, TxIntake.Submit how) {
        NetworkOps net = network;
        if (net != null && (p.applied() || p.ter() == TER.terQUEUED)) {
            net.relayTransaction(p.tx().bytes(), p.tx().id(), p.ter() == TER.terQUEUED);
        }
        Cluster c = cluster;
        if (c != null && !how.fromCluster() && (p.applied() || p.ter().isTer())) {
            c.relayTransaction(p.tx().bytes(), !p.applied());
        }
    }

    /**
     * The load manager's once-a-second look (rippled's LoadManager): the node is overloaded when its
     * pipeline is three quarters full or its client job queue is too long; the local fee follows, and the
     * cluster hears it (as 0 while our validated ledger is old, stoxumd's processClusterTimer).
     */
    private void checkLoad() {
        try {
            boolean overloaded = pipeline.remainingCapacity() < pipeline.capacity() / 4 || jobs.tooBusy();
            if (loadFeeTrack.onLoadCheck(overloaded)) {
                LOG.info("local load fee now {}", loadFeeTrack.localFee());
                serverFeed.reportFeeChange();
            }
            Cluster c = cluster;
            if (c != null) {
                c.reportLoad(loadFeeTrack.clusterReportFee(validatedLedgerAge()));
            }
        } catch (RuntimeException e) {
            LOG.warn("load check failed", e);
        }
    }

    /** Seconds since the validated ledger closed (stoxumd's getValidatedLedgerAge); huge when there is none. */
    private long validatedLedgerAge() {
        Ledger validated = ledgerMaster.validatedLedger();
        return validated == null ? Long.MAX_VALUE : Math.max(0, networkTime() - validated.closeTime());
    }

    /** Signature verdicts: the cluster's (unless we validate), and the ones the hash router keeps. */
    private ClusterVerdicts clusterVerdicts() {
        return new ClusterVerdicts(validator.isValidator(),
                txId -> {
                    Cluster c = cluster;
                    return c == null ? Verdict.UNKNOWN : c.isVerified(txId);
                },
                txId -> {
                    NetworkOps net = network;
                    return net == null ? null : net.knownSignature(txId);
                },
                (txId, good) -> {
                    Cluster c = cluster;
                    if (c != null) {
                        c.publishVerdict(txId, good);
                    }
                },
                (txId, good) -> {
                    NetworkOps net = network;
                    if (net != null) {
                        net.signatureChecked(txId, good);
                    }
                });
    }

    /**
     * A transaction a member only held (relayed deferred): not trusted, so applied like a peer's (stoxumd's
     * PeerImp sets SF_TRUSTED only without {@code deferred}), and not relayed back to the cluster.
     */
    private static final TxIntake.Submit DEFERRED_CLUSTER = new TxIntake.Submit(false, false, false, true);

    /** What other cluster members send: relayed transactions and the balances of the endpoints they charge. */
    private final class ClusterInbound implements ClusterListener {
        private final ResourceLogic resources;

        ClusterInbound(ResourceLogic resources) {
            this.resources = resources;
        }

        @Override
        public void onTransaction(byte[] rawTransaction, boolean deferred, PublicKey from) {
            pipeline.trySubmit(rawTransaction, deferred ? DEFERRED_CLUSTER : TxIntake.Submit.CLUSTER, outcome -> { },
                    PipelineEvent.UNCHECKED);
        }

        @Override
        public void onRemoteBalance(String address, long delta) {
            resources.addRemoteBalance(address, delta);
        }
    }

    /**
     * What a stand-alone node does with each newly closed ledger (on the ledger writer thread): the
     * {@code ledger_accept} reply follows the ledger's stream messages.
     */
    private void accepted(LedgerBuilder.Result built, PipelineCallback reply) {
        Ledger ledger = built.ledger();
        ledgerClosed(ledger, 0, STANDALONE_CONVERGE_MILLIS, built.buildNanos());
        ledgerValidated(ledger);
        if (reply != null) {
            publisher.after(reply, ledger);
        }
    }

    /**
     * A ledger closed and the open ledger moved on to its successor: server_info reports the round (the
     * transaction queue learned from the ledger), and the server stream any change of fees.
     */
    public void ledgerClosed(Ledger ledger, long proposers, long convergeMillis, long buildNanos) {
        status.lastClose(proposers, convergeMillis);
        serverFeed.reportFeeChange();
        closeListeners.forEach(l -> l.closed(ledger, convergeMillis, buildNanos));
    }

    /** What is told of every ledger this node closes (metrics). */
    @FunctionalInterface
    public interface CloseListener {
        /**
         * @param convergeMillis the round's duration
         * @param buildNanos     how long building the ledger from its set took
         */
        void closed(Ledger ledger, long convergeMillis, long buildNanos);
    }

    /** Also tells {@code listener} of every ledger closed. */
    public void onLedgerClosed(CloseListener listener) {
        closeListeners.add(listener);
    }

    /** Ledgers and transactions handed to the stream publisher and not yet published. */
    public int streamBacklog() {
        return publisher.backlog();
    }

    /**
     * A ledger became validated: the ledger and transaction streams publish it, on the publisher's thread
     * (the caller only hands it over; waits only when thousands of hand-overs are behind).
     */
    public void ledgerValidated(Ledger ledger) {
        publisher.ledgerValidated(ledger, ledgerMaster.completeLedgers());
    }

    /** How long a stand-alone round is reported to take (stoxumd's simulated consensus delay). */
    private static final long STANDALONE_CONVERGE_MILLIS = 100;

    // ------------------------------------------------------------------ what the handlers use

    public NodeConfig config() {
        return config;
    }

    public NetworkProfile profile() {
        return profile;
    }

    public boolean standalone() {
        return standalone;
    }

    /** Network time now: whole seconds since 2000-01-01. */
    public long networkTime() {
        return LedgerTimes.toNetworkTime(clock.instant());
    }

    public KeyPair nodeKey() {
        return nodeKey;
    }

    /**
     * server_info's {@code pubkey_validator}: the master key of a {@code [validator_token]} (or the
     * {@code [validation_seed]} key), or {@code "none"}.
     */
    public String pubkeyValidator() {
        return validator.pubkeyValidator(manifests);
    }

    /** Validator manifests known to this node, ours first. */
    public ManifestCache manifests() {
        return manifests;
    }

    /** The validation quorum (one when stand-alone: the server trusts itself). */
    public int validationQuorum() {
        return network == null ? 1 : network.quorum();
    }

    /** The node's live load factors. */
    public LoadFeeTrack loadFeeTrack() {
        return loadFeeTrack;
    }

    /** How transactions are applied here: the profile's rules with the node's live load factors. */
    public EngineSetup engineSetup() {
        return new EngineSetup(profile, loadFeeTrack);
    }

    /** The resource balances of the node's clients and peers, with what cluster members report. */
    public ResourceLogic resourceLogic() {
        return resourceLogic;
    }

    /** The cluster this node is a member of; empty when {@code [cluster_nodes]} names none. */
    public Optional<Cluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** server_state's name for what the server is doing now. */
    public String serverState() {
        return network == null ? status.mode().displayName() : network.serverState();
    }

    /** The node on the network; empty when stand-alone. */
    public Optional<NetworkOps> network() {
        return Optional.ofNullable(network);
    }

    public ServerStatus status() {
        return status;
    }

    public ClientJobs jobs() {
        return jobs;
    }

    public LogLevels logLevels() {
        return logLevels;
    }

    public FeeEscalation feeEscalation() {
        return feeEscalation;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public LedgerMaster ledgerMaster() {
        return ledgerMaster;
    }

    public TransactionMaster transactions() {
        return transactions;
    }

    /** The address a configured port is bound to. */
    public InetSocketAddress address(String portName) {
        return server.address(portName);
    }

    /**
     * Sends a signed transaction through the pipeline to the open ledger.
     *
     * @return what became of it; fails with tooBusy when the pipeline is full
     */
    public CompletionStage<SubmitOutcome> submit(byte[] blob, boolean unlimited, boolean failHard) {
        CompletableFuture<SubmitOutcome> done = new CompletableFuture<>();
        boolean accepted = pipeline.trySubmit(blob, new TxIntake.Submit(unlimited, failHard, true, false),
                outcome -> complete(done, outcome), PipelineEvent.UNCHECKED);
        if (!accepted) {
            done.completeExceptionally(new RpcFailure(RpcError.TOO_BUSY.make()));
        }
        return done;
    }

    /**
     * A transaction a peer relayed: checked and applied like a submission, but not kept as ours. Dropped when
     * the pipeline is full, as stoxumd drops peer transactions when its job queue is long.
     *
     * @param trusted a cluster member applied it (stoxumd's SF_TRUSTED): applied whatever our load
     */
    public void submitFromPeer(byte[] blob, boolean trusted) {
        pipeline.trySubmit(blob, trusted ? TRUSTED_PEER : TxIntake.Submit.RELAYED, outcome -> { },
                PipelineEvent.UNCHECKED);
    }

    /** A transaction a cluster member relayed over the overlay: trusted, so unlimited. */
    private static final TxIntake.Submit TRUSTED_PEER = new TxIntake.Submit(true, false, false, false);

    /**
     * A peer's proposal or validation, to be verified among the transactions and delivered by the writer (see
     * {@link TxPipeline#tryPeerMessage}). False when the pipeline is full: the message is dropped uncharged.
     */
    public boolean submitPeerMessage(int kind, PeerSignedMessage message, boolean fromCluster) {
        return pipeline.tryPeerMessage(kind, message, fromCluster);
    }

    /**
     * Runs {@code task} on the ledger writer thread, between transactions; waits for ring space rather than
     * failing, so call it only from threads that may wait (never a network thread).
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> onWriter(Supplier<T> task) {
        CompletableFuture<T> done = new CompletableFuture<>();
        TxIntake.WriterTask w = task::get;
        if (!postToWriter(w, outcome -> complete(done, outcome), true)) {
            done.completeExceptionally(new IllegalStateException("stopping"));
        }
        return done;
    }

    /** Puts {@code task} on the writer's ring if it has space: never waits, so the writer itself may call it. */
    private boolean offerToWriter(TxIntake.WriterTask task) {
        return pipeline.tryCommand(task, null);
    }

    /**
     * Puts {@code task} on the writer's ring, waiting for space; gives up once the node is stopping when
     * {@code unlessStopping}, else waits whatever happens (for work the shutdown itself waits for).
     */
    private boolean postToWriter(TxIntake.WriterTask task, PipelineCallback callback, boolean unlessStopping) {
        while (!pipeline.tryCommand(task, callback)) {
            if (unlessStopping && stopping.get()) {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    /**
     * Closes the open ledger (stand-alone {@code ledger_accept}); completes with the new closed ledger once
     * the node store holds it durably, so a ledger the answer names survives a crash.
     */
    public CompletionStage<Ledger> acceptLedger() {
        CompletableFuture<Ledger> done = new CompletableFuture<>();
        if (!pipeline.tryCommand(TxIntake.Command.ACCEPT_LEDGER, outcome -> complete(done, outcome))) {
            done.completeExceptionally(new RpcFailure(RpcError.TOO_BUSY.make()));
        }
        return done.thenCompose(ledger -> ledgerMaster.durable(ledger).thenApply(stored -> ledger));
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(CompletableFuture<T> done, Object outcome) {
        if (outcome instanceof Throwable t) {
            done.completeExceptionally(t);
        } else {
            done.complete((T) outcome);
        }
    }

    // ------------------------------------------------------------------ stopping

    /**
     * Asks the node to stop (the {@code stop} command); {@link #awaitStop()} returns once it has. The stop
     * begins a moment later, so the answer to the command that asked still goes out.
     */
    public void signalStop() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(STOP_DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }, "stoxumd-stop");
        t.setDaemon(false);
        t.start();
    }

    /**
     * The node store failed to write a ledger (a full disk): the node stops, cleanly, rather than go on
     * with a chain it cannot keep (stoxumd's store throws and the process ends). The store has logged why.
     */
    private void stopOnStoreFailure() {
        if (faulted.compareAndSet(false, true)) {
            LOG.error("stoxumd stops: the node store at {} cannot write", store.path());
            signalStop();
        }
    }

    /** The process exit status once stopped: 0 when asked to stop, 1 when a fault stopped the node. */
    public int exitStatus() {
        return faulted.get() ? 1 : 0;
    }

    /** Time given to the stop command's answer before the server closes. */
    private static final long STOP_DELAY_MILLIS = 250;

    /** Blocks until the node has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Keeps what the open ledger holds for the next run (the writer has ended, so its state is still). A
     * failure is logged and the stop goes on: the transactions are lost, as stoxumd always loses them.
     */
    private void saveOpenLedger() {
        List<byte[]> blobs = ledgerMaster.openLedger().pendingTransactions().stream().map(STTx::bytes).toList();
        OpenLedgerFile file = new OpenLedgerFile(store.path());
        try {
            file.save(blobs);
            if (!blobs.isEmpty()) {
                LOG.info("the open ledger's {} transactions are kept in {} for the next start", blobs.size(),
                        file.path());
            }
        } catch (IOException e) {
            LOG.error("the open ledger's {} transactions cannot be kept in {}: {}", blobs.size(), file.path(),
                    e.toString());
        }
    }

    /**
     * Stops serving, drains the pipeline, keeps the open ledger's transactions and closes the node store.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stoxumd stopping");
        try {
            server.close();
            loadManager.shutdownNow();
            if (cluster != null) {
                cluster.close();
            }
            if (overlay != null) {
                overlay.close();
            }
            if (network != null) {
                network.close();
            }
            jobs.close();
            intake.awaitCloses(CLOSE_SHUTDOWN_MILLIS);
            pipeline.close();
            saveOpenLedger();
            publisher.close();
            store.close();
        } finally {
            LOG.info("stoxumd stopped");
            stopped.countDown();
        }
    }
}
