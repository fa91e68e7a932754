package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.flags;
import static org.stoxum.engine.tx.jtx.Conditions.noFlags;
import static org.stoxum.engine.tx.jtx.Conditions.offers;
import static org.stoxum.engine.tx.jtx.Jtx.fclear;
import static org.stoxum.engine.tx.jtx.Jtx.fset;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;
import static org.stoxum.engine.tx.jtx.Jtx.trust;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

/**
 * Freezes as rippled's {@code Freeze_test} checks them, metadata included, over the {@link FeatureSet}s
 * (rippled's run includes all but FlowCross: offers crossed by the Taker give the same results).
 */
class FreezeTest {
    private final Account g1 = Account.of("G1");
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final IOU usd = IOU.of(g1, "USD");

    private static STArray affected(STObject meta) {
        return meta.getArray(SField.AFFECTED_NODES);
    }

    private static STObject node(STArray nodes, int i, SField kind) {
        STObject n = nodes.get(i);
        assertEquals(kind, n.name(), "node " + i);
        return n;
    }

    @ParameterizedTest
    @EnumSource
    void aFrozenLineCanReceiveButNotSpend(FeatureSet features) {
        Env env = features.rippled();
        env.fundRippling(stm(1000), g1, alice, bob);
        env.close();
        env.trust(usd.of(100), bob);
        env.trust(usd.of(100), alice);
        env.close();
        env.apply(pay(g1, bob, usd.of(10)));
        env.apply(pay(g1, alice, usd.of(100)));
        env.close();
        env.apply(offer(alice, stm(500), usd.of(100)));
        env.close();
        env.require(balance(bob, usd.of(10)), balance(alice, usd.of(100)));
        env.apply(pay(alice, bob, usd.of(1)));
        env.apply(pay(bob, alice, usd.of(1)));
        env.close();

        STObject meta = env.meta(env.apply(trust(g1, IOU.of(bob, "USD").of(0)).flags(TxFlags.SET_FREEZE)));
        STArray nodes = affected(meta);
        assertEquals(2, nodes.size());
        STObject ff = node(nodes, 1, SField.MODIFIED_NODE).getObject(SField.FINAL_FIELDS);
        assertTrue(ff.getAmount(SField.LOW_LIMIT).valueEquals(usd.of(0)));
        assertTrue((ff.getFlags() & LedgerFlags.LOW_FREEZE) != 0);
        assertTrue((ff.getFlags() & LedgerFlags.HIGH_FREEZE) == 0);
        env.close();

        // can buy more on the frozen line
        meta = env.meta(env.apply(offer(bob, usd.of(5), stm(25))));
        nodes = affected(meta);
        assertEquals(5, nodes.size());
        ff = node(nodes, 3, SField.MODIFIED_NODE).getObject(SField.FINAL_FIELDS);
        assertTrue(ff.getAmount(SField.HIGH_LIMIT).valueEquals(IOU.of(bob, "USD").of(100)));
        assertEquals("-15", ff.getAmount(SField.BALANCE).valueText());
        env.close();

        // cannot sell or pay from it, can still receive
        env.submit(offer(bob, stm(1), usd.of(5)), ter(TER.tecUNFUNDED_OFFER));
        env.apply(pay(alice, bob, usd.of(1)));
        env.submit(pay(bob, alice, usd.of(1)), ter(TER.tecPATH_DRY));
        env.require(balance(bob, usd.of(16)));

        meta = env.meta(env.apply(trust(g1, IOU.of(bob, "USD").of(0)).flags(TxFlags.CLEAR_FREEZE)));
        nodes = affected(meta);
        assertEquals(2, nodes.size());
        ff = node(nodes, 1, SField.MODIFIED_NODE).getObject(SField.FINAL_FIELDS);
        assertTrue((ff.getFlags() & (LedgerFlags.LOW_FREEZE | LedgerFlags.HIGH_FREEZE)) == 0);
    }

