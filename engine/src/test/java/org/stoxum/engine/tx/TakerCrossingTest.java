package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.hasOffer;
import static org.stoxum.engine.tx.jtx.Conditions.offers;
import static org.stoxum.engine.tx.jtx.Jtx.drops;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.stm;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

/**
 * Offer crossing without FlowCross beyond rippled's Offer_test: on a chain with no amendments at all (what a
 * stand-alone server starts without {@code --start}), and the protocol's cap of 850 crossings per offer.
 */
class TakerCrossingTest {
    private final Account gw = Account.of("gateway");
    private final Account alice = Account.of("alice");
    private final IOU usd = IOU.of(gw, "USD");

    private static Env withoutAmendments() {
        NetworkProfile p = NetworkProfile.RIPPLE;
        return new Env(p, Genesis.create(p, Set.of(), Fees.defaults(p), Set.of()), 0);
    }

    @Test
    void offersCrossOnAChainWithoutAmendments() {
        Env env = withoutAmendments();
        env.fund(stm(10_000), gw, alice);
        env.close();
        // the issuer sells its own currency: no funds needed, no line for alice yet
        env.apply(offer(gw, stm(100), usd.of(50)));
        long before = env.balance(alice);
        env.apply(offer(alice, usd.of(20), stm(40)));
        env.close();
        // alice's line is made by the crossing itself
        env.require(balance(alice, usd.of(20)), offers(alice, 0), offers(gw, 1), hasOffer(gw, stm(60), usd.of(30)));
        assertEquals(before - env.baseFee() - stm(40).drops(), env.balance(alice));
        // what does not cross is placed at the offer's price
        env.apply(offer(alice, usd.of(40), stm(80)));
        env.require(balance(alice, usd.of(50)), offers(gw, 0), offers(alice, 1), hasOffer(alice, usd.of(10), stm(20)));
    }

    @Test
    void anOfferStopsCrossingAfter850Crossings() {
        Env env = withoutAmendments();
        env.fund(stm(100_000), gw, alice);
        env.close();
        for (int i = 0; i < 860; i++) {
            env.apply(offer(gw, drops(1000), usd.of(1)));
        }
        env.close();
        env.apply(offer(alice, usd.of(900), drops(900_000)));
        // 850 of the issuer's offers crossed; the rest of alice's is placed, and no longer crosses the book
        env.require(balance(alice, usd.of(850)), offers(gw, 10), offers(alice, 1),
                hasOffer(alice, usd.of(50), drops(50_000)));
    }
}
