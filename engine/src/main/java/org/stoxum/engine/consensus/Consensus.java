package org.stoxum.engine.consensus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerTimes;

/**
 * The ledger consensus state machine (stoxumd's generic {@code Consensus<Adaptor>}, the RPCA).
 *
 * <p>Each round agrees on two things: the transaction set of the next ledger and its close time.
 * {@link #startRound} opens a round; {@link #timerEntry} (every {@link ConsensusParms#ledgerGranularityMs()})
 * closes the open ledger when it is time, then re-votes disputed transactions and close times until enough
 * proposers share our position, and hands the result to {@link ConsensusAdaptor#onAccept}. Peer positions
 * and acquired sets arrive through {@link #peerProposal} and {@link #gotTxSet}. If trusted validations show
 * the network on another previous ledger, the round bows out, switches, and replays recent proposals.
 *
 * <p>The machine is deterministic: NetClock time is passed in, round durations come from an injected
 * monotonic clock, and all effects go through the adaptor. It is not thread safe; one owner drives it.
 *
 * @param <N> node ID type
 * @param <L> ledger type
 * @param <T> transaction type
 * @param <P> received peer position type
 */
public final class Consensus<N, L extends ConsensusLedger, T extends ConsensusTx, P extends PeerPosition<N>> {
    /** Establish time credited by {@link #simulate} when the caller gives none (ms). */
    public static final long DEFAULT_SIMULATED_DELAY_MS = 100;

    private final ConsensusAdaptor<N, L, T, P> adaptor;
    private final LongSupplier monotonicMs;

    private ConsensusPhase phase = ConsensusPhase.ACCEPTED;
    private ConsensusMode mode = ConsensusMode.OBSERVING;
    private boolean firstRound = true;
    private boolean haveCloseTimeConsensus;
    private int convergePercent;
    private long openStartMs;
    private long openTimeMs;
    private int closeResolution = LedgerTimes.DEFAULT_RESOLUTION;
    private long prevRoundTimeMs;
    private long now;
    private long prevCloseTime;

    private Hash256 prevLedgerId = Hash256.ZERO;
    private L previousLedger;
    private final Map<Hash256, ConsensusTxSet<T>> acquired = new LinkedHashMap<>();
    private ConsensusResult<N, T> result;
    private final ConsensusCloseTimes rawCloseTimes = new ConsensusCloseTimes();

    private final Map<N, P> currPeerPositions = new LinkedHashMap<>();
    private final Map<N, Deque<P>> recentPeerPositions = new LinkedHashMap<>();
    private int prevProposers;
    private final Set<N> deadNodes = new LinkedHashSet<>();

    /**
     * @param adaptor the application side
     * @param monotonicMs a monotonic millisecond clock for measuring open and establish times
     */
    public Consensus(ConsensusAdaptor<N, L, T, P> adaptor, LongSupplier monotonicMs) {
        this.adaptor = Objects.requireNonNull(adaptor, "adaptor");
        this.monotonicMs = Objects.requireNonNull(monotonicMs, "monotonicMs");
    }

    /**
     * Starts a round.
     *
     * @param now the network time (NetClock seconds)
     * @param prevLedgerId the ledger the network builds on (may be known before its contents)
     * @param prevLedger our last closed ledger
     * @param proposing whether to send positions this round
     */
    public void startRound(long now, Hash256 prevLedgerId, L prevLedger, boolean proposing) {
        if (firstRound) {
            prevRoundTimeMs = adaptor.parms().ledgerIdleIntervalMs();
            prevCloseTime = prevLedger.closeTime();
            firstRound = false;
        } else {
            prevCloseTime = rawCloseTimes.self();
        }
        ConsensusMode startMode = proposing ? ConsensusMode.PROPOSING : ConsensusMode.OBSERVING;
        L ledger = prevLedger;
        if (!prevLedger.id().equals(prevLedgerId)) {
            Optional<L> correct = adaptor.acquireLedger(prevLedgerId);
            if (correct.isPresent()) {
                ledger = correct.get();
            } else {
                startMode = ConsensusMode.WRONG_LEDGER;
            }
        }
        startRoundInternal(now, prevLedgerId, ledger, startMode);
    }

