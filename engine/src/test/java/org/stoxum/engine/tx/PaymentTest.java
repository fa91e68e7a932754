package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.absent;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.exists;
import static org.stoxum.engine.tx.jtx.Jtx.drops;
import static org.stoxum.engine.tx.jtx.Jtx.fset;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;

/** Native payments: rippled's results for each check, account creation, reserves and fees. */
class PaymentTest {
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account carol = Account.of("carol");

    @Test
    void paymentCreatesTheDestinationAndMovesTheAmountLessTheFee() {
        Env env = new Env();
        long before = env.balance(env.master());
        env.fund(stm(10_000), alice);
        env.require(exists(alice), balance(alice, stm(10_000)));
        assertEquals(before - 10_000_000_000L - 10, env.balance(env.master()));
        env.submit(pay(alice, bob, stm(100)), ter(TER.tesSUCCESS));
        env.require(balance(bob, stm(100)), balance(alice, drops(10_000_000_000L - 100_000_000L - 10)));
        assertEquals(1, env.seq(bob));
        assertEquals(2, env.seq(alice));
        Ledger closed = env.close();
        assertEquals(3, closed.seq());
        assertEquals(2, countTxs(closed));
        assertEquals(closed.hash(), env.ledger().view().parentHash());
        assertEquals(200_000_000_000_000L - 20, closed.drops(), "fees are burned at close");
    }

    @Test
    void creatingAnAccountNeedsTheReserve() {
        Env env = new Env();
        env.fund(stm(10_000), alice);
        long reserve = env.current().fees().accountReserve(0);
        env.submit(pay(alice, bob, drops(reserve - 1)), ter(TER.tecNO_DST_INSUF_XRP));
        env.require(absent(bob));
        env.submit(pay(alice, bob, drops(reserve)), ter(TER.tesSUCCESS));
        env.require(balance(bob, drops(reserve)));
    }

