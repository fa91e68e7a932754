package org.stoxum.engine.consensus.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Who trusts whom: each node's UNL, by node ID. */
public final class TrustGraph {
    private final Map<Integer, SortedSet<Integer>> trust = new TreeMap<>();

    /** {@code from} trusts {@code to}. */
    public void trust(int from, int to) {
        trust.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
    }

    /** {@code from} stops trusting {@code to}. */
    public void untrust(int from, int to) {
        trust.computeIfAbsent(from, k -> new TreeSet<>()).remove(to);
    }

    /** Whether {@code from} trusts {@code to}. */
    public boolean trusts(int from, int to) {
        return trust.getOrDefault(from, new TreeSet<>()).contains(to);
    }

    /** {@code from}'s UNL. */
    public SortedSet<Integer> trustedPeers(int from) {
        return new TreeSet<>(trust.getOrDefault(from, new TreeSet<>()));
    }

    /**
     * Pairs of distinct UNLs whose overlap is below the white paper's safety bound for a quorum fraction
     * {@code quorum}: overlap &lt; 2 (1 - quorum) max(|A|, |B|).
     */
    public List<List<Set<Integer>>> forkablePairs(double quorum) {
        Set<Set<Integer>> unique = new LinkedHashSet<>(trust.values());
        List<Set<Integer>> unls = new ArrayList<>(unique);
        List<List<Set<Integer>>> res = new ArrayList<>();
        for (int i = 0; i < unls.size(); i++) {
            for (int j = i + 1; j < unls.size(); j++) {
                Set<Integer> a = unls.get(i);
                Set<Integer> b = unls.get(j);
                double required = 2.0 * (1.0 - quorum) * Math.max(a.size(), b.size());
                long overlap = a.stream().filter(b::contains).count();
                if (overlap < required) {
                    res.add(List.of(a, b));
                }
            }
        }
        return res;
    }

    /** Whether some pair of UNLs could fork at quorum fraction {@code quorum}. */
    public boolean canFork(double quorum) {
        return !forkablePairs(quorum).isEmpty();
    }
}
