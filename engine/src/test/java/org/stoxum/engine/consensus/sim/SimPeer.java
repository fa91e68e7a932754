package org.stoxum.engine.consensus.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.Hash256;
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
import org.stoxum.engine.consensus.ValStatus;
import org.stoxum.engine.consensus.ValidatorQuorum;
import org.stoxum.engine.consensus.Validations;
import org.stoxum.engine.consensus.ValidationsAdaptor;

/**
 * One simulated server: it runs the real {@link Consensus} and {@link Validations} over a toy ledger model,
 * signs proposals and validations with a real secp256k1 validator key, floods messages over
 * {@link SimNetwork}, and reports what it does to the collectors. Its fields are open so tests can set up
 * odd situations directly.
 */
public final class SimPeer implements SimNode, ConsensusAdaptor<Integer, SimLedger, SimTx, SimPosition>,
        ValidationsAdaptor<STValidation, SimLedger> {
    /** NetClock seconds added to virtual time so that subtracting protocol windows stays positive. */
    static final long EPOCH_OFFSET_S = 86_400;
    /** How long an unanswered ledger or set request waits before being sent again, at least (ms). */
    static final long MIN_REQUEST_TIMEOUT_MS = 100;

    private final Sim sim;
    private final int id;
    private final KeyPair key;
    final Consensus<Integer, SimLedger, SimTx, SimPosition> consensus;
    final Validations<PublicKey, STValidation, SimLedger> validations;

    /** Transactions seen but not yet in a ledger. */
    public final Set<SimTx> openTxs = new TreeSet<>();
    /** Our last closed ledger. */
    public SimLedger lastClosedLedger = SimLedger.GENESIS;
    /** The last ledger we saw reach quorum. */
    public SimLedger fullyValidatedLedger = SimLedger.GENESIS;
    /** Ledgers we built or acquired. */
    final Map<Hash256, SimLedger> ledgers = new HashMap<>();
    /** Transaction sets we hold. */
    final Map<Hash256, SimTxSet> txSets = new HashMap<>();
    private final Map<Hash256, List<ConsensusProposal<Integer>>> seenPositions = new HashMap<>();
    private final Map<Hash256, Long> acquiringUntil = new HashMap<>();
    private final Map<Integer, Long> lastObservedSeq = new HashMap<>();
    private long nextBroadcastSeq = 1;
    private long lastValidationTime;

    /** Ledgers completed (accepted) so far. */
    public int completedLedgers;
    /** Stop starting rounds after this many ledgers. */
    public int targetLedgers = Integer.MAX_VALUE;
    /** This node's clock error (NetClock seconds). */
    public long clockSkewS;
    /** Whether the node validates (and proposes). */
    public boolean runAsValidator = true;
    /** A crashed node does nothing: no rounds, no timer, deaf and mute. */
    public boolean down;
    /** Delay between consensus accepting and the ledger being built and validated (ms). */
    public long ledgerAcceptDelayMs;
    /** Delay before a received validation is processed (ms). */
    public long recvValidationDelayMs;
    /** The {@code --quorum} override, if any. */
    public OptionalInt minimumQuorum = OptionalInt.empty();
    /** The consensus parameters. */
    public ConsensusParms parms = ConsensusParms.DEFAULT;
    /** Extra transactions slipped into the ledger built after a given sequence (a byzantine failure). */
    public final Map<Long, SimTx> txInjections = new HashMap<>();

    private int quorum = ValidatorQuorum.GENESIS_QUORUM;
    private Set<PublicKey> trustedKeys = Set.of();
    private int prevProposers;
    private long prevRoundTimeMs;
    private boolean timerRunning;

    SimPeer(Sim sim, int id) {
        this.sim = sim;
        this.id = id;
        this.key = KeyPair.nodeFromSeed(Seed.fromPassphrase("sim validator " + id), KeyType.SECP256K1);
        this.consensus = new Consensus<>(this, () -> sim.scheduler.now());
        this.validations = new Validations<>(this);
        ledgers.put(SimLedger.GENESIS.id(), SimLedger.GENESIS);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public PublicKey publicKey() {
        return key.publicKey();
    }

    /** The quorum in force this round. */
    public int quorum() {
        return quorum;
    }

    /** Peers proposing in the previous round, as the last accept reported. */
    public int prevProposers() {
        return prevProposers;
    }

    /** How long the previous round took to agree (ms). */
    public long prevRoundTimeMs() {
        return prevRoundTimeMs;
    }

    /** The previous ledger consensus is working from. */
    public Hash256 prevLedgerId() {
        return consensus.prevLedgerId();
    }

    /** Our network time: virtual time plus a fixed offset and our skew (NetClock seconds). */
    @Override
    public long now() {
        return sim.scheduler.now() / 1000 + EPOCH_OFFSET_S + clockSkewS;
    }

    @Override
    public long monotonicMs() {
        return sim.scheduler.now();
    }

    private void issue(SimEvent e) {
        sim.report(id, e);
    }

    // ------------------------------------------------------------------ driving

    /** Starts consensus (validations expiry, the heartbeat, a round). */
    public void start() {
        if (down) {
            return;
        }
        validations.expire();
        if (!timerRunning) {
            timerRunning = true;
            sim.scheduler.in(ConsensusParms.LEDGER_GRANULARITY_MS, this::timerEntry);
        }
        startRound();
    }

    private void timerEntry() {
        if (down) {
            timerRunning = false;
            return;
        }
        consensus.timerEntry(now());
        if (completedLedgers < targetLedgers) {
            sim.scheduler.in(ConsensusParms.LEDGER_GRANULARITY_MS, this::timerEntry);
        } else {
            timerRunning = false;
        }
    }

    private void startRound() {
        Hash256 best = validations.getPreferred(lastClosedLedger, fullyValidatedLedger.seq());
        issue(new SimEvent.StartRound(best, lastClosedLedger));
        updateTrust();
        consensus.startRound(now(), best, lastClosedLedger, runAsValidator);
    }

    /** Recomputes the trusted set and quorum as ValidatorList does at the start of every round. */
    private void updateTrust() {
        Map<PublicKey, Integer> listings = new LinkedHashMap<>();
        for (int p : sim.trustGraph.trustedPeers(id)) {
            if (p != id || runAsValidator) {
                listings.put(sim.node(p).publicKey(), 1);
            }
        }
        ValidatorQuorum.TrustedSet<PublicKey> t = ValidatorQuorum.onConsensusStart(listings,
                runAsValidator ? key.publicKey() : null, validations.getCurrentPublicKeys(), 1, true,
                minimumQuorum, new Random(id));
        quorum = t.quorum();
        trustedKeys = t.trusted();
    }

    /** Submits {@code tx} to this node, which floods it if new. */
    public void submit(SimTx tx) {
        issue(new SimEvent.Submit(tx));
        if (handleTx(tx)) {
            broadcast(new SimMessage.Tx(tx));
        }
    }

    // ------------------------------------------------------------------ consensus adaptor

    @Override
    public ConsensusParms parms() {
        return parms;
    }

    @Override
    public Optional<SimLedger> acquireLedger(Hash256 ledgerId) {
        SimLedger l = ledgers.get(ledgerId);
        if (l != null) {
            return Optional.of(l);
        }
        request(ledgerId, true);
        return Optional.empty();
    }

    @Override
    public Optional<ConsensusTxSet<SimTx>> acquireTxSet(Hash256 setId) {
        SimTxSet s = txSets.get(setId);
        if (s != null) {
            return Optional.of(s);
        }
        request(setId, false);
        return Optional.empty();
    }

    private void request(Hash256 what, boolean ledger) {
        List<Integer> links = sim.net.neighbours(id);
        if (links.isEmpty()) {
            return;
        }
        Long until = acquiringUntil.get(what);
        if (until != null && sim.scheduler.now() < until) {
            return;
        }
        SimRequest r = new SimRequest(what, ledger, id);
        for (int to : links) {
            sim.net.send(id, to, () -> sim.node(to).serve(r));
        }
        acquiringUntil.put(what, sim.scheduler.now() + Math.max(MIN_REQUEST_TIMEOUT_MS, 2 * sim.net.minDelay(id, 0)));
    }

    @Override
    public void serve(SimRequest r) {
        if (down) {
            return;
        }
        if (r.ledger()) {
            SimLedger l = ledgers.get(r.id());
            if (l != null) {
                sim.net.send(id, r.requester(), () -> sim.peer(r.requester()).gotLedger(l));
            }
        } else {
            SimTxSet s = txSets.get(r.id());
            if (s != null) {
                sim.net.send(id, r.requester(), () -> sim.peer(r.requester()).handleTxSet(s));
            }
        }
    }

    private void gotLedger(SimLedger l) {
        acquiringUntil.remove(l.id());
        ledgers.putIfAbsent(l.id(), l);
    }

    @Override
    public boolean hasOpenTransactions() {
        return !openTxs.isEmpty();
    }

    @Override
    public int proposersValidated(Hash256 prevLedger) {
        return validations.numTrustedForLedger(prevLedger);
    }

    @Override
    public int proposersFinished(SimLedger prevLedger, Hash256 prevLedgerId) {
        return validations.getNodesAfter(prevLedger, prevLedgerId);
    }

    @Override
    public Hash256 getPrevLedger(Hash256 prevLedgerId, SimLedger prevLedger, ConsensusMode mode) {
        if (prevLedger.seq() == 0) {
            return prevLedgerId;
        }
        Hash256 net = validations.getPreferred(prevLedger, fullyValidatedLedger.seq());
        if (!net.equals(prevLedgerId)) {
            issue(new SimEvent.WrongPrevLedger(prevLedgerId, net));
        }
        return net;
    }

    @Override
    public void onModeChange(ConsensusMode before, ConsensusMode after) {
        if (before != after) {
            issue(new SimEvent.ModeChange(before, after));
        }
    }

    @Override
    public ConsensusResult<Integer, SimTx> onClose(SimLedger prevLedger, long closeTime, ConsensusMode mode) {
        issue(new SimEvent.CloseLedger(prevLedger, openTxs.size()));
        SimTxSet set = new SimTxSet(openTxs);
        txSets.putIfAbsent(set.id(), set);
        return new ConsensusResult<>(set, new ConsensusProposal<>(prevLedger.id(), ConsensusProposal.SEQ_JOIN,
                set.id(), closeTime, now(), id));
    }

    @Override
    public void onAccept(ConsensusResult<Integer, SimTx> result, SimLedger prevLedger, int closeResolution,
                         ConsensusCloseTimes rawCloseTimes, ConsensusMode mode, ObjectNode consensusJson) {
        long closeTime = result.position().closeTime();
        SimTxSet set = (SimTxSet) result.txSet();
        int proposers = result.proposers();
        long roundTime = result.roundTimeMs();
        boolean consensusFail = result.state() == ConsensusState.MOVED_ON;
        sim.scheduler.in(ledgerAcceptDelayMs, () -> accept(set, prevLedger, closeResolution, closeTime, mode,
                consensusFail, proposers, roundTime));
    }

    @Override
    public void onForceAccept(ConsensusResult<Integer, SimTx> result, SimLedger prevLedger, int closeResolution,
                              ConsensusCloseTimes rawCloseTimes, ConsensusMode mode, ObjectNode consensusJson) {
        onAccept(result, prevLedger, closeResolution, rawCloseTimes, mode, consensusJson);
    }

    /** Closes and accepts at once, as standalone {@code ledger_accept} does. */
    public void simulateClose() {
        consensus.simulate(now(), null);
    }

    /** The consensus state as consensus_info would show it. */
    public ObjectNode consensusJson() {
        return consensus.toJson(true);
    }

    private void accept(SimTxSet set, SimLedger prevLedger, int closeResolution, long closeTime,
                        ConsensusMode mode, boolean consensusFail, int proposers, long roundTime) {
        if (down) {
            return;
        }
        List<SimTx> txs = new ArrayList<>(set.txs());
        SimTx injected = txInjections.get(prevLedger.seq());
        if (injected != null) {
            txs.add(injected);
        }
        SimLedger newLedger = sim.oracle.accept(prevLedger, txs, closeResolution, closeTime);
        ledgers.put(newLedger.id(), newLedger);
        issue(new SimEvent.AcceptLedger(newLedger, lastClosedLedger));
        prevProposers = proposers;
        prevRoundTimeMs = roundTime;
        lastClosedLedger = newLedger;
        openTxs.removeIf(newLedger::contains);

        // Validate only a ledger compatible with what we consider fully validated, once per sequence.
        boolean compatible = newLedger.isAncestor(fullyValidatedLedger);
        if (runAsValidator && compatible && !consensusFail && validations.canValidateSeq(newLedger.seq())) {
            long signTime = Math.max(now(), lastValidationTime + 1);
            lastValidationTime = signTime;
            STValidation v = STValidation.builder(newLedger.id(), signTime, key.publicKey(),
                    mode == ConsensusMode.PROPOSING).ledgerSequence(newLedger.seq()).sign(key);
            issue(new SimEvent.Validated(newLedger, v.full()));
            broadcast(new SimMessage.Validation(v.toBytes()));
            addTrustedValidation(v);
        }
        checkFullyValidated(newLedger);
        completedLedgers++;
        if (completedLedgers <= targetLedgers) {
            startRound();
        }
    }

    @Override
    public void propose(ConsensusProposal<Integer> proposal) {
        broadcast(new SimMessage.Proposal(SimPosition.sign(key, proposal)));
    }

    @Override
    public void sharePosition(SimPosition position) {
        broadcast(new SimMessage.Proposal(position));
    }

    @Override
    public void shareTx(SimTx tx) {
        broadcast(new SimMessage.Tx(tx));
    }

    @Override
    public void shareTxSet(ConsensusTxSet<SimTx> set) {
        SimTxSet s = (SimTxSet) set;
        txSets.putIfAbsent(s.id(), s);
        broadcast(new SimMessage.TxSet(s));
    }

    // ------------------------------------------------------------------ validations adaptor

    @Override
    public void onStale(STValidation validation) {
    }

    @Override
    public Optional<SimLedger> acquire(Hash256 ledgerId) {
        return acquireLedger(ledgerId);
    }

    // ------------------------------------------------------------------ validation handling

    /** Adds a trusted validation; true when it was new and current (worth relaying). */
    boolean addTrustedValidation(STValidation v) {
        STValidation received = v.received(now(), true);
        ValStatus status = validations.add(v.key(), received);
        if (status != ValStatus.CURRENT) {
            return false;
        }
        acquireLedger(v.ledgerId()).ifPresent(this::checkFullyValidated);
        return true;
    }

    private void checkFullyValidated(SimLedger ledger) {
        if (ledger.seq() <= fullyValidatedLedger.seq()) {
            return;
        }
        if (validations.numTrustedForLedger(ledger.id()) >= quorum) {
            issue(new SimEvent.FullyValidateLedger(ledger, fullyValidatedLedger));
            fullyValidatedLedger = ledger;
        }
    }

    // ------------------------------------------------------------------ messaging

    /** Floods a message we originate. */
    void broadcast(SimMessage m) {
        SimMessage.Broadcast b = new SimMessage.Broadcast(m, nextBroadcastSeq++, id);
        lastObservedSeq.put(id, b.seq());
        relay(b, id);
    }

    private void relay(SimMessage.Broadcast b, int from) {
        for (int to : sim.net.neighbours(id)) {
            if (to != from && to != b.origin()) {
                sim.net.send(id, to, () -> sim.node(to).receive(b, id));
            }
        }
    }

    @Override
    public void receive(SimMessage.Broadcast b, int from) {
        if (down) {
            return;
        }
        if (lastObservedSeq.getOrDefault(b.origin(), 0L) >= b.seq()) {
            return;
        }
        lastObservedSeq.put(b.origin(), b.seq());
        long delay = b.message() instanceof SimMessage.Validation ? recvValidationDelayMs : 0;
        Runnable work = () -> {
            if (handle(b.message())) {
                relay(b, from);
            }
        };
        if (delay == 0) {
            work.run();
        } else {
            sim.scheduler.in(delay, work);
        }
    }

    private boolean handle(SimMessage m) {
        if (m instanceof SimMessage.Proposal p) {
            return handleProposal(p.position());
        }
        if (m instanceof SimMessage.TxSet s) {
            return handleTxSet(s.set());
        }
        if (m instanceof SimMessage.Tx t) {
            return handleTx(t.tx());
        }
        return handleValidation(((SimMessage.Validation) m).bytes());
    }

    private boolean handleProposal(SimPosition pos) {
        ConsensusProposal<Integer> p = pos.proposal();
        PublicKey signer = sim.node(p.nodeId()).publicKey();
        if (!pos.verify(signer)) {
            return false;
        }
        if (!trustedKeys.contains(signer)) {
            // Untrusted positions are only passed on, and only on our ledger.
            return p.prevLedger().equals(lastClosedLedger.id());
        }
        List<ConsensusProposal<Integer>> seen = seenPositions.computeIfAbsent(p.prevLedger(), k -> new ArrayList<>());
        if (seen.contains(p)) {
            return false;
        }
        seen.add(p);
        // As a server does, a received position counts as taken when we received it.
        ConsensusProposal<Integer> local = new ConsensusProposal<>(p.prevLedger(), p.proposeSeq(), p.position(),
                p.closeTime(), now(), p.nodeId());
        return consensus.peerProposal(now(), new SimPosition(local, pos.signature()));
    }

    private boolean handleTxSet(SimTxSet s) {
        acquiringUntil.remove(s.id());
        if (txSets.putIfAbsent(s.id(), s) != null) {
            return false;
        }
        consensus.gotTxSet(now(), s);
        return true;
    }

    private boolean handleTx(SimTx tx) {
        if (lastClosedLedger.contains(tx)) {
            return false;
        }
        return openTxs.add(tx);
    }

    private boolean handleValidation(byte[] bytes) {
        STValidation v;
        try {
            v = STValidation.parse(bytes, now(), true);
        } catch (CodecException e) {
            return false;
        }
        if (!trustedKeys.contains(v.key())) {
            return false;
        }
        return addTrustedValidation(v);
    }

    /** Keys trusted this round (for tests). */
    Set<PublicKey> trustedKeys() {
        return new LinkedHashSet<>(trustedKeys);
    }

    @Override
    public String toString() {
        return "Peer" + id;
    }
}
