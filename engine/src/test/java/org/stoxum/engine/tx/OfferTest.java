package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.hasOffer;
import static org.stoxum.engine.tx.jtx.Conditions.lines;
import static org.stoxum.engine.tx.jtx.Conditions.noLine;
import static org.stoxum.engine.tx.jtx.Conditions.noOffer;
import static org.stoxum.engine.tx.jtx.Conditions.offers;
import static org.stoxum.engine.tx.jtx.Conditions.owners;
import static org.stoxum.engine.tx.jtx.Jtx.drops;
import static org.stoxum.engine.tx.jtx.Jtx.fset;
import static org.stoxum.engine.tx.jtx.Jtx.noop;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.offerCancel;
import static org.stoxum.engine.tx.jtx.Jtx.path;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.rate;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;
import static org.stoxum.engine.tx.jtx.Jtx.trust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

/**
 * OfferCreate and OfferCancel as rippled's {@code Offer_test} checks them: placing, crossing (direct and
 * bridged), fill modes, reserves, expiration, cancel-replace, self-crossing. Like rippled's, every case runs
 * over the amendment sets of its {@code run}: all supported, all but fix1373, and all but FlowCross (offers
 * crossed by the older Taker, payments still by Flow): {@link FeatureSet}. Expected amounts are rippled's
 * for each set.
 */
class OfferTest {
    private final Account gw = Account.of("gateway");
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account carol = Account.of("carol");
    private final IOU usd = IOU.of(gw, "USD");
    private final IOU btc = IOU.of(gw, "BTC");
    private final IOU eur = IOU.of(gw, "EUR");
    private static final Issue STM = Issue.NATIVE;

    /**
     * rippled's usual start for these tests: its reserves (the ripple profile) and a chain closed past
     * fix1449, so every time switch is on.
     */
    private static Env env(FeatureSet features) {
        Env env = features.rippled();
        env.closeAt(Views.FIX1449_TIME + 100 * 30);
        return env;
    }

    private static STAmount stmMinusFee(Env env, long units) {
        return drops(units * 1_000_000L - env.baseFee());
    }

    private static long reserve(Env env, int count) {
        return env.current().fees().accountReserve(count);
    }

    /**
     * The owner of a bridge's second leg after the leg was fully consumed: no offer, but the Taker stops
     * crossing without stepping past the emptied offer, which stays in the ledger (rippled's "bridging bug").
     */
    private static Consumer<Env> secondLegConsumed(FeatureSet features, Account owner, IOU gets) {
        if (features.flowCross()) {
            return offers(owner, 0);
        }
        return env -> env.require(offers(owner, 1), hasOffer(owner, stm(0), gets.of(0)));
    }

    private static STAmount plus(STAmount a, long drops) {
        return drops(a.drops() + drops);
    }

