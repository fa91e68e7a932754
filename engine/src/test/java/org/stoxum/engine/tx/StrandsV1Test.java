package org.stoxum.engine.tx;

import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.offers;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.path;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.stm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.amount.Issue;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

/**
 * Payments through books under each payment engine: the pre-Flow engine, Flow building strands with
 * toStrandV1 (no fix1373) and with toStrandV2. rippled's expected balances are the same for all three.
 */
class StrandsV1Test {
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account carol = Account.of("carol");
    private final Account gw = Account.of("gateway");
    private final IOU usd = IOU.of(gw, "USD");
    private final IOU btc = IOU.of(gw, "BTC");

    private Env bookEnv(PaymentEngines engines) {
        Env env = engines.env();
        env.fundRippling(stm(10_000), alice, bob, carol, gw);
        env.trust(usd.of(1000), alice, bob, carol);
        env.trust(btc.of(1000), alice, bob, carol);
        return env;
    }

    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void issuedToIssuedThroughOneBook(PaymentEngines engines) {
        Env env = bookEnv(engines);
        env.apply(pay(gw, alice, btc.of(50)));
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(offer(bob, btc.of(50), usd.of(50)));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(usd)).sendmax(btc.of(50)));
        env.require(balance(alice, btc.of(0)), balance(bob, btc.of(50)), balance(bob, usd.of(0)),
                balance(carol, usd.of(50)), offers(bob, 0));
    }

    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void issuedToIssuedThroughTheNativeCurrency(PaymentEngines engines) {
        Env env = bookEnv(engines);
        env.apply(pay(gw, alice, btc.of(50)));
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(offer(bob, btc.of(50), stm(50)));
        env.apply(offer(bob, stm(50), usd.of(50)));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(Issue.NATIVE, usd)).sendmax(btc.of(50)));
        env.require(balance(alice, btc.of(0)), balance(bob, btc.of(50)), balance(bob, usd.of(0)),
                balance(carol, usd.of(50)), offers(bob, 0));
    }

    @ParameterizedTest
    @EnumSource(PaymentEngines.class)
    void nativeToIssuedAndBack(PaymentEngines engines) {
        Env env = bookEnv(engines);
        env.apply(pay(gw, bob, usd.of(50)));
        env.apply(offer(bob, stm(50), usd.of(50)));
        env.apply(pay(alice, carol, usd.of(50)).paths(path(usd)).sendmax(stm(50)));
        env.require(balance(bob, usd.of(0)), balance(carol, usd.of(50)), offers(bob, 0));

        Env back = bookEnv(engines);
        back.apply(pay(gw, alice, usd.of(50)));
        back.apply(offer(bob, usd.of(50), stm(50)));
        back.apply(pay(alice, carol, stm(50)).paths(path(Issue.NATIVE)).sendmax(usd.of(50)));
        back.require(balance(alice, usd.of(0)), balance(bob, usd.of(50)), balance(carol, stm(10_000 + 50)),
                offers(bob, 0));
    }
}