    private void startRoundInternal(long now, Hash256 prevLedgerId, L prevLedger, ConsensusMode newMode) {
        phase = ConsensusPhase.OPEN;
        setMode(newMode);
        this.now = now;
        this.prevLedgerId = prevLedgerId;
        this.previousLedger = prevLedger;
        result = null;
        convergePercent = 0;
        haveCloseTimeConsensus = false;
        openStartMs = monotonicMs.getAsLong();
        openTimeMs = 0;
        currPeerPositions.clear();
        acquired.clear();
        rawCloseTimes.clearPeers();
        rawCloseTimes.setSelf(0);
        deadNodes.clear();
        closeResolution = LedgerTimes.nextResolution(previousLedger.closeTimeResolution(),
                previousLedger.closeAgree(), previousLedger.seq() + 1);
        playbackProposals();
        if (currPeerPositions.size() > prevProposers / 2) {
            // We may be behind: do not wait for the timer to consider closing.
            timerEntry(this.now);
        }
    }

    /**
     * A peer's position arrived.
     *
     * @param now the network time
     * @param position the position (trusted peers only; the caller filters)
     * @return whether the position is worth relaying
     */
    public boolean peerProposal(long now, P position) {
        N peer = position.proposal().nodeId();
        Deque<P> recent = recentPeerPositions.computeIfAbsent(peer, k -> new ArrayDeque<>());
        if (recent.size() >= ConsensusParms.RECENT_POSITIONS_KEPT) {
            recent.removeFirst();
        }
        recent.addLast(position);
        return peerProposalInternal(now, position);
    }

    private boolean peerProposalInternal(long now, P position) {
        if (phase == ConsensusPhase.ACCEPTED) {
            return false;
        }
        this.now = now;
        ConsensusProposal<N> proposal = position.proposal();
        N peer = proposal.nodeId();
        if (!proposal.prevLedger().equals(prevLedgerId) || deadNodes.contains(peer)) {
            return false;
        }
        P existing = currPeerPositions.get(peer);
        if (existing != null && proposal.proposeSeq() <= existing.proposal().proposeSeq()) {
            return false;
        }
        if (proposal.isBowOut()) {
            if (result != null) {
                for (DisputedTx<T, N> d : result.mutableDisputes().values()) {
                    d.unVote(peer);
                }
            }
            currPeerPositions.remove(peer);
            deadNodes.add(peer);
            return true;
        }
        currPeerPositions.put(peer, position);
        if (proposal.isInitial()) {
            rawCloseTimes.addPeer(proposal.closeTime());
        }
        ConsensusTxSet<T> set = acquired.get(proposal.position());
        if (set == null) {
            adaptor.acquireTxSet(proposal.position()).ifPresent(s -> gotTxSet(this.now, s));
        } else if (result != null) {
            updateDisputes(peer, set);
        }
        return true;
    }

    /** Drives the round; call every {@link ConsensusParms#ledgerGranularityMs()}. */
    public void timerEntry(long now) {
        if (phase == ConsensusPhase.ACCEPTED) {
            return;
        }
        this.now = now;
        checkLedger();
        if (phase == ConsensusPhase.OPEN) {
            phaseOpen();
        } else if (phase == ConsensusPhase.ESTABLISH) {
            phaseEstablish();
        }
    }

    /** A transaction set we asked for (or a peer offered) arrived. */
    public void gotTxSet(long now, ConsensusTxSet<T> txSet) {
        if (phase == ConsensusPhase.ACCEPTED) {
            return;
        }
        this.now = now;
        Hash256 id = txSet.id();
        if (acquired.putIfAbsent(id, txSet) != null) {
            return;
        }
        if (result != null) {
            for (Map.Entry<N, P> e : currPeerPositions.entrySet()) {
                if (e.getValue().proposal().position().equals(id)) {
                    updateDisputes(e.getKey(), txSet);
                }
            }
        }
    }

    /**
     * Closes and accepts at once as if every peer agreed (standalone {@code ledger_accept}); the adaptor's
     * {@link ConsensusAdaptor#onForceAccept} builds the ledger.
     *
     * @param consensusDelayMs establish time to credit, or null for {@link #DEFAULT_SIMULATED_DELAY_MS}
     */
    public void simulate(long now, Long consensusDelayMs) {
        this.now = now;
        closeLedger();
        result.addRoundTime(consensusDelayMs == null ? DEFAULT_SIMULATED_DELAY_MS : consensusDelayMs);
        prevProposers = currPeerPositions.size();
        result.setProposers(prevProposers);
        prevRoundTimeMs = result.roundTimeMs();
        phase = ConsensusPhase.ACCEPTED;
        adaptor.onForceAccept(result, previousLedger, closeResolution, rawCloseTimes, mode, toJson(true));
    }

    /** The previous ledger this round builds on (known even while its contents are being acquired). */
    public Hash256 prevLedgerId() {
        return prevLedgerId;
    }

