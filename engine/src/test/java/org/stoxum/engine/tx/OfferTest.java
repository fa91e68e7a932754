package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.hasOffer;
import static org.stoxum.engine.tx.jtx.Conditions.noLine;
import static org.stoxum.engine.tx.jtx.Conditions.noOffer;
import static org.stoxum.engine.tx.jtx.Conditions.offers;
import static org.stoxum.engine.tx.jtx.Conditions.owners;
import static org.stoxum.engine.tx.jtx.Jtx.drops;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.offerCancel;
import static org.stoxum.engine.tx.jtx.Jtx.path;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.rate;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;
import static org.stoxum.engine.tx.jtx.Jtx.trust;

import org.junit.jupiter.api.Test;
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
 * OfferCreate and OfferCancel as rippled's {@code Offer_test} checks them with FlowCross: placing,
 * crossing (direct and bridged), fill modes, reserves, expiration, cancel-replace, self-crossing.
 * Expected amounts are rippled's.
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
    private static Env env() {
        Env env = Env.rippled();
        env.closeAt(Views.FIX1449_TIME + 100 * 30);
        return env;
    }

    private static STAmount stmMinusFee(Env env, long units) {
        return drops(units * 1_000_000L - env.baseFee());
    }

    private static long reserve(Env env, int count) {
        return env.current().fees().accountReserve(count);
    }

    private static STAmount plus(STAmount a, long drops) {
        return drops(a.drops() + drops);
    }

    @Test
    void aFundedOfferNotUsedIsNotRemoved() {
        Env env = env();
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

    @Test
    void cancelAndReplace() {
        Env env = env();
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

    @Test
    void tinyPaymentsNeedTheRoundingSwitchover() {
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        IOU eurx = IOU.of(gwx, "EUR");
        Env env = Env.atTimeZero();
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

    @Test
    void aTinyNativeInputIsRoundedUpNotToZero() {
        Account dan = Account.of("dan");
        Account erin = Account.of("erin");
        Account gwx = Account.of("gw");
        IOU usdx = IOU.of(gwx, "USD");
        Env env = Env.atTimeZero();
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

    @Test
    void noRippleIsEnforcedOnAnImpliedStepAfterABook() {
        Account dan = Account.of("dan");
        Account gw1 = Account.of("gw1");
        Account gw2 = Account.of("gw2");
        IOU usd1 = IOU.of(gw1, "USD");
        IOU usd2 = IOU.of(gw2, "USD");
        for (boolean noRipple : new boolean[] {true, false}) {
            Env env = env();
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

    @Test
    void anOfferNeedsTheReserveUnlessItCrosses() {
        STAmount usdOffer = usd.of(1000);
        STAmount stmOffer = stm(1000);
        // no crossing
        Env env = env();
        env.fundRippling(stm(1_000_000), gw);
        long f = env.baseFee();
        long r = reserve(env, 0);
        env.fundRippling(drops(r + f), alice);
        env.apply(trust(alice, usdOffer));
        env.apply(pay(gw, alice, usdOffer));
        env.submit(offer(alice, stmOffer, usdOffer), ter(TER.tecINSUF_RESERVE_OFFER));
        env.require(balance(alice, drops(r - f)), owners(alice, 1));

        // partial cross
        Env partial = env();
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
        Env full = env();
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

    @Test
    void fillOrKill() {
        STAmount start = stm(1_000_000);
        Env env = env();
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

    @Test
    void immediateOrCancel() {
        STAmount start = stm(1_000_000);
        Env env = env();
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

    @Test
    void passiveOffersDoNotCrossEqualQuality() {
        STAmount start = stm(1_000_000);
        Env env = env();
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
        Env better = env();
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

    @Test
    void malformedOffers() {
        STAmount start = stm(1_000_000);
        Env env = env();
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

    @Test
    void expiredOffersAreRefusedThenRemovedWhenFound() {
        STAmount start = stm(1_000_000);
        STAmount usdOffer = usd.of(1000);
        STAmount stmOffer = stm(1000);
        Env env = env();
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

    @Test
    void unfundedCrossing() {
        STAmount usdOffer = usd.of(1000);
        STAmount stmOffer = stm(1000);
        Env env = env();
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

    @Test
    void selfCrossing() {
        Account partner = Account.of("partner");
        for (boolean usePartner : new boolean[] {false, true}) {
            Env env = env();
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
            env.require(offers(a, 0));
            env.apply(offerCancel(a, secondLegSeq));
            env.require(offers(a, 0));
            // a direct self-cross removes the older offer
            env.apply(offer(a, btc.of(250), usd.of(50)));
            env.require(offers(a, 1), hasOffer(a, btc.of(250), usd.of(50)));
            env.apply(offer(a, usd.of(50), btc.of(250)));
            env.require(offers(a, 1), hasOffer(a, usd.of(50), btc.of(250)));
        }
    }

    @Test
    void negativeBalanceWithTransferFeeAndTinyFunds() {
        Env env = env();
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
        // FlowCross moves one drop for the tiny amount
        env.require(balance(alice, usd.of(-50)), balance(bob, usd.of(0)));
        assertEquals(aliceInitial.drops() - 3 * env.baseFee() - 1, env.balance(alice));
        assertEquals(bobInitial.drops() - 2 * env.baseFee() + 1, env.balance(bob));
    }

    @Test
    void crossingWithTheNativeCurrencyInEitherOrder() {
        for (boolean reverse : new boolean[] {false, true}) {
            Env env = env();
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

    @Test
    void crossingMayExceedTheTakersTrustLimit() {
        Env env = env();
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

    @Test
    void cancellingPastAndFutureSequences() {
        Env env = env();
        Account master = env.master();
        long nextOfferSeq = env.seq(master);
        env.apply(offer(master, stm(500), IOU.of(master, "USD").of(100)));
        env.close();
        env.apply(offerCancel(master, nextOfferSeq));
        assertEquals(nextOfferSeq + 2, env.seq(master));
        env.close();
        env.close();
        assertEquals(nextOfferSeq + 2, env.seq(master));

        Env past = env();
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

    @Test
    void currencyConversionEntireOffer() {
        Env env = env();
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

    @Test
    void anOfferThatWouldPutItsOwnerIntoDebtIsUnfunded() {
        Env env = env();
        env.fundRippling(stm(10_000), alice, bob, carol);
        env.apply(trust(alice, IOU.of(carol, "EUR").of(2000)));
        env.apply(trust(bob, IOU.of(alice, "USD").of(100)));
        env.apply(trust(carol, IOU.of(bob, "EUR").of(1000)));
        long bobOfferSeq = env.seq(bob);
        env.submit(offer(bob, IOU.of(alice, "USD").of(50), IOU.of(carol, "EUR").of(200)), ter(TER.tecUNFUNDED_OFFER));
        env.apply(offer(alice, IOU.of(carol, "EUR").of(200), IOU.of(alice, "USD").of(50)));
        assertEquals(null, offerEntry(env, bob, bobOfferSeq));
    }

    @Test
    void currencyConversionInParts() {
        Env env = env();
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

    @Test
    void crossCurrencyPaymentsStartingOrEndingNative() {
        Env start = env();
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

        Env end = env();
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

    @Test
    void crossCurrencyPaymentBridgedThroughTheNativeCurrency() {
        Account gw1 = Account.of("gateway_1");
        Account gw2 = Account.of("gateway_2");
        Account dan = Account.of("dan");
        IOU usd1 = IOU.of(gw1, "USD");
        IOU eur2 = IOU.of(gw2, "EUR");
        Env env = env();
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

    @Test
    void theReserveLimitsWhatAnOfferCanSpend() {
        Account gw1 = Account.of("gateway_1");
        Account gw2 = Account.of("gateway_2");
        Account gw3 = Account.of("gateway_3");
        IOU usd1 = IOU.of(gw1, "USD");
        Env env = env();
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

    @Test
    void offerCreatedThenCrossedWithATransferRate() {
        Env env = env();
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

    @Test
    void sellOffers() {
        Env env = env();
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
        Env exceed = env();
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

    @Test
    void gatewayCrossCurrencyThroughItsOwnBook() {
        IOU xts = IOU.of(gw, "XTS");
        IOU xxx = IOU.of(gw, "XXX");
        Env env = env();
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
}
