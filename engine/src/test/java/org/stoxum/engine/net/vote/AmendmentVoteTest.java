package org.stoxum.engine.net.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.net.vote.VoteFixtures.close;
import static org.stoxum.engine.net.vote.VoteFixtures.closeEmptyUntil;
import static org.stoxum.engine.net.vote.VoteFixtures.ledgerAt;
import static org.stoxum.engine.net.vote.VoteFixtures.meta;
import static org.stoxum.engine.net.vote.VoteFixtures.onlyAffectedNode;
import static org.stoxum.engine.net.vote.VoteFixtures.validation;
import static org.stoxum.engine.net.vote.VoteFixtures.validations;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.config.AmendmentEntry;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.TxFlags;

/** Amendment votes in validations and the EnableAmendment pseudo-transactions they lead to. */
class AmendmentVoteTest {
    private static final Hash256 A = Amendments.CHECKS;
    private static final Hash256 B = Amendments.DEPOSIT_AUTH;
    private static final Hash256 UNKNOWN = Hash256.fromHex("AB".repeat(32));
    private static final AmendmentVote VOTER = new AmendmentVote(Set.of(A, B), Set.of());

    private static List<STValidation> votingFor(int count, Ledger ledger, Hash256... ids) {
        return validations(count, ledger, b -> b.amendments(List.of(ids)));
    }

    @Test
    void weVoteForWhatWeSupportDoNotVetoAndTheLedgerHasNotEnabled() {
        Ledger none = ledgerAt(255, 1_000, Set.of());
        List<Hash256> all = new ArrayList<>(new TreeSet<>(Amendments.supported()));
        AmendmentVote defaults = AmendmentVote.fromConfig(List.of(), List.of());
        assertEquals(all, defaults.votes(none), "every supported amendment, ascending");
        assertEquals(all, validation(0, none, b -> defaults.addToValidation(none, b)).amendments());

        AmendmentVote vetoing = AmendmentVote.fromConfig(List.of(),
                List.of(new AmendmentEntry(Hex.encode(A.toBytes()), "Checks")));
        assertFalse(vetoing.votes(none).contains(A));
        assertEquals(all.size() - 1, vetoing.votes(none).size());

        Ledger someEnabled = ledgerAt(255, 1_000, Set.of(A));
        assertEquals(List.of(B), VOTER.votes(someEnabled));
        Ledger allEnabled = ledgerAt(255, 1_000, Amendments.supported());
        STValidation v = validation(0, allEnabled, b -> defaults.addToValidation(allEnabled, b));
        assertFalse(v.toSTObject().isPresent(SField.AMENDMENTS), "nothing to vote for: no field");
        Ledger notBeforeFlag = ledgerAt(256, 1_000, Set.of());
        assertTrue(validation(0, notBeforeFlag, b -> VOTER.addToValidation(notBeforeFlag, b)).amendments().isEmpty());
    }

    @Test
    void configAmendmentsCountAsSupported() {
        AmendmentVote v = AmendmentVote.fromConfig(
                List.of(new AmendmentEntry(Hex.encode(UNKNOWN.toBytes()), "Future")), List.of());
        assertTrue(v.isSupported(UNKNOWN));
        assertTrue(v.votes(ledgerAt(255, 1_000, Set.of())).contains(UNKNOWN));
        assertEquals(Set.of(UNKNOWN), VOTER.unsupportedEnabled(ledgerAt(255, 1_000, Set.of(A, UNKNOWN))));
        assertEquals(Set.of(), v.unsupportedEnabled(ledgerAt(255, 1_000, Set.of(A, UNKNOWN))));
    }