    /** The current phase. */
    public ConsensusPhase phase() {
        return phase;
    }

    /** The current mode. */
    public ConsensusMode mode() {
        return mode;
    }

    /** Peers proposing in the previous round. */
    public int prevProposers() {
        return prevProposers;
    }

    /** How long (ms) the previous round took to agree. */
    public long prevRoundTimeMs() {
        return prevRoundTimeMs;
    }

    /** The close-time resolution of the ledger being built (seconds). */
    public int closeResolution() {
        return closeResolution;
    }

    // ------------------------------------------------------------------ wrong ledger

    private void handleWrongLedger(Hash256 ledgerId) {
        leaveConsensus();
        if (!prevLedgerId.equals(ledgerId)) {
            prevLedgerId = ledgerId;
            if (result != null) {
                result.mutableDisputes().clear();
                result.compares().clear();
            }
            currPeerPositions.clear();
            rawCloseTimes.clearPeers();
            deadNodes.clear();
            playbackProposals();
        }
        if (previousLedger.id().equals(prevLedgerId)) {
            return;
        }
        Optional<L> ledger = adaptor.acquireLedger(prevLedgerId);
        if (ledger.isPresent()) {
            startRoundInternal(now, ledgerId, ledger.get(), ConsensusMode.SWITCHED_LEDGER);
        } else {
            setMode(ConsensusMode.WRONG_LEDGER);
        }
    }

    private void checkLedger() {
        Hash256 netLedger = adaptor.getPrevLedger(prevLedgerId, previousLedger, mode);
        if (!netLedger.equals(prevLedgerId) || !previousLedger.id().equals(prevLedgerId)) {
            handleWrongLedger(netLedger);
        }
    }

    private void playbackProposals() {
        List<P> replay = new ArrayList<>();
        recentPeerPositions.values().forEach(replay::addAll);
        for (P pos : replay) {
            if (pos.proposal().prevLedger().equals(prevLedgerId) && peerProposalInternal(now, pos)) {
                adaptor.sharePosition(pos);
            }
        }
    }

    // ------------------------------------------------------------------ phases

    private void phaseOpen() {
        boolean anyTransactions = adaptor.hasOpenTransactions();
        int proposersClosed = currPeerPositions.size();
        int proposersValidated = adaptor.proposersValidated(prevLedgerId);
        openTimeMs = monotonicMs.getAsLong() - openStartMs;

        boolean previousCloseCorrect = mode != ConsensusMode.WRONG_LEDGER && previousLedger.closeAgree()
                && previousLedger.closeTime() != previousLedger.parentCloseTime() + 1;
        long lastCloseTime = previousCloseCorrect ? previousLedger.closeTime() : prevCloseTime;
        long sinceCloseMs = (now - lastCloseTime) * 1000;
        ConsensusParms parms = adaptor.parms();
        long idleIntervalMs = Math.max(parms.ledgerIdleIntervalMs(), 2000L * previousLedger.closeTimeResolution());

        if (ConsensusRules.shouldCloseLedger(parms, anyTransactions, prevProposers, proposersClosed,
                proposersValidated, prevRoundTimeMs, sinceCloseMs, openTimeMs, idleIntervalMs)) {
            closeLedger();
        }
    }

    private void phaseEstablish() {
        result.tickRoundTime(monotonicMs.getAsLong());
        result.setProposers(currPeerPositions.size());
        long roundTime = result.roundTimeMs();
        convergePercent = (int) (roundTime * 100
                / Math.max(prevRoundTimeMs, adaptor.parms().avMinConsensusTimeMs()));
        if (roundTime < adaptor.parms().ledgerMinConsensusMs()) {
            return;
        }
        updateOurPositions();
        if (!haveConsensus() || !haveCloseTimeConsensus) {
            return;
        }
        prevProposers = currPeerPositions.size();
        prevRoundTimeMs = result.roundTimeMs();
        phase = ConsensusPhase.ACCEPTED;
        adaptor.onAccept(result, previousLedger, closeResolution, rawCloseTimes, mode, toJson(true));
    }

    private void closeLedger() {
        if (result != null) {
            throw new IllegalStateException("closing a ledger we already closed");
        }
        phase = ConsensusPhase.ESTABLISH;
        rawCloseTimes.setSelf(now);
        result = adaptor.onClose(previousLedger, now, mode);
        result.resetRoundTime(monotonicMs.getAsLong());
        if (acquired.putIfAbsent(result.txSet().id(), result.txSet()) == null) {
            adaptor.shareTxSet(result.txSet());
        }
        if (mode == ConsensusMode.PROPOSING) {
            adaptor.propose(result.position());
        }
        for (P pos : currPeerPositions.values()) {
            ConsensusTxSet<T> set = acquired.get(pos.proposal().position());
            if (set != null) {
                createDisputes(set);
            }
        }
    }