    @ParameterizedTest
    @EnumSource
    void aFundedOfferNotUsedIsNotRemoved(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000), alice, bob, carol, gw);
        env.close();
        env.trust(usd.of(1000), alice, bob, carol);
        env.trust(btc.of(1000), alice, bob, carol);
        env.apply(pay(gw, alice, btc.of(1000)));
        env.apply(pay(gw, carol, usd.of(1000)));
        env.apply(pay(gw, carol, btc.of(1000)));
        // two offers at one quality, taker gets native
        env.apply(offer(carol, btc.of(49), stm(49)));
        env.apply(offer(carol, btc.of(51), stm(51)));
        // the poor quality path
        env.apply(offer(carol, stm(50), usd.of(50)));
        env.apply(offer(carol, stm(50), usd.of(50)));
        // the good quality path
        env.apply(offer(carol, btc.of(1), usd.of(100)));
        env.apply(pay(alice, bob, usd.of(100)).paths(path(STM, usd), path(usd)).sendmax(btc.of(1000))
                .flags(TxFlags.PARTIAL_PAYMENT));
        env.require(balance(bob, usd.of(100)), noOffer(carol, btc.of(1), usd.of(100)),
                hasOffer(carol, btc.of(49), stm(49)));
    }

    @ParameterizedTest
    @EnumSource
    void cancelAndReplace(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000), alice, gw);
        env.close();
        env.trust(usd.of(100), alice);
        env.close();
        env.apply(pay(gw, alice, usd.of(50)));
        env.close();
        long offer1Seq = env.seq(alice);
        env.apply(offer(alice, stm(500), usd.of(100)));
        env.require(offers(alice, 1));
        env.close();
        env.require(hasOffer(alice, stm(500), usd.of(100)));

        long offer2Seq = env.seq(alice);
        env.apply(offer(alice, stm(300), usd.of(100)).with(tx -> tx.setU32(SField.OFFER_SEQUENCE, offer1Seq)));
        env.require(offers(alice, 1));
        env.close();
        env.require(hasOffer(alice, stm(300), usd.of(100)), noOffer(alice, stm(500), usd.of(100)));

        // cancelling an offer already gone is no error
        env.apply(offer(alice, stm(400), usd.of(200)).with(tx -> tx.setU32(SField.OFFER_SEQUENCE, offer1Seq)));
        env.require(offers(alice, 2));
        env.close();
        env.require(hasOffer(alice, stm(300), usd.of(100)), hasOffer(alice, stm(400), usd.of(200)));

        long offer4Seq = env.seq(alice);
        env.apply(offer(alice, stm(222), usd.of(111)));
        env.require(offers(alice, 3));
        env.close();
        env.apply(offerCancel(alice, offer4Seq));
        env.close();
        assertEquals(offer4Seq + 2, env.seq(alice));
        env.require(noOffer(alice, stm(222), usd.of(111)), offers(alice, 2));

        // an expired offer with a cancel: tecEXPIRED (Checks), and nothing is cancelled
        long lastClose = env.current().parentCloseTime();
        env.submit(offer(alice, stm(5), usd.of(2)).with(tx -> {
            tx.setU32(SField.EXPIRATION, lastClose);
            tx.setU32(SField.OFFER_SEQUENCE, offer2Seq);
        }), ter(TER.tecEXPIRED));
        env.close();
        env.require(offers(alice, 2), hasOffer(alice, stm(300), usd.of(100)), noOffer(alice, stm(5), usd.of(2)));
    }

    @ParameterizedTest
    @EnumSource
    void tinyPaymentsNeedTheRoundingSwitchover(FeatureSet features) {
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        IOU eurx = IOU.of(gwx, "EUR");
        Env env = features.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, carol, gwx);
        env.close();
        env.trust(usdx.of(1000), alice, bob, carol);
        env.trust(eurx.of(1000), alice, bob, carol);
        env.apply(pay(gwx, alice, usdx.of(100)));
        env.apply(pay(gwx, carol, eurx.of(100)));
        for (int i = 0; i < 101; i++) {
            env.apply(offer(carol, usdx.of(1), eurx.of(2)));
        }
        STAmount epsilon = STAmount.of(eurx.issue(), 1, -81, false);
        for (int d : new int[] {-1, 1}) {
            env.closeAt(CalcSwitchover.FIRST_TIME + d * 3000L);
            TER expected = d > 0 ? TER.tesSUCCESS : TER.tecPATH_PARTIAL;
            env.submit(pay(alice, bob, epsilon).paths(path(eurx)).sendmax(usdx.of(100)), ter(expected));
        }
    }

    @ParameterizedTest
    @EnumSource
    void aTinyNativeInputIsRoundedUpNotToZero(FeatureSet features) {
        Account dan = Account.of("dan");
        Account erin = Account.of("erin");
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        Env env = features.atTimeZero();
        env.fundRippling(stm(10_000), alice, bob, carol, dan, erin, gwx);
        env.close();
        env.trust(usdx.of(1000), alice, bob, carol, dan, erin);
        env.apply(pay(gwx, carol, usdx.of("0.99999")));
        env.apply(pay(gwx, dan, usdx.of(1)));
        env.apply(pay(gwx, erin, usdx.of(1)));
        env.apply(offer(carol, drops(1), usdx.of(1)));
        env.apply(offer(dan, stm(100), usdx.of(1)));
        env.closeAt(CalcSwitchover.SECOND_TIME + 3000);
        env.apply(offer(erin, drops(1), usdx.of(1)));
        env.apply(pay(alice, bob, usdx.of(1)).paths(path(usdx)).sendmax(stm(102))
                .flags(TxFlags.NO_RIPPLE_DIRECT | TxFlags.PARTIAL_PAYMENT));
        // erin's funded offer was consumed, not removed
        env.require(offers(carol, 0), offers(dan, 1), balance(erin, usdx.of("0.99999")), offers(erin, 1));
    }

    @ParameterizedTest
    @EnumSource
    void noRippleIsEnforcedOnAnImpliedStepAfterABook(FeatureSet features) {
        Account dan = Account.of("dan");
        Account gw1 = Account.of("gw1");
        Account gw2 = Account.of("gw2");
        IOU usd1 = IOU.of(gw1, "USD");
        IOU usd2 = IOU.of(gw2, "USD");
        for (boolean noRipple : new boolean[] {true, false}) {
            Env env = env(features);
            env.fundRippling(stm(10_000), alice, carol, dan, gw1, gw2);
            if (noRipple) {
                env.fund(stm(10_000), bob);
            } else {
                env.fundRippling(stm(10_000), bob);
            }
            env.close();
            env.trust(usd1.of(1000), alice, carol, dan);
            env.trust(usd2.of(1000), alice, carol, dan);
            if (noRipple) {
                env.apply(trust(bob, usd1.of(1000)).flags(TxFlags.SET_NO_RIPPLE));
                env.apply(trust(bob, usd2.of(1000)).flags(TxFlags.SET_NO_RIPPLE));
            } else {
                env.trust(usd1.of(1000), bob);
                env.trust(usd2.of(1000), bob);
            }
            env.apply(pay(gw1, dan, usd1.of(50)));
            env.apply(pay(gw1, bob, usd1.of(50)));
            env.apply(pay(gw2, bob, usd2.of(50)));
            env.apply(offer(dan, stm(50), usd1.of(50)));
            if (noRipple) {
                env.submit(pay(alice, carol, usd2.of(50)).paths(path(usd1, bob)).sendmax(stm(50))
                        .flags(TxFlags.NO_RIPPLE_DIRECT), ter(TER.tecPATH_DRY));
            } else {
                env.apply(pay(alice, carol, usd2.of(50)).paths(path(usd1, bob)).sendmax(stm(50))
                        .flags(TxFlags.NO_RIPPLE_DIRECT));
                env.require(balance(alice, stmMinusFee(env, 10_000 - 50)), balance(bob, usd1.of(100)),
                        balance(bob, usd2.of(0)), balance(carol, usd2.of(50)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource
    void anOfferNeedsTheReserveUnlessItCrosses(FeatureSet features) {
        STAmount usdOffer = usd.of(1000);
        STAmount stmOffer = stm(1000);
        // no crossing
        Env env = env(features);
        env.fundRippling(stm(1_000_000), gw);
        long f = env.baseFee();
        long r = reserve(env, 0);
        env.fundRippling(drops(r + f), alice);
        env.apply(trust(alice, usdOffer));
        env.apply(pay(gw, alice, usdOffer));
        env.submit(offer(alice, stmOffer, usdOffer), ter(TER.tecINSUF_RESERVE_OFFER));
        env.require(balance(alice, drops(r - f)), owners(alice, 1));

        // partial cross
        Env partial = env(features);
        partial.fundRippling(stm(1_000_000), gw);
        partial.fundRippling(drops(r + f + stmOffer.drops()), bob);
        partial.apply(offer(bob, usd.of(500), stm(500)));
        partial.fundRippling(drops(r + f), alice);
        partial.apply(trust(alice, usdOffer));
        partial.apply(pay(gw, alice, usdOffer));
        partial.apply(offer(alice, stmOffer, usdOffer));
        partial.require(balance(alice, plus(stm(500), r - f)), balance(alice, usd.of(500)), owners(alice, 1),
                balance(bob, plus(stm(500), r)), balance(bob, usd.of(500)), owners(bob, 1));

        // full cross
        Env full = env(features);
        full.fundRippling(stm(1_000_000), gw);
        full.fundRippling(drops(r + f + stmOffer.drops()), bob, carol);
        full.apply(offer(bob, usd.of(500), stm(500)));
        full.apply(offer(carol, usdOffer, stmOffer));
        full.fundRippling(drops(r + f), alice);
        full.apply(trust(alice, usdOffer));
        full.apply(pay(gw, alice, usdOffer));
        full.apply(offer(alice, stmOffer, usdOffer));
        full.require(balance(alice, plus(stmOffer, r - f)), balance(alice, usd.of(0)), owners(alice, 1),
                balance(bob, plus(stm(500), r)), balance(bob, usd.of(500)), owners(bob, 1),
                balance(carol, plus(stm(500), r)), balance(carol, usd.of(500)), owners(carol, 2));
    }

    @ParameterizedTest
    @EnumSource
    void fillOrKill(FeatureSet features) {
        STAmount start = stm(1_000_000);
        Env env = env(features);
        long f = env.baseFee();
        env.fundRippling(start, gw, alice, bob);
        env.apply(offer(bob, usd.of(500), stm(500)));
        env.apply(trust(alice, usd.of(1000)));
        env.apply(pay(gw, alice, usd.of(1000)));
        // cannot be filled: only the fee
        env.apply(offer(alice, stm(1000), usd.of(1000)).flags(TxFlags.FILL_OR_KILL));
        env.require(balance(alice, plus(start, -2 * f)), balance(alice, usd.of(1000)), owners(alice, 1),
                offers(alice, 0), balance(bob, plus(start, -f)), noLine(bob, usd.issue()), owners(bob, 1),
                offers(bob, 1));
        // can be filled
        env.apply(offer(alice, stm(500), usd.of(500)).flags(TxFlags.FILL_OR_KILL));
        env.require(balance(alice, plus(start, -3 * f + 500_000_000)), balance(alice, usd.of(500)),
                owners(alice, 1), offers(alice, 0), balance(bob, plus(start, -f - 500_000_000)),
                balance(bob, usd.of(500)), owners(bob, 1), offers(bob, 0));
    }

    @ParameterizedTest
    @EnumSource
    void immediateOrCancel(FeatureSet features) {
        STAmount start = stm(1_000_000);
        Env env = env(features);
        long f = env.baseFee();
        env.fundRippling(start, gw, alice, bob);
        env.apply(trust(alice, usd.of(1000)));
        env.apply(pay(gw, alice, usd.of(1000)));
        env.apply(offer(alice, stm(1000), usd.of(1000)).flags(TxFlags.IMMEDIATE_OR_CANCEL));
        env.require(balance(alice, plus(start, -2 * f)), balance(alice, usd.of(1000)), owners(alice, 1),
                offers(alice, 0));
        env.apply(offer(bob, usd.of(50), stm(50)));
        env.apply(offer(alice, stm(1000), usd.of(1000)).flags(TxFlags.IMMEDIATE_OR_CANCEL));
        env.require(balance(alice, plus(start, -3 * f + 50_000_000)), balance(alice, usd.of(950)),
                owners(alice, 1), offers(alice, 0), balance(bob, plus(start, -f - 50_000_000)),
                balance(bob, usd.of(50)), owners(bob, 1), offers(bob, 0));
        env.apply(offer(bob, usd.of(50), stm(50)));
        env.apply(offer(alice, stm(50), usd.of(50)).flags(TxFlags.IMMEDIATE_OR_CANCEL));
        env.require(balance(alice, plus(start, -4 * f + 100_000_000)), balance(alice, usd.of(900)),
                owners(alice, 1), offers(alice, 0), balance(bob, plus(start, -2 * f - 100_000_000)),
                balance(bob, usd.of(100)), owners(bob, 1), offers(bob, 0));
    }

    @ParameterizedTest
    @EnumSource
    void passiveOffersDoNotCrossEqualQuality(FeatureSet features) {
        STAmount start = stm(1_000_000);
        Env env = env(features);
        env.fundRippling(start, gw, alice, bob);
        env.close();
        env.apply(trust(bob, usd.of(1000)));
        env.close();
        env.apply(pay(gw, bob, usd.of(1000)));
        env.close();
        env.apply(offer(alice, usd.of(1000), stm(2000)));
        env.close();
        env.require(offers(alice, 1), hasOffer(alice, usd.of(1000), stm(2000)));
        env.apply(offer(bob, stm(2000), usd.of(1000)).flags(TxFlags.PASSIVE));
        env.close();
        env.require(offers(alice, 1), offers(bob, 1), hasOffer(bob, stm(2000), usd.of(1000)));
        // the gateway crosses both
        env.apply(offer(gw, stm(2000), usd.of(1000)));
        env.close();
        env.require(offers(alice, 0), offers(gw, 0), offers(bob, 1));
        env.apply(offer(gw, usd.of(1000), stm(2000)));
        env.close();
        env.require(offers(bob, 0), offers(gw, 0));

        // a passive offer crosses only strictly better ones
        Env better = env(features);
        better.fundRippling(start, gw, alice, bob);
        better.close();
        better.apply(trust(bob, usd.of(1000)));
        better.close();
        better.apply(pay(gw, bob, usd.of(1000)));
        better.apply(offer(alice, usd.of(500), stm(1001)));
        better.close();
        better.apply(offer(alice, usd.of(500), stm(1000)));
        better.close();
        better.require(offers(alice, 2));
        better.apply(offer(bob, stm(2000), usd.of(1000)).flags(TxFlags.PASSIVE));
        better.close();
        better.require(offers(alice, 1), offers(bob, 1), hasOffer(bob, stm(999), usd.of("499.5")));
    }

    @ParameterizedTest
    @EnumSource
    void malformedOffers(FeatureSet features) {
        STAmount start = stm(1_000_000);
        Env env = env(features);
        env.fundRippling(start, gw, alice);
        env.submit(offer(alice, usd.of(1000), stm(1000)).flags(TxFlags.IMMEDIATE_OR_CANCEL + 1),
                ter(TER.temINVALID_FLAG));
        env.submit(offer(alice, usd.of(1000), stm(1000)).flags(TxFlags.IMMEDIATE_OR_CANCEL | TxFlags.FILL_OR_KILL),
                ter(TER.temINVALID_FLAG));
        env.require(balance(alice, start), owners(alice, 0), offers(alice, 0));
        env.submit(offer(alice, stm(1000), stm(1000)), ter(TER.temBAD_OFFER));
        env.apply(trust(alice, usd.of(1000)));
        env.apply(pay(gw, alice, usd.of(1000)));
        env.submit(offer(alice, usd.of(1000), usd.of(1000)), ter(TER.temREDUNDANT));
        env.submit(offer(alice, usd.of(-1000), stm(1000)), ter(TER.temBAD_OFFER));
        env.submit(offer(alice, usd.of(1000), drops(-1_000_000_000L)), ter(TER.temBAD_OFFER));
        env.submit(offer(alice, usd.of(1000), stm(1000)).with(tx -> tx.setU32(SField.EXPIRATION, 0)),
                ter(TER.temBAD_EXPIRATION));
        env.submit(offer(alice, usd.of(1000), stm(1000)).with(tx -> tx.setU32(SField.OFFER_SEQUENCE, 0)),
                ter(TER.temBAD_SEQUENCE));
        STAmount bad = STAmount.of(new Issue(Currency.BAD, gw.id()), 1000, 0, false);
        env.submit(offer(alice, stm(1000), bad), ter(TER.temBAD_CURRENCY));
        env.require(owners(alice, 1), offers(alice, 0));
    }

    @ParameterizedTest
    @EnumSource
    void expiredOffersAreRefusedThenRemovedWhenFound(FeatureSet features) {
        STAmount start = stm(1_000_000);
        STAmount usdOffer = usd.of(1000);
        STAmount stmOffer = stm(1000);
        Env env = env(features);
        env.fundRippling(start, gw, alice, bob);
        env.close();
        long f = env.baseFee();
        env.apply(trust(alice, usdOffer));
        env.apply(pay(gw, alice, usdOffer));
        env.close();
        env.require(balance(alice, plus(start, -f)), balance(alice, usdOffer), offers(alice, 0), owners(alice, 1));
        long lastClose = env.current().parentCloseTime();
        env.submit(offer(alice, stmOffer, usdOffer).with(tx -> tx.setU32(SField.EXPIRATION, lastClose)),
                ter(TER.tecEXPIRED));
        env.require(balance(alice, plus(start, -2 * f)), offers(alice, 0), owners(alice, 1));
        env.close();
        long lastClose2 = env.current().parentCloseTime();
        env.apply(offer(alice, stmOffer, usdOffer).with(tx -> tx.setU32(SField.EXPIRATION, lastClose2 + 1)));
        env.require(balance(alice, plus(start, -3 * f)), offers(alice, 1), owners(alice, 2));
        // expired at the next close, but still there
        env.close();
        env.require(offers(alice, 1), owners(alice, 2));
        // crossing finds it expired and removes it
        env.apply(offer(bob, usdOffer, stmOffer));
        env.require(balance(alice, plus(start, -3 * f)), balance(alice, usdOffer), offers(alice, 0), owners(alice, 1),
                balance(bob, plus(start, -f)), noLine(bob, usd.issue()), offers(bob, 1), owners(bob, 1));
    }

    @ParameterizedTest
    @EnumSource
    void unfundedCrossing(FeatureSet features) {
        STAmount usdOffer = usd.of(1000);
        STAmount stmOffer = stm(1000);
        Env env = env(features);
        env.fundRippling(stm(1_000_000), gw);
        long f = env.baseFee();
        long r0 = reserve(env, 0);
        long r1 = reserve(env, 1);
        Account eve = Account.of("eve");
        Account dan = Account.of("dan");
        // at the reserve: below it once the fee is paid
        env.fundRippling(drops(r0), alice);
        env.submit(offer(alice, usdOffer, stmOffer), ter(TER.tecUNFUNDED_OFFER));
        env.require(balance(alice, drops(r0 - f)), owners(alice, 0));
        env.fundRippling(drops(r0 + f), bob);
        env.submit(offer(bob, usdOffer, stmOffer), ter(TER.tecUNFUNDED_OFFER));
        env.require(balance(bob, drops(r0)), owners(bob, 0));
        env.fundRippling(drops(r0 + f + 1_000_000), carol);
        env.submit(offer(carol, usdOffer, stmOffer), ter(TER.tecINSUF_RESERVE_OFFER));
        env.require(balance(carol, drops(r0 + 1_000_000)), owners(carol, 0));
        env.fundRippling(drops(r1 + f), dan);
        env.apply(offer(dan, usdOffer, stmOffer));
        env.require(balance(dan, drops(r1)), owners(dan, 1));
        env.fundRippling(drops(r1 + f + stmOffer.drops()), eve);
        env.apply(offer(eve, usdOffer, stmOffer));
        env.require(balance(eve, drops(r1 + stmOffer.drops())), owners(eve, 1));
    }

    @ParameterizedTest
    @EnumSource
    void selfCrossing(FeatureSet features) {
        Account partner = Account.of("partner");
        for (boolean usePartner : new boolean[] {false, true}) {
            Env env = env(features);
            env.fundRippling(stm(10_000), gw);
            if (usePartner) {
                env.fundRippling(stm(10_000), partner);
                env.apply(trust(partner, usd.of(100)));
                env.apply(trust(partner, btc.of(500)));
                env.apply(pay(gw, partner, usd.of(100)));
                env.apply(pay(gw, partner, btc.of(500)));
            }
            Account a = usePartner ? partner : gw;
            env.close();
            env.require(offers(a, 0));
            env.apply(offer(a, btc.of(250), stm(1000)));
            env.require(offers(a, 1), hasOffer(a, btc.of(250), stm(1000)));
            long secondLegSeq = env.seq(a);
            env.apply(offer(a, stm(1000), usd.of(50)));
            env.require(offers(a, 2), hasOffer(a, stm(1000), usd.of(50)));
            // crosses through the native currency: both legs consumed
            env.apply(offer(a, usd.of(50), btc.of(250)));
            env.require(secondLegConsumed(features, a, usd));
            env.apply(offerCancel(a, secondLegSeq));
            env.require(offers(a, 0));
            // a direct self-cross removes the older offer
            env.apply(offer(a, btc.of(250), usd.of(50)));
            env.require(offers(a, 1), hasOffer(a, btc.of(250), usd.of(50)));
            env.apply(offer(a, usd.of(50), btc.of(250)));
            env.require(offers(a, 1), hasOffer(a, usd.of(50), btc.of(250)));
        }
    }

    @ParameterizedTest
    @EnumSource
    void negativeBalanceWithTransferFeeAndTinyFunds(FeatureSet features) {
        Env env = env(features);
        STAmount gwInitial = drops(1_149_999_730L);
        STAmount aliceInitial = drops(499_946_999_680L);
        STAmount bobInitial = drops(10_199_999_920L);
        STAmount small = STAmount.of(IOU.of(bob, "USD").issue(), 2_710_505_431_213_761L, -33, false);
        env.fundRippling(gwInitial, gw);
        env.fundRippling(aliceInitial, alice);
        env.fundRippling(bobInitial, bob);
        env.close();
        env.apply(rate(gw, 1.005));
        env.apply(trust(alice, usd.of(500)));
        env.apply(trust(bob, usd.of(50)));
        env.apply(trust(gw, IOU.of(alice, "USD").of(100)));
        env.apply(pay(gw, alice, IOU.of(alice, "USD").of(50)));
        env.apply(pay(gw, bob, small));
        env.apply(offer(alice, usd.of(50), stm(150_000)));
        env.apply(pay(alice, gw, usd.of(100)));
        env.apply(trust(gw, IOU.of(alice, "USD").of(0)));
        // alice issued the gateway 50 of her USD
        env.require(balance(alice, usd.of(-50)), balance(bob, STAmount.of(usd.issue(), 2_710_505_431_213_761L, -33,
                false)));
        env.apply(offer(bob, stm(2000), usd.of(1)));
        // FlowCross moves one drop for the tiny amount, the Taker none
        long crossingDelta = features.flowCross() ? 1 : 0;
        env.require(balance(alice, usd.of(-50)), balance(bob, usd.of(0)));
        assertEquals(aliceInitial.drops() - 3 * env.baseFee() - crossingDelta, env.balance(alice));
        assertEquals(bobInitial.drops() - 2 * env.baseFee() + crossingDelta, env.balance(bob));
    }

    @ParameterizedTest
    @EnumSource
    void crossingWithTheNativeCurrencyInEitherOrder(FeatureSet features) {
        for (boolean reverse : new boolean[] {false, true}) {
            Env env = env(features);
            env.fundRippling(stm(10_000), gw, alice, bob);
            env.apply(trust(alice, usd.of(1000)));
            env.apply(trust(bob, usd.of(1000)));
            env.apply(pay(gw, alice, IOU.of(alice, "USD").of(500)));
            if (reverse) {
                env.apply(offer(bob, usd.of(1), stm(4000)));
            }
            env.apply(offer(alice, stm(150_000), usd.of(50)));
            if (!reverse) {
                env.apply(offer(bob, usd.of(1), stm(4000)));
            }
            long moved = (reverse ? 4000 : 3000) * 1_000_000L;
            env.require(balance(bob, usd.of(1)), balance(alice, usd.of(499)));
            assertEquals(10_000_000_000L - moved - 2 * env.baseFee(), env.balance(bob));
            assertEquals(10_000_000_000L + moved - 2 * env.baseFee(), env.balance(alice));
        }
    }

    @ParameterizedTest
    @EnumSource
    void crossingMayExceedTheTakersTrustLimit(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(100_000), gw, alice, bob);
        env.apply(trust(alice, usd.of(1000)));
        env.apply(pay(gw, alice, IOU.of(alice, "USD").of(500)));
        env.apply(offer(alice, stm(150_000), usd.of(50)));
        // bob has no line at all: crossing makes one
        env.apply(offer(bob, usd.of(1), stm(3000)));
        env.require(balance(bob, usd.of(1)), balance(alice, usd.of(499)));
        assertEquals(100_000_000_000L - 3_000_000_000L - env.baseFee(), env.balance(bob));
        assertEquals(100_000_000_000L + 3_000_000_000L - 2 * env.baseFee(), env.balance(alice));
    }

    @ParameterizedTest
    @EnumSource
    void cancellingPastAndFutureSequences(FeatureSet features) {
        Env env = env(features);
        Account master = env.master();
        long nextOfferSeq = env.seq(master);
        env.apply(offer(master, stm(500), IOU.of(master, "USD").of(100)));
        env.close();
        env.apply(offerCancel(master, nextOfferSeq));
        assertEquals(nextOfferSeq + 2, env.seq(master));
        env.close();
        env.close();
        assertEquals(nextOfferSeq + 2, env.seq(master));

        Env past = env(features);
        long seq = past.seq(past.master());
        past.fundRippling(stm(10_000), alice);
        past.apply(offerCancel(past.master(), seq));
        past.submit(offerCancel(past.master(), past.seq(past.master())), ter(TER.temBAD_SEQUENCE));
        past.submit(offerCancel(past.master(), past.seq(past.master()) + 1), ter(TER.temBAD_SEQUENCE));
        assertTrue(past.offers(past.master()).isEmpty());
    }

    /** The Balance field of the line between {@code a} and {@code b} as rippled's ledger_entry shows its value. */
    private static String raw(Env env, Account a, Account b, String currency) {
        STObject line = env.le(Keylets.line(a.id(), b.id(), Currency.fromJson(currency, env.profile())));
        return line == null ? null : line.getAmount(SField.BALANCE).valueText();
    }

    private static STObject offerEntry(Env env, Account a, long seq) {
        return env.le(Keylets.offer(a.id(), seq));
    }

    @ParameterizedTest
    @EnumSource
    void currencyConversionEntireOffer(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000), gw, alice, bob);
        env.apply(trust(alice, usd.of(100)));
        env.apply(trust(bob, usd.of(1000)));
        env.require(owners(alice, 1), owners(bob, 1));
        env.apply(pay(gw, alice, IOU.of(alice, "USD").of(100)));
        long bobOfferSeq = env.seq(bob);
        env.apply(offer(bob, usd.of(100), stm(500)));
        env.require(owners(alice, 1), owners(bob, 2));
        assertEquals(stm(500), offerEntry(env, bob, bobOfferSeq).getAmount(SField.TAKER_GETS));
        env.apply(pay(alice, alice, stm(500)).sendmax(usd.of(100)));
        assertEquals("0", raw(env, alice, gw, "USD"));
        assertEquals(10_000_000_000L + 500_000_000L - 2 * env.baseFee(), env.balance(alice));
        assertEquals("-100", raw(env, bob, gw, "USD"));
        assertEquals(null, offerEntry(env, bob, bobOfferSeq));
        env.require(owners(alice, 1), owners(bob, 1));
    }

    @ParameterizedTest
    @EnumSource
    void anOfferThatWouldPutItsOwnerIntoDebtIsUnfunded(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000), alice, bob, carol);
        env.apply(trust(alice, IOU.of(carol, "EUR").of(2000)));
        env.apply(trust(bob, IOU.of(alice, "USD").of(100)));
        env.apply(trust(carol, IOU.of(bob, "EUR").of(1000)));
        long bobOfferSeq = env.seq(bob);
        env.submit(offer(bob, IOU.of(alice, "USD").of(50), IOU.of(carol, "EUR").of(200)), ter(TER.tecUNFUNDED_OFFER));
        env.apply(offer(alice, IOU.of(carol, "EUR").of(200), IOU.of(alice, "USD").of(50)));
        assertEquals(null, offerEntry(env, bob, bobOfferSeq));
    }

    @ParameterizedTest
    @EnumSource
    void currencyConversionInParts(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000), gw, alice, bob);
        env.apply(trust(alice, usd.of(200)));
        env.apply(trust(bob, usd.of(1000)));
        env.apply(pay(gw, alice, IOU.of(alice, "USD").of(200)));
        long bobOfferSeq = env.seq(bob);
        env.apply(offer(bob, usd.of(100), stm(500)));
        env.apply(pay(alice, alice, stm(200)).sendmax(usd.of(100)));
        STObject o = offerEntry(env, bob, bobOfferSeq);
        assertEquals(stm(300), o.getAmount(SField.TAKER_GETS));
        assertEquals(usd.of(60), o.getAmount(SField.TAKER_PAYS));
        assertEquals("-160", raw(env, alice, gw, "USD"));
        assertEquals(10_000_000_000L + 200_000_000L - 2 * env.baseFee(), env.balance(alice));
        assertEquals("-40", raw(env, bob, gw, "USD"));
        env.submit(pay(alice, alice, stm(600)).sendmax(usd.of(100)), ter(TER.tecPATH_PARTIAL));
        env.apply(pay(alice, alice, stm(600)).sendmax(usd.of(100)).flags(TxFlags.PARTIAL_PAYMENT));
        assertEquals(null, offerEntry(env, bob, bobOfferSeq));
        assertEquals("-100", raw(env, alice, gw, "USD"));
        assertEquals(10_000_000_000L + 500_000_000L - 4 * env.baseFee(), env.balance(alice));
        assertEquals("-100", raw(env, bob, gw, "USD"));
    }

    @ParameterizedTest
    @EnumSource
    void crossCurrencyPaymentsStartingOrEndingNative(FeatureSet features) {
        Env start = env(features);
        start.fundRippling(stm(10_000), gw, alice, bob, carol);
        start.apply(trust(carol, usd.of(1000)));
        start.apply(trust(bob, usd.of(2000)));
        start.apply(pay(gw, carol, IOU.of(carol, "USD").of(500)));
        long carolOfferSeq = start.seq(carol);
        start.apply(offer(carol, stm(500), usd.of(50)));
        start.apply(pay(alice, bob, usd.of(25)).sendmax(stm(333)));
        assertEquals("-25", raw(start, bob, gw, "USD"));
        assertEquals("-475", raw(start, carol, gw, "USD"));
        STObject o = offerEntry(start, carol, carolOfferSeq);
        assertEquals(usd.of(25), o.getAmount(SField.TAKER_GETS));
        assertEquals(stm(250), o.getAmount(SField.TAKER_PAYS));

        Env end = env(features);
        end.fundRippling(stm(10_000), gw, alice, bob, carol);
        end.apply(trust(alice, usd.of(1000)));
        end.apply(trust(carol, usd.of(2000)));
        end.apply(pay(gw, alice, IOU.of(alice, "USD").of(500)));
        long seq = end.seq(carol);
        end.apply(offer(carol, usd.of(50), stm(500)));
        end.apply(pay(alice, bob, stm(250)).sendmax(usd.of(333)));
        assertEquals("-475", raw(end, alice, gw, "USD"));
        assertEquals("-25", raw(end, carol, gw, "USD"));
        assertEquals(10_000_000_000L + 250_000_000L, end.balance(bob));
        STObject e = offerEntry(end, carol, seq);
        assertEquals(stm(250), e.getAmount(SField.TAKER_GETS));
        assertEquals(usd.of(25), e.getAmount(SField.TAKER_PAYS));
    }

    @ParameterizedTest
    @EnumSource
    void crossCurrencyPaymentBridgedThroughTheNativeCurrency(FeatureSet features) {
        Account gw1 = Account.of("gateway_1");
        Account gw2 = Account.of("gateway_2");
        Account dan = Account.of("dan");
        IOU usd1 = IOU.of(gw1, "USD");
        IOU eur2 = IOU.of(gw2, "EUR");
        Env env = env(features);
        env.fundRippling(stm(10_000), gw1, gw2, alice, bob, carol, dan);
        env.apply(trust(alice, usd1.of(1000)));
        env.apply(trust(bob, eur2.of(1000)));
        env.apply(trust(carol, usd1.of(1000)));
        env.apply(trust(dan, eur2.of(1000)));
        env.apply(pay(gw1, alice, IOU.of(alice, "USD").of(500)));
        env.apply(pay(gw2, dan, IOU.of(dan, "EUR").of(400)));
        long carolOfferSeq = env.seq(carol);
        env.apply(offer(carol, usd1.of(50), stm(500)));
        long danOfferSeq = env.seq(dan);
        env.apply(offer(dan, stm(500), eur2.of(50)));
        env.apply(pay(alice, bob, eur2.of(30)).paths(path(STM)).sendmax(usd1.of(333)));
        assertEquals("470", raw(env, alice, gw1, "USD"));
        assertEquals("-30", raw(env, bob, gw2, "EUR"));
        assertEquals("-30", raw(env, carol, gw1, "USD"));
        assertEquals("-370", raw(env, dan, gw2, "EUR"));
        STObject c = offerEntry(env, carol, carolOfferSeq);
        assertEquals(stm(200), c.getAmount(SField.TAKER_GETS));
        assertEquals(usd1.of(20), c.getAmount(SField.TAKER_PAYS));
        STObject d = offerEntry(env, dan, danOfferSeq);
        assertEquals(eur2.of(20), d.getAmount(SField.TAKER_GETS));
        assertEquals(stm(200), d.getAmount(SField.TAKER_PAYS));
    }

    @ParameterizedTest
    @EnumSource
    void theReserveLimitsWhatAnOfferCanSpend(FeatureSet features) {
        Account gw1 = Account.of("gateway_1");
        Account gw2 = Account.of("gateway_2");
        Account gw3 = Account.of("gateway_3");
        IOU usd1 = IOU.of(gw1, "USD");
        Env env = env(features);
        STAmount startingStm = drops(stm(100).drops() + reserve(env, 3) + env.baseFee() * 4);
        env.fundRippling(startingStm, gw1, gw2, gw3, alice, bob);
        env.apply(trust(alice, usd1.of(1000)));
        env.apply(trust(alice, IOU.of(gw2, "USD").of(1000)));
        env.apply(trust(alice, IOU.of(gw3, "USD").of(1000)));
        env.apply(trust(bob, usd1.of(1000)));
        env.apply(trust(bob, IOU.of(gw2, "USD").of(1000)));
        env.apply(pay(gw1, bob, IOU.of(bob, "USD").of(500)));
        env.apply(offer(bob, stm(200), usd1.of(200)));
        // only 100 above the reserve: asks for more than it can pay
        env.apply(offer(alice, usd1.of(200), stm(200)));
        assertEquals("100", raw(env, alice, gw1, "USD"));
        assertEquals(stm(350).drops(), env.balance(alice));
        assertEquals("-400", raw(env, bob, gw1, "USD"));
    }

    @ParameterizedTest
    @EnumSource
    void offerCreatedThenCrossedWithATransferRate(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000), gw, alice, bob);
        env.apply(rate(gw, 1.005));
        env.apply(trust(alice, usd.of(1000)));
        env.apply(trust(bob, usd.of(1000)));
        env.apply(trust(gw, IOU.of(alice, "USD").of(50)));
        env.apply(pay(gw, bob, IOU.of(bob, "USD").of(1)));
        env.apply(pay(alice, gw, usd.of(50)));
        env.apply(trust(gw, IOU.of(alice, "USD").of(0)));
        env.apply(offer(alice, usd.of(50), stm(150_000)));
        env.apply(offer(bob, stm(100), usd.of("0.1")));
        assertEquals("49.96666666666667", raw(env, alice, gw, "USD"));
        assertEquals("-0.966500000033334", raw(env, bob, gw, "USD"));
    }

    @ParameterizedTest
    @EnumSource
    void sellOffers(FeatureSet features) {
        Env env = env(features);
        STAmount startingStm = drops(stm(100).drops() + reserve(env, 1) + env.baseFee() * 2);
        env.fundRippling(startingStm, gw, alice, bob);
        env.apply(trust(alice, usd.of(1000)));
        env.apply(trust(bob, usd.of(1000)));
        env.apply(pay(gw, bob, IOU.of(bob, "USD").of(500)));
        env.apply(offer(bob, stm(200), usd.of(200)).flags(TxFlags.SELL));
        env.apply(offer(alice, usd.of(200), stm(200)).flags(TxFlags.SELL));
        assertEquals("-100", raw(env, alice, gw, "USD"));
        assertEquals(stm(250).drops(), env.balance(alice));
        assertEquals("-400", raw(env, bob, gw, "USD"));

        // selling gets more than asked for, beyond the trust limit
        Env exceed = env(features);
        exceed.fundRippling(startingStm, gw, alice, bob);
        exceed.apply(trust(alice, usd.of(150)));
        exceed.apply(trust(bob, usd.of(1000)));
        exceed.apply(pay(gw, bob, IOU.of(bob, "USD").of(500)));
        exceed.apply(offer(bob, stm(100), usd.of(200)));
        exceed.apply(offer(alice, usd.of(100), stm(100)).flags(TxFlags.SELL));
        assertEquals("-200", raw(exceed, alice, gw, "USD"));
        assertEquals(stm(250).drops(), exceed.balance(alice));
        assertEquals("-300", raw(exceed, bob, gw, "USD"));
    }

    @ParameterizedTest
    @EnumSource
    void gatewayCrossCurrencyThroughItsOwnBook(FeatureSet features) {
        IOU xts = IOU.of(gw, "XTS");
        IOU xxx = IOU.of(gw, "XXX");
        Env env = env(features);
        STAmount startingStm = drops(100_100_000L + reserve(env, 1) + env.baseFee() * 2);
        env.fundRippling(startingStm, gw, alice, bob);
        env.apply(trust(alice, xts.of(1000)));
        env.apply(trust(alice, xxx.of(1000)));
        env.apply(trust(bob, xts.of(1000)));
        env.apply(trust(bob, xxx.of(1000)));
        env.apply(pay(gw, alice, IOU.of(alice, "XTS").of(100)));
        env.apply(pay(gw, alice, IOU.of(alice, "XXX").of(100)));
        env.apply(pay(gw, bob, IOU.of(bob, "XTS").of(100)));
        env.apply(pay(gw, bob, IOU.of(bob, "XXX").of(100)));
        env.apply(offer(alice, xts.of(100), xxx.of(100)));
        // rippled lets its path finder build the path (build_path); it is given here
        env.apply(pay(bob, bob, IOU.of(bob, "XXX").of(1)).paths(path(gw, xxx)).sendmax(IOU.of(bob, "XTS").of("1.5")));
        assertEquals("-101", raw(env, alice, gw, "XTS"));
        assertEquals("-99", raw(env, alice, gw, "XXX"));
        assertEquals("-99", raw(env, bob, gw, "XTS"));
        assertEquals("-101", raw(env, bob, gw, "XXX"));
    }

    /** What {@code a} holds of {@code iou}: zero without a line (rippled's {@code env.balance(account, issue)}). */
    private static STAmount iouBalance(Env env, Account a, IOU iou) {
        STAmount b = env.lineBalance(a, iou.issue());
        return b == null ? STAmount.zero(iou.issue()) : b;
    }

    /** The line made by crossing: both limits zero, the balance {@code expected} from {@code a}'s side. */
    private static void verifyDefaultTrustline(Env env, Account a, STAmount expected) {
        STObject line = env.le(Keylets.line(a.id(), expected.issue()));
        assertTrue(line != null, "no line for " + a);
        assertTrue(line.getAmount(SField.LOW_LIMIT).isZero() && line.getAmount(SField.HIGH_LIMIT).isZero());
        assertTrue(env.lineBalance(a, expected.issue()).valueEquals(expected));
    }

    private record Partial(String account, long fundDrops, int bookAmount, int preTrust, int offerAmount, TER tec,
                           long spentDrops, STAmount balanceUsd, int offers, int owners) {
    }

    @ParameterizedTest
    @EnumSource
    void partialCrossingCornerCases(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000_000), gw);
        long f = env.baseFee();
        long r0 = reserve(env, 0);
        long r1 = reserve(env, 1);
        long r2 = reserve(env, 2);
        long one = 1_000_000L;
        int no = 0;
        int gwPre = 1;
        int acctPre = 2;
        Partial[] tests = {
            new Partial("ann", r0, 1, no, 1000, TER.tecUNFUNDED_OFFER, f, usd.of(0), 0, 0),
            new Partial("bev", r0 + f, 1, no, 1000, TER.tecUNFUNDED_OFFER, f, usd.of(0), 0, 0),
            new Partial("cam", r0 + 2 * f, 0, no, 1000, TER.tecINSUF_RESERVE_OFFER, f, usd.of(0), 0, 0),
            new Partial("deb", r0 + 2 * f, 1, no, 1000, TER.tesSUCCESS, 2 * f, usd.of("0.00001"), 0, 1),
            new Partial("eve", r1, 0, no, 1000, TER.tesSUCCESS, f, usd.of(0), 1, 1),
            new Partial("flo", r1, 1, no, 1000, TER.tesSUCCESS, one + f, usd.of(1), 0, 1),
            new Partial("gay", r1 + f, 1000, no, 1000, TER.tesSUCCESS, 50 * one + f, usd.of(50), 0, 1),
            new Partial("hye", 1000 * one + f, 1000, no, 1000, TER.tesSUCCESS, 800 * one + f, usd.of(800), 0, 1),
            new Partial("ivy", one + r1 + f, 1, no, 1000, TER.tesSUCCESS, one + f, usd.of(1), 0, 1),
            new Partial("joy", one + r2 + f, 1, no, 1000, TER.tesSUCCESS, one + f, usd.of(1), 1, 2),
            new Partial("kim", 900 * one + r2 + f, 999, no, 1000, TER.tesSUCCESS, 999 * one + f, usd.of(999), 0, 1),
            new Partial("liz", 998 * one + r0 + f, 999, no, 1000, TER.tesSUCCESS, 998 * one + f, usd.of(998), 0, 1),
            new Partial("meg", 998 * one + r1 + f, 999, no, 1000, TER.tesSUCCESS, 999 * one + f, usd.of(999), 0, 1),
            new Partial("nia", 998 * one + r2 + f, 999, no, 1000, TER.tesSUCCESS, 999 * one + f, usd.of(999), 1, 2),
            new Partial("ova", 999 * one + r0 + f, 1000, no, 1000, TER.tesSUCCESS, 999 * one + f, usd.of(999), 0, 1),
            new Partial("pam", 999 * one + r1 + f, 1000, no, 1000, TER.tesSUCCESS, 1000 * one + f, usd.of(1000), 0, 1),
            new Partial("rae", 999 * one + r2 + f, 1000, no, 1000, TER.tesSUCCESS, 1000 * one + f, usd.of(1000), 0, 1),
            new Partial("sue", 1000 * one + r2 + f, 0, no, 1000, TER.tesSUCCESS, f, usd.of(0), 1, 1),
            new Partial("abe", r0, 1, gwPre, 1000, TER.tecUNFUNDED_OFFER, f, usd.of(0), 0, 0),
            new Partial("bud", r0 + f, 1, gwPre, 1000, TER.tecUNFUNDED_OFFER, f, usd.of(0), 0, 0),
            new Partial("che", r0 + 2 * f, 0, gwPre, 1000, TER.tecINSUF_RESERVE_OFFER, f, usd.of(0), 0, 0),
            new Partial("dan", r0 + 2 * f, 1, gwPre, 1000, TER.tesSUCCESS, 2 * f, usd.of("0.00001"), 0, 0),
            new Partial("eli", 20 * one + r0 + f, 1000, gwPre, 1000, TER.tesSUCCESS, 20 * one + f, usd.of(20), 0, 0),
            new Partial("fyn", r1, 0, gwPre, 1000, TER.tesSUCCESS, f, usd.of(0), 1, 1),
            new Partial("gar", r1, 1, gwPre, 1000, TER.tesSUCCESS, one + f, usd.of(1), 1, 1),
            new Partial("hal", r1 + f, 1, gwPre, 1000, TER.tesSUCCESS, one + f, usd.of(1), 1, 1),
            new Partial("ned", r1, 1, acctPre, 1000, TER.tecUNFUNDED_OFFER, 2 * f, usd.of(0), 0, 1),
            new Partial("ole", r1 + f, 1, acctPre, 1000, TER.tecUNFUNDED_OFFER, 2 * f, usd.of(0), 0, 1),
            new Partial("pat", r1 + 2 * f, 0, acctPre, 1000, TER.tecUNFUNDED_OFFER, 2 * f, usd.of(0), 0, 1),
            new Partial("quy", r1 + 2 * f, 1, acctPre, 1000, TER.tecUNFUNDED_OFFER, 2 * f, usd.of(0), 0, 1),
            new Partial("ron", r1 + 3 * f, 0, acctPre, 1000, TER.tecINSUF_RESERVE_OFFER, 2 * f, usd.of(0), 0, 1),
            new Partial("syd", r1 + 3 * f, 1, acctPre, 1000, TER.tesSUCCESS, 3 * f, usd.of("0.00001"), 0, 1),
            new Partial("ted", 20 * one + r1 + 2 * f, 1000, acctPre, 1000, TER.tesSUCCESS, 20 * one + 2 * f, usd.of(20), 0, 1),
            new Partial("uli", r2, 0, acctPre, 1000, TER.tecINSUF_RESERVE_OFFER, 2 * f, usd.of(0), 0, 1),
            new Partial("vic", r2, 1, acctPre, 1000, TER.tesSUCCESS, one + 2 * f, usd.of(1), 0, 1),
            new Partial("wes", r2 + f, 0, acctPre, 1000, TER.tesSUCCESS, 2 * f, usd.of(0), 1, 2),
            new Partial("xan", r2 + f, 1, acctPre, 1000, TER.tesSUCCESS, one + 2 * f, usd.of(1), 1, 2),
        };
        for (Partial t : tests) {
            Account acct = Account.of(t.account());
            env.fundRippling(drops(t.fundDrops()), acct);
            env.close();
            env.require(offers(gw, 0));
            if (t.bookAmount() != 0) {
                env.apply(offer(gw, stm(t.bookAmount()), usd.of(t.bookAmount())));
            }
            env.close();
            long gwOfferSeq = env.seq(gw) - 1;
            if (t.preTrust() == gwPre) {
                env.apply(trust(gw, IOU.of(acct, "USD").of(1)));
            }
            if (t.preTrust() == acctPre) {
                env.apply(trust(acct, usd.of(1)));
            }
            env.close();
            env.submit(offer(acct, usd.of(t.offerAmount()), stm(t.offerAmount())), ter(t.tec()));
            env.close();
            long acctOfferSeq = env.seq(acct) - 1;
            assertTrue(iouBalance(env, acct, usd).valueEquals(t.balanceUsd()),
                    t.account() + " USD " + iouBalance(env, acct, usd));
            assertEquals(t.fundDrops() - t.spentDrops(), env.balance(acct), t.account() + " drops");
            env.require(offers(acct, t.offers()), owners(acct, t.owners()));
            if (t.offers() > 0) {
                long leftover = t.offerAmount() - t.bookAmount();
                env.require(hasOffer(acct, usd.of(leftover), stm(leftover)));
            }
            if (t.preTrust() == no) {
                if (t.balanceUsd().signum() != 0) {
                    verifyDefaultTrustline(env, acct, t.balanceUsd());
                } else {
                    env.require(noLine(acct, usd.issue()));
                }
            }
            env.apply(offerCancel(acct, acctOfferSeq));
            env.apply(offerCancel(gw, gwOfferSeq));
            env.close();
        }
    }

    @ParameterizedTest
    @EnumSource
    void directCrossingNativeAndIssued(FeatureSet features) {
        STAmount usdOffer = usd.of(1000);
        STAmount stmOffer = stm(1000);
        Env env = env(features);
        env.fundRippling(stm(1_000_000), gw, bob);
        env.close();
        long fee = env.baseFee();
        env.fundRippling(drops(reserve(env, 2) + fee * 2), alice);
        env.close();
        env.apply(trust(alice, usdOffer));
        env.close();
        env.apply(pay(gw, alice, usdOffer));
        env.close();
        env.require(balance(alice, usdOffer), offers(alice, 0), offers(bob, 0));
        long aliceStm = env.balance(alice);
        long bobStm = env.balance(bob);
        env.apply(offer(alice, stmOffer, usdOffer));
        env.close();
        env.apply(offer(bob, usdOffer, stmOffer));
        env.close();
        env.require(balance(alice, usd.of(0)), balance(bob, usdOffer),
                balance(alice, drops(aliceStm + stmOffer.drops() - fee)),
                balance(bob, drops(bobStm - stmOffer.drops() - fee)), offers(alice, 0), offers(bob, 0));
        verifyDefaultTrustline(env, bob, usdOffer);
        env.apply(offer(alice, usd.of(999), stm(999)));
        env.apply(offer(bob, stmOffer, usdOffer));
        env.close();
        env.require(balance(alice, usd.of(999)), balance(bob, usd.of(1)), offers(alice, 0), offers(bob, 1),
                hasOffer(bob, stm(1), usd.of(1)));
        verifyDefaultTrustline(env, bob, usd.of(1));
    }

    @ParameterizedTest
    @EnumSource
    void directCrossingIssuedForIssuedRemovesTheLinesItMade(FeatureSet features) {
        STAmount usdOffer = usd.of(1000);
        STAmount eurOffer = eur.of(1000);
        Env env = env(features);
        env.fundRippling(stm(1_000_000), gw);
        env.close();
        long fee = env.baseFee();
        env.fundRippling(drops(reserve(env, 3) + fee * 3), alice);
        env.fundRippling(drops(reserve(env, 3) + fee * 2), bob);
        env.close();
        env.apply(trust(alice, usdOffer));
        env.apply(trust(bob, eurOffer));
        env.close();
        env.apply(pay(gw, alice, usdOffer));
        env.apply(pay(gw, bob, eurOffer));
        env.close();
        env.apply(offer(alice, eurOffer, usdOffer));
        env.apply(offer(bob, usdOffer, eurOffer));
        env.close();
        env.require(balance(alice, eurOffer), balance(bob, usdOffer), offers(alice, 0), offers(bob, 0));
        verifyDefaultTrustline(env, alice, eurOffer);
        verifyDefaultTrustline(env, bob, usdOffer);
        env.apply(offer(alice, usd.of(999), eurOffer));
        env.apply(offer(bob, eurOffer, usdOffer));
        env.close();
        env.require(balance(alice, usd.of(999)), balance(alice, eur.of(1)), balance(bob, usd.of(1)),
                balance(bob, eur.of(999)), offers(alice, 0), offers(bob, 1), hasOffer(bob, eur.of(1), usd.of(1)));
        env.apply(offer(alice, usd.of(1), eur.of(1)));
        env.close();
        env.require(balance(alice, usd.of(1000)), noLine(alice, eur.issue()), noLine(bob, usd.issue()),
                balance(bob, eur.of(1000)), offers(alice, 0), offers(bob, 0));
    }

    @ParameterizedTest
    @EnumSource
    void bridgedCrossingThroughTwoBooks(FeatureSet features) {
        STAmount usdOffer = usd.of(1000);
        STAmount eurOffer = eur.of(1000);
        Env env = env(features);
        env.fundRippling(stm(1_000_000), gw, alice, bob, carol);
        env.close();
        env.apply(trust(alice, usdOffer));
        env.apply(trust(carol, eurOffer));
        env.close();
        env.apply(pay(gw, alice, usdOffer));
        env.apply(pay(gw, carol, eurOffer));
        env.close();
        env.apply(offer(alice, stm(1000), usdOffer));
        env.apply(offer(bob, eurOffer, stm(1000)));
        long bobStm = env.balance(bob);
        env.close();
        env.apply(offer(carol, usd.of(400), eur.of(400)));
        env.close();
        env.require(balance(alice, usd.of(600)), balance(bob, eur.of(400)), balance(carol, usd.of(400)),
                balance(bob, drops(bobStm - stm(400).drops())), offers(carol, 0),
                hasOffer(alice, stm(600), usd.of(600)), hasOffer(bob, eur.of(600), stm(600)));
        verifyDefaultTrustline(env, bob, eur.of(400));
        verifyDefaultTrustline(env, carol, usd.of(400));
        env.apply(offer(carol, usd.of(600), eur.of(600)));
        env.close();
        env.require(balance(alice, usd.of(0)), balance(bob, eurOffer), balance(carol, usdOffer),
                balance(bob, drops(bobStm - stm(1000).drops())), offers(bob, 0), offers(carol, 0),
                secondLegConsumed(features, alice, usd));
        verifyDefaultTrustline(env, bob, eur.of(1000));
        verifyDefaultTrustline(env, carol, usd.of(1000));
    }

    private record Sell(String account, long fundDrops, STAmount fundUsd, STAmount gwGets, STAmount gwPays,
                        STAmount acctGets, STAmount acctPays, TER tec, long spentDrops, STAmount finalUsd, int offers,
                        int owners, STAmount takerGets, STAmount takerPays) {
    }

    @ParameterizedTest
    @EnumSource
    void sellOfferCornerCases(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000_000), gw);
        long f = env.baseFee();
        long r0 = reserve(env, 0);
        long r1 = reserve(env, 1);
        long r2 = reserve(env, 2);
        long one = 1_000_000L;
        STAmount u0 = usd.of(0);
        Sell[] tests = {
            new Sell("ann", 10 * one + r0 + f, u0, stm(10), usd.of(5), usd.of(10), stm(10), TER.tecINSUF_RESERVE_OFFER,
                    f, u0, 0, 0, null, null),
            new Sell("bev", 10 * one + r1 + f, u0, stm(10), usd.of(5), usd.of(10), stm(10), TER.tesSUCCESS,
                    f, u0, 1, 1, stm(10), usd.of(10)),
            new Sell("cam", 10 * one + r0 + f, u0, stm(10), usd.of(10), usd.of(10), stm(10), TER.tesSUCCESS,
                    10 * one + f, usd.of(10), 0, 1, null, null),
            new Sell("deb", 10 * one + r0 + f, u0, stm(10), usd.of(20), usd.of(10), stm(10), TER.tesSUCCESS,
                    10 * one + f, usd.of(20), 0, 1, null, null),
            new Sell("eve", 10 * one + r0 + f, u0, stm(10), usd.of(20), usd.of(5), stm(5), TER.tesSUCCESS,
                    5 * one + f, usd.of(10), 0, 1, null, null),
            new Sell("flo", 10 * one + r0 + f, u0, stm(10), usd.of(20), usd.of(20), stm(20), TER.tesSUCCESS,
                    10 * one + f, usd.of(20), 0, 1, null, null),
            new Sell("gay", 20 * one + r1 + f, u0, stm(10), usd.of(20), usd.of(20), stm(20), TER.tesSUCCESS,
                    10 * one + f, usd.of(20), 0, 1, null, null),
            new Sell("hye", 20 * one + r2 + f, u0, stm(10), usd.of(20), usd.of(20), stm(20), TER.tesSUCCESS,
                    10 * one + f, usd.of(20), 1, 2, stm(10), usd.of(10)),
            new Sell("meg", r1 + 2 * f, usd.of(10), usd.of(10), stm(5), stm(10), usd.of(10),
                    TER.tecINSUF_RESERVE_OFFER, 2 * f, usd.of(10), 0, 1, null, null),
            new Sell("nia", r2 + 2 * f, usd.of(10), usd.of(10), stm(5), stm(10), usd.of(10), TER.tesSUCCESS,
                    2 * f, usd.of(10), 1, 2, usd.of(10), stm(10)),
            new Sell("ova", r1 + 2 * f, usd.of(10), usd.of(10), stm(10), stm(10), usd.of(10), TER.tesSUCCESS,
                    -10 * one + 2 * f, u0, 0, 1, null, null),
            new Sell("pam", r1 + 2 * f, usd.of(10), usd.of(10), stm(20), stm(10), usd.of(10), TER.tesSUCCESS,
                    -20 * one + 2 * f, u0, 0, 1, null, null),
            new Sell("qui", r1 + 2 * f, usd.of(10), usd.of(20), stm(40), stm(10), usd.of(10), TER.tesSUCCESS,
                    -20 * one + 2 * f, u0, 0, 1, null, null),
            new Sell("rae", r2 + 2 * f, usd.of(10), usd.of(5), stm(5), stm(10), usd.of(10), TER.tesSUCCESS,
                    -5 * one + 2 * f, usd.of(5), 1, 2, usd.of(5), stm(5)),
            new Sell("sue", r2 + 2 * f, usd.of(10), usd.of(5), stm(10), stm(10), usd.of(10), TER.tesSUCCESS,
                    -10 * one + 2 * f, usd.of(5), 1, 2, usd.of(5), stm(5)),
        };
        for (Sell t : tests) {
            env.require(offers(gw, 0));
            Account acct = Account.of(t.account());
            env.fundRippling(drops(t.fundDrops()), acct);
            env.close();
            if (t.fundUsd().signum() != 0) {
                env.apply(trust(acct, t.fundUsd()));
                env.close();
                env.apply(pay(gw, acct, t.fundUsd()));
                env.close();
            }
            env.apply(offer(gw, t.gwGets(), t.gwPays()));
            env.close();
            long gwOfferSeq = env.seq(gw) - 1;
            env.submit(offer(acct, t.acctGets(), t.acctPays()).flags(TxFlags.SELL), ter(t.tec()));
            env.close();
            long acctOfferSeq = env.seq(acct) - 1;
            assertTrue(iouBalance(env, acct, usd).valueEquals(t.finalUsd()),
                    t.account() + " USD " + iouBalance(env, acct, usd));
            assertEquals(t.fundDrops() - t.spentDrops(), env.balance(acct), t.account() + " drops");
            env.require(offers(acct, t.offers()), owners(acct, t.owners()));
            if (t.offers() > 0) {
                // the remainder: takerGets, takerPays
                env.require(hasOffer(acct, t.takerPays(), t.takerGets()));
            }
            env.apply(offerCancel(acct, acctOfferSeq));
            env.apply(offerCancel(gw, gwOfferSeq));
            env.close();
        }
    }

    @ParameterizedTest
    @EnumSource
    void sellWithFillOrKill(FeatureSet features) {
        Env env = env(features);
        env.fundRippling(stm(10_000_000), gw, alice, bob);
        env.apply(trust(bob, usd.of(200)));
        env.close();
        env.apply(pay(gw, bob, usd.of(100)));
        env.close();
        env.apply(offer(bob, stm(2000), usd.of(20)));
        env.close();
        long sellFok = TxFlags.SELL | TxFlags.FILL_OR_KILL;
        // killed, successfully
        env.apply(offer(alice, usd.of(21), stm(2100)).flags(sellFok));
        env.close();
        env.require(noLine(alice, usd.issue()), offers(alice, 0), balance(bob, usd.of(100)));
        env.apply(offer(alice, usd.of(20), stm(2000)).flags(sellFok));
        env.close();
        env.require(balance(alice, usd.of(20)), offers(alice, 0), balance(bob, usd.of(80)));
        // selling gets more than asked
        env.apply(offer(bob, stm(2000), usd.of(20)));
        env.close();
        env.apply(offer(alice, usd.of(10), stm(1500)).flags(sellFok));
        env.close();
        env.require(balance(alice, usd.of(35)), offers(alice, 0), balance(bob, usd.of(65)));
        // cannot sell all of it: killed
        env.apply(offer(alice, usd.of(1), stm(501)).flags(sellFok));
        env.close();
        env.require(balance(alice, usd.of(35)), offers(alice, 0), balance(bob, usd.of(65)));
        env.apply(offer(alice, usd.of(1), stm(500)).flags(sellFok));
        env.close();
        env.require(balance(alice, usd.of(40)), offers(alice, 0), balance(bob, usd.of(60)));
    }

    private static long percent(int p) {
        return p * 10_000_000L;
    }

    @ParameterizedTest
    @EnumSource
    void transferRatesApplyToOffersButLineQualitiesDoNot(FeatureSet features) {
        Account gw1 = Account.of("gateway1");
        IOU usd1 = IOU.of(gw1, "USD");
        Env env = env(features);
        long fee = env.baseFee();
        long one = 1_000_000L;
        env.fundRippling(stm(100_000), gw1);
        env.close();
        env.apply(rate(gw1, 1.25));

        // the fee comes out of the seller's account, not its offer
        Account ann = Account.of("ann");
        Account bobx = Account.of("bob");
        env.fundRippling(drops(100 * one + reserve(env, 2) + fee * 2), ann, bobx);
        env.close();
        env.apply(trust(ann, usd1.of(200)));
        env.apply(trust(bobx, usd1.of(200)));
        env.close();
        env.apply(pay(gw1, bobx, usd1.of(125)));
        env.close();
        env.apply(offer(bobx, stm(1), usd1.of(100)));
        env.close();
        env.apply(offer(ann, usd1.of(100), stm(1)));
        env.close();
        env.require(balance(ann, usd1.of(100)), balance(ann, drops(99 * one + reserve(env, 2))), offers(ann, 0),
                balance(bobx, usd1.of(0)), balance(bobx, drops(101 * one + reserve(env, 2))), offers(bobx, 0));

        // the same with the book the other way round
        Account che = Account.of("che");
        Account deb = Account.of("deb");
        env.fundRippling(drops(100 * one + reserve(env, 2) + fee * 2), che, deb);
        env.close();
        env.apply(trust(che, usd1.of(200)));
        env.apply(trust(deb, usd1.of(200)));
        env.close();
        env.apply(pay(gw1, deb, usd1.of(125)));
        env.close();
        env.apply(offer(che, usd1.of(100), stm(1)));
        env.close();
        env.apply(offer(deb, stm(1), usd1.of(100)));
        env.close();
        env.require(balance(che, usd1.of(100)), balance(che, drops(99 * one + reserve(env, 2))), offers(che, 0),
                balance(deb, usd1.of(0)), balance(deb, drops(101 * one + reserve(env, 2))), offers(deb, 0));

        // what is taken from an offer leaves out the fee taken from the account
        Account eve = Account.of("eve");
        Account fyn = Account.of("fyn");
        env.fundRippling(drops(20_000 * one + fee * 2), eve, fyn);
        env.close();
        env.apply(trust(eve, usd1.of(1000)));
        env.apply(trust(fyn, usd1.of(1000)));
        env.close();
        env.apply(pay(gw1, eve, usd1.of(100)));
        env.apply(pay(gw1, fyn, usd1.of(100)));
        env.close();
        env.apply(offer(eve, usd1.of(10), stm(4000)));
        env.close();
        long eveOfferSeq = env.seq(eve) - 1;
        env.apply(offer(fyn, stm(2000), usd1.of(5)));
        env.close();
        env.require(balance(eve, usd1.of(105)), balance(eve, stm(18_000)), offers(eve, 1),
                hasOffer(eve, usd1.of(5), stm(2000)));
        env.apply(offerCancel(eve, eveOfferSeq));
        env.require(balance(fyn, usd1.of("93.75")), balance(fyn, stm(22_000)), offers(fyn, 0));

        // two issued currencies, two transfer rates, both charged
        Account gw2 = Account.of("gateway2");
        IOU eur2 = IOU.of(gw2, "EUR");
        env.fundRippling(stm(100_000), gw2);
        env.close();
        env.apply(rate(gw2, 1.5));
        Account gay = Account.of("gay");
        Account hal = Account.of("hal");
        env.fundRippling(drops(reserve(env, 3) + fee * 3), gay, hal);
        env.close();
        env.apply(trust(gay, usd1.of(200)));
        env.apply(trust(gay, eur2.of(200)));
        env.apply(trust(hal, usd1.of(200)));
        env.apply(trust(hal, eur2.of(200)));
        env.close();
        env.apply(pay(gw1, gay, usd1.of(125)));
        env.apply(pay(gw2, hal, eur2.of(150)));
        env.close();
        env.apply(offer(gay, eur2.of(100), usd1.of(100)));
        env.close();
        env.apply(offer(hal, usd1.of(100), eur2.of(100)));
        env.close();
        env.require(balance(gay, usd1.of(0)), balance(gay, eur2.of(100)), balance(gay, drops(reserve(env, 3))),
                offers(gay, 0), balance(hal, usd1.of(100)), balance(hal, eur2.of(0)),
                balance(hal, drops(reserve(env, 3))), offers(hal, 0));

        // QualityIn does not touch crossing
        Account ivy = Account.of("ivy");
        Account joe = Account.of("joe");
        env.fundRippling(drops(reserve(env, 3) + fee * 3), ivy, joe);
        env.close();
        env.apply(trust(ivy, usd1.of(400)).with(tx -> tx.setU32(SField.QUALITY_IN, percent(90))));
        env.apply(trust(ivy, eur2.of(400)).with(tx -> tx.setU32(SField.QUALITY_IN, percent(80))));
        env.apply(trust(joe, usd1.of(400)).with(tx -> tx.setU32(SField.QUALITY_IN, percent(70))));
        env.apply(trust(joe, eur2.of(400)).with(tx -> tx.setU32(SField.QUALITY_IN, percent(60))));
        env.close();
        env.apply(pay(gw1, ivy, usd1.of(270)).sendmax(usd1.of(500)));
        env.apply(pay(gw2, joe, eur2.of(150)).sendmax(eur2.of(300)));
        env.close();
        env.require(balance(ivy, usd1.of(300)), balance(joe, eur2.of(250)));
        env.apply(offer(ivy, eur2.of(100), usd1.of(200)));
        env.close();
        env.apply(offer(joe, usd1.of(200), eur2.of(100)));
        env.close();
        env.require(balance(ivy, usd1.of(50)), balance(ivy, eur2.of(100)), balance(ivy, drops(reserve(env, 3))),
                offers(ivy, 0), balance(joe, usd1.of(200)), balance(joe, eur2.of(100)),
                balance(joe, drops(reserve(env, 3))), offers(joe, 0));

        // QualityOut counts for payments but not for crossing
        Account kim = Account.of("kim");
        Account lex = Account.of("lex");
        Account meg = Account.of("meg");
        Account ned = Account.of("ned");
        IOU kBux = IOU.of(kim, "BUX");
        IOU nBux = IOU.of(ned, "BUX");
        env.fundRippling(drops(reserve(env, 4) + fee * 4), kim, lex, meg, ned);
        env.close();
        env.apply(trust(lex, kBux.of(400)));
        env.apply(trust(lex, nBux.of(200)).with(tx -> tx.setU32(SField.QUALITY_OUT, percent(120))));
        env.apply(trust(meg, nBux.of(100)));
        env.close();
        env.apply(pay(ned, lex, nBux.of(100)));
        env.close();
        env.require(balance(lex, nBux.of(100)));
        env.apply(pay(kim, meg, nBux.of(60)).paths(path(lex, ned)).sendmax(kBux.of(200)));
        env.close();
        env.require(noLine(kim, kBux.issue()), noLine(kim, nBux.issue()), balance(lex, kBux.of(72)),
                balance(lex, nBux.of(40)), noLine(meg, kBux.issue()), balance(meg, nBux.of(60)),
                noLine(ned, kBux.issue()), noLine(ned, nBux.issue()));
        env.apply(offer(lex, kBux.of(30), nBux.of(30)));
        env.close();
        env.apply(offer(kim, nBux.of(30), kBux.of(30)));
        env.close();
        env.require(noLine(kim, kBux.issue()), balance(kim, nBux.of(30)), balance(lex, kBux.of(102)),
                balance(lex, nBux.of(10)), noLine(meg, kBux.issue()), balance(meg, nBux.of(60)),
                balance(ned, kBux.of(-30)), noLine(ned, nBux.issue()));

        // auto-bridged, both fees
        Account ova = Account.of("ova");
        Account pat = Account.of("pat");
        Account qae = Account.of("qae");
        env.fundRippling(drops(2 * one + reserve(env, 3) + fee * 3), ova, pat, qae);
        env.close();
        for (Account a : new Account[] {ova, pat, qae}) {
            env.apply(trust(a, usd1.of(200)));
            env.apply(trust(a, eur2.of(200)));
        }
        env.close();
        env.apply(pay(gw1, ova, usd1.of(125)));
        env.apply(pay(gw2, qae, eur2.of(150)));
        env.close();
        env.apply(offer(ova, stm(2), usd1.of(100)));
        env.apply(offer(pat, eur2.of(100), stm(2)));
        env.close();
        env.apply(offer(qae, usd1.of(100), eur2.of(100)));
        env.close();
        env.require(balance(ova, usd1.of(0)), balance(ova, eur2.of(0)),
                balance(ova, drops(4 * one + reserve(env, 3))), secondLegConsumed(features, ova, usd1),
                balance(pat, usd1.of(0)), balance(pat, eur2.of(100)), balance(pat, drops(reserve(env, 3))),
                offers(pat, 0), balance(qae, usd1.of(100)), balance(qae, eur2.of(0)),
                balance(qae, drops(2 * one + reserve(env, 3))), offers(qae, 0));
    }

    @ParameterizedTest
    @EnumSource
    void aNewOfferRemovesTheOwnersCrossableOffersInsteadOfCrossingThem(FeatureSet features) {
        Env env = env(features);
        long fee = env.baseFee();
        STAmount startBalance = stm(1_000_000);
        env.fundRippling(drops(startBalance.drops() + fee * 4), gw);
        env.close();
        for (int i = 0; i < 3; i++) {
            env.apply(offer(gw, usd.of(60), stm(600)));
            env.close();
        }
        env.require(owners(gw, 3), balance(gw, drops(startBalance.drops() + fee)));
        env.apply(offer(gw, stm(1000), usd.of(100)));
        env.close();
        env.require(owners(gw, 1), offers(gw, 1), balance(gw, startBalance), hasOffer(gw, stm(1000), usd.of(100)));
    }

    private record SelfCross(String acct, long fundDrops, STAmount fundUsd, STAmount fundEur, TER firstOfferTec,
                             TER secondOfferTec) {
    }

    @ParameterizedTest
    @EnumSource
    void selfCrossingOffersAcrossTwoGateways(FeatureSet features) {
        Account gw1 = Account.of("gateway1");
        Account gw2 = Account.of("gateway2");
        IOU usd1 = IOU.of(gw1, "USD");
        IOU eur2 = IOU.of(gw2, "EUR");
        Env env = env(features);
        env.fundRippling(stm(1_000_000), gw1, gw2);
        env.close();
        long f = env.baseFee();
        long r3 = reserve(env, 3);
        SelfCross[] tests = {
            new SelfCross("ann", r3 + f * 4, usd1.of(1000), eur2.of(1000), TER.tesSUCCESS, TER.tesSUCCESS),
            new SelfCross("bev", r3 + f * 4, usd1.of(1), eur2.of(1000), TER.tesSUCCESS, TER.tesSUCCESS),
            new SelfCross("cam", r3 + f * 4, usd1.of(1000), eur2.of(1), TER.tesSUCCESS, TER.tesSUCCESS),
            new SelfCross("deb", r3 + f * 4, usd1.of(0), eur2.of(1), TER.tesSUCCESS, TER.tecUNFUNDED_OFFER),
            new SelfCross("eve", r3 + f * 4, usd1.of(1), eur2.of(0), TER.tecUNFUNDED_OFFER, TER.tesSUCCESS),
            new SelfCross("flo", r3, usd1.of(1000), eur2.of(1000), TER.tecINSUF_RESERVE_OFFER,
                    TER.tecINSUF_RESERVE_OFFER),
        };
        for (SelfCross t : tests) {
            Account acct = Account.of(t.acct());
            env.fundRippling(drops(t.fundDrops()), acct);
            env.close();
            env.apply(trust(acct, usd1.of(1000)));
            env.apply(trust(acct, eur2.of(1000)));
            env.close();
            if (t.fundUsd().signum() > 0) {
                env.apply(pay(gw1, acct, t.fundUsd()));
            }
            if (t.fundEur().signum() > 0) {
                env.apply(pay(gw2, acct, t.fundEur()));
            }
            env.close();
            env.submit(offer(acct, usd1.of(500), eur2.of(600)), ter(t.firstOfferTec()));
            env.close();
            long firstOfferSeq = env.seq(acct) - 1;
            int offerCount = t.firstOfferTec() == TER.tesSUCCESS ? 1 : 0;
            env.require(owners(acct, 2 + offerCount), balance(acct, t.fundUsd()), balance(acct, t.fundEur()),
                    offers(acct, offerCount));
            env.submit(offer(acct, eur2.of(600), usd1.of(500)), ter(t.secondOfferTec()));
            env.close();
            long secondOfferSeq = env.seq(acct) - 1;
            offerCount = t.secondOfferTec() == TER.tesSUCCESS ? 1 : offerCount;
            env.require(owners(acct, 2 + offerCount), balance(acct, t.fundUsd()), balance(acct, t.fundEur()),
                    offers(acct, offerCount));
            for (STObject o : env.offers(acct)) {
                boolean first = o.getU32(SField.SEQUENCE) == firstOfferSeq;
                assertTrue(o.getAmount(SField.TAKER_GETS).valueEquals(first ? eur2.of(600) : usd1.of(500)));
                assertTrue(o.getAmount(SField.TAKER_PAYS).valueEquals(first ? usd1.of(500) : eur2.of(600)));
            }
            env.apply(offerCancel(acct, firstOfferSeq));
            env.close();
            env.apply(offerCancel(acct, secondOfferSeq));
            env.close();
        }
    }

    // Amounts below are written as rippled's jtx writes a double: std::to_string, six decimals.

    @ParameterizedTest
    @EnumSource
    void anIssuerHasAsMuchOfItsOwnCurrencyAsItIsTrustedFor(FeatureSet features) {
        Env env = env(features);
        long f = env.baseFee();
        IOU bobUsd = IOU.of(bob, "USD");
        env.fundRippling(drops(stm(50_000).drops() + f), alice, bob);
        env.close();
        env.apply(offer(alice, bobUsd.of(5000), stm(50_000)));
        env.close();
        // crossing takes alice down to her reserve, and removes her offer
        env.apply(offer(bob, stm(50_000), bobUsd.of(5000)));
        env.close();
        env.require(balance(alice, stm(250)), owners(alice, 1), lines(alice, 1),
                offers(bob, 1), hasOffer(bob, stm(250), bobUsd.of(25)));
    }

    @ParameterizedTest
    @EnumSource
    void aPathFromAnIssueToItselfIsMalformed(FeatureSet features) {
        Env env = features.rippled();
        env.closeAt(Views.FIX1449_TIME + 3000);
        Account ann = Account.of("ann");
        Account cam = Account.of("cam");
        Account dan = Account.of("dan");
        IOU aBux = IOU.of(ann, "BUX");
        IOU dBux = IOU.of(dan, "BUX");
        long fee = env.baseFee();
        env.fundRippling(drops(reserve(env, 4) + fee * 4), ann, bob, cam, dan);
        env.close();
        env.apply(trust(bob, aBux.of(400)));
        env.apply(trust(bob, dBux.of(200)).with(tx -> tx.setU32(SField.QUALITY_OUT, percent(120))));
        env.apply(trust(cam, dBux.of(100)));
        env.close();
        env.apply(pay(dan, bob, dBux.of(100)));
        env.close();
        env.apply(pay(ann, cam, dBux.of(60)).paths(path(bob, dan)).sendmax(aBux.of(200)));
        env.close();
        env.require(balance(bob, aBux.of(72)), balance(bob, dBux.of(40)), balance(cam, dBux.of(60)));
        env.apply(offer(bob, aBux.of(30), dBux.of(30)));
        env.close();
        env.apply(trust(ann, dBux.of(100)));
        env.close();
        env.submit(pay(ann, ann, dBux.of(30)).paths(path(aBux, dBux)).sendmax(aBux.of(30)), ter(TER.temBAD_PATH));
        env.close();
        env.require(noLine(ann, aBux.issue()), balance(ann, dBux.of(0)), balance(bob, aBux.of(72)),
                balance(bob, dBux.of(40)), balance(cam, dBux.of(60)), balance(dan, aBux.of(0)),
                noLine(dan, dBux.issue()));
    }

    @ParameterizedTest
    @EnumSource
    void aDirectStepAfterADirectStepWhenCrossing(FeatureSet features) {
        Account ann = Account.of("ann");
        Account cam = Account.of("cam");
        IOU aBux = IOU.of(ann, "BUX");
        IOU bBux = IOU.of(bob, "BUX");
        Env env = env(features);
        long fee = env.baseFee();
        env.fundRippling(drops(reserve(env, 4) + fee * 5), ann, bob, cam);
        env.close();
        env.apply(trust(ann, bBux.of(40)));
        env.apply(trust(cam, aBux.of(40)));
        env.apply(trust(cam, bBux.of(40)));
        env.close();
        env.apply(pay(ann, cam, aBux.of(35)));
        env.apply(pay(bob, cam, bBux.of(35)));
        env.apply(offer(bob, aBux.of(30), bBux.of(30)));
        env.close();
        env.apply(offer(cam, aBux.of(29), bBux.of(30)).flags(TxFlags.PASSIVE));
        env.close();
        env.require(balance(cam, aBux.of(35)), balance(cam, bBux.of(35)), offers(cam, 1));
        env.apply(offer(cam, bBux.of(30), aBux.of(30)));
        env.close();
        env.require(balance(bob, aBux.of(30)), balance(cam, aBux.of(5)), balance(cam, bBux.of(65)), offers(cam, 0));
    }

    @ParameterizedTest
    @EnumSource
    void selfCrossingALowQualityOfferNeedsTheReserve(FeatureSet features) {
        Account ann = Account.of("ann");
        Env env = env(features);
        long fee = env.baseFee();
        env.fundRippling(drops(reserve(env, 2) + 9_999_640 + fee), ann);
        env.fundRippling(drops(reserve(env, 2) + fee * 4), gw);
        env.close();
        env.apply(rate(gw, 1.002));
        env.apply(trust(ann, btc.of(10)));
        env.close();
        env.apply(pay(gw, ann, btc.of("2.856")));
        env.close();
        env.apply(offer(ann, drops(365_611_702_030L), btc.of("5.713")));
        env.close();
        env.submit(offer(ann, btc.of("0.687"), drops(20_000_000_000L)), ter(TER.tecINSUF_RESERVE_OFFER));
    }

    @ParameterizedTest
    @EnumSource
    void theRestOfAPartlyCrossedOfferKeepsItsPrice(FeatureSet features) {
        IOU cny = IOU.of(gw, "CNY");
        Env env = env(features);
        long fee = env.baseFee();
        env.fundRippling(drops(reserve(env, 2) + 400_000_000_000L + fee), alice, bob);
        env.fundRippling(drops(reserve(env, 2) + fee * 4), gw);
        env.close();
        env.apply(trust(bob, cny.of(500)));
        env.close();
        env.apply(pay(gw, bob, cny.of(300)));
        env.close();
        env.apply(offer(bob, drops(5_400_000_000L), cny.of("216.054")));
        env.close();
        env.apply(offer(alice, cny.of("13562.0001"), drops(339_000_000_000L)));
        env.close();
        env.require(offers(alice, 1), hasOffer(alice, cny.of("13345.9461"), drops(333_599_446_582L)));

        IOU jpy = IOU.of(gw, "JPY");
        Env rated = env(features);
        rated.fundRippling(drops(reserve(rated, 2) + 400_000_000_000L + fee), alice, bob);
        rated.fundRippling(drops(reserve(rated, 2) + fee * 4), gw);
        rated.close();
        rated.apply(rate(gw, 1.002));
        rated.apply(trust(alice, jpy.of(4000)));
        rated.apply(trust(bob, btc.of(2)));
        rated.close();
        rated.apply(pay(gw, alice, jpy.of("3699.034802")));
        rated.apply(pay(gw, bob, btc.of("1.156723")));
        rated.close();
        rated.apply(offer(bob, jpy.of("1241.913391"), btc.of("0.019698")));
        rated.close();
        rated.apply(offer(alice, btc.of("0.055076"), jpy.of("3472.696773")));
        rated.close();
        rated.require(offers(alice, 1), hasOffer(alice, btc.of("0.035378"),
                STAmount.of(jpy.issue(), 2_230_682_446_713_524L, -12, false)));
    }

    @ParameterizedTest
    @EnumSource
    void theThresholdFollowsReducedFunds(FeatureSet features) {
        Account gw1 = Account.of("gw1");
        Account gw2 = Account.of("gw2");
        IOU usd1 = IOU.of(gw1, "USD");
        IOU jpy2 = IOU.of(gw2, "JPY");
        Env env = env(features);
        long fee = env.baseFee();
        env.fundRippling(drops(reserve(env, 2) + 400_000_000_000L + fee), alice, bob);
        env.fundRippling(drops(reserve(env, 2) + fee * 4), gw1, gw2);
        env.close();
        env.apply(rate(gw1, 1.002));
        env.apply(trust(alice, usd1.of(1000)));
        env.apply(trust(bob, jpy2.of(100_000)));
        env.close();
        env.apply(pay(gw1, alice, STAmount.of(usd1.issue(), 2_185_410_179_555_600L, -14, false)));
        env.apply(pay(gw2, bob, STAmount.of(jpy2.issue(), 6_351_823_459_548_956L, -12, false)));
        env.close();
        env.apply(offer(bob, STAmount.of(usd1.issue(), 4_371_257_532_306_000L, -17, false),
                STAmount.of(jpy2.issue(), 4_573_216_636_606_000L, -15, false)));
        env.close();
        env.apply(offer(alice, STAmount.of(jpy2.issue(), 2_291_181_510_070_762L, -12, false),
                STAmount.of(usd1.issue(), 2_190_218_999_914_694L, -14, false)));
        env.close();
        env.require(offers(alice, 1), hasOffer(alice, STAmount.of(jpy2.issue(), 2_286_608_293_434_156L, -12, false),
                STAmount.of(usd1.issue(), 2_185_847_305_256_635L, -14, false)));
    }

    @ParameterizedTest
    @EnumSource
    void aTinyOfferIsCrossedForADrop(FeatureSet features) {
        Account gwx = Account.of("gw");
        IOU cny = IOU.of(gwx, "CNY");
        Env env = env(features);
        long fee = env.baseFee();
        long start = 400_000_000_000L + fee * 2;
        env.fundRippling(drops(start), gwx, alice, bob);
        env.close();
        env.apply(trust(bob, cny.of(100_000)));
        env.close();
        STAmount alicesCnyOffer = STAmount.of(cny.issue(), 4_926_000_000_000_000L, -23, false);
        env.apply(offer(alice, alicesCnyOffer, drops(1)).flags(TxFlags.PASSIVE));
        env.close();
        STAmount bobsStart = STAmount.of(cny.issue(), 3_767_479_960_090_235L, -15, false);
        env.apply(pay(gwx, bob, bobsStart));
        env.close();
        env.apply(offer(bob, drops(203), STAmount.of(cny.issue(), 1_000_000_000_000_000L, -20, false)));
        env.close();
        env.require(balance(alice, alicesCnyOffer), balance(alice, drops(start - fee - 1)),
                balance(bob, bobsStart.subtract(alicesCnyOffer)), balance(bob, drops(start - fee * 2 + 1)));
    }

    private record Actor(String name, int offers, long drops, STAmount btc, STAmount usd) {
    }

    private record SelfPay(int self, int leg0, int leg1, String btcStart, Actor... actors) {
    }

    /** alice crosses her own offers through the native currency: the transfer fee is charged as for a payment. */
    private void runSelfPay(FeatureSet features, SelfPay[] tests) {
        Account gwx = Account.of("gw");
        IOU btcx = IOU.of(gwx, "BTC");
        IOU usdx = IOU.of(gwx, "USD");
        Env env = env(features);
        env.fundRippling(stm(4_000_000), gwx);
        env.close();
        env.apply(rate(gwx, 1.25));
        env.close();
        for (SelfPay t : tests) {
            Account[] accts = new Account[t.actors().length];
            for (int i = 0; i < accts.length; i++) {
                accts[i] = Account.of(t.actors()[i].name());
                env.fundRippling(stm(4_000_000), accts[i]);
                env.close();
                env.apply(trust(accts[i], btcx.of(40)));
                env.apply(trust(accts[i], usdx.of(8000)));
                env.close();
            }
            Account self = accts[t.self()];
            Account leg0 = accts[t.leg0()];
            Account leg1 = accts[t.leg1()];
            env.apply(pay(gwx, self, btcx.of(t.btcStart())));
            env.apply(pay(gwx, self, usdx.of(2000)));
            if (!self.equals(leg1)) {
                env.apply(pay(gwx, leg1, usdx.of(2000)));
            }
            env.close();
            env.apply(offer(leg0, btcx.of(10), stm(100_000)).flags(TxFlags.PASSIVE));
            env.close();
            long leg0OfferSeq = env.seq(leg0) - 1;
            env.apply(offer(leg1, stm(100_000), usdx.of(1000)).flags(TxFlags.PASSIVE));
            env.close();
            long leg1OfferSeq = env.seq(leg1) - 1;
            env.apply(offer(self, usdx.of(1000), btcx.of(10)));
            env.close();
            long selfOfferSeq = env.seq(self) - 1;
            for (int i = 0; i < accts.length; i++) {
                Actor a = t.actors()[i];
                long liveOffers = env.offers(accts[i]).stream()
                        .filter(o -> o.getAmount(SField.TAKER_GETS).signum() != 0).count();
                assertEquals(a.offers(), liveOffers, a.name() + " offers");
                env.require(balance(accts[i], drops(a.drops())), balance(accts[i], a.btc()),
                        balance(accts[i], a.usd()));
            }
            env.apply(offerCancel(leg0, leg0OfferSeq));
            env.close();
            env.apply(offerCancel(leg1, leg1OfferSeq));
            env.close();
            env.apply(offerCancel(self, selfOfferSeq));
            env.close();
        }
    }

    @ParameterizedTest
    @EnumSource
    void payingYourselfThroughYourOwnOffersPaysTheTransferFee(FeatureSet features) {
        IOU btcx = IOU.of(Account.of("gw"), "BTC");
        IOU usdx = IOU.of(Account.of("gw"), "USD");
        runSelfPay(features, new SelfPay[] {
            new SelfPay(0, 0, 1, "20", new Actor("ann", 0, 3_899_999_999_960L, btcx.of(20), usdx.of(3000)),
                    new Actor("abe", 0, 4_099_999_999_970L, btcx.of(0), usdx.of(750))),
            new SelfPay(0, 1, 0, "20", new Actor("bev", 0, 4_099_999_999_960L, btcx.of("7.5"), usdx.of(2000)),
                    new Actor("bob", 0, 3_899_999_999_970L, btcx.of(10), usdx.of(0))),
            new SelfPay(0, 0, 0, "20", new Actor("cam", 0, 3_999_999_999_950L, btcx.of(20), usdx.of(2000))),
            new SelfPay(0, 1, 0, "5", new Actor("eve", 1, 4_039_999_999_960L, btcx.of(0), usdx.of(2000)),
                    new Actor("eli", 1, 3_959_999_999_970L, btcx.of(4), usdx.of(0))),
        });
        if (features.flowCross()) {
            // crossing through the payment engine has no "unlimited funds" for paying oneself
            runSelfPay(features, new SelfPay[] {
                new SelfPay(0, 0, 1, "5", new Actor("gay", 1, 3_949_999_999_960L, btcx.of(5), usdx.of(2500)),
                        new Actor("gar", 1, 4_049_999_999_970L, btcx.of(0), usdx.of(1375))),
                new SelfPay(0, 0, 0, "5", new Actor("hye", 2, 3_999_999_999_950L, btcx.of(5), usdx.of(2000))),
            });
        } else {
            // the Taker treats a taker owning a bridge's leg as having all that leg offers
            runSelfPay(features, new SelfPay[] {
                new SelfPay(0, 0, 1, "5", new Actor("deb", 0, 3_899_999_999_960L, btcx.of(5), usdx.of(3000)),
                        new Actor("dan", 0, 4_099_999_999_970L, btcx.of(0), usdx.of(750))),
                new SelfPay(0, 0, 0, "5", new Actor("flo", 0, 3_999_999_999_950L, btcx.of(5), usdx.of(2000))),
            });
        }
    }

    @ParameterizedTest
    @EnumSource
    void authorizedHoldersCrossEachOther(FeatureSet features) {
        Account gwx = Account.of("gw");
        IOU gwUsd = IOU.of(gwx, "USD");
        Env env = env(features);
        env.fundRippling(stm(400_000), gwx, alice, bob);
        env.close();
        env.apply(fset(gwx, TxFlags.ASF_REQUIRE_AUTH));
        env.close();
        env.apply(trust(gwx, IOU.of(bob, "USD").of(100)).flags(TxFlags.SETF_AUTH));
        env.apply(trust(bob, gwUsd.of(100)));
        env.apply(trust(gwx, IOU.of(alice, "USD").of(100)).flags(TxFlags.SETF_AUTH));
        env.apply(trust(alice, gwUsd.of(100)));
        env.apply(offer(alice, gwUsd.of(40), stm(4000)));
        env.close();
        env.require(offers(alice, 1), balance(alice, gwUsd.of(0)));
        env.apply(pay(gwx, bob, gwUsd.of(50)));
        env.close();
        env.require(balance(bob, gwUsd.of(50)));
        env.apply(offer(bob, stm(4000), gwUsd.of(40)));
        env.close();
        env.require(offers(alice, 0), balance(alice, gwUsd.of(40)), offers(bob, 0), balance(bob, gwUsd.of(10)));
    }

    @ParameterizedTest
    @EnumSource
    void anUnauthorizedOfferIsRemovedNotCrossed(FeatureSet features) {
        Account gwx = Account.of("gw");
        IOU gwUsd = IOU.of(gwx, "USD");
        Env env = env(features);
        env.fundRippling(stm(400_000), gwx, alice, bob);
        env.close();
        env.apply(offer(alice, gwUsd.of(40), stm(4000)));
        env.close();
        env.require(offers(alice, 1), noLine(alice, gwUsd.issue()));
        env.apply(fset(gwx, TxFlags.ASF_REQUIRE_AUTH));
        env.close();
        env.apply(trust(gwx, IOU.of(bob, "USD").of(100)).flags(TxFlags.SETF_AUTH));
        env.close();
        env.apply(trust(bob, gwUsd.of(100)));
        env.close();
        env.apply(pay(gwx, bob, gwUsd.of(50)));
        env.close();
        env.require(balance(bob, gwUsd.of(50)));
        env.apply(offer(bob, stm(4000), gwUsd.of(40)));
        env.close();
        long bobOfferSeq = env.seq(bob) - 1;
        if (!features.flowCross()) {
            // the Taker moves the funds itself, without asking for authorization: the offers cross
            env.require(offers(alice, 0), balance(alice, gwUsd.of(40)), offers(bob, 0), balance(bob, gwUsd.of(10)));
            return;
        }
        env.require(offers(alice, 0), noLine(alice, gwUsd.issue()), offers(bob, 1), balance(bob, gwUsd.of(50)));
        env.submit(offer(alice, gwUsd.of(40), stm(4000)), ter(TER.tecNO_LINE));
        env.close();
        env.require(offers(alice, 0), noLine(alice, gwUsd.issue()), offers(bob, 1), balance(bob, gwUsd.of(50)));
        env.apply(trust(gwx, IOU.of(alice, "USD").of(100)));
        env.close();
        env.submit(offer(alice, gwUsd.of(40), stm(4000)), ter(TER.tecNO_AUTH));
        env.close();
        env.require(offers(alice, 0), balance(alice, gwUsd.of(0)), offers(bob, 1), balance(bob, gwUsd.of(50)));
        env.apply(offerCancel(bob, bobOfferSeq));
        env.close();
        env.require(offers(bob, 0));
        env.apply(trust(gwx, IOU.of(alice, "USD").of(100)).flags(TxFlags.SETF_AUTH));
        env.close();
        env.apply(offer(alice, gwUsd.of(40), stm(4000)));
        env.close();
        env.require(offers(alice, 1));
        env.apply(offer(bob, stm(4000), gwUsd.of(40)));
        env.close();
        env.require(offers(alice, 0), balance(alice, gwUsd.of(40)), offers(bob, 0), balance(bob, gwUsd.of(10)));
    }

    @ParameterizedTest
    @EnumSource
    void aPaymentThroughAMarketMakerBetweenGatewaysRequiringAuth(FeatureSet features) {
        Account hotUs = Account.of("hotUS");
        Account coldUs = Account.of("coldUS");
        Account hotEu = Account.of("hotEU");
        Account coldEu = Account.of("coldEU");
        Account mm = Account.of("mm");
        IOU usdc = IOU.of(coldUs, "USD");
        IOU eurc = IOU.of(coldEu, "EUR");
        Env env = env(features);
        env.fundRippling(stm(100_000), hotUs, coldUs, hotEu, coldEu, mm);
        env.close();
        for (Account cold : new Account[] {coldUs, coldEu}) {
            env.apply(fset(cold, TxFlags.ASF_REQUIRE_AUTH));
            env.apply(fset(cold, TxFlags.ASF_DEFAULT_RIPPLE));
        }
        env.close();
        env.apply(trust(hotUs, usdc.of(10_000_000)).flags(TxFlags.SET_NO_RIPPLE));
        env.apply(trust(hotEu, eurc.of(10_000_000)).flags(TxFlags.SET_NO_RIPPLE));
        env.apply(trust(mm, usdc.of(10_000_000)).flags(TxFlags.SET_NO_RIPPLE));
        env.apply(trust(mm, eurc.of(10_000_000)).flags(TxFlags.SET_NO_RIPPLE));
        env.close();
        env.apply(trust(coldUs, usdc.of(0), hotUs).flags(TxFlags.SETF_AUTH));
        env.apply(trust(coldEu, eurc.of(0), hotEu).flags(TxFlags.SETF_AUTH));
        env.apply(trust(coldUs, usdc.of(0), mm).flags(TxFlags.SETF_AUTH));
        env.apply(trust(coldEu, eurc.of(0), mm).flags(TxFlags.SETF_AUTH));
        env.close();
        env.apply(pay(coldUs, hotUs, usdc.of(5_000_000)));
        env.apply(pay(coldEu, hotEu, eurc.of(5_000_000)));
        env.apply(pay(coldUs, mm, usdc.of(5_000_000)));
        env.apply(pay(coldEu, mm, eurc.of(5_000_000)));
        env.close();
        // rippled computes these in float and writes them with six decimals
        float rate = 0.9f;
        env.apply(offer(mm, eurc.of(String.format("%f", (double) (4_000_000 * rate))), usdc.of(4_000_000))
                .flags(TxFlags.SELL));
        float reverseRate = 1.0f / rate * 1.00101f;
        env.apply(offer(mm, usdc.of(String.format("%f", (double) (4_000_000 * reverseRate))), eurc.of(4_000_000))
                .flags(TxFlags.SELL));
        env.close();
        env.apply(pay(hotUs, coldEu, eurc.of(10)).sendmax(usdc.of("11.122333")));
    }

    @ParameterizedTest
    @EnumSource
    void anIssuerMayOfferForItsOwnCurrencyEvenRequiringAuth(FeatureSet features) {
        Account gwx = Account.of("gw");
        IOU gwUsd = IOU.of(gwx, "USD");
        Env env = env(features);
        env.fundRippling(stm(400_000), gwx, alice);
        env.close();
        env.apply(offer(gwx, gwUsd.of(40), stm(4000)));
        env.close();
        long gwOfferSeq = env.seq(gwx) - 1;
        env.require(offers(gwx, 1));
        env.submit(fset(gwx, TxFlags.ASF_REQUIRE_AUTH), ter(TER.tecOWNERS));
        env.close();
        env.apply(offerCancel(gwx, gwOfferSeq));
        env.close();
        env.require(offers(gwx, 0));
        env.apply(fset(gwx, TxFlags.ASF_REQUIRE_AUTH));
        env.close();
        // before FlowCross an issuer requiring authorization could not offer to buy its own currency
        env.submit(offer(gwx, gwUsd.of(40), stm(4000)),
                ter(features.flowCross() ? TER.tesSUCCESS : TER.tecNO_LINE));
        env.close();
        env.require(offers(gwx, features.flowCross() ? 1 : 0));
        if (!features.flowCross()) {
            return;
        }
        env.apply(trust(gwx, IOU.of(alice, "USD").of(100)).flags(TxFlags.SETF_AUTH));
        env.apply(trust(alice, gwUsd.of(100)));
        env.close();
        env.apply(pay(gwx, alice, gwUsd.of(50)));
        env.close();
        env.require(balance(alice, gwUsd.of(50)));
        env.apply(offer(alice, stm(4000), gwUsd.of(40)));
        env.close();
        env.require(offers(alice, 0), balance(alice, gwUsd.of(10)), offers(gwx, 0));
    }

    @ParameterizedTest
    @EnumSource
    void tickSizeRoundsTheInexactSide(FeatureSet features) {
        IOU xts = IOU.of(gw, "XTS");
        IOU xxx = IOU.of(gw, "XXX");
        Env env = env(features);
        env.fundRippling(stm(10_000), gw, alice);
        env.apply(noop(gw).with(tx -> tx.setU8(SField.TICK_SIZE, 5)));
        assertEquals(5, env.root(gw).getU8(SField.TICK_SIZE));
        env.apply(trust(alice, xts.of(1000)));
        env.apply(trust(alice, xxx.of(1000)));
        env.apply(pay(gw, alice, IOU.of(alice, "XTS").of(100)));
        env.apply(pay(gw, alice, IOU.of(alice, "XXX").of(100)));
        env.apply(offer(alice, xts.of(10), xxx.of(30)));
        env.apply(offer(alice, xts.of(30), xxx.of(10)));
        env.apply(offer(alice, xts.of(10), xxx.of(30)).flags(TxFlags.SELL));
        env.apply(offer(alice, xts.of(30), xxx.of(10)).flags(TxFlags.SELL));
        List<STObject> offers = new ArrayList<>(env.offers(alice));
        offers.sort(Comparator.comparingLong(o -> o.getU32(SField.SEQUENCE)));
        assertEquals(4, offers.size());
        STAmount firstGets = offers.get(0).getAmount(SField.TAKER_GETS);
        assertTrue(offers.get(0).getAmount(SField.TAKER_PAYS).valueEquals(xts.of(10)));
        assertTrue(firstGets.compareTo(xxx.of(30)) < 0 && firstGets.compareTo(xxx.of("29.9994")) > 0);
        assertTrue(offers.get(1).getAmount(SField.TAKER_PAYS).valueEquals(xts.of(30)));
        assertTrue(offers.get(1).getAmount(SField.TAKER_GETS).valueEquals(xxx.of(10)));
        assertTrue(offers.get(2).getAmount(SField.TAKER_PAYS).valueEquals(xts.of("10.0002")));
        assertTrue(offers.get(2).getAmount(SField.TAKER_GETS).valueEquals(xxx.of(30)));
        assertTrue(offers.get(3).getAmount(SField.TAKER_PAYS).valueEquals(xts.of(30)));
        assertTrue(offers.get(3).getAmount(SField.TAKER_GETS).valueEquals(xxx.of(10)));
    }
}
