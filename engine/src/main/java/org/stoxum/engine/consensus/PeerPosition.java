package org.stoxum.engine.consensus;

/**
 * A position received from a peer: the proposal plus whatever the application keeps with it (public key,
 * signature, suppression ID) so it can be relayed as received.
 *
 * @param <N> the node ID type
 */
public interface PeerPosition<N> {
    /** The proposal itself. */
    ConsensusProposal<N> proposal();
}
