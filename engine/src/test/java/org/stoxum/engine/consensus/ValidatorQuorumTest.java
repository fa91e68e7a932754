package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidatorQuorumTest {
    private static Map<String, Integer> listed(int n) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("v" + i, 1);
        }
        return m;
    }

    private static Set<String> seen(int n) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < n; i++) {
            s.add("v" + i);
        }
        return s;
    }

    private static ValidatorQuorum.TrustedSet<String> start(int listed, String local, int seen,
                                                            OptionalInt override) {
        return ValidatorQuorum.onConsensusStart(listed(listed), local, seen(seen), 1, true, override,
                new Random(1));
    }

    @Test
    void minimumQuorumFormula() {
        assertEquals(1, ValidatorQuorum.minimumQuorum(1, true));
        assertEquals(2, ValidatorQuorum.minimumQuorum(2, false));
        assertEquals(3, ValidatorQuorum.minimumQuorum(5, true), "small networks: simple majority");
        assertEquals(4, ValidatorQuorum.minimumQuorum(6, true));
        assertEquals(5, ValidatorQuorum.minimumQuorum(7, false), "7 * 2 / 3 + 1");
        assertEquals(6, ValidatorQuorum.minimumQuorum(7, true), "an unlisted local key counts one more");
        assertEquals(7, ValidatorQuorum.minimumQuorum(10, false));
        assertEquals(8, ValidatorQuorum.minimumQuorum(10, true));
        assertEquals(23, ValidatorQuorum.minimumQuorum(33, false));
    }

    @Test
    void smallListsTrustEveryListedKey() {
        ValidatorQuorum.TrustedSet<String> t = start(5, "v0", 0, OptionalInt.empty());
        assertEquals(3, t.quorum());
        assertEquals(seen(5), t.trusted());
        // Our own key, listed only because it is ours, makes n = 7 count as 8.
        assertEquals(6, start(7, "v0", 7, OptionalInt.empty()).quorum());
        assertEquals(5, start(7, null, 7, OptionalInt.empty()).quorum(), "not validating");
    }

    @Test
    void localKeyNamedByAListIsListed() {
        Map<String, Integer> l = listed(7);
        l.put("v0", 2);
        assertEquals(5, ValidatorQuorum.onConsensusStart(l, "v0", seen(7), 1, true, OptionalInt.empty(),
                new Random(1)).quorum());
    }

    @Test
    void quorumOverrideAppliesOnlyWhileTooFewAreSeen() {
        assertEquals(2, start(5, "v0", 2, OptionalInt.of(2)).quorum(), "2 seen < 3: --quorum applies");
        assertEquals(3, start(5, "v0", 3, OptionalInt.of(2)).quorum(), "3 seen: the computed quorum stands");
        assertEquals(4, start(7, "v0", 4, OptionalInt.of(4)).quorum());
        assertEquals(9, start(5, "v0", 0, OptionalInt.of(9)).quorum(), "an override may also raise it");
        assertEquals(1, ValidatorQuorum.initialQuorum(OptionalInt.empty()));
        assertEquals(4, ValidatorQuorum.initialQuorum(OptionalInt.of(4)));
    }

    @Test
    void unavailableListMeansNothingValidates() {
        ValidatorQuorum.TrustedSet<String> t = ValidatorQuorum.onConsensusStart(listed(5), "v0", seen(5), 2, false,
                OptionalInt.empty(), new Random(1));
        assertEquals(ValidatorQuorum.UNREACHABLE, t.quorum());
        ValidatorQuorum.TrustedSet<String> o = ValidatorQuorum.onConsensusStart(listed(5), "v0", seen(1), 2, false,
                OptionalInt.of(2), new Random(1));
        assertEquals(2, o.quorum(), "the override wins over an unavailable list when too few are seen");
    }

    @Test
    void largeListsKeepOnlySeenValidatorsAndAimAtEightyPercent() {
        // 40 listed with one list, all seen: quorum = max(40 * 2 / 3 + 1, 40 - 8) = 32 (local key unlisted: 41).
        ValidatorQuorum.TrustedSet<String> t = start(40, "v0", 40, OptionalInt.empty());
        assertEquals(40, t.trusted().size());
        assertEquals(32, t.quorum());
        // Only 30 seen of 40 listed (>= 25): unseen keys are not eligible; 30 is not above 32 eligible.
        ValidatorQuorum.TrustedSet<String> s = start(40, "v0", 30, OptionalInt.empty());
        assertEquals(30, s.trusted().size());
        assertEquals(28, s.quorum(), "41 * 2 / 3 + 1");
        assertTrue(s.trusted().contains("v0"), "our own key is always trusted");
    }

    @Test
    void manyListsTrimTheTrustedSet() {
        Map<String, Integer> l = listed(40);
        for (int i = 0; i < 10; i++) {
            l.put("v" + i, 3);
        }
        ValidatorQuorum.TrustedSet<String> t = ValidatorQuorum.onConsensusStart(l, null, seen(40), 3, true,
                OptionalInt.empty(), new Random(1));
        assertEquals(27, t.quorum(), "40 * 2 / 3 + 1");
        assertEquals(33, t.trusted().size(), "27 * 1.25");
        for (int i = 0; i < 10; i++) {
            assertTrue(t.trusted().contains("v" + i), "the most listed keys rank first");
        }
    }
}