    // ------------------------------------------------------------------ establish

    private void updateOurPositions() {
        long peerCutoff = now - ConsensusParms.PROPOSE_FRESHNESS_S;
        long ourCutoff = now - ConsensusParms.PROPOSE_INTERVAL_S;

        TreeMap<Long, Integer> closeTimeVotes = new TreeMap<>();
        for (Iterator<Map.Entry<N, P>> it = currPeerPositions.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<N, P> e = it.next();
            ConsensusProposal<N> peerProp = e.getValue().proposal();
            if (peerProp.isStale(peerCutoff)) {
                for (DisputedTx<T, N> d : result.mutableDisputes().values()) {
                    d.unVote(e.getKey());
                }
                it.remove();
            } else {
                closeTimeVotes.merge(asCloseTime(peerProp.closeTime()), 1, Integer::sum);
            }
        }

        boolean proposing = mode == ConsensusMode.PROPOSING;
        ConsensusTxSet.Builder<T> changed = null;
        for (DisputedTx<T, N> d : result.mutableDisputes().values()) {
            // The inclusion threshold rises with time, so time alone can flip our vote.
            if (d.updateVote(convergePercent, proposing)) {
                if (changed == null) {
                    changed = result.txSet().toBuilder();
                }
                if (d.ourVote()) {
                    changed.insert(d.tx());
                } else {
                    changed.erase(d.id());
                }
            }
        }
        ConsensusTxSet<T> newSet = changed == null ? null : changed.build();

        long consensusCloseTime = 0;
        haveCloseTimeConsensus = false;
        if (currPeerPositions.isEmpty()) {
            haveCloseTimeConsensus = true;
            consensusCloseTime = asCloseTime(result.position().closeTime());
        } else {
            int participants = currPeerPositions.size();
            if (proposing) {
                closeTimeVotes.merge(asCloseTime(result.position().closeTime()), 1, Integer::sum);
                participants++;
            }
            int threshVote = ConsensusRules.participantsNeeded(participants,
                    ConsensusRules.avalancheThreshold(convergePercent));
            int threshConsensus = ConsensusRules.participantsNeeded(participants,
                    ConsensusParms.AV_CT_CONSENSUS_PCT);
            for (Map.Entry<Long, Integer> vote : closeTimeVotes.entrySet()) {
                if (vote.getValue() >= threshVote) {
                    consensusCloseTime = vote.getKey();
                    threshVote = vote.getValue();
                    if (threshVote >= threshConsensus) {
                        haveCloseTimeConsensus = true;
                    }
                }
            }
        }

        if (newSet == null && (consensusCloseTime != asCloseTime(result.position().closeTime())
                || result.position().isStale(ourCutoff))) {
            newSet = result.txSet();
        }
        if (newSet == null) {
            return;
        }
        Hash256 newId = newSet.id();
        result.setTxSet(newSet);
        result.setPosition(result.position().changePosition(newId, consensusCloseTime, now));
        if (acquired.putIfAbsent(newId, newSet) == null) {
            if (!result.position().isBowOut()) {
                adaptor.shareTxSet(newSet);
            }
            for (Map.Entry<N, P> e : currPeerPositions.entrySet()) {
                if (e.getValue().proposal().position().equals(newId)) {
                    updateDisputes(e.getKey(), newSet);
                }
            }
        }
        if (!result.position().isBowOut() && mode == ConsensusMode.PROPOSING) {
            adaptor.propose(result.position());
        }
    }

    private boolean haveConsensus() {
        int agree = 0;
        int disagree = 0;
        Hash256 ours = result.position().position();
        for (P pos : currPeerPositions.values()) {
            if (pos.proposal().position().equals(ours)) {
                agree++;
            } else {
                disagree++;
            }
        }
        int finished = adaptor.proposersFinished(previousLedger, prevLedgerId);
        ConsensusState state = ConsensusRules.checkConsensus(adaptor.parms(), prevProposers, agree + disagree,
                agree, finished, prevRoundTimeMs, result.roundTimeMs(), mode == ConsensusMode.PROPOSING);
        result.setState(state);
        return state != ConsensusState.NO;
    }

    private void leaveConsensus() {
        if (mode == ConsensusMode.PROPOSING) {
            if (result != null && !result.position().isBowOut()) {
                result.setPosition(result.position().bowOut(now));
                adaptor.propose(result.position());
            }
            setMode(ConsensusMode.OBSERVING);
        }
    }

