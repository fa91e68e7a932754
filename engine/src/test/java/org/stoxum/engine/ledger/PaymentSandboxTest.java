package org.stoxum.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.path;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.stm;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.tx.TxFlags;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

/** Deferred credits as rippled's {@code PaymentSandbox_test} checks them. */
class PaymentSandboxTest {
    private final Account gw1 = Account.of("gw1");
    private final Account gw2 = Account.of("gw2");
    private final Account alice = Account.of("alice");
    private final IOU usd1 = IOU.of(gw1, "USD");
    private final IOU usd2 = IOU.of(gw2, "USD");

    @Test
    void onePathCannotFundAnother() {
        Account snd = Account.of("snd");
        Account rcv = Account.of("rcv");
        Env env = Env.rippled();
        env.fundRippling(stm(10_000), snd, rcv, gw1, gw2);
        env.trust(usd1.of(10), snd);
        env.trust(usd2.of(10), snd);
        env.trust(usd1.of(100), rcv);
        env.trust(usd2.of(100), rcv);
        env.apply(pay(gw1, snd, usd1.of(2)));
        env.apply(pay(gw2, snd, usd2.of(4)));
        env.apply(offer(snd, usd1.of(2), usd2.of(2)).flags(TxFlags.PASSIVE));
        env.apply(offer(snd, usd2.of(2), usd1.of(2)).flags(TxFlags.PASSIVE));
        // any issuer: the destination's own USD
        env.apply(pay(snd, rcv, IOU.of(rcv, "USD").of(4)).paths(path(gw1, usd2, gw2), path(gw2, usd1, gw1))
                .flags(TxFlags.NO_RIPPLE_DIRECT | TxFlags.PARTIAL_PAYMENT));
        env.require(balance(rcv, usd1.of(0)), balance(rcv, usd2.of(2)));
    }

    private static STAmount holds(ReadView v, Account a, IOU iou) {
        return Views.accountHolds(v, a.id(), iou.currency(), iou.issuer().id(), false);
    }

    @Test
    void creditsAreHeldBackDebitsAreNot() {
        Env env = Env.rippled();
        env.fundRippling(stm(10_000), alice, gw1, gw2);
        env.trust(usd1.of(100), alice);
        env.trust(usd2.of(100), alice);
        env.apply(pay(gw1, alice, usd1.of(50)));
        env.apply(pay(gw2, alice, usd2.of(50)));
        STAmount toCredit = usd1.of(30);
        STAmount toDebit = usd1.of(20);

        // a plain view sees every change
        Sandbox av = new Sandbox(env.current(), ApplyFlags.NONE);
        STAmount start = holds(av, alice, usd1);
        Views.accountSend(av, gw1.id(), alice.id(), toCredit);
        assertTrue(holds(av, alice, usd1).valueEquals(start.add(toCredit)));
        Views.accountSend(av, alice.id(), gw1.id(), toDebit);
        assertTrue(holds(av, alice, usd1).valueEquals(start.add(toCredit).subtract(toDebit)));

        Sandbox av2 = new Sandbox(env.current(), ApplyFlags.NONE);
        TrustLines.rippleCredit(av2, gw1.id(), alice.id(), toCredit);
        assertTrue(holds(av2, alice, usd1).valueEquals(start.add(toCredit)));
        TrustLines.rippleCredit(av2, alice.id(), gw1.id(), toDebit);
        assertTrue(holds(av2, alice, usd1).valueEquals(start.add(toCredit).subtract(toDebit)));

        // a payment sandbox holds the credits back
        PaymentSandbox pv = new PaymentSandbox(new Sandbox(env.current(), ApplyFlags.NONE));
        Views.accountSend(pv, gw1.id(), alice.id(), toCredit);
        assertTrue(holds(pv, alice, usd1).valueEquals(start));
        Views.accountSend(pv, alice.id(), gw1.id(), toDebit);
        assertTrue(holds(pv, alice, usd1).valueEquals(start.subtract(toDebit)));

        PaymentSandbox pv2 = new PaymentSandbox(new Sandbox(env.current(), ApplyFlags.NONE));
        TrustLines.rippleCredit(pv2, gw1.id(), alice.id(), toCredit);
        assertTrue(holds(pv2, alice, usd1).valueEquals(start));

        // stacked: the parent's credits count in the child
        PaymentSandbox pv3 = new PaymentSandbox(new Sandbox(env.current(), ApplyFlags.NONE));
        Views.accountSend(pv3, gw1.id(), alice.id(), toCredit);
        assertTrue(holds(pv3, alice, usd1).valueEquals(start));
        PaymentSandbox child = new PaymentSandbox(pv3);
        assertTrue(holds(child, alice, usd1).valueEquals(start));
        Views.accountSend(child, gw1.id(), alice.id(), toCredit);
        assertTrue(holds(child, alice, usd1).valueEquals(start));
        Views.accountSend(pv3, alice.id(), gw1.id(), toDebit);
        assertTrue(holds(pv3, alice, usd1).valueEquals(start.subtract(toDebit)));
    }

