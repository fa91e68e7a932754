package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.hasOffer;
import static org.stoxum.engine.tx.jtx.Conditions.noOffer;
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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STPathElement;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;
import org.stoxum.engine.tx.paths.RippleCalc;

/**
 * The payment engine as rippled's {@code Flow_test} drives it: rippling through accounts with qualities
 * and transfer fees, books, unfunded offer removal, limit quality. Expected balances are rippled's.
 */
class FlowTest {
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account carol = Account.of("carol");
    private final Account dan = Account.of("dan");
    private final Account erin = Account.of("erin");
    private final Account gw = Account.of("gateway");
    private final IOU usdA = IOU.of(alice, "USD");
    private final IOU usdB = IOU.of(bob, "USD");
    private final IOU usdC = IOU.of(carol, "USD");
    private final IOU usdD = IOU.of(dan, "USD");
    private final IOU usd = IOU.of(gw, "USD");
    private final IOU btc = IOU.of(gw, "BTC");
    private final IOU eur = IOU.of(gw, "EUR");
    private static final Issue STM = Issue.NATIVE;

    private static STAmount stmMinusFee(Env env, long units) {
        return drops(units * 1_000_000L - env.baseFee());
    }

    @Test
    void directStepTrivialPathAndPartialPayment() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, gw);
        env.trust(usd.of(1000), alice, bob);
        env.apply(pay(gw, alice, usd.of(100)));
        env.apply(pay(alice, bob, usd.of(10)));
        env.require(balance(bob, usd.of(10)));

        env.submit(pay(alice, bob, usd.of(110)), ter(TER.tecPATH_PARTIAL));
        env.require(balance(bob, usd.of(10)));
        env.apply(pay(alice, bob, usd.of(110)).flags(TxFlags.PARTIAL_PAYMENT));
        env.require(balance(bob, usd.of(100)), balance(alice, usd.of(0)));
    }

    @Test
    void ripplesThroughAccountsAlongAGivenPath() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, carol, dan);
        env.trust(usdA.of(10), bob);
        env.trust(usdB.of(10), carol);
        env.trust(usdC.of(10), dan);
        env.apply(pay(alice, dan, usdC.of(10)).paths(path(bob, carol)));
        env.require(balance(bob, usdA.of(10)), balance(carol, usdB.of(10)), balance(dan, usdC.of(10)));
    }

    @Test
    void redeemingThenIssuingPaysTheTransferFee() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, carol, dan);
        env.trust(usdA.of(10), bob);
        env.trust(usdB.of(10), alice, carol);
        env.trust(usdC.of(10), dan);
        env.apply(rate(bob, 1.1));
        // alice redeems to bob: bob's fee is charged
        env.apply(pay(bob, alice, usdB.of(6)));
        env.apply(pay(alice, dan, usdC.of(5)).paths(path(bob, carol)).sendmax(usdA.of(6))
                .flags(TxFlags.NO_RIPPLE_DIRECT));
        env.require(balance(dan, usdC.of(5)), balance(alice, usdB.of("0.5")));
    }

    @Test
    void issuingPaysNoTransferFee() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, carol, dan);
        env.trust(usdA.of(10), bob);
        env.trust(usdB.of(10), alice, carol);
        env.trust(usdC.of(10), dan);
        env.apply(rate(bob, 1.1));
        env.apply(pay(alice, dan, usdC.of(5)).paths(path(bob, carol)).sendmax(usdA.of(6))
                .flags(TxFlags.NO_RIPPLE_DIRECT));
        env.require(balance(dan, usdC.of(5)), balance(bob, usdA.of(5)));
    }

    @Test
    void theBestQualityPathIsTakenFirst() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, carol, dan, erin);
        env.trust(usdA.of(10), bob, carol);
        env.trust(usdB.of(10), dan);
        env.trust(usdC.of(10), alice, dan);
        env.trust(usdD.of(20), erin);
        env.apply(rate(bob, 1));
        env.apply(rate(carol, 1.1));
        // alice redeems to carol: carol's fee is charged
        env.apply(pay(carol, alice, usdC.of(10)));
        env.apply(pay(alice, erin, usdD.of(5)).paths(path(carol, dan), path(bob, dan))
                .flags(TxFlags.NO_RIPPLE_DIRECT));
        env.require(balance(erin, usdD.of(5)), balance(dan, usdB.of(5)), balance(dan, usdC.of(0)));
    }

    @Test
    void limitQualityRejectsAWorseStrand() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, carol);
        env.trust(usdA.of(10), bob);
        env.trust(usdB.of(10), carol);
        env.submit(pay(alice, carol, usdB.of(5)).sendmax(usdA.of(4))
                .flags(TxFlags.LIMIT_QUALITY | TxFlags.PARTIAL_PAYMENT), ter(TER.tecPATH_DRY));
        env.require(balance(carol, usdB.of(0)));
        env.apply(pay(alice, carol, usdB.of(5)).sendmax(usdA.of(4)).flags(TxFlags.PARTIAL_PAYMENT));
        env.require(balance(carol, usdB.of(4)));
    }

    @Test
    void lineQualitiesScaleWhatMoves() {
        int[] percents = {80, 100, 120};
        for (int bobDanQIn : percents) {
            for (int bobAliceQOut : percents) {
                Env env = Env.atTimeZero();
                env.fundRippling(stm(10_000), alice, bob, carol, dan);
                env.apply(trust(bob, usdD.of(100)).with(tx -> tx.setU32(SField.QUALITY_IN, bobDanQIn * 10_000_000L)));
                env.apply(trust(bob, usdA.of(100))
                        .with(tx -> tx.setU32(SField.QUALITY_OUT, bobAliceQOut * 10_000_000L)));
                env.apply(trust(carol, usdA.of(100)));
                env.apply(pay(alice, bob, usdA.of(100)));
                env.require(balance(bob, usdA.of(100)));
                env.apply(pay(dan, carol, usdA.of(10)).paths(path(bob)).sendmax(usdD.of(100))
                        .flags(TxFlags.NO_RIPPLE_DIRECT));
                env.require(balance(bob, usdA.of(90)), balance(carol, usdA.of(10)));
                String expected = bobAliceQOut > bobDanQIn
                        ? new BigDecimal(10 * bobAliceQOut).divide(new BigDecimal(bobDanQIn))
                        .toPlainString() : "10";
                env.require(balance(bob, usdD.of(expected)));
            }
        }
        for (int carolAliceQIn : percents) {
            Env env = Env.atTimeZero();
            env.fundRippling(stm(10_000), alice, bob, carol);
            env.apply(trust(bob, usdA.of(10)));
            env.apply(trust(carol, usdA.of(10)).with(tx -> tx.setU32(SField.QUALITY_IN, carolAliceQIn * 10_000_000L)));
            env.apply(pay(alice, bob, usdA.of(10)));
            env.apply(pay(bob, carol, usdA.of(5)).sendmax(usdA.of(10)));
            // the destination's QualityIn above one is not applied on the last step
            String left = carolAliceQIn == 80 ? "3.75" : "5";
            env.require(balance(bob, usdA.of(left)));
        }
        for (int bobAliceQOut : percents) {
            Env env = Env.atTimeZero();
            env.fundRippling(stm(10_000), alice, bob, carol);
            env.apply(trust(bob, usdA.of(10)).with(tx -> tx.setU32(SField.QUALITY_OUT, bobAliceQOut * 10_000_000L)));
            env.apply(trust(carol, usdA.of(10)));
            env.apply(pay(alice, bob, usdA.of(10)));
            env.apply(pay(bob, carol, usdA.of(5)).sendmax(usdA.of(5)));
            env.require(balance(carol, usdA.of(5)), balance(bob, usdA.of(5)));
        }
    }

    private Env bookEnv() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, carol, gw);
        env.trust(usd.of(1000), alice, bob, carol);
        env.trust(btc.of(1000), alice, bob, carol);
        return env;
    }

    @Test
    void crossesAnIssuedToIssuedOffer() {
        Env env = bookEnv();
        env.apply(pay(gw, alice, btc.of(50)));
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(offer(bob, btc.of(50), usd.of(50)));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(usd)).sendmax(btc.of(50)));
        env.require(balance(alice, btc.of(0)), balance(bob, btc.of(50)), balance(bob, usd.of(0)),
                balance(carol, usd.of(50)), offers(bob, 0));
    }

    @Test
    void crossesTwoBooksThroughTheNativeCurrency() {
        Env env = bookEnv();
        env.apply(pay(gw, alice, btc.of(50)));
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(offer(bob, btc.of(50), stm(50)));
        env.apply(offer(bob, stm(50), usd.of(50)));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(STM, usd)).sendmax(btc.of(50)));
        env.require(balance(alice, btc.of(0)), balance(bob, btc.of(50)), balance(bob, usd.of(0)),
                balance(carol, usd.of(50)), offers(bob, 0));
    }

    @Test
    void nativeToIssuedAndBackThroughOffers() {
        Env env = bookEnv();
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(offer(bob, stm(50), usd.of(50)));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(usd)).sendmax(stm(50)));
        env.require(balance(alice, stmMinusFee(env, 10_000 - 50)), balance(bob, stmMinusFee(env, 10_000 + 50)),
                balance(bob, usd.of(0)), balance(carol, usd.of(50)), offers(bob, 0));

        Env back = bookEnv();
        back.apply(pay(gw, alice, usd.of(50)));
        back.apply(offer(bob, usd.of(50), stm(50)));
        back.apply(pay(alice, carol, stm(50)).paths(path(STM)).sendmax(usd.of(50)));
        back.require(balance(alice, usd.of(0)), balance(bob, stmMinusFee(back, 10_000 - 50)),
                balance(bob, usd.of(50)), balance(carol, stm(10_000 + 50)), offers(bob, 0));
    }

    @Test
    void unfundedOffersFoundOnTheWayAreRemovedWhenThePaymentSucceeds() {
        Env env = bookEnv();
        env.trust(eur.of(1000), alice, bob, carol);
        env.apply(pay(gw, alice, btc.of(60)));
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(pay(gw, bob, eur.of(50)));
        env.apply(offer(bob, btc.of(50), usd.of(50)));
        env.apply(offer(bob, btc.of(60), eur.of(50)));
        env.apply(offer(bob, eur.of(50), usd.of(50)));
        env.apply(pay(bob, gw, eur.of(50)));
        env.require(offers(bob, 3));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(usd), path(eur, usd)).sendmax(btc.of(60)));
        env.require(balance(alice, btc.of(10)), balance(bob, btc.of(50)), balance(bob, usd.of(0)),
                balance(bob, eur.of(0)), balance(carol, usd.of(50)));
        // the first was used, the second found unfunded; the third not yet found so
        env.require(offers(bob, 1), hasOffer(bob, eur.of(50), usd.of(50)));
    }

    @Test
    void forwardPassNeverGivesMoreThanTheReversePass() {
        Env env = Env.atTimeZero();
        env.closeAt(CalcSwitchover.SECOND_TIME + 100 * 30);
        env.fundRippling(stm(10_000), alice, bob, carol, gw);
        env.trust(usd.of(1000), alice, bob, carol);
        env.trust(eur.of(1000), alice, bob, carol);
        env.apply(pay(gw, alice, usd.of(1000)));
        env.apply(pay(gw, bob, eur.of(1000)));
        env.apply(offer(bob, usd.of(1), drops(2)).flags(TxFlags.PASSIVE));
        env.apply(offer(bob, drops(1), eur.of(1000)).flags(TxFlags.PASSIVE));
        env.apply(pay(alice, carol, eur.of(1)).paths(path(STM, eur)).sendmax(usd.of("0.4"))
                .flags(TxFlags.NO_RIPPLE_DIRECT | TxFlags.PARTIAL_PAYMENT));
        env.require(balance(carol, eur.of(1)), balance(bob, usd.of("0.4")), balance(bob, eur.of(999)));
    }

    /** rippled runs its transfer-rate cases with OwnerPaysFee (which stoxumd never enables) switched on. */
    private static Env ownerPaysFee() {
        return Env.atTimeZero(Set.of(Amendments.OWNER_PAYS_FEE), Set.of());
    }

    private Env rateEnv() {
        Env env = ownerPaysFee();
        env.fundRippling(stm(10_000), alice, bob, carol, gw);
        env.apply(rate(gw, 1.25));
        env.trust(usd.of(1000), alice, bob, carol);
        return env;
    }

    @Test
    void transferRateOnAPaymentThroughTheGateway() {
        Env env = rateEnv();
        env.apply(pay(gw, alice, usd.of(50)));
        env.apply(pay(alice, bob, usd.of(40)).sendmax(usd.of(50)));
        env.require(balance(bob, usd.of(40)), balance(alice, usd.of(0)));

        Env toIssuer = rateEnv();
        toIssuer.apply(pay(gw, alice, usd.of(50)));
        toIssuer.apply(pay(alice, gw, usd.of(40)).sendmax(usd.of(40)));
        toIssuer.require(balance(alice, usd.of(10)));
    }

    @Test
    void transferRateOnOffers() {
        Env env = rateEnv();
        env.apply(pay(gw, bob, usd.of(65)));
        env.apply(offer(bob, stm(50), usd.of(50)));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(usd)).sendmax(stm(50)));
        // the offer owner pays the fee
        env.require(balance(alice, stmMinusFee(env, 10_000 - 50)), balance(bob, usd.of("2.5")),
                balance(carol, usd.of(50)));

        Env two = rateEnv();
        two.trust(eur.of(1000), alice, bob, carol);
        two.apply(pay(gw, bob, usd.of(50)));
        two.apply(pay(gw, bob, eur.of(50)));
        two.apply(offer(bob, stm(50), usd.of(50)));
        two.apply(offer(bob, usd.of(50), eur.of(50)));
        two.apply(pay(alice, carol, eur.of(40)).paths(path(usd, eur)).sendmax(stm(40)));
        two.require(balance(alice, stmMinusFee(two, 10_000 - 40)), balance(bob, usd.of(40)),
                balance(bob, eur.of(0)), balance(carol, eur.of(40)));
    }

    @Test
    void aStrandThatRedeemsThenIssuesPaysTheFeeOnlyOnTheIssuedPart() {
        Env env = rateEnv();
        env.trust(usdA.of(1000), bob);
        env.trust(usdB.of(1000), gw);
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(bob)).sendmax(usdA.of(60)));
        env.require(balance(bob, usd.of(-10)), balance(bob, usdA.of(60)), balance(carol, usd.of(50)));

        Env offered = ownerPaysFee();
        offered.fundRippling(stm(10_000), alice, bob, carol, dan, gw);
        offered.apply(rate(gw, 1.25));
        offered.trust(usd.of(1000), alice, bob, carol, dan);
        offered.trust(eur.of(1000), carol, dan);
        offered.trust(usdA.of(1000), bob);
        offered.trust(usdB.of(1000), gw);
        offered.apply(pay(gw, bob, usd.of(50)));
        offered.apply(pay(gw, dan, eur.of(100)));
        offered.apply(offer(dan, usd.of(100), eur.of(100)));
        offered.apply(pay(alice, carol, eur.of(50)).paths(path(bob, gw, eur)).sendmax(usdA.of(60))
                .flags(TxFlags.NO_RIPPLE_DIRECT));
        offered.require(balance(bob, usd.of(-10)), balance(bob, usdA.of(60)), balance(dan, usd.of(50)),
                balance(dan, eur.of("37.5")), balance(carol, eur.of(50)));
    }

    @Test
    void anIssuerSellingItsOwnCurrencyByOffer() {
        Env env = ownerPaysFee();
        env.fundRippling(stm(10_000), alice, bob, gw);
        env.apply(rate(gw, 1.25));
        env.trust(usd.of(1000), alice, bob);
        env.apply(offer(gw, stm(100), usd.of(100)));
        env.apply(pay(alice, bob, usd.of(100)).sendmax(stm(100)));
        env.require(balance(alice, stmMinusFee(env, 10_000 - 100)), balance(bob, usd.of(100)));

        Env senderPays = Env.atTimeZero();
        senderPays.fundRippling(stm(10_000), alice, bob, gw);
        senderPays.apply(rate(gw, 1.25));
        senderPays.trust(usd.of(1000), alice, bob);
        senderPays.apply(offer(gw, stm(125), usd.of(125)));
        senderPays.apply(pay(alice, bob, usd.of(100)).sendmax(stm(200)));
        senderPays.require(balance(alice, stmMinusFee(senderPays, 10_000 - 125)), balance(bob, usd.of(100)));
    }

    @Test
    void selfPaymentsThroughOwnOffer() {
        Account gw1 = Account.of("gw1");
        Account gw2 = Account.of("gw2");
        IOU usd1 = IOU.of(gw1, "USD");
        IOU eur2 = IOU.of(gw2, "EUR");
        for (int variant = 0; variant < 2; variant++) {
            Env env = Env.atTimeZero();
            env.closeAt(Views.FIX1141_TIME + 100 * 30);
            env.fundRippling(stm(1_000_000), gw1, gw2);
            env.close();
            long f = env.baseFee();
            env.fundRippling(drops(env.current().fees().accountReserve(3) + f * 4), alice);
            env.close();
            boolean first = variant == 0;
            env.apply(trust(alice, usd1.of(first ? 2000 : 506)));
            env.apply(trust(alice, eur2.of(first ? 2000 : 606)));
            env.close();
            env.apply(pay(gw1, alice, usd1.of(first ? 1 : 500)));
            env.apply(pay(gw2, alice, eur2.of(first ? 1000 : 600)));
            env.close();
            env.apply(offer(alice, usd1.of(500), eur2.of(600)));
            env.close();
            if (first) {
                env.apply(pay(alice, alice, eur2.of(600)).sendmax(usd1.of(500)).flags(TxFlags.PARTIAL_PAYMENT));
            } else {
                env.apply(pay(alice, alice, eur2.of(60)).sendmax(usd1.of(50)).flags(TxFlags.PARTIAL_PAYMENT));
            }
            env.close();
            assertEquals(3, env.ownerCount(alice));
            env.require(balance(alice, usd1.of(first ? 1 : 500)), balance(alice, eur2.of(first ? 1000 : 600)),
                    offers(alice, 1));
            env.require(first ? hasOffer(alice, usd1.of(499), eur2.of("598.8"))
                    : hasOffer(alice, usd1.of(495), eur2.of(594)));
        }
    }

    @Test
    void aNativeSourceCannotSpendWhatItsOwnOfferReceives() {
        for (boolean consumeOffer : new boolean[] {true, false}) {
            Env env = Env.atTimeZero();
            env.closeAt(Views.FIX1141_TIME + 30);
            Account gwx = Account.of("gw");
            IOU usdx = IOU.of(gwx, "USD");
            env.fundRippling(stm(10_000), alice, gwx);
            env.apply(trust(alice, usdx.of(20)));
            env.apply(pay(gwx, alice, usdx.of(10)));
            env.apply(offer(alice, stm(50_000), usdx.of(10)));
            STAmount toSend = consumeOffer ? usdx.of(10) : usdx.of(9);
            Env.Submitted s = env.submit(pay(alice, alice, toSend).paths(path(usdx)).sendmax(stm(20_000))
                    .flags(TxFlags.PARTIAL_PAYMENT | TxFlags.NO_RIPPLE_DIRECT));
            assertTrue(s.ter() == TER.tesSUCCESS, s.ter().token());
        }
    }

    @Test
    void payingYourselfTheSameCurrencyWithoutPathsIsRedundant() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, gw);
        env.trust(usd.of(100), alice);
        env.submit(pay(alice, alice, usd.of(10)), ter(TER.temREDUNDANT));
        assertEquals(Currency.fromJson("USD", env.profile()), usd.currency());
    }

    @Test
    void offersLeftEmptyByRoundingAreConsumedWithFix1298() {
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        STAmount tinyAmt1 = STAmount.of(usdx.issue(), 9_000_000_000_000_000L, -17, false);
        STAmount tinyAmt3 = STAmount.of(usdx.issue(), 9_000_000_000_000_003L, -17, false);
        for (boolean withFix : new boolean[] {true, false}) {
            long closeTime = Views.FIX1298_TIME + (withFix ? 3000 : -3000);
            // reverse: the offer's output is what limits
            Env env = Env.atTimeZero();
            env.closeAt(closeTime);
            env.fundRippling(stm(100_000), alice, bob, gwx);
            env.apply(trust(bob, usdx.of(20)));
            env.apply(offer(gwx, drops(9_000_000_000L), tinyAmt3));
            env.apply(pay(alice, bob, tinyAmt1).paths(path(usdx)).sendmax(drops(9_000_000_000L))
                    .flags(TxFlags.NO_RIPPLE_DIRECT));
            env.require(withFix ? noOffer(gwx, stm(0), usdx.of(0)) : hasOffer(gwx, stm(0), usdx.of(0)));

            // forward: the offer's input is what limits
            Env fwd = Env.atTimeZero();
            fwd.closeAt(closeTime);
            fwd.fundRippling(stm(100_000), alice, bob, gwx);
            fwd.apply(trust(alice, usdx.of(20)));
            fwd.apply(pay(gwx, alice, tinyAmt1));
            fwd.apply(offer(gwx, tinyAmt3, drops(9_000_000_000L)));
            fwd.apply(pay(alice, bob, drops(9_000_000_000L)).paths(path(STM)).sendmax(usdx.of(1))
                    .flags(TxFlags.NO_RIPPLE_DIRECT));
            fwd.require(withFix ? noOffer(gwx, usdx.of(0), stm(0)) : hasOffer(gwx, usdx.of(0), stm(0)));
        }
    }

    @Test
    void reexecutingADirectStepKeepsTheReversePassCache() {
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        Issue u = usdx.issue();
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, gwx);
        env.closeAt(Views.FIX1274_TIME + 100 * 30);
        env.apply(trust(alice, usdx.of(100)));
        env.close();
        env.apply(pay(gwx, alice, STAmount.of(u, 1_255_555_555_555_555L, -14, false)));
        env.apply(offer(gwx, STAmount.of(u, 5_000_000_000_000_000L, -15, false), stm(1000)));
        env.apply(offer(gwx, STAmount.of(u, 5_555_555_555_555_555L, -16, false), stm(10)));
        env.apply(offer(gwx, STAmount.of(u, 4_444_444_444_444_444L, -15, false), drops(100_000)));
        env.apply(offer(alice, STAmount.of(u, 1_700_000_000_000_000L, -14, false), drops(1000)));
        env.apply(pay(alice, bob, stm(10_000)).paths(path(STM)).sendmax(usdx.of(100))
                .flags(TxFlags.PARTIAL_PAYMENT | TxFlags.NO_RIPPLE_DIRECT));
    }

    @Test
    void noRippleIntoABookAfterFix1443() {
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        IOU bobUsd = IOU.of(bob, "USD");
        for (boolean withFix : new boolean[] {true, false}) {
            Env env = Env.atTimeZero();
            env.closeAt(Views.FIX1443_TIME + (withFix ? 3000 : -3000));
            env.fundRippling(stm(10_000_000), alice, carol, gwx);
            env.fund(stm(10_000_000), bob);
            // closed first: the ledger's canonical order must not put a trust line before DefaultRipple
            env.close();
            env.trust(usdx.of(10_000), alice, carol);
            env.apply(trust(bob, usdx.of(10_000)).flags(TxFlags.SET_NO_RIPPLE));
            env.trust(usdx.of(10_000), bob);
            env.close();
            env.apply(pay(gwx, alice, usdx.of(1000)));
            env.close();
            env.apply(offer(alice, bobUsd.of(1000), stm(1)));
            env.close();
            env.submit(pay(alice, alice, stm(1)).paths(path(gwx, bob, STM)).sendmax(usdx.of(1000))
                    .flags(TxFlags.NO_RIPPLE_DIRECT), ter(withFix ? TER.tecPATH_DRY : TER.tesSUCCESS));
            env.close();
            if (withFix) {
                env.trust(bobUsd.of(10_000), alice);
                env.apply(pay(bob, alice, bobUsd.of(1000)));
            }
            env.apply(offer(alice, stm(1000), bobUsd.of(1000)));
            env.close();
            env.submit(pay(carol, carol, usdx.of(1000)).paths(path(bobUsd, gwx)).sendmax(stm(100_000))
                    .flags(TxFlags.NO_RIPPLE_DIRECT), ter(withFix ? TER.tecPATH_DRY : TER.tesSUCCESS));
        }
    }

    @Test
    void noRippleOutOfABookAfterFix1449() {
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        IOU bobUsd = IOU.of(bob, "USD");
        for (boolean withFix : new boolean[] {true, false}) {
            Env env = Env.atTimeZero();
            env.closeAt(Views.FIX1449_TIME + (withFix ? 3000 : -3000));
            env.fundRippling(stm(10_000_000), alice, bob, carol, gwx);
            env.close();
            env.trust(usdx.of(10_000), alice, carol);
            env.apply(trust(bob, usdx.of(10_000)).flags(TxFlags.SET_NO_RIPPLE));
            env.trust(usdx.of(10_000), bob);
            env.trust(bobUsd.of(10_000), carol);
            env.close();
            env.apply(pay(bob, carol, bobUsd.of(1000)));
            env.apply(pay(gwx, bob, usdx.of(1000)));
            env.close();
            env.apply(offer(carol, stm(1), bobUsd.of(1000)));
            env.close();
            env.submit(pay(alice, alice, usdx.of(1000)).paths(path(bobUsd, bob, gwx)).sendmax(stm(1))
                    .flags(TxFlags.NO_RIPPLE_DIRECT), ter(withFix ? TER.tecPATH_DRY : TER.tesSUCCESS));
        }
    }

    @Test
    void selfCrossingALowQualityOfferForMoreThanIsHeld() {
        Account ann = Account.of("ann");
        IOU ctb = IOU.of(gw, "CTB");
        Env env = Env.atTimeZero();
        long fee = env.baseFee();
        env.fundRippling(drops(env.current().fees().accountReserve(2) + 9_999_640 + fee), ann);
        env.fundRippling(drops(env.current().fees().accountReserve(2) + fee * 4), gw);
        env.close();
        env.apply(rate(gw, 1.002));
        env.apply(trust(ann, ctb.of(10)));
        env.close();
        env.apply(pay(gw, ann, ctb.of("2.856")));
        env.close();
        env.apply(offer(ann, drops(365_611_702_030L), ctb.of("5.713")));
        env.close();
        env.apply(pay(ann, ann, ctb.of("0.687")).sendmax(drops(20_000_000_000L)).flags(TxFlags.PARTIAL_PAYMENT));
    }

    @Test
    void aPathIntoTheSourcesOwnIssueIsMalformed() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), alice);
        env.submit(pay(alice, alice, usdA.of(100)).paths(path(usdA)), ter(TER.temBAD_PATH));
    }

    /** rippled's {@code DeliverMin_test}, run as it is: without Flow, Flow without fix1373, everything. */
    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void deliverMinConvertsAllOfAnAsset(PaymentEngines engines) {
        Account gwx = Account.of("gateway");
        IOU usdx = IOU.of(gwx, "USD");
        Env env = engines.rippledEnv();
        env.fundRippling(stm(10_000), alice, bob, carol, gwx);
        env.trust(usdx.of(100), alice, bob, carol);
        env.submit(pay(alice, bob, usdx.of(10)).deliverMin(usdx.of(10)), ter(TER.temBAD_AMOUNT));
        env.submit(pay(alice, bob, usdx.of(10)).deliverMin(usdx.of(-5)).flags(TxFlags.PARTIAL_PAYMENT),
                ter(TER.temBAD_AMOUNT));
        env.submit(pay(alice, bob, usdx.of(10)).deliverMin(stm(5)).flags(TxFlags.PARTIAL_PAYMENT),
                ter(TER.temBAD_AMOUNT));
        env.submit(pay(alice, bob, usdx.of(10)).deliverMin(usdC.of(5)).flags(TxFlags.PARTIAL_PAYMENT),
                ter(TER.temBAD_AMOUNT));
        env.submit(pay(alice, bob, usdx.of(10)).deliverMin(usdx.of(15)).flags(TxFlags.PARTIAL_PAYMENT),
                ter(TER.temBAD_AMOUNT));
        env.apply(pay(gwx, carol, usdx.of(50)));
        env.apply(offer(carol, stm(5), usdx.of(5)));
        env.submit(pay(alice, bob, usdx.of(10)).deliverMin(usdx.of(7)).flags(TxFlags.PARTIAL_PAYMENT)
                .sendmax(stm(5)), ter(TER.tecPATH_PARTIAL));
        env.require(balance(alice, drops(9_999_999_990L)), balance(bob, stm(10_000)));

        Env all = engines.rippledEnv();
        all.fundRippling(stm(10_000), alice, bob, gwx);
        all.trust(usdx.of(1000), alice, bob);
        all.apply(pay(gwx, bob, usdx.of(100)));
        all.apply(offer(bob, stm(100), usdx.of(100)));
        Env.Submitted s = all.apply(pay(alice, alice, usdx.of(10_000)).deliverMin(usdx.of(100))
                .flags(TxFlags.PARTIAL_PAYMENT).sendmax(stm(100)));
        all.require(balance(alice, usdx.of(100)));
        // the delivered amount is recorded in the metadata
        STAmount delivered = all.meta(s).getAmount(SField.DELIVERED_AMOUNT);
        assertTrue(delivered.valueEquals(usdx.of(100)));

        Env three = engines.rippledEnv();
        three.fundRippling(stm(10_000), alice, bob, carol, gwx);
        three.trust(usdx.of(1000), bob, carol);
        three.apply(pay(gwx, bob, usdx.of(200)));
        three.apply(offer(bob, stm(100), usdx.of(100)));
        three.apply(offer(bob, stm(1000), usdx.of(100)));
        three.apply(offer(bob, stm(10_000), usdx.of(100)));
        three.submit(pay(alice, carol, usdx.of(10_000)).deliverMin(usdx.of(200)).flags(TxFlags.PARTIAL_PAYMENT)
                .sendmax(stm(1000)), ter(TER.tecPATH_PARTIAL));
        three.apply(pay(alice, carol, usdx.of(10_000)).deliverMin(usdx.of(200)).flags(TxFlags.PARTIAL_PAYMENT)
                .sendmax(stm(1100)));
        three.require(balance(bob, usdx.of(0)), balance(carol, usdx.of(200)));

        Env two = engines.rippledEnv();
        two.fundRippling(stm(10_000), alice, bob, carol, dan, gwx);
        two.trust(usdx.of(1000), bob, carol, dan);
        two.apply(pay(gwx, bob, usdx.of(100)));
        two.apply(pay(gwx, dan, usdx.of(100)));
        two.apply(offer(bob, stm(100), usdx.of(100)));
        two.apply(offer(bob, stm(1000), usdx.of(100)));
        two.apply(offer(dan, stm(100), usdx.of(100)));
        two.apply(pay(alice, carol, usdx.of(10_000)).deliverMin(usdx.of(200)).flags(TxFlags.PARTIAL_PAYMENT)
                .sendmax(stm(200)));
        two.require(balance(bob, usdx.of(0)), balance(carol, usdx.of(200)), balance(dan, usdx.of(0)));
    }

    @Test
    void malformedPathsAndLoopsAreRejected() {
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        IOU eurx = IOU.of(gwx, "EUR");
        IOU cnyx = IOU.of(gwx, "CNY");
        // an element naming an account with a currency is malformed
        Env env = Env.rippled();
        env.fundRippling(stm(10_000), alice, bob, gwx);
        env.trust(usdx.of(1000), alice, bob);
        env.trust(eurx.of(1000), alice, bob);
        env.trust(usdB.of(1000), alice, gwx);
        env.trust(IOU.of(bob, "EUR").of(1000), alice, gwx);
        env.apply(offer(bob, stm(100), usdB.of(100)).flags(TxFlags.PASSIVE));
        env.apply(offer(gwx, stm(100), usdx.of(100)).flags(TxFlags.PASSIVE));
        env.apply(offer(bob, usdB.of(100), IOU.of(bob, "EUR").of(100)).flags(TxFlags.PASSIVE));
        env.apply(offer(gwx, usdx.of(100), eurx.of(100)).flags(TxFlags.PASSIVE));
        List<STPathElement> p = List.of(
                STPathElement.of(gwx.id(), usdB.currency(), bob.id()),
                STPathElement.of(null, eurx.currency(), null));
        env.submit(pay(alice, alice, eurx.of(1)).paths(p).sendmax(stm(10))
                .flags(TxFlags.NO_RIPPLE_DIRECT | TxFlags.PARTIAL_PAYMENT), ter(TER.temBAD_PATH));

        Env nat = Env.rippled();
        nat.fundRippling(stm(10_000), alice, bob, carol, gwx);
        nat.trust(usdx.of(10_000), alice, bob, carol);
        nat.apply(pay(gwx, bob, usdx.of(100)));
        nat.apply(pay(gwx, alice, usdx.of(100)));
        nat.apply(offer(bob, stm(100), usdx.of(100)).flags(TxFlags.PASSIVE));
        nat.apply(offer(bob, usdx.of(100), stm(100)).flags(TxFlags.PASSIVE));
        nat.submit(pay(alice, carol, stm(100)).paths(path(usdx, STM)).flags(TxFlags.NO_RIPPLE_DIRECT),
                ter(TER.temBAD_SEND_XRP_PATHS));
        nat.submit(pay(alice, carol, stm(100)).paths(path(usdx, STM)).sendmax(stm(200))
                .flags(TxFlags.NO_RIPPLE_DIRECT), ter(TER.temBAD_SEND_XRP_MAX));
        // USD -> native -> USD visits the same issue twice
        nat.submit(pay(alice, carol, usdx.of(100)).sendmax(usdx.of(100)).paths(path(STM, usdx))
                .flags(TxFlags.NO_RIPPLE_DIRECT), ter(TER.temBAD_PATH_LOOP));

        Env books = Env.rippled();
        books.fundRippling(stm(10_000), alice, bob, carol, gwx);
        books.trust(usdx.of(10_000), alice, bob, carol);
        books.trust(eurx.of(10_000), alice, bob, carol);
        books.trust(cnyx.of(10_000), alice, bob, carol);
        books.apply(pay(gwx, bob, usdx.of(100)));
        books.apply(pay(gwx, bob, eurx.of(100)));
        books.apply(pay(gwx, bob, cnyx.of(100)));
        books.apply(offer(bob, stm(100), usdx.of(100)).flags(TxFlags.PASSIVE));
        books.apply(offer(bob, usdx.of(100), eurx.of(100)).flags(TxFlags.PASSIVE));
        books.apply(offer(bob, eurx.of(100), cnyx.of(100)).flags(TxFlags.PASSIVE));
        books.submit(pay(alice, carol, cnyx.of(100)).sendmax(stm(100)).paths(path(usdx, eurx, usdx, cnyx))
                .flags(TxFlags.NO_RIPPLE_DIRECT), ter(TER.temBAD_PATH_LOOP));
    }

    @Test
    void theNoAccountIsNeverAnEndOfAStrand() {
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        Env env = Env.rippled();
        env.fundRippling(stm(10_000), alice, bob, gwx);
        STAmount sendMax = usdx.of(1000);
        STAmount noAccountAmount = STAmount.of(new Issue(usdx.currency(), AccountId.ONE),
                100, 1, false);
        STAmount deliver = STAmount.ofDrops(0);
        AccountId one = AccountId.ONE;
        RippleCalc.Input in = new RippleCalc.Input(false, true,
                false);
        PaymentSandbox sb = new PaymentSandbox(env.current(),
                ApplyFlags.NONE);
        STPathSet none = STPathSet.EMPTY;
        assertEquals(TER.temBAD_PATH, RippleCalc.rippleCalculate(sb, sendMax, deliver,
                bob.id(), one, none, in).ter());
        assertEquals(TER.temBAD_PATH, RippleCalc.rippleCalculate(sb, sendMax, deliver,
                one, alice.id(), none, in).ter());
        assertEquals(TER.temBAD_PATH, RippleCalc.rippleCalculate(sb, noAccountAmount,
                deliver, bob.id(), alice.id(), none, in).ter());
        assertEquals(TER.temBAD_PATH, RippleCalc.rippleCalculate(sb, sendMax,
                noAccountAmount, bob.id(), alice.id(), none, in).ter());
    }
}
