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
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.config.VotingConfig;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.STTx;

/** Fee votes in validations, the SetFee pseudo-transaction they produce, and its effect on the ledger. */
class FeeVoteTest {
    /** Stoxum's ledger defaults: 10 drops, 0.01 STM reserve, 0.002 STM per object. */
    private static final Fees DEFAULTS = new Fees(10, 10, 10_000, 2_000);
    private static final VotingConfig RAISE = new VotingConfig(12, 20_000, 5_000);

    private static STValidation signedWith(FeeVote vote, Ledger ledger) {
        return validation(0, ledger, b -> vote.addToValidation(ledger, b));
    }

    @Test
    void votesTravelOnlyInTheValidationBeforeAFlagLedger() {
        FeeVote vote = new FeeVote(RAISE);
        for (long seq : new long[] {254, 256, 257, 510}) {
            STValidation v = signedWith(vote, ledgerAt(seq, 1_000, Set.of()));
            assertEquals(OptionalLong.empty(), v.baseFeeVote(), "ledger " + seq);
            assertEquals(OptionalLong.empty(), v.reserveBaseVote());
            assertEquals(OptionalLong.empty(), v.reserveIncrementVote());
        }
        for (long seq : new long[] {255, 511}) {
            STValidation v = signedWith(vote, ledgerAt(seq, 1_000, Set.of()));
            assertEquals(OptionalLong.of(12), v.baseFeeVote(), "ledger " + seq);
            assertEquals(OptionalLong.of(20_000), v.reserveBaseVote());
            assertEquals(OptionalLong.of(5_000), v.reserveIncrementVote());
        }
    }

    @Test
    void onlyTheFieldsThatDifferAreVotedFor() {
        Ledger ledger = ledgerAt(255, 1_000, Set.of());
        assertEquals(DEFAULTS, ledger.fees());
        STValidation same = signedWith(new FeeVote(new VotingConfig(10, 10_000, 2_000)), ledger);
        assertFalse(same.toSTObject().isPresent(SField.BASE_FEE));
        assertFalse(same.toSTObject().isPresent(SField.RESERVE_BASE));
        assertFalse(same.toSTObject().isPresent(SField.RESERVE_INCREMENT));

        STValidation reserveOnly = signedWith(new FeeVote(new VotingConfig(10, 30_000, 2_000)), ledger);
        assertEquals(OptionalLong.empty(), reserveOnly.baseFeeVote());
        assertEquals(OptionalLong.of(30_000), reserveOnly.reserveBaseVote());
        assertEquals(OptionalLong.empty(), reserveOnly.reserveIncrementVote());

        STValidation back = STValidation.parse(reserveOnly.toBytes(), 0, true);
        assertEquals(OptionalLong.of(30_000), back.reserveBaseVote(), "the vote survives the wire");
    }

    @Test
    void noChangeMeansNoTransaction() {
        Ledger flag = ledgerAt(256, 1_000, Set.of());
        Ledger parent = ledgerAt(255, 990, Set.of());
        FeeVote vote = new FeeVote(VotingConfig.defaults(VoteFixtures.PROFILE));
        assertTrue(vote.vote(flag, List.of()).isEmpty());
        assertTrue(vote.vote(flag, validations(5, parent, b -> b.feeVote(10, 10_000, 2_000))).isEmpty());
    }

    @Test
    void votingIsForFlagLedgersOnly() {
        FeeVote vote = new FeeVote(RAISE);
        assertThrows(IllegalArgumentException.class, () -> vote.vote(ledgerAt(255, 1_000, Set.of()), List.of()));
    }

    @Test
    void theMajorityWithinOurRangeSetsEachFee() {
        Ledger parent = ledgerAt(255, 990, Set.of());
        Ledger flag = ledgerAt(256, 1_000, Set.of());
        List<STValidation> vals = new ArrayList<>();
        vals.addAll(validations(3, parent, b -> b.feeVote(12, 15_000, 5_000)));
        vals.add(validation(3, parent, b -> b.reserveIncrement(4_000)));
        vals.add(validation(4, parent, b -> { }));
        // untrusted validators' votes are ignored, however many
        for (int n = 5; n < 15; n++) {
            vals.add(validation(n, parent, b -> b.feeVote(11, 40_000, 3_000)).received(1_000, false));
        }
        STTx tx = new FeeVote(RAISE).vote(flag, vals).orElseThrow();
        STObject o = tx.object();
        assertEquals(TxType.SET_FEE, tx.type());
        assertEquals(12, o.getU64(SField.BASE_FEE), "3 votes + ours for 12 against 2 silent ones for 10");
        assertEquals(15_000, o.getU32(SField.RESERVE_BASE), "3 for 15000 beat ours for 20000");
        assertEquals(5_000, o.getU32(SField.RESERVE_INCREMENT), "4 for 5000 beat 1 for 4000 and 1 silent");
        assertEquals(10, o.getU32(SField.REFERENCE_FEE_UNITS));
        assertEquals(257, o.getU32(SField.LEDGER_SEQUENCE));
    }

