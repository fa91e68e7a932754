package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.offers;
import static org.stoxum.engine.tx.jtx.Jtx.drops;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.path;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.rate;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;
import static org.stoxum.engine.tx.jtx.Jtx.trust;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

/**
 * The pre-Flow payment engine as rippled's tests drive it on ledgers without the Flow amendment
 * ({@code Flow_test}'s limitQuality, line quality and false-dry cases, and the paths of
 * {@code Path_test}/{@code TrustAndBalance_test}); expected amounts are rippled's.
 */
class RippleCalcV1Test {
    private static final int CLOSE_RESOLUTION = 30;
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account carol = Account.of("carol");
    private final Account dan = Account.of("dan");
    private final Account gw = Account.of("gateway");
    private final IOU usdA = IOU.of(alice, "USD");
    private final IOU usdB = IOU.of(bob, "USD");
    private final IOU usdC = IOU.of(carol, "USD");
    private final IOU usdD = IOU.of(dan, "USD");
    private final IOU usd = IOU.of(gw, "USD");
    private final IOU eur = IOU.of(gw, "EUR");
    private final IOU btc = IOU.of(gw, "BTC");

    private static Env v1() {
        return PaymentEngines.FLOW_V1.env();
    }

    @Test
    void limitQualityTakesTheFirstOfferOnlyAfterFix1141() {
        for (long delta : new long[] {-100L * CLOSE_RESOLUTION, 100L * CLOSE_RESOLUTION}) {
            long closeTime = Views.FIX1141_TIME + delta;
            Env env = v1();
            env.closeAt(closeTime);
            env.fundRippling(stm(10_000), alice, bob, carol, gw);
            env.trust(usd.of(100), alice, bob, carol);
            env.apply(pay(gw, bob, usd.of(100)));
            env.apply(offer(bob, stm(50), usd.of(50)));
            env.apply(offer(bob, stm(100), usd.of(50)));
            TER expected = delta < 0 ? TER.tecPATH_DRY : TER.tesSUCCESS;
            env.submit(pay(alice, carol, usd.of(100)).paths(path(usd)).sendmax(stm(100))
                    .flags(TxFlags.NO_RIPPLE_DIRECT | TxFlags.PARTIAL_PAYMENT | TxFlags.LIMIT_QUALITY), ter(expected));
            if (expected == TER.tesSUCCESS) {
                env.require(balance(carol, usd.of(50)));
            }
        }
    }

    @Test
    void lineQualitiesScaleWhatMoves() {
        int[] percents = {80, 100, 120};
        for (int bobDanQIn : percents) {
            for (int bobAliceQOut : percents) {
                if (bobDanQIn < 100 && bobAliceQOut < 100) {
                    // rippled skips this case: a known bug of the pre-Flow engine
                    continue;
                }
                Env env = v1();
                env.fundRippling(stm(10_000), alice, bob, carol, dan);
                env.apply(trust(bob, usdD.of(100)).with(tx -> tx.setU32(SField.QUALITY_IN, bobDanQIn * 10_000_000L)));
                env.apply(trust(bob, usdA.of(100))
                        .with(tx -> tx.setU32(SField.QUALITY_OUT, bobAliceQOut * 10_000_000L)));
                env.apply(trust(carol, usdA.of(100)));
                env.apply(pay(alice, bob, usdA.of(100)));
                env.apply(pay(dan, carol, usdA.of(10)).paths(path(bob)).sendmax(usdD.of(100))
                        .flags(TxFlags.NO_RIPPLE_DIRECT));
                env.require(balance(bob, usdA.of(90)), balance(carol, usdA.of(10)));
                String expected = bobAliceQOut > bobDanQIn
                        ? new BigDecimal(10 * bobAliceQOut).divide(new BigDecimal(bobDanQIn)).toPlainString() : "10";
                env.require(balance(bob, usdD.of(expected)));
            }
        }
        for (int carolAliceQIn : percents) {
            Env env = v1();
            env.fundRippling(stm(10_000), alice, bob, carol);
            env.apply(trust(bob, usdA.of(10)));
            env.apply(trust(carol, usdA.of(10)).with(tx -> tx.setU32(SField.QUALITY_IN, carolAliceQIn * 10_000_000L)));
            env.apply(pay(alice, bob, usdA.of(10)));
            env.apply(pay(bob, carol, usdA.of(5)).sendmax(usdA.of(10)));
            env.require(balance(bob, usdA.of(carolAliceQIn == 80 ? "3.75" : "5")));
        }
        for (int bobAliceQOut : percents) {
            Env env = v1();
            env.fundRippling(stm(10_000), alice, bob, carol);
            env.apply(trust(bob, usdA.of(10)).with(tx -> tx.setU32(SField.QUALITY_OUT, bobAliceQOut * 10_000_000L)));
            env.apply(trust(carol, usdA.of(10)));
            env.apply(pay(alice, bob, usdA.of(10)));
            env.apply(pay(bob, carol, usdA.of(5)).sendmax(usdA.of(5)));
            env.require(balance(carol, usdA.of(5)), balance(bob, usdA.of(5)));
        }
    }

    @Test
    void aDryRecursionAfterLiquidityIsNotADryPath() {
        Env env = v1();
        env.closeAt(Views.FIX1141_TIME + 100L * CLOSE_RESOLUTION);
        env.fundRippling(stm(10_000), alice, carol, gw);
        env.fundRippling(drops(env.current().fees().accountReserve(5)), bob);
        env.trust(usd.of(1000), alice, bob, carol);
        env.trust(eur.of(1000), alice, bob, carol);
        env.apply(pay(gw, alice, eur.of(50)));
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(offer(bob, eur.of(50), stm(50)));
        env.apply(offer(bob, stm(50), usd.of(50)));
        env.apply(pay(alice, carol, usd.of(1_000_000)).paths(path(Issue.NATIVE, usd)).sendmax(eur.of(500))
                .flags(TxFlags.NO_RIPPLE_DIRECT | TxFlags.PARTIAL_PAYMENT));
        STAmount carolUsd = env.lineBalance(carol, usd.issue());
        assertTrue(carolUsd.signum() > 0 && carolUsd.compareTo(usd.of(50)) < 0, carolUsd.toString());
    }

    @Test
    void aPathThroughTheSameAccountTwiceIsALoop() {
        Env env = v1();
        env.fundRippling(stm(10_000), alice, bob, carol, dan);
        env.apply(trust(bob, usdA.of(10)));
        env.apply(trust(carol, usdB.of(10)));
        env.apply(trust(bob, usdC.of(10)));
        env.apply(trust(dan, usdB.of(10)));
        env.submit(pay(alice, dan, usdB.of(5)).paths(path(bob, carol, bob)).flags(TxFlags.NO_RIPPLE_DIRECT),
                ter(TER.temBAD_PATH_LOOP));
        env.apply(pay(alice, dan, usdB.of(5)).paths(path(bob)).flags(TxFlags.NO_RIPPLE_DIRECT));
        env.require(balance(bob, usdA.of(5)), balance(dan, usdB.of(5)));
    }

    @Test
    void withoutALineThePaymentHasNoPath() {
        Env env = v1();
        env.fundRippling(stm(10_000), alice, bob);
        env.submit(pay(alice, bob, usdA.of(5)), ter(TER.tecPATH_DRY));
    }
}
