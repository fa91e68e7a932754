package org.stoxum.engine.consensus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.stoxum.codec.types.Hash256;

/**
 * Everything {@link Consensus} asks of the application. Consensus itself knows no sockets, disks or clocks:
 * the adaptor acquires ledgers and sets, counts validations, builds and applies ledgers, and talks to peers.
 * Calls come from inside the consensus methods, on the caller's thread.
 *
 * @param <N> node ID type
 * @param <L> ledger type
 * @param <T> transaction type
 * @param <P> received peer position type
 */
public interface ConsensusAdaptor<N, L extends ConsensusLedger, T extends ConsensusTx, P extends PeerPosition<N>> {
    /** The parameters for the current round. */
    ConsensusParms parms();

    /** The ledger {@code id} if held; otherwise start acquiring it and return empty. */
    Optional<L> acquireLedger(Hash256 id);

    /** The transaction set {@code id} if held; otherwise start acquiring it (then call gotTxSet) and return empty. */
    Optional<ConsensusTxSet<T>> acquireTxSet(Hash256 id);

    /** Whether the open ledger holds any transactions. */
    boolean hasOpenTransactions();

    /** Trusted validators that validated {@code prevLedger}. */
    int proposersValidated(Hash256 prevLedger);

    /**
     * Trusted validators that validated a ledger after {@code prevLedger}; when {@code prevLedger.id()} is
     * not {@code prevLedgerId}, only children of {@code prevLedgerId} count.
     */
    int proposersFinished(L prevLedger, Hash256 prevLedgerId);

    /**
     * The previous ledger the network prefers (from trusted validations), given ours. Returning anything but
     * {@code prevLedgerId} makes consensus switch ledgers.
     */
    Hash256 getPrevLedger(Hash256 prevLedgerId, L prevLedger, ConsensusMode mode);

    /** The mode changed (also called with equal values when a round restarts). */
    void onModeChange(ConsensusMode before, ConsensusMode after);

    /** We close the ledger at {@code closeTime}: build our initial set and join proposal. */
    ConsensusResult<N, T> onClose(L prevLedger, long closeTime, ConsensusMode mode);

    /**
     * Consensus reached: build the ledger from {@code result}, validate it if we may, and (perhaps later)
     * start the next round.
     */
    void onAccept(ConsensusResult<N, T> result, L prevLedger, int closeResolution,
                  ConsensusCloseTimes rawCloseTimes, ConsensusMode mode, ObjectNode consensusJson);

    /** Like {@link #onAccept}, after {@link Consensus#simulate} (standalone ledger_accept). */
    void onForceAccept(ConsensusResult<N, T> result, L prevLedger, int closeResolution,
                       ConsensusCloseTimes rawCloseTimes, ConsensusMode mode, ObjectNode consensusJson);

    /** Sign and send our position to peers. */
    void propose(ConsensusProposal<N> proposal);

    /** Relay a peer's position. */
    void sharePosition(P position);

    /** Send a disputed transaction to peers. */
    void shareTx(T tx);

    /** Offer a transaction set to peers. */
    void shareTxSet(ConsensusTxSet<T> set);
}
