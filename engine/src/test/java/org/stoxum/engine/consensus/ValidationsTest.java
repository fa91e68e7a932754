package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.sim.LedgerHistory;
import org.stoxum.engine.consensus.sim.SimLedger;

class ValidationsTest {
    record Val(Hash256 ledgerId, long seq, long signTime, long seenTime, String key, boolean trusted,
               boolean full) implements Validation<String> {
        @Override
        public OptionalLong loadFee() {
            return OptionalLong.empty();
        }
    }

    private final LedgerHistory h = new LedgerHistory();
    private final Map<Hash256, SimLedger> held = new HashMap<>();
    private final List<Val> stale = new ArrayList<>();
    private long now = 1_000_000;
    private long ms = 0;
    private final Validations<String, Val, SimLedger> vals = new Validations<>(new ValidationsAdaptor<>() {
        @Override
        public long now() {
            return now;
        }

        @Override
        public long monotonicMs() {
            return ms;
        }

        @Override
        public void onStale(Val v) {
            stale.add(v);
        }

        @Override
        public Optional<SimLedger> acquire(Hash256 id) {
            return Optional.ofNullable(held.get(id));
        }
    });

    private SimLedger have(String s) {
        SimLedger l = h.get(s);
        held.put(l.id(), l);
        return l;
    }

    private Val val(String ledger, String node) {
        SimLedger l = h.get(ledger);
        return new Val(l.id(), l.seq(), now, now, node, true, true);
    }

    private ValStatus add(String ledger, String node) {
        return vals.add(node, val(ledger, node));
    }

    @Test
    void addEnforcesCurrencyIncreasingSeqAndRepeats() {
        have("a");
        have("ab");
        assertEquals(ValStatus.CURRENT, add("a", "n1"));
        assertEquals(ValStatus.BAD_SEQ, add("a", "n1"), "same sequence again");
        assertEquals(ValStatus.STALE, add("ab", "n1"), "not signed after the one we hold");
        now += 1;
        assertEquals(ValStatus.CURRENT, add("abc", "n1"));
        now += 1;
        assertEquals(ValStatus.BAD_SEQ, add("abd", "n1"), "a conflicting validation at the same height");
        Val old = new Val(h.get("abce").id(), 4, now - ValidationParms.CURRENT_EARLY_S, 0, "n1", true, true);
        assertEquals(ValStatus.STALE, vals.add("n1", old), "signed too long ago");
        Val future = new Val(h.get("abce").id(), 4, now + ValidationParms.CURRENT_WALL_S, 0, "n1", true, true);
        assertEquals(ValStatus.STALE, vals.add("n1", future), "signed too far ahead");
        assertEquals(1, stale.size(), "the validation of a was replaced");
        assertEquals(1, vals.numTrustedForLedger(h.get("ab").id()), "a stale arrival is still filed by ledger");
        assertEquals(1, vals.numTrustedForLedger(h.get("abc").id()));
        assertEquals(1, vals.numTrustedForLedger(h.get("a").id()), "per-ledger sets keep older validations");
    }

    @Test
    void sequenceRuleExpiresAndRepeatIdIsDetected() {
        have("a");
        assertEquals(ValStatus.CURRENT, add("a", "n1"));
        ms += ValidationParms.SET_EXPIRES_MS + 1;
        now += 1;
        // After expiry the same sequence passes the rule, but we already hold n1's validation of a.
        assertEquals(ValStatus.REPEAT_ID, add("a", "n1"));
        assertTrue(vals.canValidateSeq(5));
        assertTrue(!vals.canValidateSeq(5) && !vals.canValidateSeq(4));
        assertTrue(vals.canValidateSeq(6));
    }

    @Test
    void countsOnlyTrustedFullValidations() {
        have("a");
        SimLedger a = h.get("a");
        vals.add("n1", new Val(a.id(), 1, now, now, "n1", true, true));
        vals.add("n2", new Val(a.id(), 1, now, now, "n2", false, true));
        vals.add("n3", new Val(a.id(), 1, now, now, "n3", true, false));
        assertEquals(1, vals.numTrustedForLedger(a.id()));
        assertEquals(1, vals.currentTrusted().size());
        assertEquals(Set.of("n1", "n2", "n3"), vals.getCurrentPublicKeys());
        assertEquals(List.of(now), vals.getTrustedValidationTimes(a.id()));
        assertEquals(List.of(256L), vals.fees(a.id(), 256));
    }

