package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Ledger;
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
import org.stoxum.engine.validator.ManifestCache;
import org.stoxum.engine.validator.ValidatorIdentity;
import org.stoxum.engine.tx.OpenLedger;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.LedgerTimes;
import org.stoxum.storage.nodestore.NodeStore;
import org.stoxum.storage.nodestore.NodeStoreSettings;

/**
 * A running stoxumd node (rippled's {@code Application}): built from the config and the start-up choice, it
 * opens the node store, makes or loads the first ledger, starts the transaction pipeline and the job threads,
 * serves the API, and stops cleanly on {@link #signalStop()} (the {@code stop} command, SIGTERM) or
 * {@link #close()}.
 *
 * <p>Only stand-alone operation is built so far: the ledger advances through {@code ledger_accept}, and
 * every closed ledger is validated at once.
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
    private final NodeStore store;
    private final LedgerMaster ledgerMaster;
    private final TransactionMaster transactions;
    private final TxPipeline pipeline;
    private final ApiDispatcher dispatcher;
    private final RpcServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    private Application(NodeConfig config, LedgerStart start, Clock clock, LogLevels.Severity logBase,
                        ServerOptions serverOptions) throws IOException {
        this.config = config;
        this.profile = config.networkProfile();
        this.standalone = config.standalone();
        this.clock = clock;
        this.nodeKey = config.nodeSeed().map(s -> KeyPair.nodeFromSeed(Seed.of(s.entropy()), KeyType.SECP256K1))
                .orElseGet(() -> KeyPair.random(KeyType.SECP256K1));
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
        TxPipeline startedPipeline = null;
        RpcServer startedServer = null;
        try {
            this.ledgerMaster = new LedgerMaster(store);
            this.transactions = new TransactionMaster(ledgerMaster);
            startLedgers(start);
            ledgerMaster.openLedger().useQueue(feeEscalation.queue());
            if (standalone) {
                status.setMode(OperatingMode.FULL);
            }
            TxIntake intake = new TxIntake(profile, ledgerMaster, transactions,
                    p -> {
                        if (p.applied()) {
                            subscriptions.proposed(p.tx(), p.ter(), ledgerMaster.currentLedger());
                        }
                    },
                    this::accepted, this::networkTime);
            startedPipeline = new TxPipeline(intake, PIPELINE_RING, 1, "blocking");
            this.pipeline = startedPipeline;
            this.dispatcher = new ApiDispatcher(this, HandlerTable.standard());
            ResourceManager resources = new LocalResourceManager();
            startedServer = RpcServer.start(servedPorts(config), dispatcher, resources, serverOptions);
            this.server = startedServer;
        } catch (IOException | RuntimeException e) {
            if (startedPipeline != null) {
                startedPipeline.close();
            }
            jobs.close();
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
        if (!config.standalone()) {
            throw new StartupException("only stand-alone mode is available in this build: run with --standalone");
        }
        Application app = new Application(config, start, Clock.systemUTC(), logBase, serverOptions);
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
        Set<Hash256> presets = Set.of();
        EngineSetup setup = EngineSetup.of(profile);
        if (start instanceof LedgerStart.Genesis g) {
            LedgerHeader earlier = store.lastLedger();
            if (earlier != null) {
                LOG.warn("the node store at {} already holds ledgers up to {} from an earlier run; this run starts a "
                        + "new chain over them, and --load afterwards resumes this new chain",
                        store.path(), earlier.seq());
            }
            Ledger genesis = Genesis.create(profile, g.withAmendments() ? Amendments.supported() : Set.of(), fees,
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

    /** What the node does with each newly closed ledger (on the ledger writer thread). */
    private void accepted(Ledger ledger) {
        status.lastClose(0, STANDALONE_CONVERGE_MILLIS);
        subscriptions.ledgerValidated(ledger, ledgerMaster.completeLedgers());
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

    /** The validation quorum (one: stand-alone servers trust themselves). */
    public int validationQuorum() {
        return 1;
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
        boolean accepted = pipeline.trySubmit(blob, new TxIntake.Submit(unlimited, failHard),
                outcome -> complete(done, outcome), PipelineEvent.UNCHECKED);
        if (!accepted) {
            done.completeExceptionally(new RpcFailure(RpcError.TOO_BUSY.make()));
        }
        return done;
    }

    /** Closes the open ledger (stand-alone {@code ledger_accept}); completes with the new closed ledger. */
    public CompletionStage<Ledger> acceptLedger() {
        CompletableFuture<Ledger> done = new CompletableFuture<>();
        if (!pipeline.tryCommand(TxIntake.Command.ACCEPT_LEDGER, outcome -> complete(done, outcome))) {
            done.completeExceptionally(new RpcFailure(RpcError.TOO_BUSY.make()));
        }
        return done;
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

    /** Time given to the stop command's answer before the server closes. */
    private static final long STOP_DELAY_MILLIS = 250;

    /** Blocks until the node has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops serving, drains the pipeline and closes the node store. Idempotent. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stoxumd stopping");
        try {
            server.close();
            jobs.close();
            pipeline.close();
            store.close();
        } finally {
            LOG.info("stoxumd stopped");
            stopped.countDown();
        }
    }
}
