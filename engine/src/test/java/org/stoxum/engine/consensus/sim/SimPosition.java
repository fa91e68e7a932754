package org.stoxum.engine.consensus.sim;

import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.engine.consensus.ConsensusProposal;
import org.stoxum.engine.consensus.PeerPosition;
import org.stoxum.engine.consensus.SignedProposal;

/** A simulated node's position, signed with its validator key exactly as a TMProposeSet is. */
public record SimPosition(ConsensusProposal<Integer> proposal, byte[] signature) implements PeerPosition<Integer> {
    /** {@code proposal} signed by {@code key}. */
    static SimPosition sign(KeyPair key, ConsensusProposal<Integer> proposal) {
        return new SimPosition(proposal, SignedProposal.sign(key, proposal).signature());
    }

    /** Whether {@code signer} signed this position. */
    boolean verify(PublicKey signer) {
        return new SignedProposal<>(signer, signature, proposal).checkSign();
    }
}
