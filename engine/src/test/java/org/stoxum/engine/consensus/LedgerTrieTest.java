package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.sim.LedgerHistory;
import org.stoxum.engine.consensus.sim.SimLedger;

class LedgerTrieTest {
    private final LedgerHistory h = new LedgerHistory();
    private final LedgerTrie<SimLedger> t = new LedgerTrie<>();

    private Hash256 preferred(long largestIssued) {
        return t.getPreferred(largestIssued).id();
    }

    private Hash256 id(String s) {
        return h.get(s).id();
    }

    @Test
    void insertSplitsAndCountsSupport() {
        t.insert(h.get("abc"));
        assertTrue(t.checkInvariants());
        assertEquals(1, t.tipSupport(h.get("abc")));
        assertEquals(1, t.branchSupport(h.get("abc")));
        assertEquals(0, t.tipSupport(h.get("ab")));
        assertEquals(1, t.branchSupport(h.get("ab")));

        t.insert(h.get("abcd"));
        t.insert(h.get("abce"), 2);
        t.insert(h.get("ab"));
        assertTrue(t.checkInvariants());
        assertEquals(1, t.tipSupport(h.get("ab")));
        assertEquals(5, t.branchSupport(h.get("ab")));
        assertEquals(4, t.branchSupport(h.get("abc")));
        assertEquals(2, t.tipSupport(h.get("abce")));
        assertEquals(0, t.branchSupport(h.get("abcf")));
        assertEquals(5, t.branchSupport(h.get("a")));
    }

    @Test
    void removeCompressesAndRefusesUnknown() {
        t.insert(h.get("abc"));
        t.insert(h.get("abcd"));
        t.insert(h.get("abce"));
        assertFalse(t.remove(h.get("ab")), "no tip support there");
        assertFalse(t.remove(h.get("abcf")), "never inserted");
        assertTrue(t.remove(h.get("abc")));
        assertTrue(t.checkInvariants());
        assertEquals(2, t.branchSupport(h.get("abc")));
        assertTrue(t.remove(h.get("abcd")));
        assertTrue(t.checkInvariants());
        assertEquals(1, t.branchSupport(h.get("ab")));
        assertTrue(t.remove(h.get("abce")));
        assertTrue(t.isEmpty());
        assertTrue(t.checkInvariants());
        t.insert(h.get("abc"), 3);
        assertTrue(t.remove(h.get("abc"), 5), "removes what there is");
        assertTrue(t.isEmpty());
    }

    @Test
    void emptyPrefersGenesis() {
        assertEquals(Hash256.ZERO, preferred(0));
        assertEquals(Hash256.ZERO, preferred(2));
    }

    @Test
    void childNeedsMoreSupportThanItsParent() {
        t.insert(h.get("abc"));
        assertEquals(id("abc"), preferred(3));
        t.insert(h.get("abcd"));
        assertEquals(id("abc"), preferred(3));
        assertEquals(id("abc"), preferred(4));
        t.insert(h.get("abcd"));
        assertEquals(id("abcd"), preferred(3));
        assertEquals(id("abcd"), preferred(4));
    }

    @Test
    void competingChildrenNeedAMargin() {
        t.insert(h.get("abc"));
        t.insert(h.get("abcd"), 2);
        t.insert(h.get("abce"));
        assertEquals(id("abc"), preferred(3));
        assertEquals(id("abc"), preferred(4));
        t.insert(h.get("abcd"));
        assertEquals(id("abcd"), preferred(3));
        assertEquals(id("abcd"), preferred(4));
    }

    @Test
    void tiesGoToTheLargerId() {
        t.insert(h.get("abcd"), 2);
        t.insert(h.get("abce"), 2);
        String big = id("abce").compareTo(id("abcd")) > 0 ? "abce" : "abcd";
        String small = big.equals("abce") ? "abcd" : "abce";
        assertEquals(id(big), preferred(4));
        t.insert(h.get(small));
        assertEquals(id(small), preferred(4));
    }

    @Test
    void grandchildWithEnoughSupportWins() {
        t.insert(h.get("abc"));
        t.insert(h.get("abcd"), 2);
        t.insert(h.get("abcde"), 4);
        assertEquals(id("abcde"), preferred(3));
        assertEquals(id("abcde"), preferred(4));
        assertEquals(id("abcde"), preferred(5));
    }

    /**
     * A letter (not in {@code used}) for a sibling of {@code existing} whose ID sorts above it. Ties between branches go to the larger
     * ID; rippled's cases assume later ledgers have larger IDs, and hash IDs need the letter chosen.
     */
    private static char letterAbove(String prefix, String existing, String used) {
        for (char c = 'f'; c <= 'z'; c++) {
            if (used.indexOf(c) < 0 && new LedgerHistory().get(prefix + c).id()
                    .compareTo(new LedgerHistory().get(existing).id()) > 0) {
                return c;
            }
        }
        throw new AssertionError("no letter");
    }

    @Test
    void uncommittedSupportHoldsBackTheBranch() {
        char f = letterAbove("abc", "abcd", "abcdeg");
        t.insert(h.get("abc"));
        t.insert(h.get("abcde"), 2);
        t.insert(h.get("abc" + f + "g"), 2);
        assertEquals(id("abc"), preferred(3));
        assertEquals(id("abc"), preferred(5));
        t.remove(h.get("abc"));
        t.insert(h.get("abcd"));
        assertEquals(id("abcde"), preferred(3));
        assertEquals(id("abcde"), preferred(4));
        // Having validated at 5 ourselves, others at 4 may still commit anywhere.
        assertEquals(id("abc"), preferred(5));
    }

    @Test
    void largestIssuedChangesThePerspective() {
        String abh = "ab" + letterAbove("ab", "abd", "abcdefg");
        t.insert(h.get("ab"));
        t.insert(h.get("ac"));
        t.insert(h.get("acf"));
        t.insert(h.get("abde"), 2);
        assertEquals(id("ab"), preferred(1));
        assertEquals(id("ab"), preferred(2));
        assertEquals(id("a"), preferred(3));
        assertEquals(id("a"), preferred(4));

        t.remove(h.get("abde"));
        t.insert(h.get("abdeg"));
        assertEquals(id("ab"), preferred(2));
        assertEquals(id("a"), preferred(3));
        assertEquals(id("a"), preferred(5));

        t.remove(h.get("ac"));
        t.insert(h.get(abh));
        assertEquals(id("ab"), preferred(3));
        assertEquals(id("a"), preferred(4));

        t.remove(h.get("acf"));
        t.insert(h.get("abde"));
        assertEquals(id("abde"), preferred(1));
        assertEquals(id("abde"), preferred(3));
        assertEquals(id("ab"), preferred(4));
        assertEquals(id("ab"), preferred(5));
        assertTrue(t.checkInvariants());
    }

    @Test
    void jsonShowsTheTree() {
        t.insert(h.get("ab"));
        t.insert(h.get("ac"));
        assertEquals(2, t.toJson().get("branchSupport").asInt());
        assertEquals(1, t.toJson().get("children").size(), "a, then the b/c fork under it");
    }

    @Test
    void mismatchFindsTheFirstDifference() {
        assertEquals(3, TrieLedger.mismatch(h.get("abc"), h.get("abd")));
        assertEquals(4, TrieLedger.mismatch(h.get("abc"), h.get("abc")));
        assertEquals(4, TrieLedger.mismatch(h.get("abc"), h.get("abcx")));
        assertEquals(1, TrieLedger.mismatch(h.get("abc"), h.get("y")));
        assertEquals(1, TrieLedger.mismatch(TrieLedger.GENESIS, h.get("abc")));
    }
}