    private void createDisputes(ConsensusTxSet<T> other) {
        if (!result.compares().add(other.id()) || result.txSet().id().equals(other.id())) {
            return;
        }
        for (Map.Entry<Hash256, Boolean> diff : result.txSet().compare(other).entrySet()) {
            Hash256 txId = diff.getKey();
            T tx = diff.getValue() ? result.txSet().find(txId) : other.find(txId);
            if (result.mutableDisputes().containsKey(txId)) {
                continue;
            }
            DisputedTx<T, N> dispute = new DisputedTx<>(tx, result.txSet().exists(txId));
            for (Map.Entry<N, P> e : currPeerPositions.entrySet()) {
                ConsensusTxSet<T> peerSet = acquired.get(e.getValue().proposal().position());
                if (peerSet != null) {
                    dispute.setVote(e.getKey(), peerSet.exists(txId));
                }
            }
            adaptor.shareTx(tx);
            result.mutableDisputes().put(txId, dispute);
        }
    }

    private void updateDisputes(N node, ConsensusTxSet<T> other) {
        if (!result.compares().contains(other.id())) {
            createDisputes(other);
        }
        for (DisputedTx<T, N> d : result.mutableDisputes().values()) {
            d.setVote(node, other.exists(d.id()));
        }
    }

    private long asCloseTime(long raw) {
        if (adaptor.parms().useRoundedCloseTime()) {
            return LedgerTimes.roundCloseTime(raw, closeResolution);
        }
        return LedgerTimes.effectiveCloseTime(raw, closeResolution, previousLedger.closeTime());
    }

    private void setMode(ConsensusMode newMode) {
        ConsensusMode before = mode;
        mode = newMode;
        adaptor.onModeChange(before, newMode);
    }

    // ------------------------------------------------------------------ JSON

    /** The round as consensus_info shows it; {@code full} adds peer positions, disputes and close times. */
    public ObjectNode toJson(boolean full) {
        ObjectNode ret = JsonNodeFactory.instance.objectNode();
        ret.put("proposing", mode == ConsensusMode.PROPOSING);
        ret.put("proposers", currPeerPositions.size());
        if (mode != ConsensusMode.WRONG_LEDGER) {
            ret.put("synched", true);
            if (previousLedger != null) {
                ret.put("ledger_seq", previousLedger.seq() + 1);
            }
            ret.put("close_granularity", closeResolution);
        } else {
            ret.put("synched", false);
        }
        ret.put("phase", phase.text());
        if (result != null && !result.disputes().isEmpty() && !full) {
            ret.put("disputes", result.disputes().size());
        }
        if (result != null) {
            ret.set("our_position", proposalJson(result.position()));
        }
        if (full) {
            if (result != null) {
                ret.put("current_ms", result.roundTimeMs());
            }
            ret.put("converge_percent", convergePercent);
            ret.put("close_resolution", closeResolution);
            ret.put("have_time_consensus", haveCloseTimeConsensus);
            ret.put("previous_proposers", prevProposers);
            ret.put("previous_mseconds", prevRoundTimeMs);
            if (!currPeerPositions.isEmpty()) {
                ObjectNode ppj = ret.putObject("peer_positions");
                currPeerPositions.forEach((k, v) -> ppj.set(String.valueOf(k), proposalJson(v.proposal())));
            }
            if (!acquired.isEmpty()) {
                ArrayNode acq = ret.putArray("acquired");
                acquired.keySet().forEach(id -> acq.add(id.toString()));
            }
            if (result != null && !result.disputes().isEmpty()) {
                ObjectNode dsj = ret.putObject("disputes");
                result.disputes().forEach((id, d) -> dsj.set(id.toString(), d.toJson()));
            }
            if (!rawCloseTimes.peers().isEmpty()) {
                ObjectNode ctj = ret.putObject("close_times");
                rawCloseTimes.peers().forEach((t, n) -> ctj.put(Long.toString(t), n));
            }
            if (!deadNodes.isEmpty()) {
                ArrayNode dnj = ret.putArray("dead_nodes");
                deadNodes.forEach(n -> dnj.add(String.valueOf(n)));
            }
        }
        return ret;
    }

    private static ObjectNode proposalJson(ConsensusProposal<?> p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("previous_ledger", p.prevLedger().toString());
        if (!p.isBowOut()) {
            o.put("transaction_hash", p.position().toString());
            o.put("propose_seq", p.proposeSeq());
        }
        o.put("close_time", p.closeTime());
        return o;
    }
}
