package org.stoxum.engine.net;

import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusTx;
import org.stoxum.engine.ledger.STTx;

/** A transaction as consensus handles it: a disputed or proposed member of a candidate set. */
public record RclTx(STTx tx) implements ConsensusTx {
    @Override
    public Hash256 id() {
        return tx.id();
    }
}