    @Test
    void staleValidationsLeaveTheTrie() {
        SimLedger ab = have("ab");
        add("ab", "n1");
        add("ab", "n2");
        assertEquals(ab.id(), vals.getPreferred(have("x")).id());
        now += ValidationParms.CURRENT_EARLY_S + 1;
        assertEquals(Hash256.ZERO, vals.getPreferred(have("x")).id(), "all stale");
        assertEquals(2, stale.size());
        assertTrue(vals.getCurrentPublicKeys().isEmpty());
    }

    @Test
    void preferredLedgerRules() {
        SimLedger a = have("a");
        SimLedger ab = have("ab");
        SimLedger abc = have("abc");
        SimLedger ad = have("ad");
        SimLedger ade = have("ade");
        for (String n : List.of("n1", "n2", "n3")) {
            add("abc", n);
        }
        assertEquals(abc.id(), vals.getPreferred(a).id(), "a ledger ahead of ours");
        assertEquals(ab.id(), vals.getPreferred(ab).id(), "we are the parent of the preferred: keep ours");
        assertEquals(abc.id(), vals.getPreferred(ade).id(), "same height, other chain");
        assertEquals(ab.id(), vals.getPreferred(ab, 0));
        assertEquals(abc.id(), vals.getPreferred(ad, 3));
        assertEquals(ad.id(), vals.getPreferred(ad, 4), "below the minimum valid sequence: keep ours");
        assertEquals(abc.id(), vals.getPreferred(abc).id());
        assertEquals(abc.id(), vals.getPreferredLcl(a, 0, Map.of()));
        assertEquals(a.id(), vals.getPreferredLcl(a, 4, Map.of()));
    }

    @Test
    void withoutTrustedValidationsFallBackToAcquiringOrPeers() {
        SimLedger a = have("a");
        assertEquals(a.id(), vals.getPreferredLcl(a, 0, Map.of()));
        SimLedger x = h.get("x");
        SimLedger y = h.get("y");
        assertEquals(x.id(), vals.getPreferredLcl(a, 0, Map.of(x.id(), 3, y.id(), 1)));
        // Validations for a ledger we lack park in "acquiring" and steer the preference.
        add("x", "n1");
        add("x", "n2");
        assertEquals(x.id(), vals.getPreferred(a).id());
        held.put(x.id(), x);
        assertEquals(x.id(), vals.getPreferred(a).id(), "acquired: now in the trie");
        assertEquals(2, vals.getNodesAfter(have(""), Hash256.ZERO), "children of genesis");
    }

    @Test
    void nodesAfterCountsDescendants() {
        SimLedger a = have("a");
        have("ab");
        have("abc");
        add("ab", "n1");
        add("abc", "n2");
        add("a", "n3");
        assertEquals(2, vals.getNodesAfter(a, a.id()));
        assertEquals(1, vals.getNodesAfter(h.get("ab"), h.get("ab").id()));
        assertEquals(1, vals.getNodesAfter(have("q"), a.id()), "fallback: direct children of a");
    }

    @Test
    void expireDropsUnusedLedgerSets() {
        have("a");
        add("a", "n1");
        ms += ValidationParms.SET_EXPIRES_MS / 2;
        assertEquals(1, vals.numTrustedForLedger(h.get("a").id()), "use touches the set");
        ms += ValidationParms.SET_EXPIRES_MS / 2 + 1;
        vals.expire();
        assertEquals(1, vals.numTrustedForLedger(h.get("a").id()));
        ms += ValidationParms.SET_EXPIRES_MS + 1;
        vals.expire();
        assertEquals(0, vals.numTrustedForLedger(h.get("a").id()));
        assertEquals(1, vals.flush().size());
        assertTrue(vals.getCurrentPublicKeys().isEmpty());
    }
}
