package org.stoxum.engine.net;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.manifest.Manifest;
import org.stoxum.codec.sbe.Bool;
import org.stoxum.codec.sbe.NodeEvent;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.app.OperatingMode;
import org.stoxum.engine.consensus.Consensus;
import org.stoxum.engine.consensus.ConsensusAdaptor;
import org.stoxum.engine.consensus.ConsensusCloseTimes;
import org.stoxum.engine.consensus.ConsensusMode;
import org.stoxum.engine.consensus.ConsensusParms;
import org.stoxum.engine.consensus.ConsensusProposal;
import org.stoxum.engine.consensus.ConsensusResult;
import org.stoxum.engine.consensus.ConsensusState;
import org.stoxum.engine.consensus.ConsensusTxSet;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.consensus.SignedProposal;
import org.stoxum.engine.consensus.ValStatus;
import org.stoxum.engine.consensus.Validations;
import org.stoxum.engine.consensus.ValidationsAdaptor;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.ledger.TreeView;
import org.stoxum.engine.net.vote.FlagLedgerVoting;
import org.stoxum.engine.pipeline.PipelineEvent;
import org.stoxum.engine.tx.EngineSetup;
import org.stoxum.engine.tx.FeeTrack;
import org.stoxum.engine.tx.LedgerBuilder;
import org.stoxum.engine.tx.TxSignatures;
import org.stoxum.engine.validator.ManifestDisposition;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.PeerMessageHandler;
import org.stoxum.transport.peer.PeerOverlay;
import org.stoxum.transport.peer.Sanity;
import org.stoxum.transport.peer.relay.HashRouter;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * The node on the network (rippled's {@code NetworkOPs} with {@code RCLConsensus} and {@code RCLValidations}):
 * it runs consensus rounds over the peers' proposals, builds and validates ledgers, counts trusted
 * validations to a quorum, follows the network's preferred ledger (acquiring what it lacks), relays
 * transactions, proposals, validations and manifests, and tracks the operating mode.
 *
 * <p>Threads: everything that touches consensus, validations or the ledger history runs on one
 * {@value #CONSENSUS_THREAD} thread (rippled's master lock); the open ledger stays owned by the pipeline's
 * writer, reached through {@link Application#onWriter}. Peer messages arrive on the overlay's I/O thread and
 * are copied and handed on at once: proposals and validations, after stoxumd's cheap receive-time checks, go
 * through the node's pipeline ring, whose verifier threads check their signatures among the transactions' and
 * whose writer queues them for the consensus thread.
 */
public final class NetworkOps implements PeerMessageHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkOps.class);
    /** The thread that owns consensus. */
    public static final String CONSENSUS_THREAD = "consensus";
    /** Ledgers kept in memory by hash, built or acquired, validated or not. */
    private static final int RECENT_LEDGERS = 256;
    /** Candidate sets kept. */
    private static final int RECENT_SETS = 64;
    /** A proposal whose close time is this much older than ours is ignored (stoxumd's magic 180 s). */
    private static final long PROPOSAL_MAX_AGE_S = 180;
    /** The signature sizes a proposal may carry (stoxumd's receive-time bounds). */
    private static final int PROPOSAL_SIG_MIN = 56;
    private static final int PROPOSAL_SIG_MAX = 128;
    private static final long FETCH_TICK_MS = 250;
    private static final long EXPIRE_INTERVAL_MS = 60_000;

    private final Application app;
    private final LedgerMaster ledgers;
    private final EngineSetup setup;
    private final TrustedValidators trusted;
    private final Optional<KeyPair> validationKey;
    private final int networkQuorum;
    private final PeerMessages messages = new PeerMessages();
    private final FlagLedgerVoting voting;
    /** The consensus parameters at this network's pace ({@code [consensus] speedup}). */
    private final ConsensusParms pace;
    private final ScheduledExecutorService consensusThread;
    private final Consensus<PublicKey, RclLedger, RclTx, SignedProposal<PublicKey>> consensus;
    private final Validations<PublicKey, STValidation, RclLedger> validations;
    private volatile PeerOverlay overlay;
    private volatile LedgerFetch fetch;

    // Consensus-thread state.
    /** Read by the fetcher's threads too (peers ask for ledgers we closed but have not yet validated). */
    private final Map<Hash256, Ledger> recentLedgers = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Hash256, Ledger> eldest) {
                    return size() > RECENT_LEDGERS;
                }
            });
    private final Map<Hash256, RclTxSet> txSets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash256, RclTxSet> eldest) {
            return size() > RECENT_SETS;
        }
    };
    private final Set<Hash256> acquiring = ConcurrentHashMap.newKeySet();
    /** Active peers, kept from the overlay's callbacks so counting them never waits on the I/O thread. */
    private final Map<Long, Peer> active = new ConcurrentHashMap<>();
    private RclLedger lastClosed;
    private long lastSignTime;
    private long lastExpireMs;
    private boolean viewChangedThisRound;
    /**
     * Whether a quorum has validated a ledger since start. Until then the ledger we started from binds
     * nothing: rippled has no validated ledger before the network's first, so validators that started
     * their chains at different seconds (ledger 2's close time is the start time, rounded) can all join
     * whichever chain the network prefers and validate it.
     */
    private volatile boolean networkValidated;
    /** The last validated ledger handed to the streams; consensus thread only. */
    private Ledger published;
    private volatile boolean validating;
    private boolean backfilling;
    private long backfilled;
    private long lastBackfillLogMs;
    private volatile ConsensusMode consensusMode = ConsensusMode.OBSERVING;

    /**
     * @param validationKey the key that signs our proposals and validations (a validator's current signing
     *                      key), empty for a stock server
     * @param networkQuorum {@code [network_quorum]}: peers needed to leave "disconnected"
     */
    public NetworkOps(Application app, TrustedValidators trusted, Optional<KeyPair> validationKey,
                      int networkQuorum) {
        this.app = app;
        this.ledgers = app.ledgerMaster();
        this.setup = app.engineSetup();
        this.trusted = trusted;
        this.validationKey = validationKey;
        this.networkQuorum = networkQuorum;
        this.voting = FlagLedgerVoting.of(app.config());
        this.pace = ConsensusParms.DEFAULT.speedUp(app.config().consensusSpeedup());
        this.consensusThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, CONSENSUS_THREAD);
            t.setDaemon(true);
            return t;
        });
        this.consensus = new Consensus<>(new Adaptor(), () -> System.nanoTime() / 1_000_000);
        this.validations = new Validations<>(new ValidationsHooks());
    }

    /** Connects the overlay and the fetcher, then starts the heartbeat and the first round. */
    public void start(PeerOverlay overlay) {
        this.overlay = overlay;
        this.fetch = NetworkSetup.fetch(app, this::activePeers, recentLedgers::get, Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ledger-fetch");
            t.setDaemon(true);
            return t;
        }));
        app.onWriter(() -> {
            ledgers.openLedger().settleLocalsBy(ledgers::validatedLedger);
            return null;
        }).join();
        consensusThread.execute(() -> {
            Ledger start = ledgers.closedLedger();
            lastClosed = new RclLedger(start);
            recentLedgers.put(start.hash(), start);
            setMode(networkQuorum == 0 ? OperatingMode.CONNECTED : OperatingMode.DISCONNECTED);
            beginConsensus();
        });
        consensusThread.scheduleWithFixedDelay(guard(this::heartbeat), pace.ledgerGranularityMs(),
                pace.ledgerGranularityMs(), TimeUnit.MILLISECONDS);
        consensusThread.scheduleWithFixedDelay(guard(() -> fetch.tick(nowMs())), FETCH_TICK_MS, FETCH_TICK_MS,
                TimeUnit.MILLISECONDS);
    }

    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("network operation failed", e);
            }
        };
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    private long now() {
        return app.networkTime();
    }

    // ------------------------------------------------------------------ what server_info reads

    /** The validation quorum in force. */
    public int quorum() {
        return trusted.quorum();
    }

    /** Active peers. */
    public int peerCount() {
        return active.size();
    }

    /** The active peers now. */
    public List<Peer> activePeers() {
        return List.copyOf(active.values());
    }

    /** The overlay ({@code peers}, {@code connect}). */
    public PeerOverlay overlay() {
        return overlay;
    }

    /** The server_state name: the operating mode, or proposing/validating when full. */
    public String serverState() {
        OperatingMode mode = app.status().mode();
        if (mode == OperatingMode.FULL) {
            if (consensusMode == ConsensusMode.PROPOSING) {
                return "proposing";
            }
            if (validating) {
                return "validating";
            }
        }
        return mode.displayName();
    }

    /** fetch_info's {@code info}: the ledgers being acquired, recently acquired or failed. */
    public ObjectNode ledgerFetchInfo() {
        LedgerFetch f = fetch;
        return f == null ? JsonNodeFactory.instance.objectNode() : f.info();
    }

    /** {@code fetch_info clear}: forgets recent failures and ended acquisitions. */
    public void clearLedgerFetch() {
        LedgerFetch f = fetch;
        if (f != null) {
            f.clearFailures();
        }
    }

    /** consensus_info's {@code info}. */
    public ObjectNode consensusInfo() {
        try {
            return consensusThread.submit(() -> consensus.toJson(true)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("consensus did not answer", e);
        }
    }

    // ------------------------------------------------------------------ the heartbeat and rounds

    private void heartbeat() {
        int peers = peerCount();
        OperatingMode mode = app.status().mode();
        if (peers < networkQuorum) {
            if (mode != OperatingMode.DISCONNECTED) {
                LOG.warn("Node count ({}) has fallen below required minimum ({})", peers, networkQuorum);
                setMode(OperatingMode.DISCONNECTED);
            }
        } else {
            if (mode == OperatingMode.DISCONNECTED) {
                LOG.info("Node count ({}) is sufficient", peers);
                mode = OperatingMode.CONNECTED;
            }
            // The validated ledger's age may move us between connected and syncing.
            if (mode == OperatingMode.CONNECTED || mode == OperatingMode.SYNCING) {
                setMode(mode);
            }
        }
        consensus.timerEntry(now());
        backfill();
        long ms = nowMs();
        if (ms - lastExpireMs > EXPIRE_INTERVAL_MS) {
            lastExpireMs = ms;
            validations.expire();
        }
    }

    /**
     * Changes the operating mode as stoxumd's NetworkOPs::setMode does: "connected" is reported as "syncing"
     * while the validated ledger is less than a minute old (we follow the network's ledgers but have not yet
     * taken part in a round), and "syncing" falls back to "connected" when it grows older.
     */
    private void setMode(OperatingMode next) {
        long age = now() - ledgers.validatedLedger().closeTime();
        if (next == OperatingMode.CONNECTED && age < SYNCING_AGE_S) {
            next = OperatingMode.SYNCING;
        } else if (next == OperatingMode.SYNCING && age >= SYNCING_AGE_S) {
            next = OperatingMode.CONNECTED;
        }
        if (app.status().mode() != next) {
            app.status().setMode(next);
            LOG.info("STATE->{}", next.displayName());
        }
    }

    /** The validated ledger age below which a connected node is syncing (seconds). */
    private static final long SYNCING_AGE_S = 60;

    private void beginConsensus() {
        trusted.onConsensusStart(validations.getCurrentPublicKeys());
        Hash256 preferred = validations.getPreferred(lastClosed, ledgers.validLedgerIndex());
        validating = validationKey.isPresent() && !app.status().amendmentBlocked();
        boolean proposing = validating && app.status().mode() == OperatingMode.FULL;
        viewChangedThisRound = false;
        consensus.startRound(now(), preferred, lastClosed, proposing);
    }

    /** Consensus reached: build, store, validate, reopen, then start the next round (consensus thread). */
    private void accept(ConsensusResult<PublicKey, RclTx> result, RclLedger prev, int closeResolution,
                        ConsensusMode mode) {
        long rawCloseTime = result.position().closeTime();
        boolean closeTimeCorrect = rawCloseTime != 0;
        long closeTime = LedgerBuilder.effectiveCloseTime(rawCloseTime, closeResolution, prev.closeTime());
        RclTxSet set = (RclTxSet) result.txSet();
        List<STTx> txs = new ArrayList<>();
        for (STTx tx : set.transactions()) {
            if (signatureGood(tx, prev.ledger())) {
                txs.add(tx);
            } else {
                LOG.warn("{} in the agreed set has a bad signature: not applied", tx.id());
            }
        }
        LedgerBuilder.Result built = LedgerBuilder.build(setup, prev.ledger(), txs, set.id(),
                closeTime, closeTimeCorrect, closeResolution);
        Ledger ledger = built.ledger();
        RclLedger lastClosedBefore = lastClosed;
        try {
            ledgers.setClosed(ledger);
        } catch (RuntimeException e) {
            LOG.error("cannot store {}: {}; stopping, so that no ledger is skipped in the stored chain", ledger,
                    e.toString());
            app.signalStop();
            return;
        }
        recentLedgers.put(ledger.hash(), ledger);
        lastClosed = new RclLedger(ledger);
        LOG.info("accepted {} ({} transactions, {} proposers, {} ms, {})", ledger, txs.size(),
                result.proposers(), result.roundTimeMs(), mode.text());
        broadcast(messages.statusChange(NodeEvent.ACCEPTED_LEDGER, ledger, now(),
                ledgers.firstCompleteLedger(), ledgers.validLedgerIndex()));

        boolean movedOn = result.state() == ConsensusState.MOVED_ON;
        if (validating && !movedOn && validations.canValidateSeq(ledger.seq()) && onValidatedChain(ledger)) {
            validate(ledger, mode == ConsensusMode.PROPOSING);
        }
        List<STTx> orphans = prev.id().equals(lastClosedBefore.id()) ? List.of() : orphans(lastClosedBefore.ledger());
        List<STTx> pending = app.onWriter(() -> {
            ledgers.openLedger().accept(built);
            for (STTx tx : orphans) {
                if (!ledger.txExists(tx.id())) {
                    ledgers.openLedger().submit(tx, ApplyFlags.NO_CHECK_SIGN, true, false);
                }
            }
            return ledgers.openLedger().localTransactions();
        }).join();
        for (STTx tx : pending) {
            relayTransaction(tx.bytes(), tx.id());
        }
        app.ledgerClosed(ledger, result.proposers(), result.roundTimeMs(), built.buildNanos());
        checkAccept(ledger.hash(), ledger.seq());
        endConsensus();
    }

    /**
     * The transactions of a ledger we built but the network did not take (we switched to another chain): they
     * go back into the open ledger, as stoxumd's jump to the network's ledger re-applies them, so that a
     * payment that made only our losing ledger is not lost.
     */
    private static List<STTx> orphans(Ledger abandoned) {
        List<STTx> out = new ArrayList<>();
        for (var it = abandoned.transactions(); it.hasNext(); ) {
            out.add(STTx.fromBytes(it.next().txBytes()));
        }
        return out;
    }

    /** Whether {@code ledger} descends from our validated ledger, so validating it cannot fork us. */
    private boolean onValidatedChain(Ledger ledger) {
        Ledger valid = ledgers.validatedLedger();
        return !networkValidated || valid.seq() == 0
                || valid.seq() < ledger.seq() && valid.hash().equals(new RclLedger(ledger).ancestor(valid.seq()));
    }

    private void validate(Ledger ledger, boolean full) {
        KeyPair key = validationKey.orElseThrow();
        long signTime = Math.max(now(), lastSignTime + 1);
        lastSignTime = signTime;
        STValidation.Builder builder = STValidation.builder(ledger.hash(), signTime, key.publicKey(), full)
                .ledgerSequence(ledger.seq());
        voting.addToValidation(ledger, builder);
        STValidation v = builder.sign(key);
        byte[] bytes = v.toBytes();
        Hash256 suppression = Hash256.wrap(Sha512Half.of(bytes));
        overlay.hashRouter().addSuppressionPeer(suppression, 0);
        PublicKey master = trusted.masterOf(key.publicKey());
        validations.add(master, v.received(now(), trusted.trusted(master)));
        broadcast(messages.validation(bytes));
        LOG.debug("validated {}", ledger);
    }

    private void endConsensus() {
        OperatingMode mode = app.status().mode();
        if (!viewChangedThisRound) {
            if (mode == OperatingMode.CONNECTED || mode == OperatingMode.SYNCING) {
                setMode(OperatingMode.TRACKING);
                mode = OperatingMode.TRACKING;
            }
            if (mode == OperatingMode.TRACKING
                    && now() < lastClosed.closeTime() + 2L * lastClosed.closeTimeResolution()) {
                setMode(OperatingMode.FULL);
            }
        }
        beginConsensus();
    }

    // ------------------------------------------------------------------ validated ledgers

    /** Marks {@code hash} validated once a quorum of trusted validators signed it (LedgerMaster::checkAccept). */
    private void checkAccept(Hash256 hash, long seq) {
        if (seq <= ledgers.validLedgerIndex()) {
            return;
        }
        int count = validations.numTrustedForLedger(hash);
        if (count < trusted.quorum()) {
            return;
        }
        Ledger ledger = recentLedgers.get(hash);
        if (ledger == null) {
            acquire(hash, seq);
            return;
        }
        // Continuous when the recent ledgers link this one back to the previous validated ledger.
        Ledger previous = ledgers.validatedLedger();
        Ledger first = ledger;
        for (Ledger parent; first.seq() > previous.seq() + 1
                && (parent = recentLedgers.get(first.parentHash())) != null; ) {
            first = parent;
        }
        boolean continuous = first.seq() == previous.seq() + 1 && first.parentHash().equals(previous.hash());
        ledgers.setValidated(ledger, continuous);
        networkValidated = true;
        LOG.info("fully validated {} ({} trusted validations, quorum {})", ledger, count, trusted.quorum());
        publishValidated();
        checkAmendmentBlocked(ledger);
    }

    /**
     * Publishes validated ledgers to the streams in sequence, none skipped (LedgerMaster::tryAdvance): a node
     * that fell behind has some of the ledgers between its last published one and the new validated one only
     * as hashes in the new one's skip list, so those are acquired first and publishing resumes when they
     * arrive. The first ledger published, and one more than {@value #MAX_PUBLISH_GAP} behind, is just the
     * validated ledger, as rippled does.
     */
    private void publishValidated() {
        Ledger valid = ledgers.validatedLedger();
        Ledger last = published;
        long from = last == null || valid.seq() - last.seq() > MAX_PUBLISH_GAP ? valid.seq() : last.seq() + 1;
        RclLedger chain = new RclLedger(valid);
        for (long seq = from; seq <= valid.seq(); seq++) {
            Hash256 hash = seq == valid.seq() ? valid.hash() : chain.ancestor(seq);
            Ledger ledger = hash == null ? null : recentLedgers.get(hash);
            if (ledger == null) {
                if (hash != null) {
                    acquire(hash, seq);
                }
                return;
            }
            app.ledgerValidated(ledger);
            published = ledger;
        }
    }

    /** Ledgers a node may fall behind the validated one and still publish every one of them. */
    private static final int MAX_PUBLISH_GAP = 100;

    /**
     * Blocks the node when the newly validated ledger enabled an amendment this build does not support
     * (LedgerMaster::setValidLedger): it can no longer apply the network's rules, so it stops validating and
     * proposing, stays at most tracking, and refuses commands that need a current or closed ledger.
     */
    private void checkAmendmentBlocked(Ledger validated) {
        if (app.status().amendmentBlocked()) {
            return;
        }
        Set<Hash256> unsupported = voting.amendments().unsupportedEnabled(validated);
        if (!unsupported.isEmpty()) {
            LOG.error("One or more unsupported amendments activated: server blocked. {} enabled {}", validated,
                    unsupported);
            app.status().setAmendmentBlocked();
            validating = false;
        }
    }

    /**
     * History back-fill: while the validated ledger is recent, acquire the parent of the oldest complete
     * ledger, one at a time, until {@code [ledger_history]} ledgers behind the validated one are held
     * (stoxumd fetches history only when it is not busy following the network).
     */
    private void backfill() {
        long history = app.config().ledgerHistory();
        long first = ledgers.firstCompleteLedger();
        Ledger valid = ledgers.validatedLedger();
        if (backfilling || fetch == null || first <= FIRST_HISTORY_LEDGER || valid.seq() - first >= history
                || now() - valid.closeTime() > RECENT_VALIDATED_SECONDS) {
            return;
        }
        Ledger oldest = ledgers.ledgerBySeq(first);
        if (oldest == null) {
            return;
        }
        backfilling = true;
        fetch.acquireHistory(oldest.parentHash(), first - 1).whenComplete((parent, failure) ->
                consensusThread.execute(guard(() -> {
                    backfilling = false;
                    if (failure != null) {
                        LOG.warn("history back-fill of ledger {} failed: {}", first - 1, failure.toString());
                    } else if (ledgers.extendComplete(parent)) {
                        LOG.debug("back-filled {}: complete ledgers {}", parent, ledgers.completeLedgers());
                        backfillProgress(parent.seq() <= FIRST_HISTORY_LEDGER
                                || ledgers.validatedLedger().seq() - parent.seq() >= history);
                    }
                })));
    }

    /**
     * Reports the back-fill at INFO every {@value #BACKFILL_LOG_MS} ms at most, and once when it has all the
     * history it wants (consensus thread).
     */
    private void backfillProgress(boolean done) {
        backfilled++;
        long ms = nowMs();
        if (done || ms - lastBackfillLogMs >= BACKFILL_LOG_MS) {
            LOG.info("history back-fill{}: {} ledger(s) fetched since the last report; complete ledgers {}",
                    done ? " done" : "", backfilled, ledgers.completeLedgers());
            backfilled = 0;
            lastBackfillLogMs = ms;
        }
    }

    private static final long BACKFILL_LOG_MS = 5_000;

    /** The oldest ledger history reaches: the one after genesis, where every chain's complete range starts. */
    private static final long FIRST_HISTORY_LEDGER = 2;

    /** How recent the validated ledger must be for history to be fetched (seconds). */
    private static final long RECENT_VALIDATED_SECONDS = 60;

    /** The ledger {@code id} if held (built, acquired or stored); otherwise its acquisition starts. */
    private Optional<RclLedger> heldOrAcquire(Hash256 id) {
        Ledger l = recentLedgers.get(id);
        if (l == null) {
            l = ledgers.ledgerByHash(id);
        }
        if (l != null) {
            return Optional.of(new RclLedger(l));
        }
        acquire(id, 0);
        return Optional.empty();
    }

    /** Starts fetching ledger {@code hash} from peers; when it arrives, consensus and validations see it. */
    private void acquire(Hash256 hash, long seq) {
        if (fetch == null || !acquiring.add(hash)) {
            return;
        }
        // Peers' validations usually name the ledger this node is itself still building: give our own
        // accept a heartbeat (a second at stoxumd's pace) before fetching from peers what we are about to hold.
        consensusThread.schedule(guard(() -> {
            if (recentLedgers.containsKey(hash)) {
                acquiring.remove(hash);
                return;
            }
            LOG.info("acquiring ledger {} from peers", seq > 0 ? seq + " " + hash : hash);
            fetch.acquireLedger(hash, seq).whenComplete((ledger, failure) -> consensusThread.execute(guard(() -> {
                acquiring.remove(hash);
                if (failure != null) {
                    LOG.warn("could not acquire ledger {}: {}", hash, failure.toString());
                    return;
                }
                recentLedgers.put(ledger.hash(), ledger);
                LOG.info("acquired {}", ledger);
                checkAccept(ledger.hash(), ledger.seq());
                publishValidated();
                consensus.timerEntry(now());
            })));
        }), pace.ledgerGranularityMs(), TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ transactions

    /**
     * What this node (or a cluster member) found of {@code txId}'s signature: true good, false bad, null not
     * checked yet. The hash router keeps it for its hold time.
     */
    public Boolean knownSignature(Hash256 txId) {
        PeerOverlay o = overlay;
        if (o == null) {
            return null;
        }
        int flags = o.hashRouter().getFlags(txId);
        if ((flags & HashRouter.FLAG_SIGGOOD) != 0) {
            return Boolean.TRUE;
        }
        return (flags & HashRouter.FLAG_BAD) != 0 ? Boolean.FALSE : null;
    }

    /** Remembers what a signature check of {@code txId} found. */
    public void signatureChecked(Hash256 txId, boolean good) {
        PeerOverlay o = overlay;
        if (o != null) {
            o.hashRouter().setFlags(txId, good ? HashRouter.FLAG_SIGGOOD : HashRouter.FLAG_BAD);
        }
    }

    /**
     * Whether a transaction of an agreed set is properly signed: known from the pipeline's check or the
     * cluster's, else checked now (rippled's checkValidity), so a set cannot smuggle in a forged transaction.
     * Pseudo-transactions carry no signature by design: the validators' agreement on the set is their
     * authority, and Change's preflight checks their shape.
     */
    private boolean signatureGood(STTx tx, Ledger parent) {
        if (tx.type().isPseudo()) {
            return true;
        }
        Boolean known = knownSignature(tx.id());
        if (known != null) {
            return known;
        }
        boolean good = TxSignatures.check(tx, parent.rules().enabled(Amendments.MULTI_SIGN), app.profile()).valid();
        signatureChecked(tx.id(), good);
        return good;
    }

    /**
     * Relays a transaction that reached our open ledger (or is held for it) to peers that lack it; the hash
     * router lets each transaction go out once per hold time. With no peer to send to, nothing is marked, so
     * the relay after the next close (of our still pending transactions) reaches the peers that came since.
     */
    public void relayTransaction(byte[] raw, Hash256 id) {
        relayTransaction(raw, id, false);
    }

    /**
     * As {@link #relayTransaction(byte[], Hash256)}, flagging a transaction we only held (terQUEUED) as
     * {@code deferred}, which cluster members do not trust (stoxumd's NetworkOPs::apply).
     */
    public void relayTransaction(byte[] raw, Hash256 id, boolean deferred) {
        PeerOverlay o = overlay;
        if (o != null && !active.isEmpty()) {
            o.relay(messages.transaction(raw, now(), deferred), id);
        }
    }

    // ------------------------------------------------------------------ peer messages (I/O thread)

    @Override
    public void onClosed(Peer peer) {
        active.remove(peer.id());
    }

    @Override
    public void onActivated(Peer peer) {
        active.put(peer.id(), peer);
        List<byte[]> known = new ArrayList<>();
        for (Manifest m : app.manifests().manifests()) {
            known.add(m.serialized());
        }
        if (!known.isEmpty()) {
            peer.send(messages.manifests(known));
        }
        Ledger closed = ledgers.closedLedger();
        peer.send(messages.statusChange(NodeEvent.ACCEPTED_LEDGER, closed, now(), ledgers.firstCompleteLedger(),
                ledgers.validLedgerIndex()));
    }

    @Override
    public void onMessage(Peer peer, InboundMessage message) {
        switch (message.type()) {
            case TRANSACTION -> onTransaction(peer, message.transaction().deferred() == Bool.TRUE,
                    PeerMessages.rawTransaction(message.transaction()));
            case PROPOSE_LEDGER -> PeerMessages.proposal(message.proposeLedger(), now())
                    .ifPresentOrElse(p -> onProposal(peer, p), () -> peer.charge(Charge.INVALID_SIGNATURE));
            case VALIDATION -> onValidation(peer, PeerMessages.validationBytes(message.validation()));
            case MANIFESTS -> onManifests(peer, PeerMessages.manifestList(message.manifests()));
            case GET_LEDGER -> {
                if (fetch != null) {
                    fetch.onGetLedger(peer, message.getLedger());
                }
            }
            case LEDGER_DATA -> {
                if (fetch != null) {
                    fetch.onLedgerData(peer, message.ledgerData());
                }
            }
            default -> {
            }
        }
    }

    /**
     * A peer's transaction (PeerImp::onMessage(TMTransaction)). From a cluster member it is trusted (applied
     * whatever our load) unless the member only held it ({@code deferred}), and a server that does not
     * validate takes its signature as good; a validator checks every signature whatever the source.
     */
    private void onTransaction(Peer peer, boolean deferred, byte[] raw) {
        Hash256 id = Hash256.wrap(Sha512Half.local().update(HashPrefix.TRANSACTION_ID).update(raw).finish());
        if (!overlay.hashRouter().addSuppressionPeer(id, peer.id())) {
            return;
        }
        if (peer.cluster() && validationKey.isEmpty()) {
            signatureChecked(id, true);
        }
        app.submitFromPeer(raw, peer.cluster() && !deferred);
    }

    /**
     * stoxumd's receive-time checks of a proposal (PeerImp::onMessage(TMProposeSet)), then the pipeline: stale
     * ones are ignored, malformed ones charged, duplicates and our own dropped, untrusted ones dropped from an
     * insane peer or, unless from a cluster member, while we are loaded.
     */
    private void onProposal(Peer peer, SignedProposal<PublicKey> p) {
        if (p.proposal().closeTime() + PROPOSAL_MAX_AGE_S < now()) {
            return;
        }
        int sigLength = p.signature().length;
        if (sigLength < PROPOSAL_SIG_MIN || sigLength > PROPOSAL_SIG_MAX) {
            LOG.warn("Proposal: malformed (peer {})", peer.id());
            peer.charge(Charge.INVALID_SIGNATURE);
            return;
        }
        if (!overlay.hashRouter().addSuppressionPeer(p.suppressionId(), peer.id())) {
            return;
        }
        if (validationKey.isPresent() && validationKey.get().publicKey().equals(p.publicKey())) {
            return;
        }
        boolean isTrusted = trusted.trusted(trusted.masterOf(p.publicKey()));
        if (!isTrusted && (peer.sanity() == Sanity.INSANE || !peer.cluster() && loadedLocal())) {
            LOG.debug("Proposal: Dropping UNTRUSTED from peer {}", peer.id());
            return;
        }
        if (!app.submitPeerMessage(PipelineEvent.PROPOSAL, new InboundProposal(peer, p, isTrusted,
                this::proposalChecked), peer.cluster())) {
            LOG.debug("pipeline full: proposal from peer {} dropped", peer.id());
        }
    }

    /**
     * A well-signed proposal (pipeline writer thread): queued for consensus (PeerImp::checkPropose). A trusted
     * one is a position; an untrusted one is only relayed, when it builds on our ledger or came from the cluster.
     */
    private void proposalChecked(InboundProposal m) {
        SignedProposal<PublicKey> p = m.proposal();
        consensusThread.execute(guard(() -> {
            if (m.trusted()) {
                if (consensus.peerProposal(now(), p)) {
                    overlay.relay(messages.proposal(p), p.suppressionId());
                }
            } else if (m.peer().cluster() || p.proposal().prevLedger().equals(consensus.prevLedgerId())) {
                overlay.relay(messages.proposal(p), p.suppressionId());
            }
        }));
    }

    /**
     * A validation (PeerImp::onMessage(TMValidation)): too short is charged, a duplicate dropped; parsing, the
     * currency and load checks and the signature check run in the pipeline ({@link InboundValidation}).
     */
    private void onValidation(Peer peer, byte[] bytes) {
        if (bytes.length < STValidation.MIN_BYTES) {
            LOG.warn("Validation: Too small (peer {})", peer.id());
            peer.charge(Charge.INVALID_REQUEST);
            return;
        }
        Hash256 suppression = Hash256.wrap(Sha512Half.of(bytes));
        if (!overlay.hashRouter().addSuppressionPeer(suppression, peer.id())) {
            return;
        }
        InboundValidation m = new InboundValidation(peer, bytes, suppression, now(),
                key -> trusted.trusted(trusted.masterOf(key)), this::loadedLocal, this::validationChecked);
        if (!app.submitPeerMessage(PipelineEvent.VALIDATION, m, peer.cluster())) {
            LOG.debug("pipeline full: validation from peer {} dropped", peer.id());
        }
    }

    /**
     * A well-signed, current validation (pipeline writer thread): queued for the validations table
     * (NetworkOPs::recvValidation); relayed when it is a trusted, current one, or came from the cluster.
     */
    private void validationChecked(InboundValidation m) {
        STValidation v = m.validation();
        consensusThread.execute(guard(() -> {
            PublicKey master = trusted.masterOf(v.key());
            boolean isTrusted = trusted.trusted(master);
            ValStatus status = validations.add(master, v.received(m.seen(), isTrusted));
            LOG.debug("validation of {} {} by {} ({}): {}", v.seq(), v.ledgerId(), master,
                    isTrusted ? "trusted" : "untrusted", status.text());
            if (isTrusted && status == ValStatus.CURRENT || m.peer().cluster()) {
                overlay.relay(messages.validation(m.bytes()), m.suppression());
            }
            if (isTrusted && status == ValStatus.CURRENT) {
                checkAccept(v.ledgerId(), v.seq());
            }
        }));
    }

    /** rippled's isLoadedLocal: our local fee is raised. */
    private boolean loadedLocal() {
        return app.loadFeeTrack().localFee() > FeeTrack.LOAD_BASE;
    }

    private void onManifests(Peer peer, List<byte[]> list) {
        for (byte[] bytes : list) {
            Manifest m;
            try {
                m = Manifest.parse(bytes);
            } catch (CodecException e) {
                peer.charge(Charge.BAD_DATA);
                continue;
            }
            ManifestDisposition d = app.manifests().apply(m);
            if (d == ManifestDisposition.ACCEPTED) {
                LOG.info("manifest {} of validator {} accepted", m.sequence(), m.masterKey());
                overlay.relay(messages.manifests(List.of(bytes)), m.hash());
            } else if (d == ManifestDisposition.INVALID) {
                peer.charge(Charge.INVALID_SIGNATURE);
            }
        }
    }

    private void broadcast(OutboundMessage message) {
        PeerOverlay o = overlay;
        if (o != null) {
            o.broadcast(message);
        }
    }

    @Override
    public void close() {
        consensusThread.shutdownNow();
        LedgerFetch f = fetch;
        if (f != null) {
            f.close();
        }
    }

    // ------------------------------------------------------------------ the consensus adaptor

    /** What consensus asks of this node; always called on the consensus thread. */
    private final class Adaptor implements ConsensusAdaptor<PublicKey, RclLedger, RclTx, SignedProposal<PublicKey>> {
        @Override
        public ConsensusParms parms() {
            return pace.withRoundedCloseTime(lastClosed.ledger().rules().enabled(Amendments.FIX1528));
        }

        @Override
        public Optional<RclLedger> acquireLedger(Hash256 id) {
            return heldOrAcquire(id);
        }

        @Override
        public Optional<ConsensusTxSet<RclTx>> acquireTxSet(Hash256 id) {
            RclTxSet set = txSets.get(id);
            if (set != null) {
                return Optional.of(set);
            }
            if (fetch != null && acquiring.add(id)) {
                fetch.acquireTxSet(id).whenComplete((map, failure) -> consensusThread.execute(guard(() -> {
                    acquiring.remove(id);
                    if (failure != null) {
                        LOG.debug("could not acquire tx set {}: {}", id, failure.toString());
                        return;
                    }
                    RclTxSet got = new RclTxSet(map);
                    txSets.put(id, got);
                    consensus.gotTxSet(now(), got);
                })));
            }
            return Optional.empty();
        }

        @Override
        public boolean hasOpenTransactions() {
            return ledgers.currentLedger().transactions().hasNext();
        }

        @Override
        public int proposersValidated(Hash256 prevLedger) {
            return validations.numTrustedForLedger(prevLedger);
        }

        @Override
        public int proposersFinished(RclLedger prevLedger, Hash256 prevLedgerId) {
            return validations.getNodesAfter(prevLedger, prevLedgerId);
        }

        @Override
        public Hash256 getPrevLedger(Hash256 prevLedgerId, RclLedger prevLedger, ConsensusMode mode) {
            Hash256 net = validations.getPreferred(prevLedger, ledgers.validLedgerIndex());
            if (!net.equals(prevLedgerId)) {
                if (mode != ConsensusMode.WRONG_LEDGER) {
                    LOG.warn("View of consensus changed during {} to {}", mode.text(), net);
                    viewChangedThisRound = true;
                    if (app.status().mode().compareTo(OperatingMode.CONNECTED) > 0) {
                        setMode(OperatingMode.CONNECTED);
                    }
                }
            }
            return net;
        }

        @Override
        public void onModeChange(ConsensusMode before, ConsensusMode after) {
            consensusMode = after;
            if (before != after) {
                LOG.info("consensus mode {} -> {}", before.text(), after.text());
            }
        }

        @Override
        public ConsensusResult<PublicKey, RclTx> onClose(RclLedger prevLedger, long closeTime, ConsensusMode mode) {
            RclTxSet set = new RclTxSet(withVotes(((TreeView) ledgers.currentLedger()).txMap(), prevLedger,
                    mode));
            txSets.put(set.id(), set);
            fetch.haveTxSet(set.map());
            PublicKey self = validationKey.map(KeyPair::publicKey).orElse(app.nodeKey().publicKey());
            return new ConsensusResult<>(set, new ConsensusProposal<>(prevLedger.id(), ConsensusProposal.SEQ_JOIN,
                    set.id(), closeTime, now(), self));
        }

        @Override
        public void onAccept(ConsensusResult<PublicKey, RclTx> result, RclLedger prevLedger, int closeResolution,
                             ConsensusCloseTimes rawCloseTimes, ConsensusMode mode, ObjectNode consensusJson) {
            consensusThread.execute(guard(() -> accept(result, prevLedger, closeResolution, mode)));
        }

        @Override
        public void onForceAccept(ConsensusResult<PublicKey, RclTx> result, RclLedger prevLedger,
                                  int closeResolution, ConsensusCloseTimes rawCloseTimes, ConsensusMode mode,
                                  ObjectNode consensusJson) {
            onAccept(result, prevLedger, closeResolution, rawCloseTimes, mode, consensusJson);
        }

        @Override
        public void propose(ConsensusProposal<PublicKey> proposal) {
            SignedProposal<PublicKey> signed = SignedProposal.sign(validationKey.orElseThrow(), proposal);
            overlay.hashRouter().addSuppressionPeer(signed.suppressionId(), 0);
            broadcast(messages.proposal(signed));
        }

        @Override
        public void sharePosition(SignedProposal<PublicKey> position) {
            overlay.relay(messages.proposal(position), position.suppressionId());
        }

        @Override
        public void shareTx(RclTx tx) {
            relayTransaction(tx.tx().bytes(), tx.id());
        }

        @Override
        public void shareTxSet(ConsensusTxSet<RclTx> set) {
            RclTxSet s = (RclTxSet) set;
            txSets.put(s.id(), s);
            fetch.haveTxSet(s.map());
            broadcast(messages.haveSet(s.id()));
        }
    }

    /**
     * Our initial position: the open ledger's transactions, plus, after a flag ledger, the fee and amendment
     * pseudo-transactions the trusted validations of its parent vote for (stoxumd votes only while proposing
     * on the network's ledger).
     */
    private SHAMap withVotes(SHAMap open, RclLedger prevLedger, ConsensusMode mode) {
        if (mode != ConsensusMode.PROPOSING) {
            return open;
        }
        List<STTx> votes = voting.pseudoTransactions(prevLedger.ledger(),
                validations.getTrustedForLedger(prevLedger.ledger().parentHash()), trusted.quorum());
        if (votes.isEmpty()) {
            return open;
        }
        SHAMap withVotes = open.mutableCopy();
        for (STTx tx : votes) {
            LOG.info("voting {} in the ledger after flag ledger {}", tx.type(), prevLedger.seq());
            withVotes.put(tx.id(), tx.bytes());
        }
        return withVotes.snapshot();
    }

    /** What the validations table asks of this node. */
    private final class ValidationsHooks implements ValidationsAdaptor<STValidation, RclLedger> {
        @Override
        public long now() {
            return NetworkOps.this.now();
        }

        @Override
        public long monotonicMs() {
            return nowMs();
        }

        @Override
        public void onStale(STValidation validation) {
        }

        @Override
        public Optional<RclLedger> acquire(Hash256 id) {
            return heldOrAcquire(id);
        }
    }
}
