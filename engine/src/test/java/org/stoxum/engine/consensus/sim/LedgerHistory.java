package org.stoxum.engine.consensus.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ledger histories written as strings for trie and validation tests: {@code get("abc")} is a ledger at
 * sequence 3 whose ancestors are {@code "ab"} and {@code "a"}. Each letter names one ledger, so
 * {@code "ab"} and {@code "ac"} fork after {@code "a"}; reusing a letter on another path is an error.
 */
public final class LedgerHistory {
    private final LedgerOracle oracle = new LedgerOracle();
    private final Map<String, SimLedger> ledgers = new HashMap<>();
    private final Set<Character> seen = new HashSet<>();

    public LedgerHistory() {
        ledgers.put("", SimLedger.GENESIS);
    }

    /** The ledger with history {@code s}, built on first use. */
    public SimLedger get(String s) {
        SimLedger l = ledgers.get(s);
        if (l != null) {
            return l;
        }
        char last = s.charAt(s.length() - 1);
        if (!seen.add(last)) {
            throw new IllegalArgumentException("ledger letter " + last + " already used on another path");
        }
        SimLedger parent = get(s.substring(0, s.length() - 1));
        SimLedger built = oracle.accept(parent, List.of(SimTx.of(last)), parent.closeTimeResolution(),
                parent.closeTime() + 1);
        ledgers.put(s, built);
        return built;
    }
}