    @ParameterizedTest
    @EnumSource
    void globalFreezeStopsTradingAndRipplingButNotIssuing(FeatureSet features) {
        Account a1 = Account.of("A1");
        Account a2 = Account.of("A2");
        Account a3 = Account.of("A3");
        Account a4 = Account.of("A4");
        IOU btc = IOU.of(g1, "BTC");
        Env env = features.rippled();
        env.fundRippling(stm(12_000), g1);
        env.fundRippling(stm(1000), a1);
        env.fundRippling(stm(20_000), a2, a3, a4);
        env.close();
        env.trust(usd.of(1200), a1);
        env.trust(usd.of(200), a2);
        env.trust(btc.of(100), a3);
        env.trust(btc.of(100), a4);
        env.close();
        env.apply(pay(g1, a1, usd.of(1000)));
        env.apply(pay(g1, a2, usd.of(100)));
        env.apply(pay(g1, a3, btc.of(100)));
        env.apply(pay(g1, a4, btc.of(100)));
        env.close();
        env.apply(offer(g1, stm(10_000), usd.of(100)).flags(TxFlags.PASSIVE));
        env.apply(offer(g1, usd.of(100), stm(10_000)).flags(TxFlags.PASSIVE));
        env.apply(offer(a1, stm(10_000), usd.of(100)).flags(TxFlags.PASSIVE));
        env.apply(offer(a2, usd.of(100), stm(10_000)).flags(TxFlags.PASSIVE));
        env.close();

        env.apply(fset(g1, TxFlags.ASF_GLOBAL_FREEZE));
        env.require(flags(g1, LedgerFlags.GLOBAL_FREEZE), noFlags(g1, LedgerFlags.NO_FREEZE));
        env.apply(fclear(g1, TxFlags.ASF_GLOBAL_FREEZE));
        env.require(noFlags(g1, LedgerFlags.GLOBAL_FREEZE | LedgerFlags.NO_FREEZE));

        env.apply(offer(a3, btc.of(1), stm(1)));
        env.apply(offer(a4, stm(1), btc.of(1)));
        env.apply(pay(g1, a2, usd.of(1)));
        env.apply(pay(a2, g1, usd.of(1)));
        env.apply(pay(a2, a1, usd.of(1)));
        env.apply(pay(a1, a2, usd.of(1)));

        env.apply(fset(g1, TxFlags.ASF_GLOBAL_FREEZE));
        env.require(flags(g1, LedgerFlags.GLOBAL_FREEZE));
        env.submit(offer(a3, btc.of(1), stm(1)), ter(TER.tecFROZEN));
        env.submit(offer(a4, stm(1), btc.of(1)), ter(TER.tecFROZEN));
        env.require(offers(g1, 2));
        env.apply(pay(g1, a2, usd.of(1)));
        env.apply(pay(a2, g1, usd.of(1)));
        env.submit(pay(a2, a1, usd.of(1)), ter(TER.tecPATH_DRY));
    }

    @ParameterizedTest
    @EnumSource
    void noFreezeIsPermanentAndStopsLineFreezes(FeatureSet features) {
        Account a1 = Account.of("A1");
        Env env = features.rippled();
        env.fundRippling(stm(12_000), g1);
        env.fundRippling(stm(1000), a1);
        env.close();
        env.trust(usd.of(1000), a1);
        env.close();
        env.apply(pay(g1, a1, usd.of(1000)));
        env.close();
        env.apply(fset(g1, TxFlags.ASF_NO_FREEZE));
        env.require(flags(g1, LedgerFlags.NO_FREEZE), noFlags(g1, LedgerFlags.GLOBAL_FREEZE));
        env.apply(fclear(g1, TxFlags.ASF_NO_FREEZE));
        env.require(flags(g1, LedgerFlags.NO_FREEZE));
        env.apply(fset(g1, TxFlags.ASF_GLOBAL_FREEZE));
        env.require(flags(g1, LedgerFlags.NO_FREEZE | LedgerFlags.GLOBAL_FREEZE));
        env.apply(fclear(g1, TxFlags.ASF_GLOBAL_FREEZE));
        env.require(flags(g1, LedgerFlags.NO_FREEZE | LedgerFlags.GLOBAL_FREEZE));
        STObject meta = env.meta(env.apply(trust(g1, IOU.of(a1, "USD").of(0)).flags(TxFlags.SET_FREEZE)));
        STArray nodes = affected(meta);
        assertEquals(1, nodes.size());
        assertEquals(org.stoxum.codec.binary.LedgerEntryType.ACCOUNT_ROOT.code(),
                node(nodes, 0, SField.MODIFIED_NODE).getU16(SField.LEDGER_ENTRY_TYPE));
    }

