package org.stoxum.engine.consensus.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every ledger each node fully validated, and every ledger anyone fully validated: the raw material for
 * "no two nodes ever fully validated ledgers on different chains".
 */
public final class ValidationCollector implements SimCollector {
    private final Map<Integer, List<SimLedger>> perNode = new TreeMap<>();
    private final Set<SimLedger> all = new LinkedHashSet<>();

    @Override
    public void on(int node, long timeMs, SimEvent event) {
        if (event instanceof SimEvent.FullyValidateLedger f) {
            perNode.computeIfAbsent(node, k -> new ArrayList<>()).add(f.ledger());
            all.add(f.ledger());
        }
    }

    /** The ledgers {@code node} fully validated, in order. */
    public List<SimLedger> fullyValidated(int node) {
        return perNode.getOrDefault(node, List.of());
    }

    /** How many chains all fully validated ledgers, of every node, lie on (1 = no fork ever). */
    public int forks() {
        return all.isEmpty() ? 1 : LedgerOracle.branches(all);
    }
}