    @Test
    void aTinyBalanceSurvivesAHugeCreditAfterFix1141() {
        Account gw = Account.of("gw");
        IOU usd = IOU.of(gw, "USD");
        STAmount tiny = STAmount.of(usd.issue(), STAmount.MIN_MANTISSA, STAmount.MIN_EXPONENT + 1, false);
        STAmount huge = STAmount.of(usd.issue(), STAmount.MAX_MANTISSA, STAmount.MAX_EXPONENT - 1, false);
        Env env = Env.rippled();
        for (int d : new int[] {-1, 1}) {
            env.closeAt(Views.FIX1141_TIME + d * 3000L);
            PaymentSandbox pv = new PaymentSandbox(new Sandbox(env.current(), ApplyFlags.NONE));
            pv.creditHook(gw.id(), alice.id(), huge, tiny.negate());
            STAmount b = pv.balanceHook(alice.id(), gw.id(), huge);
            if (d > 0) {
                assertTrue(b.valueEquals(tiny));
            } else {
                assertNotEquals(tiny, b);
            }
        }
    }

    @Test
    void spendingWhatWasJustCreditedLeavesNoNegativeFunds() {
        Env env = Env.rippled();
        env.fundRippling(STAmount.ofDrops(env.current().fees().accountReserve(1)), alice);
        env.closeAt(Views.FIX1141_TIME + 3000);
        PaymentSandbox sb = new PaymentSandbox(new Sandbox(env.current(), ApplyFlags.NONE));
        Views.accountSend(sb, AccountId.ZERO, alice.id(), stm(100));
        Views.accountSend(sb, alice.id(), AccountId.ZERO, stm(100));
        STAmount funds = Views.accountHolds(sb, alice.id(), org.stoxum.codec.amount.Currency.NATIVE, AccountId.ZERO,
                true);
        assertEquals(0, funds.drops());
    }

    @Test
    void theBalanceKeepsTheIssuerAskedFor() {
        Account gw = Account.of("gw");
        IOU usd = IOU.of(gw, "USD");
        Env env = Env.rippled();
        env.closeAt(Views.FIX1274_TIME + 3000);
        PaymentSandbox sb = new PaymentSandbox(new Sandbox(env.current(), ApplyFlags.NONE));
        Issue lineIssue = new Issue(usd.currency(), AccountId.ONE);
        sb.creditHook(gw.id(), alice.id(), usd.of(400), STAmount.of(lineIssue, 600, 0, false));
        sb.creditHook(gw.id(), alice.id(), usd.of(100), STAmount.of(lineIssue, 600, 0, false));
        STAmount b = sb.balanceHook(gw.id(), alice.id(), usd.of(600));
        assertEquals(gw.id(), b.issuer());
    }
}
