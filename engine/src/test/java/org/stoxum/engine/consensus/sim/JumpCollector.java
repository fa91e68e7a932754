package org.stoxum.engine.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records, per node, every time its last closed or fully validated ledger moved to something other than a
 * child of the previous one: a jump (catching up, or switching chains).
 */
public final class JumpCollector implements SimCollector {
    /** A move from one ledger to another that is not its child. */
    public record Jump(SimLedger from, SimLedger to) {
        /** Whether the target is on another chain than the origin. */
        public boolean switchesChain() {
            return !to.isAncestor(from) && !to.id().equals(from.id());
        }
    }

    private final Map<Integer, List<Jump>> closeJumps = new TreeMap<>();
    private final Map<Integer, List<Jump>> validatedJumps = new TreeMap<>();

    @Override
    public void on(int node, long timeMs, SimEvent event) {
        if (event instanceof SimEvent.AcceptLedger a && !a.ledger().parentId().equals(a.prior().id())) {
            closeJumps.computeIfAbsent(node, k -> new ArrayList<>()).add(new Jump(a.prior(), a.ledger()));
        }
        if (event instanceof SimEvent.FullyValidateLedger f && !f.ledger().parentId().equals(f.prior().id())) {
            validatedJumps.computeIfAbsent(node, k -> new ArrayList<>()).add(new Jump(f.prior(), f.ledger()));
        }
    }

    /** {@code node}'s last-closed-ledger jumps. */
    public List<Jump> closeJumps(int node) {
        return closeJumps.getOrDefault(node, List.of());
    }

    /** {@code node}'s fully-validated-ledger jumps. */
    public List<Jump> validatedJumps(int node) {
        return validatedJumps.getOrDefault(node, List.of());
    }
}
