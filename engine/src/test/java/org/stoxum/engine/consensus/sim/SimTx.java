package org.stoxum.engine.consensus.sim;

import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusTx;

/** A simulated transaction: a number, identified by a hash of it. */
public record SimTx(int value, Hash256 id) implements ConsensusTx, Comparable<SimTx> {
    /** Transaction number {@code value}. */
    public static SimTx of(int value) {
        return new SimTx(value, Hash256.wrap(Sha512Half.local().update("simtx".getBytes())
                .updateU32(value & 0xFFFF_FFFFL).finish()));
    }

    @Override
    public int compareTo(SimTx o) {
        return id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return "Tx" + value;
    }
}
