package org.stoxum.engine.consensus;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.stoxum.codec.types.Hash256;

/**
 * Our side of a round from the moment we close: our transaction set and position, the disputes, and how the
 * round ended. The application builds it in {@code onClose} and reads it in {@code onAccept}.
 *
 * @param <N> the node ID type
 * @param <T> the transaction type
 */
public final class ConsensusResult<N, T extends ConsensusTx> {
    private ConsensusTxSet<T> txSet;
    private ConsensusProposal<N> position;
    private final Map<Hash256, DisputedTx<T, N>> disputes = new LinkedHashMap<>();
    private final Set<Hash256> compares = new HashSet<>();
    private long roundStartMs;
    private long roundTimeMs;
    private ConsensusState state = ConsensusState.NO;
    private int proposers;

    /**
     * Our initial stance: {@code txSet} and a join proposal on it.
     *
     * @throws IllegalArgumentException when the proposal is not on {@code txSet}
     */
    public ConsensusResult(ConsensusTxSet<T> txSet, ConsensusProposal<N> position) {
        if (!txSet.id().equals(position.position())) {
            throw new IllegalArgumentException("the proposal must propose the set it comes with");
        }
        this.txSet = Objects.requireNonNull(txSet);
        this.position = position;
    }

    /** The transaction set we hold (in the end, the agreed one). */
    public ConsensusTxSet<T> txSet() {
        return txSet;
    }

    /** Our current position. */
    public ConsensusProposal<N> position() {
        return position;
    }

    /** The disputed transactions by ID. */
    public Map<Hash256, DisputedTx<T, N>> disputes() {
        return Collections.unmodifiableMap(disputes);
    }

    /** How long (ms) the establish phase has lasted. */
    public long roundTimeMs() {
        return roundTimeMs;
    }

    /** How the round ended (YES or MOVED_ON once accepted). */
    public ConsensusState state() {
        return state;
    }

    /** Peers proposing this round. */
    public int proposers() {
        return proposers;
    }

    void setTxSet(ConsensusTxSet<T> set) {
        txSet = set;
    }

    void setPosition(ConsensusProposal<N> p) {
        position = p;
    }

    Map<Hash256, DisputedTx<T, N>> mutableDisputes() {
        return disputes;
    }

    Set<Hash256> compares() {
        return compares;
    }

    void resetRoundTime(long nowMs) {
        roundStartMs = nowMs;
        roundTimeMs = 0;
    }

    void tickRoundTime(long nowMs) {
        roundTimeMs = nowMs - roundStartMs;
    }

    void addRoundTime(long ms) {
        roundTimeMs += ms;
    }

    void setState(ConsensusState s) {
        state = s;
    }

    void setProposers(int n) {
        proposers = n;
    }
}