    @Test
    void aMajorityIs204Of256OfTheTrustedValidations() {
        Ledger parent = ledgerAt(255, 990, Set.of());
        Ledger flag = ledgerAt(256, 1_000, Set.of());
        // 5 trusted: threshold max(1, 5 * 204 / 256) = 3
        List<STValidation> three = new ArrayList<>(votingFor(3, parent, A, B, UNKNOWN));
        three.add(validation(3, parent, b -> b.amendments(List.of(B))));
        three.add(validation(4, parent, b -> { }));
        List<STTx> txs = VOTER.vote(flag, three);
        assertEquals(2, txs.size(), "A (3 votes) and B (4 votes); the unknown amendment is ignored");
        List<Hash256> ids = txs.stream().map(t -> t.object().getH256(SField.AMENDMENT)).toList();
        assertEquals(new ArrayList<>(new TreeSet<>(Set.of(A, B))), ids, "in id order");
        for (STTx tx : txs) {
            assertEquals(TxType.ENABLE_AMENDMENT, tx.type());
            assertEquals(TxFlags.GOT_MAJORITY, tx.object().getFlags());
            assertEquals(257, tx.object().getU32(SField.LEDGER_SEQUENCE));
        }

        List<STValidation> two = new ArrayList<>(votingFor(2, parent, A));
        two.add(validation(2, parent, b -> b.amendments(List.of(B))));
        two.add(validation(4, parent, b -> { }));
        two.add(validation(5, parent, b -> { }));
        // untrusted votes count neither as votes nor as validations
        for (int n = 6; n < 20; n++) {
            two.add(validation(n, parent, b -> b.amendments(List.of(A))).received(1_000, false));
        }
        assertEquals(List.of(), VOTER.vote(flag, two), "2 of 5 is no majority");
        assertEquals(1, VOTER.vote(flag, votingFor(1, parent, A)).size(), "one trusted validation suffices");
        assertEquals(List.of(), VOTER.vote(flag, List.of()), "no votes at all: threshold 1 is not met");
    }

    @Test
    void aVetoedAmendmentNeverGainsAMajority() {
        Ledger parent = ledgerAt(255, 990, Set.of());
        Ledger flag = ledgerAt(256, 1_000, Set.of());
        AmendmentVote vetoing = new AmendmentVote(Set.of(A, B), Set.of(A, UNKNOWN));
        List<STTx> txs = vetoing.vote(flag, votingFor(5, parent, A, B));
        assertEquals(List.of(B), txs.stream().map(t -> t.object().getH256(SField.AMENDMENT)).toList());
    }

    @Test
    void enableAmendmentSerializesAsStoxumdBuildsIt() {
        Ledger parent = ledgerAt(255, 990, Set.of());
        Ledger flag = ledgerAt(256, 1_000, Set.of());
        STTx got = new AmendmentVote(Set.of(A), Set.of()).vote(flag, votingFor(1, parent, A)).get(0);
        String head = "120064"; // TransactionType EnableAmendment (100)
        String tail = "2400000000" // Sequence 0
                + "2600000101" // LedgerSequence 257
                + "5013" + Hex.encode(A.toBytes()) // Amendment
                + "684000000000000000" // Fee 0 drops
                + "7300" // SigningPubKey empty
                + "8114" + "00".repeat(20); // Account zero, 20 bytes
        assertEquals(head + "2200010000" + tail, Hex.encode(got.bytes()));
        assertEquals(got.id(), STTx.fromBytes(got.bytes()).id());
    }

    @Test
    void aMajorityHeldForTwoWeeksEnablesTheAmendment() {
        AmendmentVote voter = new AmendmentVote(Set.of(A), Set.of());
        Ledger parent = ledgerAt(255, 990, Set.of());
        Ledger flag = close(parent, List.of(), 1_000);
        List<STTx> got = voter.vote(flag, votingFor(5, parent, A));
        Ledger recorded = close(flag, got, 1_010);
        STObject amendments = recorded.read(Keylets.amendments());
        assertFalse(amendments.isPresent(SField.AMENDMENTS), "nothing is enabled yet");
        STObject majority = amendments.getArray(SField.MAJORITIES).get(0);
        assertEquals(A, majority.getH256(SField.AMENDMENT));
        assertEquals(1_000, majority.getU32(SField.CLOSE_TIME), "the close time of the flag ledger");
        assertEquals(SField.CREATED_NODE, onlyAffectedNode(meta(recorded, got.get(0).id())).name());
        assertFalse(recorded.rules().enabled(A));
        assertEquals(List.of(A), voter.votes(recorded), "we keep voting for it until it is enabled");

        // next flag ledger, one second short of two weeks after the majority: nothing to do
        Ledger beforeFlag = closeEmptyUntil(recorded, 510);
        long due = 1_000 + AmendmentVote.MAJORITY_TIME;
        Ledger early511 = close(beforeFlag, List.of(), due - 1);
        Ledger earlyFlag = close(early511, List.of(), due + 9);
        assertEquals(List.of(), voter.vote(earlyFlag, votingFor(5, early511, A)));

        Ledger onTime511 = close(beforeFlag, List.of(), due);
        Ledger flag2 = close(onTime511, List.of(), due + 10);
        List<STTx> enable = voter.vote(flag2, votingFor(5, onTime511, A));
        assertEquals(1, enable.size());
        assertFalse(enable.get(0).object().isPresent(SField.FLAGS), "enabling carries no Flags field");
        Ledger enabled = close(flag2, enable, due + 20);
        STObject after = enabled.read(Keylets.amendments());
        assertEquals(List.of(A), after.getVector256(SField.AMENDMENTS));
        assertFalse(after.isPresent(SField.MAJORITIES), "the last majority gone, the field goes");
        assertTrue(enabled.rules().enabled(A));
        STObject modified = onlyAffectedNode(meta(enabled, enable.get(0).id()));
        assertEquals(SField.MODIFIED_NODE, modified.name());
        assertTrue(modified.getObject(SField.PREVIOUS_FIELDS).isPresent(SField.MAJORITIES));
        assertEquals(List.of(), voter.votes(enabled), "no more votes for an enabled amendment");
        assertEquals(List.of(), voter.vote(closeEmptyUntil(enabled, 768), votingFor(5, enabled, A)));
    }

