package org.stoxum.engine.consensus;

import java.util.Objects;
import org.stoxum.codec.types.Hash256;

/**
 * One node's position in a round (stoxumd's {@code ConsensusProposal}): the transaction set and close time
 * it proposes on top of a previous ledger. Each change carries a higher {@code proposeSeq}; a node leaving
 * the round sends {@link #SEQ_LEAVE}. Immutable: changes return a new proposal.
 *
 * @param <N> the node ID type
 */
public final class ConsensusProposal<N> {
    /** Sequence of a node's first position in a round. */
    public static final long SEQ_JOIN = 0;
    /** Sequence that means the node bows out of the round. */
    public static final long SEQ_LEAVE = 0xFFFF_FFFFL;

    private final Hash256 prevLedger;
    private final long proposeSeq;
    private final Hash256 position;
    private final long closeTime;
    private final long seenTime;
    private final N nodeId;

    /**
     * @param prevLedger the ledger this position builds on
     * @param proposeSeq 0 for the first position, then increasing; {@link #SEQ_LEAVE} to bow out
     * @param position the proposed transaction set ID
     * @param closeTime the proposed close time (NetClock seconds)
     * @param seenTime when the position was taken or received (NetClock seconds)
     * @param nodeId who takes the position
     */
    public ConsensusProposal(Hash256 prevLedger, long proposeSeq, Hash256 position, long closeTime,
                             long seenTime, N nodeId) {
        this.prevLedger = Objects.requireNonNull(prevLedger, "prevLedger");
        this.proposeSeq = proposeSeq;
        this.position = Objects.requireNonNull(position, "position");
        this.closeTime = closeTime;
        this.seenTime = seenTime;
        this.nodeId = nodeId;
    }

    /** The node taking this position. */
    public N nodeId() {
        return nodeId;
    }

    /** The proposed transaction set ID. */
    public Hash256 position() {
        return position;
    }

    /** The previous ledger this position builds on. */
    public Hash256 prevLedger() {
        return prevLedger;
    }

    /** The position's sequence (u32). */
    public long proposeSeq() {
        return proposeSeq;
    }

    /** The proposed close time (NetClock seconds). */
    public long closeTime() {
        return closeTime;
    }

    /** When the position was taken or received (NetClock seconds). */
    public long seenTime() {
        return seenTime;
    }

    /** Whether this is the node's first position in the round. */
    public boolean isInitial() {
        return proposeSeq == SEQ_JOIN;
    }

    /** Whether the node left the round. */
    public boolean isBowOut() {
        return proposeSeq == SEQ_LEAVE;
    }

    /** Whether the position was taken at or before {@code cutoff}. */
    public boolean isStale(long cutoff) {
        return seenTime <= cutoff;
    }

    /** A new position on {@code newPosition} and {@code newCloseTime}, the sequence bumped unless we left. */
    public ConsensusProposal<N> changePosition(Hash256 newPosition, long newCloseTime, long now) {
        long seq = proposeSeq == SEQ_LEAVE ? SEQ_LEAVE : proposeSeq + 1;
        return new ConsensusProposal<>(prevLedger, seq, newPosition, newCloseTime, now, nodeId);
    }

    /** This position withdrawn at {@code now}. */
    public ConsensusProposal<N> bowOut(long now) {
        return new ConsensusProposal<>(prevLedger, SEQ_LEAVE, position, closeTime, now, nodeId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsensusProposal<?> p && Objects.equals(nodeId, p.nodeId)
                && proposeSeq == p.proposeSeq && prevLedger.equals(p.prevLedger) && position.equals(p.position)
                && closeTime == p.closeTime && seenTime == p.seenTime;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, proposeSeq, prevLedger, position, closeTime, seenTime);
    }

    @Override
    public String toString() {
        return "Proposal[" + nodeId + " seq=" + (isBowOut() ? "leave" : Long.toString(proposeSeq)) + " prev="
                + prevLedger + " set=" + position + " close=" + closeTime + "]";
    }
}
