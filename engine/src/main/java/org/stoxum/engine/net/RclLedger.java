package org.stoxum.engine.net;

import java.util.List;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusLedger;
import org.stoxum.engine.consensus.TrieLedger;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;

/**
 * A closed ledger as consensus and the validation trie see it (rippled's {@code RCLCxLedger} and
 * {@code RCLValidatedLedger}): its identity, close-time history, and the ancestors its skip list names, so
 * that two ledgers can be placed on one chain or two without fetching anything.
 */
public final class RclLedger implements ConsensusLedger, TrieLedger {
    private final Ledger ledger;
    private final List<Hash256> ancestors;

    public RclLedger(Ledger ledger) {
        this.ledger = ledger;
        STObject skip = ledger.read(Keylets.skip());
        this.ancestors = skip == null ? List.of() : skip.getVector256(SField.HASHES);
    }

    /** The ledger itself. */
    public Ledger ledger() {
        return ledger;
    }

    @Override
    public Hash256 id() {
        return ledger.hash();
    }

    @Override
    public long seq() {
        return ledger.seq();
    }

    @Override
    public int closeTimeResolution() {
        return ledger.closeTimeResolution();
    }

    @Override
    public boolean closeAgree() {
        return ledger.header().closeTimeAgreed();
    }

    @Override
    public long closeTime() {
        return ledger.closeTime();
    }

    @Override
    public long parentCloseTime() {
        return ledger.parentCloseTime();
    }

    @Override
    public long minSeq() {
        return ledger.seq() - ancestors.size();
    }

    @Override
    public Hash256 ancestor(long s) {
        if (s == ledger.seq()) {
            return ledger.hash();
        }
        if (s < minSeq() || s > ledger.seq()) {
            return Hash256.ZERO;
        }
        return ancestors.get((int) (ancestors.size() - (ledger.seq() - s)));
    }

    @Override
    public String toString() {
        return ledger.toString();
    }
}
