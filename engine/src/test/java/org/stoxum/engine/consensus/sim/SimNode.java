package org.stoxum.engine.consensus.sim;

import org.stoxum.codec.crypto.PublicKey;

/** Anything on the simulated network: an honest peer or an adversary. */
public interface SimNode {
    /** The node's ID. */
    int id();

    /** The node's validator public key. */
    PublicKey publicKey();

    /** A flooded message arrived from neighbour {@code from}. */
    void receive(SimMessage.Broadcast message, int from);

    /** A neighbour asks for ledger or set {@code id}; answer by sending it back if held. */
    default void serve(SimRequest request) {
    }
}