    @Test
    void malformedPaymentsAreRejectedBeforeTheLedger() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob);
        long seq = env.seq(alice);
        env.submit(pay(alice, bob, drops(0)), ter(TER.temBAD_AMOUNT));
        env.submit(pay(alice, bob, drops(-5)), ter(TER.temBAD_AMOUNT));
        env.submit(pay(alice, alice, stm(1)), ter(TER.temREDUNDANT));
        env.submit(pay(alice, bob, stm(1)).flags(0x0001_0000_0L), ter(TER.temINVALID_FLAG));
        env.submit(pay(alice, bob, stm(1)).flags(TxFlags.PARTIAL_PAYMENT), ter(TER.temBAD_SEND_XRP_PARTIAL));
        env.submit(pay(alice, bob, stm(1)).flags(TxFlags.LIMIT_QUALITY), ter(TER.temBAD_SEND_XRP_LIMIT));
        env.submit(pay(alice, bob, stm(1)).flags(TxFlags.NO_RIPPLE_DIRECT), ter(TER.temBAD_SEND_XRP_NO_DIRECT));
        env.submit(pay(alice, bob, stm(1)).with(tx -> tx.setAmount(SField.SEND_MAX, stm(2))),
                ter(TER.temBAD_SEND_XRP_MAX));
        env.submit(pay(alice, bob, stm(1)).with(tx -> tx.setPathSet(SField.PATHS, STPathSet.EMPTY)),
                ter(TER.temBAD_SEND_XRP_PATHS));
        env.submit(pay(alice, bob, stm(1)).with(tx -> tx.setAccountId(SField.DESTINATION, AccountId.ZERO)),
                ter(TER.temDST_NEEDED));
        env.submit(pay(alice, bob, stm(1)).with(tx -> tx.setAmount(SField.DELIVER_MIN, stm(1))),
                ter(TER.temBAD_AMOUNT));
        STAmount bad = STAmount.of(new Issue(Currency.BAD, bob.id()), 1_000_000_000_000_000L, -15, false);
        env.submit(pay(alice, bob, bad), ter(TER.temBAD_CURRENCY));
        env.submit(pay(alice, bob, stm(1)).fee(-1), ter(TER.temBAD_FEE));
        env.submit(pay(alice, bob, stm(1)).fee(200_000_000_000_001L), ter(TER.temBAD_FEE));
        assertEquals(seq, env.seq(alice), "nothing entered the ledger");
    }

    @Test
    void unfundedPaymentClaimsTheFeeButAPaymentMayDipIntoTheReserveForItsFee() {
        Env env = new Env();
        long reserve = env.current().fees().accountReserve(0);
        env.fund(drops(reserve + 1_000), alice, bob);
        env.submit(pay(alice, bob, drops(1_001)), ter(TER.tecUNFUNDED_PAYMENT));
        env.require(balance(alice, drops(reserve + 1_000 - 10)));
        // balance - amount >= reserve is needed, except that the fee may come out of the reserve
        env.submit(pay(alice, bob, drops(1_000 - 10)), ter(TER.tesSUCCESS));
        env.require(balance(alice, drops(reserve - 10)));
    }

    @Test
    void sequenceFeeAndLedgerLimitChecks() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob);
        long seq = env.seq(alice);
        env.submit(pay(alice, bob, stm(1)).seq(seq + 5), ter(TER.terPRE_SEQ));
        env.submit(pay(alice, bob, stm(1)).seq(seq - 1), ter(TER.tefPAST_SEQ));
        env.submit(pay(alice, bob, stm(1)).fee(9), ter(TER.telINSUF_FEE_P));
        long current = env.current().seq();
        env.submit(pay(alice, bob, stm(1)).with(tx -> tx.setU32(SField.LAST_LEDGER_SEQUENCE, current - 1)),
                ter(TER.tefMAX_LEDGER));
        env.submit(pay(alice, bob, stm(1)).with(tx -> tx.setH256(SField.ACCOUNT_TXN_ID,
                org.stoxum.codec.types.Hash256.fromHex("01".repeat(32)))), ter(TER.tefWRONG_PRIOR));
        env.submit(pay(carol, bob, stm(1)).seq(1), ter(TER.terNO_ACCOUNT));
        env.submit(pay(alice, bob, stm(1)).fee(stm(20_000).drops()), ter(TER.terINSUF_FEE_B));
        env.submit(pay(alice, bob, stm(1)).sig(bob), ter(TER.tefBAD_AUTH_MASTER));
        Env.Submitted ok = env.submit(pay(alice, bob, stm(1)), ter(TER.tesSUCCESS));
        assertEquals(TER.tefALREADY, env.submitBlob(ok.tx().bytes()).ter(), "the same blob twice");
        env.close();
        assertEquals(TER.tefPAST_SEQ, env.submitBlob(ok.tx().bytes()).ter(), "after the close");
    }

    @Test
    void aTamperedSignatureIsInvalid() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob);
        var tx = env.finish(pay(alice, bob, stm(1)));
        byte[] sig = tx.getBlob(SField.TXN_SIGNATURE);
        sig[sig.length - 1] ^= 1;
        tx.setBlob(SField.TXN_SIGNATURE, sig);
        assertEquals(TER.temINVALID, env.submitBlob(tx.toBytes()).ter());
    }

    @Test
    void requireDestTagAndDepositAuth() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob);
        env.submit(fset(bob, TxFlags.ASF_REQUIRE_DEST), ter(TER.tesSUCCESS));
        env.submit(pay(alice, bob, stm(1)), ter(TER.tecDST_TAG_NEEDED));
        env.submit(pay(alice, bob, stm(1)).with(tx -> tx.setU32(SField.DESTINATION_TAG, 0)), ter(TER.tesSUCCESS));
        env.submit(fset(carolFunded(env), TxFlags.ASF_DEPOSIT_AUTH), ter(TER.tesSUCCESS));
        long reserve = env.current().fees().accountReserve(0);
        env.submit(pay(alice, carol, stm(1)), ter(TER.tecNO_PERMISSION));
        assertTrue(env.balance(carol) > reserve);
    }

    private Account carolFunded(Env env) {
        env.fund(stm(1_000), carol);
        return carol;
    }

    @Test
    void depositAuthLetsASmallPaymentUnwedgeAnEmptyAccount() {
        Env env = new Env();
        long reserve = env.current().fees().accountReserve(0);
        env.fund(stm(10_000), alice);
        env.fund(drops(reserve + 10), carol);
        env.submit(fset(carol, TxFlags.ASF_DEPOSIT_AUTH), ter(TER.tesSUCCESS));
        env.submit(pay(alice, carol, drops(reserve)), ter(TER.tesSUCCESS));
        env.submit(pay(alice, carol, drops(1)), ter(TER.tecNO_PERMISSION));
    }

    @Test
    void issuedPaymentWithoutATrustLineIsDryAndClaimsTheFee() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob);
        STAmount usd = STAmount.of(new Issue(Currency.fromJson("USD", env.profile()), bob.id()),
                1_000_000_000_000_000L, -15, false);
        // the engine's terNO_LINE becomes a claimed tecPATH_DRY
        Env.Submitted s = env.submit(pay(alice, bob, usd));
        assertEquals(TER.tecPATH_DRY, s.ter());
        assertTrue(s.applied());
        env.submit(pay(alice, carol, usd), ter(TER.tecNO_DST));
    }

    @Test
    void withoutAmendmentsDepositAuthIsNotAFlag() {
        Env env = new Env(Genesis.withoutAmendments(org.stoxum.codec.NetworkProfile.STOXUM));
        env.fund(stm(10_000), alice, bob);
        env.submit(fset(bob, TxFlags.ASF_DEPOSIT_AUTH), ter(TER.tesSUCCESS));
        env.submit(pay(alice, bob, stm(1)), ter(TER.tesSUCCESS));
    }

    private static int countTxs(Ledger l) {
        int n = 0;
        for (var it = l.transactions(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }
}