    @Test
    void aShorterMajorityTimeEnablesSooner() {
        AmendmentVote quick = new AmendmentVote(Set.of(A), Set.of(), 240);
        Ledger parent = ledgerAt(255, 990, Set.of());
        Ledger flag = close(parent, List.of(), 1_000);
        Ledger recorded = close(flag, quick.vote(flag, votingFor(5, parent, A)), 1_010);
        Ledger beforeFlag = closeEmptyUntil(recorded, 510);
        Ledger early511 = close(beforeFlag, List.of(), 1_000 + 239);
        assertEquals(List.of(), quick.vote(close(early511, List.of(), 1_250), votingFor(5, early511, A)));
        Ledger onTime511 = close(beforeFlag, List.of(), 1_000 + 240);
        List<STTx> enable = quick.vote(close(onTime511, List.of(), 1_250), votingFor(5, onTime511, A));
        assertEquals(1, enable.size());
        assertFalse(enable.get(0).object().isPresent(SField.FLAGS));
        assertThrows(IllegalArgumentException.class, () -> new AmendmentVote(Set.of(A), Set.of(), 0));
    }

    @Test
    void aMajorityThatFadesIsRecordedAsLost() {
        AmendmentVote voter = new AmendmentVote(Set.of(A, B), Set.of(A));
        Ledger parent = ledgerAt(255, 990, Set.of());
        Ledger flag = close(parent, List.of(), 1_000);
        List<STTx> got = VOTER.vote(flag, votingFor(5, parent, A, B));
        Ledger recorded = close(flag, got, 1_010);
        assertEquals(2, recorded.read(Keylets.amendments()).getArray(SField.MAJORITIES).size());

        Ledger before = closeEmptyUntil(recorded, 511);
        Ledger flag2 = close(before, List.of(), before.closeTime() + 10);
        // B keeps 5 votes; A falls to 1; we veto A, which does not stop its loss being recorded
        List<STValidation> vals = new ArrayList<>(votingFor(4, before, B));
        vals.add(validation(4, before, b -> b.amendments(List.of(A, B))));
        List<STTx> lost = voter.vote(flag2, vals);
        assertEquals(1, lost.size());
        assertEquals(A, lost.get(0).object().getH256(SField.AMENDMENT));
        assertEquals(TxFlags.LOST_MAJORITY, lost.get(0).object().getFlags());
        Ledger after = close(flag2, lost, flag2.closeTime() + 10);
        STObject amendments = after.read(Keylets.amendments());
        assertEquals(1, amendments.getArray(SField.MAJORITIES).size());
        assertEquals(B, amendments.getArray(SField.MAJORITIES).get(0).getH256(SField.AMENDMENT));
    }

    @Test
    void votingIsForFlagLedgersOnly() {
        assertThrows(IllegalArgumentException.class, () -> VOTER.vote(ledgerAt(257, 1_000, Set.of()), List.of()));
    }
}