    @ParameterizedTest
    @EnumSource
    void offersOfAFrozenLineAreRemovedWhenFound(FeatureSet features) {
        Account a2 = Account.of("A2");
        Account a3 = Account.of("A3");
        Account a4 = Account.of("A4");
        Env env = features.rippled();
        env.fundRippling(stm(1000), g1, a3, a4);
        env.fundRippling(stm(2000), a2);
        env.close();
        env.trust(usd.of(1000), a2);
        env.trust(usd.of(2000), a3);
        env.trust(usd.of(2000), a4);
        env.close();
        env.apply(pay(g1, a3, usd.of(2000)));
        env.apply(pay(g1, a4, usd.of(2000)));
        env.close();
        env.apply(offer(a3, stm(1000), usd.of(1000)).flags(TxFlags.PASSIVE));
        env.close();
        env.apply(pay(a2, g1, usd.of(1)).sendmax(stm(1)));
        env.close();
        assertEquals(1, env.offers(a3).size());
        assertTrue(env.offers(a3).get(0).getAmount(SField.TAKER_GETS).valueEquals(usd.of(999)));
        env.apply(offer(a4, stm(999), usd.of(999)));
        env.close();

        STObject meta = env.meta(env.apply(trust(g1, IOU.of(a3, "USD").of(0)).flags(TxFlags.SET_FREEZE)));
        STArray nodes = affected(meta);
        assertEquals(2, nodes.size());
        STObject ff = node(nodes, 1, SField.MODIFIED_NODE).getObject(SField.FINAL_FIELDS);
        assertTrue(ff.getAmount(SField.HIGH_LIMIT).valueEquals(usd.of(0)));
        assertTrue((ff.getFlags() & LedgerFlags.LOW_FREEZE) == 0);
        assertTrue((ff.getFlags() & LedgerFlags.HIGH_FREEZE) != 0);
        env.close();
        env.require(offers(a3, 1));
        // the payment goes through A4's offer and removes A3's frozen one
        env.apply(pay(a2, g1, usd.of(1)).sendmax(stm(1)));
        env.close();
        env.require(offers(a3, 0));

        meta = env.meta(env.apply(trust(g1, IOU.of(a4, "USD").of(0)).flags(TxFlags.SET_FREEZE)));
        nodes = affected(meta);
        assertEquals(2, nodes.size());
        ff = node(nodes, 0, SField.MODIFIED_NODE).getObject(SField.FINAL_FIELDS);
        assertTrue(ff.getAmount(SField.LOW_LIMIT).valueEquals(usd.of(0)));
        assertTrue((ff.getFlags() & LedgerFlags.LOW_FREEZE) != 0);
        env.close();
        // a crossing offer finds A4's frozen offer and removes it, then is placed
        meta = env.meta(env.apply(offer(a2, usd.of(999), stm(999))));
        nodes = affected(meta);
        assertEquals(8, nodes.size());
        STObject created = node(nodes, 5, SField.CREATED_NODE);
        assertEquals(a2.id(), created.getObject(SField.NEW_FIELDS).getAccountId(SField.ACCOUNT));
        env.close();
        env.require(offers(a4, 0));
    }
}
