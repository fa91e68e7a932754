package org.stoxum.engine.tx;

import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Jtx.path;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.rate;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;
import static org.stoxum.engine.tx.jtx.Jtx.trust;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

/**
 * rippled's {@code TrustAndBalance_test} payments, run as rippled runs them under each payment engine:
 * rippling directly, transfer fees, SendMax issuers, indirect and multi-path payments.
 */
class TrustAndBalanceTest {
    private final Account gw = Account.of("gateway");
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account carol = Account.of("carol");
    private final Account amazon = Account.of("amazon");

    private static IOU iou(Account a, String currency) {
        return IOU.of(a, currency);
    }

    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void directRipple(PaymentEngines engines) {
        Env env = engines.rippledEnv();
        env.fundRippling(stm(10_000), alice, bob);
        IOU usdA = iou(alice, "USD");
        IOU usdB = iou(bob, "USD");
        env.apply(trust(alice, usdB.of(600)));
        env.apply(trust(bob, usdA.of(700)));
        env.apply(pay(alice, bob, usdA.of(24)));
        env.require(balance(bob, usdA.of(24)));
        env.apply(pay(alice, bob, usdB.of(33)));
        env.require(balance(bob, usdA.of(57)));
        env.apply(pay(bob, alice, usdB.of(90)));
        env.require(balance(bob, usdA.of(-33)));
        env.apply(pay(alice, bob, usdB.of(733)));
        env.require(balance(bob, usdA.of(700)));
        env.apply(pay(bob, alice, usdB.of(1300)));
        env.require(balance(bob, usdA.of(-600)));
        env.submit(pay(bob, alice, usdB.of(1)), ter(TER.tecPATH_DRY));
        env.require(balance(bob, usdA.of(-600)));
    }

    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void transferFeeOnDirectPayments(PaymentEngines engines) {
        for (boolean withRate : new boolean[] {false, true}) {
            Env env = engines.rippledEnv();
            IOU aud = iou(gw, "AUD");
            env.fundRippling(stm(10_000), gw, alice, bob);
            env.trust(aud.of(100), alice, bob);
            env.apply(pay(gw, alice, iou(alice, "AUD").of(1)));
            env.require(balance(alice, aud.of(1)));
            env.apply(pay(alice, bob, aud.of(1)));
            env.require(balance(alice, aud.of(0)), balance(bob, aud.of(1)), balance(gw, iou(bob, "AUD").of(-1)));
            if (withRate) {
                env.apply(rate(gw, 1.1));
                env.apply(pay(bob, alice, aud.of("0.5")).sendmax(aud.of("0.55")));
            } else {
                env.apply(pay(bob, alice, aud.of("0.5")));
            }
            env.require(balance(alice, aud.of("0.5")), balance(bob, aud.of(withRate ? "0.45" : "0.5")),
                    balance(gw, iou(bob, "AUD").of(withRate ? "-0.45" : "-0.5")));
        }
    }

    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void paymentsWithPathsAndFees(PaymentEngines engines) {
        Env env = engines.rippledEnv();
        IOU aud = iou(gw, "AUD");
        env.fundRippling(stm(10_000), gw, alice, bob);
        env.apply(rate(gw, 1.1));
        env.trust(aud.of(100), alice, bob);
        env.apply(pay(gw, alice, iou(alice, "AUD").of("4.4")));
        env.require(balance(alice, aud.of("4.4")));
        env.apply(pay(alice, bob, aud.of(1)).sendmax(aud.of("1.1")));
        env.require(balance(alice, aud.of("3.3")), balance(bob, aud.of(1)));
        env.apply(pay(alice, bob, iou(bob, "AUD").of(1)).sendmax(aud.of("1.1")));
        env.require(balance(alice, aud.of("2.2")), balance(bob, aud.of(2)));
        env.apply(pay(alice, bob, aud.of(1)).sendmax(iou(alice, "AUD").of("1.1")));
        env.require(balance(alice, aud.of("1.1")), balance(bob, aud.of(3)));
        // the gateway is not involved: nothing can move
        env.submit(pay(alice, bob, iou(bob, "AUD").of(1)).sendmax(iou(alice, "AUD").of("1.1")),
                ter(TER.tecPATH_DRY));
        env.require(balance(alice, aud.of("1.1")), balance(bob, aud.of(3)));
    }

    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void indirectPayment(PaymentEngines engines) {
        Env env = engines.rippledEnv();
        IOU usd = iou(gw, "USD");
        env.fundRippling(stm(10_000), gw, alice, bob);
        env.apply(trust(alice, usd.of(600)));
        env.apply(trust(bob, usd.of(700)));
        env.apply(pay(gw, alice, iou(alice, "USD").of(70)));
        env.apply(pay(gw, bob, iou(bob, "USD").of(50)));
        env.submit(pay(alice, gw, usd.of(100)), ter(TER.tecPATH_PARTIAL));
        env.submit(pay(alice, bob, usd.of(100)), ter(TER.tecPATH_PARTIAL));
        env.require(balance(alice, usd.of(70)), balance(bob, usd.of(50)));
        env.apply(pay(alice, bob, usd.of(5)).paths(path(gw)));
        env.require(balance(alice, usd.of(65)), balance(bob, usd.of(55)));
    }

    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void indirectMultiPath(PaymentEngines engines) {
        for (boolean withRate : new boolean[] {false, true}) {
            Env env = engines.rippledEnv();
            IOU usd = iou(gw, "USD");
            IOU usdA = iou(alice, "USD");
            env.fundRippling(stm(10_000), gw, amazon, alice, bob, carol);
            env.apply(trust(amazon, usd.of(2000)));
            env.apply(trust(bob, usdA.of(600)));
            env.apply(trust(bob, usd.of(1000)));
            env.apply(trust(carol, usdA.of(700)));
            env.apply(trust(carol, usd.of(1000)));
            if (withRate) {
                env.apply(rate(gw, 1.1));
            }
            env.apply(pay(gw, bob, iou(bob, "USD").of(100)));
            env.apply(pay(gw, carol, iou(carol, "USD").of(100)));
            if (withRate) {
                env.apply(pay(alice, amazon, usd.of(150)).sendmax(usdA.of(200)).paths(path(bob), path(carol)));
                // 65.00000000000001: the limit of the precision
                env.require(balance(alice, STAmount.of(iou(carol, "USD").issue(), 6_500_000_000_000_001L, -14, true)),
                        balance(carol, usd.of(35)));
            } else {
                env.apply(pay(alice, amazon, usd.of(150)).paths(path(bob), path(carol)));
                env.require(balance(alice, iou(carol, "USD").of(-50)), balance(carol, usd.of(50)));
            }
            env.require(balance(alice, iou(bob, "USD").of(-100)), balance(amazon, usd.of(150)),
                    balance(bob, usd.of(0)));
        }
    }
}
