package org.stoxum.engine.consensus.sim;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusLedger;
import org.stoxum.engine.consensus.TrieLedger;
import org.stoxum.storage.ledger.LedgerTimes;

/**
 * A simulated ledger: its parent, sequence, the transactions it applied and its close-time data; its ID is
 * a hash of all of those, so two nodes that build the same ledger get the same ID. It knows every ancestor.
 * The genesis ledger is sequence 0 with ID zero, the virtual root every validation history shares.
 */
public final class SimLedger implements ConsensusLedger, TrieLedger {
    /** The common starting ledger. */
    public static final SimLedger GENESIS = new SimLedger();

    private final Hash256 id;
    private final long seq;
    private final Hash256 parentId;
    private final NavigableSet<SimTx> txs;
    private final Set<SimTx> history;
    private final int closeTimeResolution;
    private final long closeTime;
    private final boolean closeAgree;
    private final long parentCloseTime;
    private final Hash256[] ancestors;

    private SimLedger() {
        id = Hash256.ZERO;
        seq = 0;
        parentId = Hash256.ZERO;
        txs = Collections.emptyNavigableSet();
        history = Collections.emptySet();
        closeTimeResolution = LedgerTimes.DEFAULT_RESOLUTION;
        closeTime = 0;
        closeAgree = true;
        parentCloseTime = 0;
        ancestors = new Hash256[0];
    }

    private SimLedger(SimLedger parent, NavigableSet<SimTx> txs, int resolution, long closeTime, boolean agree) {
        this.seq = parent.seq + 1;
        this.parentId = parent.id;
        this.txs = Collections.unmodifiableNavigableSet(txs);
        if (txs.isEmpty()) {
            this.history = parent.history;
        } else {
            Set<SimTx> h = new TreeSet<>(parent.history);
            h.addAll(txs);
            this.history = Collections.unmodifiableSet(h);
        }
        this.closeTimeResolution = resolution;
        this.closeTime = closeTime;
        this.closeAgree = agree;
        this.parentCloseTime = parent.closeTime;
        this.ancestors = java.util.Arrays.copyOf(parent.ancestors, parent.ancestors.length + 1);
        this.ancestors[parent.ancestors.length] = parent.id;
        Sha512Half h = Sha512Half.local().update("simledger".getBytes()).update(parentId.toBytes()).updateU64(seq)
                .updateU32(resolution).updateU64(closeTime).updateU32(agree ? 1 : 0).updateU64(parentCloseTime);
        txs.forEach(t -> h.update(t.id().toBytes()));
        this.id = Hash256.wrap(h.finish());
    }

    /**
     * The child of {@code parent} applying {@code txs} (those not already in its history), closed at the
     * agreed {@code consensusCloseTime} (0: not agreed, so parent + 1 s) with {@code resolution}.
     */
    static SimLedger child(SimLedger parent, Iterable<SimTx> txs, int resolution, long consensusCloseTime) {
        NavigableSet<SimTx> fresh = new TreeSet<>();
        for (SimTx t : txs) {
            if (!parent.history.contains(t)) {
                fresh.add(t);
            }
        }
        boolean agree = consensusCloseTime != 0;
        long close = agree ? LedgerTimes.effectiveCloseTime(consensusCloseTime, resolution, parent.closeTime)
                : parent.closeTime + 1;
        return new SimLedger(parent, fresh, resolution, close, agree);
    }

    @Override
    public Hash256 id() {
        return id;
    }

    @Override
    public long seq() {
        return seq;
    }

    /** The parent's ID. */
    public Hash256 parentId() {
        return parentId;
    }

    /** The transactions this ledger applied. */
    public NavigableSet<SimTx> txs() {
        return txs;
    }

    /** Whether {@code tx} is in this ledger or an ancestor. */
    public boolean contains(SimTx tx) {
        return history.contains(tx);
    }

    @Override
    public int closeTimeResolution() {
        return closeTimeResolution;
    }

    @Override
    public boolean closeAgree() {
        return closeAgree;
    }

    @Override
    public long closeTime() {
        return closeTime;
    }

    @Override
    public long parentCloseTime() {
        return parentCloseTime;
    }

    @Override
    public long minSeq() {
        return 0;
    }

    @Override
    public Hash256 ancestor(long s) {
        if (s > seq || s < 0) {
            return Hash256.ZERO;
        }
        return s == seq ? id : ancestors[(int) s];
    }

    /** Whether {@code older} is a strict ancestor of this ledger. */
    public boolean isAncestor(SimLedger older) {
        return older.seq < seq && ancestor(older.seq).equals(older.id);
    }

    @Override
    public String toString() {
        return "L" + seq + ":" + id.toString().substring(0, 8);
    }
}
