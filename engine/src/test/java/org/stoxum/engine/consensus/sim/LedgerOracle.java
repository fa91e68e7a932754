package org.stoxum.engine.consensus.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stoxum.codec.types.Hash256;

/** Every ledger any simulated node built, by ID (one shared instance per distinct ledger). */
public final class LedgerOracle {
    private final Map<Hash256, SimLedger> ledgers = new HashMap<>();

    LedgerOracle() {
        ledgers.put(SimLedger.GENESIS.id(), SimLedger.GENESIS);
    }

    /** Builds (or finds) the child of {@code parent}; see {@link SimLedger#child}. */
    public SimLedger accept(SimLedger parent, Iterable<SimTx> txs, int resolution, long consensusCloseTime) {
        SimLedger l = SimLedger.child(parent, txs, resolution, consensusCloseTime);
        return ledgers.computeIfAbsent(l.id(), k -> l);
    }

    /** The ledger {@code id}, if anyone built it. */
    public Optional<SimLedger> lookup(Hash256 id) {
        return Optional.ofNullable(ledgers.get(id));
    }

    /**
     * How many distinct chains {@code tips} lie on: two ledgers are on one chain when one is the other or
     * its ancestor.
     */
    public static int branches(Collection<SimLedger> tips) {
        List<SimLedger> sorted = new ArrayList<>(tips);
        sorted.sort(Comparator.comparingLong(SimLedger::seq));
        List<SimLedger> heads = new ArrayList<>();
        for (SimLedger l : sorted) {
            boolean placed = false;
            for (int i = 0; i < heads.size() && !placed; i++) {
                SimLedger h = heads.get(i);
                if (h.id().equals(l.id()) || l.isAncestor(h)) {
                    heads.set(i, l);
                    placed = true;
                }
            }
            if (!placed) {
                heads.add(l);
            }
        }
        return heads.size();
    }
}