    @Test
    void setFeeSerializesAsStoxumdBuildsIt() {
        Ledger flag = ledgerAt(256, 1_000, Set.of());
        STTx tx = new FeeVote(new VotingConfig(12, 20_000, 5_000)).vote(flag, List.of()).orElseThrow();
        String expected = "120065" // TransactionType SetFee (101)
                + "2400000000" // Sequence 0
                + "2600000101" // LedgerSequence 257
                + "201E0000000A" // ReferenceFeeUnits 10
                + "201F00004E20" // ReserveBase 20000
                + "202000001388" // ReserveIncrement 5000
                + "35000000000000000C" // BaseFee 12
                + "684000000000000000" // Fee 0 drops
                + "7300" // SigningPubKey empty
                + "8114" + "00".repeat(20); // Account zero
        assertEquals(expected, Hex.encode(tx.bytes()));
        assertEquals(AccountId.ZERO, tx.account());
        assertEquals(tx.id(), STTx.fromBytes(tx.bytes()).id(), "it reads back to the same id");
    }

    @Test
    void aVotedFeeChangeReachesTheNextLedgersFees() {
        Ledger parent = ledgerAt(255, 990, Set.of());
        Ledger flag = close(parent, List.of(), 1_000);
        assertEquals(256, flag.seq());
        FeeVote vote = new FeeVote(RAISE);
        List<STValidation> vals = validations(5, parent, b -> vote.addToValidation(parent, b));
        STTx setFee = vote.vote(flag, vals).orElseThrow();

        Ledger next = close(flag, List.of(setFee), 1_010);
        assertEquals(new Fees(12, 10, 20_000, 5_000), next.fees());
        STObject fees = next.read(Keylets.fees());
        assertEquals(12, fees.getU64(SField.BASE_FEE));
        STObject meta = meta(next, setFee.id());
        assertEquals(TER.tesSUCCESS.code(), meta.getU8(SField.TRANSACTION_RESULT));
        STObject created = onlyAffectedNode(meta);
        assertEquals(SField.CREATED_NODE, created.name(), "FeeSettings is created on the first change");
        assertEquals(LedgerEntryType.FEE_SETTINGS.code(), created.getU16(SField.LEDGER_ENTRY_TYPE));
        assertEquals(Keylets.fees().key(), created.getH256(SField.LEDGER_INDEX));
        STObject newFields = created.getObject(SField.NEW_FIELDS);
        assertEquals(12, newFields.getU64(SField.BASE_FEE));
        assertEquals(10, newFields.getU32(SField.REFERENCE_FEE_UNITS));
        assertEquals(20_000, newFields.getU32(SField.RESERVE_BASE));
        assertEquals(5_000, newFields.getU32(SField.RESERVE_INCREMENT));

        // the following flag ledger: the validators now want the base fee back at 10
        Ledger beforeFlag = closeEmptyUntil(next, 511);
        assertEquals(new Fees(12, 10, 20_000, 5_000), beforeFlag.fees(), "fees carry over");
        FeeVote lower = new FeeVote(new VotingConfig(10, 20_000, 5_000));
        STValidation own = validation(0, beforeFlag, b -> lower.addToValidation(beforeFlag, b));
        assertEquals(OptionalLong.of(10), own.baseFeeVote());
        assertEquals(OptionalLong.empty(), own.reserveBaseVote(), "the reserves already match");
        Ledger flag2 = close(beforeFlag, List.of(), beforeFlag.closeTime() + 10);
        List<STValidation> vals2 = validations(5, beforeFlag, b -> lower.addToValidation(beforeFlag, b));
        STTx back = lower.vote(flag2, vals2).orElseThrow();
        assertEquals(513, back.object().getU32(SField.LEDGER_SEQUENCE));
        Ledger after = close(flag2, List.of(back), flag2.closeTime() + 10);
        assertEquals(new Fees(10, 10, 20_000, 5_000), after.fees());
        STObject modified = onlyAffectedNode(meta(after, back.id()));
        assertEquals(SField.MODIFIED_NODE, modified.name());
        STObject previous = modified.getObject(SField.PREVIOUS_FIELDS);
        assertEquals(List.of(SField.BASE_FEE), previous.fields(), "only the base fee changed");
        assertEquals(12, previous.getU64(SField.BASE_FEE));
        assertEquals(10, modified.getObject(SField.FINAL_FIELDS).getU64(SField.BASE_FEE));
    }
}
