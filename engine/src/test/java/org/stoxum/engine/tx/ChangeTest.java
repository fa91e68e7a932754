package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.Rules;
import org.stoxum.engine.ledger.STTx;

/** The outcomes of SetFee and EnableAmendment that voting never produces but a peer's set may hold. */
class ChangeTest {
    private static final NetworkProfile PROFILE = NetworkProfile.STOXUM;
    private static final EngineSetup SETUP = EngineSetup.of(PROFILE);
    private static final Hash256 FUTURE = Hash256.fromHex("CD".repeat(32));

    private static STObject amendment(Hash256 id, long flags) {
        STObject tx = STObject.newTransaction(TxType.ENABLE_AMENDMENT).setAccountId(SField.ACCOUNT, AccountId.ZERO)
                .setU32(SField.LEDGER_SEQUENCE, 2).setH256(SField.AMENDMENT, id);
        return flags == 0 ? tx : tx.setU32(SField.FLAGS, flags);
    }

    private static TER apply(OpenView view, STObject tx) {
        return TxEngine.apply(SETUP, view, STTx.of(tx), ApplyFlags.NO_CHECK_SIGN).ter();
    }

    @Test
    void pseudoTransactionsNeverEnterAnOpenLedger() {
        Ledger genesis = Genesis.withoutAmendments(PROFILE);
        OpenView open = OpenView.openLedger(genesis, Rules.NONE);
        assertEquals(TER.temINVALID, apply(open, amendment(FUTURE, 0)));
    }

    @Test
    void malformedPseudoTransactionsAreRefused() {
        OpenView closing = OpenView.closing(Genesis.withoutAmendments(PROFILE));
        assertEquals(TER.temBAD_SRC_ACCOUNT,
                apply(closing, amendment(FUTURE, 0).setAccountId(SField.ACCOUNT, Genesis.masterAccount())));
        assertEquals(TER.temBAD_FEE, apply(closing, amendment(FUTURE, 0).setAmount(SField.FEE, STAmount.ofDrops(1))));
        assertEquals(TER.temBAD_SEQUENCE, apply(closing, amendment(FUTURE, 0).setU32(SField.SEQUENCE, 1)));
        assertEquals(TER.temINVALID_FLAG,
                apply(closing, amendment(FUTURE, TxFlags.GOT_MAJORITY | TxFlags.LOST_MAJORITY)));
        assertFalse(closing.exists(Keylets.amendments()), "refused transactions leave no Amendments object");
    }

    @Test
    void majorityBookkeepingRefusesRepeatsAndUnknownLosses() {
        OpenView closing = OpenView.closing(Genesis.withoutAmendments(PROFILE));
        assertEquals(TER.tefALREADY, apply(closing, amendment(FUTURE, TxFlags.LOST_MAJORITY)),
                "no majority to lose");
        assertEquals(TER.tesSUCCESS, apply(closing, amendment(FUTURE, TxFlags.GOT_MAJORITY)));
        assertEquals(TER.tefALREADY, apply(closing, amendment(FUTURE, TxFlags.GOT_MAJORITY)));
        assertEquals(TER.tesSUCCESS, apply(closing, amendment(FUTURE, TxFlags.LOST_MAJORITY)));
        STObject sle = closing.read(Keylets.amendments());
        assertFalse(sle.isPresent(SField.MAJORITIES));
        assertFalse(sle.isPresent(SField.AMENDMENTS));
    }

    @Test
    void enablingNeedsNoRecordedMajorityButHappensOnce() {
        Ledger genesis = Genesis.withSupportedAmendments(PROFILE);
        OpenView closing = OpenView.closing(genesis);
        assertEquals(TER.tefALREADY, apply(closing, amendment(Amendments.CHECKS, 0)));
        assertEquals(TER.tesSUCCESS, apply(closing, amendment(FUTURE, 0)));
        List<Hash256> enabled = closing.read(Keylets.amendments()).getVector256(SField.AMENDMENTS);
        assertEquals(Amendments.supported().size() + 1, enabled.size());
        assertEquals(FUTURE, enabled.get(enabled.size() - 1), "appended, not sorted, as stoxumd does");
        assertEquals(TER.tefALREADY, apply(closing, amendment(FUTURE, TxFlags.GOT_MAJORITY)));
        Ledger closed = closing.close(genesis.closeTime() + 10, 10, true);
        assertTrue(closed.rules().enabled(FUTURE));
    }

    @Test
    void setFeeWritesAllFourFields() {
        OpenView closing = OpenView.closing(Genesis.withoutAmendments(PROFILE));
        STObject tx = STObject.newTransaction(TxType.SET_FEE).setAccountId(SField.ACCOUNT, AccountId.ZERO)
                .setU64(SField.BASE_FEE, 20).setU32(SField.REFERENCE_FEE_UNITS, 10)
                .setU32(SField.RESERVE_BASE, 1_000_000).setU32(SField.RESERVE_INCREMENT, 100_000);
        assertEquals(TER.tesSUCCESS, apply(closing, tx));
        STObject fees = closing.read(Keylets.fees());
        assertEquals(20, fees.getU64(SField.BASE_FEE));
        assertEquals(10, fees.getU32(SField.REFERENCE_FEE_UNITS));
        assertEquals(1_000_000, fees.getU32(SField.RESERVE_BASE));
        assertEquals(100_000, fees.getU32(SField.RESERVE_INCREMENT));
        assertEquals(0, closing.dropsDestroyed(), "pseudo-transactions cost nothing");
    }
}
