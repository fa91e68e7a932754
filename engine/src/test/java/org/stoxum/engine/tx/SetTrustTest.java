package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.balance;
import static org.stoxum.engine.tx.jtx.Conditions.lines;
import static org.stoxum.engine.tx.jtx.Conditions.noLine;
import static org.stoxum.engine.tx.jtx.Conditions.owners;
import static org.stoxum.engine.tx.jtx.Jtx.drops;
import static org.stoxum.engine.tx.jtx.Jtx.fset;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;
import static org.stoxum.engine.tx.jtx.Jtx.trust;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

/** TrustSet as rippled's {@code SetTrust_test} checks it, plus the RippleState layout and line deletion. */
class SetTrustTest {
    private final Account gw = Account.of("gateway");
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final IOU usd = IOU.of(gw, "USD");

    @Test
    void twoLinesAreFreeTheThirdNeedsItsReserve() {
        for (boolean thirdLineCreatesEntry : new boolean[] {true, false}) {
            Env env = Env.atTimeZero();
            Account gwA = Account.of("gwA");
            Account gwB = Account.of("gwB");
            Account creator = Account.of("acctD");
            Account assistor = Account.of("acctC");
            long txFee = env.baseFee();
            long baseReserve = env.current().fees().accountReserve(0);
            long threeLineReserve = env.current().fees().accountReserve(3);
            env.fundRippling(stm(10_000), gwA, gwB, assistor);
            env.fundRippling(drops(baseReserve + 3 * txFee), creator);
            env.apply(trust(creator, IOU.of(gwA, "USD").of(100)));
            env.require(lines(creator, 1));
            env.apply(trust(creator, IOU.of(gwB, "USD").of(100)));
            env.require(lines(creator, 2));
            if (thirdLineCreatesEntry) {
                env.submit(trust(creator, IOU.of(assistor, "USD").of(100)), ter(TER.tecNO_LINE_INSUF_RESERVE));
                env.require(lines(creator, 2));
            } else {
                env.apply(trust(assistor, IOU.of(creator, "USD").of(100)));
                env.require(lines(creator, 3));
                env.submit(trust(creator, IOU.of(assistor, "USD").of(100)), ter(TER.tecINSUF_RESERVE_LINE));
            }
            env.apply(pay(env.master(), creator, drops(threeLineReserve - baseReserve)));
            env.apply(trust(creator, IOU.of(assistor, "USD").of(100)));
            env.require(lines(creator, 3));
            for (STObject line : env.ownedObjects(creator)) {
                boolean low = creator.id().compareTo(line.getAmount(SField.HIGH_LIMIT).issuer()) < 0;
                STAmount limit = line.getAmount(low ? SField.LOW_LIMIT : SField.HIGH_LIMIT);
                assertEquals("100", limit.valueText());
            }
        }
    }

    @Test
    void malformedTrustSets() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), gw, alice);
        for (long badFlag = 1; badFlag <= 0xFFFF_FFFFL; badFlag *= 2) {
            if ((badFlag & TxFlags.TRUST_SET_MASK) != 0) {
                env.submit(trust(alice, usd.of(100)).flags(badFlag), ter(TER.temINVALID_FLAG));
            }
        }
        env.submit(trust(alice, drops(10_000)), ter(TER.temBAD_LIMIT));
        env.submit(trust(alice, STAmount.of(new Issue(Currency.BAD, gw.id()), 100, 0, false)), ter(TER.temBAD_CURRENCY));
        env.submit(trust(alice, usd.of(-1000)), ter(TER.temBAD_LIMIT));
        env.submit(trust(alice, IOU.of(alice, "USD").of(100)), ter(TER.temDST_IS_SRC));
        env.submit(trust(alice, usd.of(100)).flags(TxFlags.SETF_AUTH), ter(TER.tefNO_AUTH_REQUIRED));
    }

    @Test
    void qualitiesAreSetAndCleared() {
        for (boolean createQuality : new boolean[] {true, false}) {
            for (boolean highAccount : new boolean[] {true, false}) {
                Env env = Env.atTimeZero();
                Account from = highAccount ? alice : bob;
                Account to = highAccount ? bob : alice;
                env.fundRippling(stm(10_000), from, to);
                long first = createQuality ? 1000 : 0;
                long second = createQuality ? 0 : 1000;
                env.apply(trust(to, IOU.of(from, "USD").of(100)).with(tx -> {
                    tx.setU32(SField.QUALITY_IN, first);
                    tx.setU32(SField.QUALITY_OUT, first);
                }));
                env.require(lines(to, 1), lines(from, 1));
                assertQualities(env, to, from, first);
                env.apply(trust(to, IOU.of(from, "USD").of(100)).with(tx -> {
                    tx.setU32(SField.QUALITY_IN, second);
                    tx.setU32(SField.QUALITY_OUT, second);
                }));
                env.require(lines(to, 1), lines(from, 1));
                assertQualities(env, to, from, second);
            }
        }
    }

    private static void assertQualities(Env env, Account holder, Account issuer, long expected) {
        STObject line = env.le(Keylets.line(holder.id(), issuer.id(), Currency.fromJson("USD", env.profile())));
        boolean low = holder.id().compareTo(issuer.id()) < 0;
        SField in = low ? SField.LOW_QUALITY_IN : SField.HIGH_QUALITY_IN;
        SField out = low ? SField.LOW_QUALITY_OUT : SField.HIGH_QUALITY_OUT;
        assertEquals(expected != 0, line.isPresent(in));
        assertEquals(expected, line.getU32(in));
        assertEquals(expected, line.getU32(out));
    }

    @Test
    void aNewLineIsLinkedIntoBothOwnerDirectoriesWithTheHolderReserving() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), gw);
        env.fund(stm(10_000), alice);
        env.apply(trust(alice, usd.of(1000)));
        STObject line = env.le(Keylets.line(alice.id(), usd.issue()));
        assertNotNull(line);
        boolean aliceLow = alice.id().compareTo(gw.id()) < 0;
        assertEquals(alice.id(), line.getAmount(aliceLow ? SField.LOW_LIMIT : SField.HIGH_LIMIT).issuer());
        assertEquals("1000", line.getAmount(aliceLow ? SField.LOW_LIMIT : SField.HIGH_LIMIT).valueText());
        assertTrue(line.getAmount(aliceLow ? SField.HIGH_LIMIT : SField.LOW_LIMIT).isZero());
        assertEquals(org.stoxum.codec.types.AccountId.ONE, line.getAmount(SField.BALANCE).issuer());
        long flags = line.getFlags();
        assertEquals(aliceLow ? LedgerFlags.LOW_RESERVE : LedgerFlags.HIGH_RESERVE,
                flags & (LedgerFlags.LOW_RESERVE | LedgerFlags.HIGH_RESERVE));
        // the gateway ripples by default, so its side of the line does too
        assertEquals(0, flags & (aliceLow ? LedgerFlags.HIGH_NO_RIPPLE : LedgerFlags.LOW_NO_RIPPLE));
        assertTrue(line.isPresent(SField.LOW_NODE) && line.isPresent(SField.HIGH_NODE));
        Hash256 key = Keylets.line(alice.id(), usd.issue()).key();
        assertTrue(env.le(Keylets.ownerDir(alice.id())).getVector256(SField.INDEXES).contains(key));
        assertTrue(env.le(Keylets.ownerDir(gw.id())).getVector256(SField.INDEXES).contains(key));
        env.require(owners(alice, 1), owners(gw, 0));

        // an account without DefaultRipple gets NoRipple on its side of lines others open to it
        env.apply(trust(gw, IOU.of(alice, "EUR").of(5)));
        STObject eur = env.le(Keylets.line(gw.id(), alice.id(), Currency.fromJson("EUR", env.profile())));
        assertTrue((eur.getFlags() & (aliceLow ? LedgerFlags.LOW_NO_RIPPLE : LedgerFlags.HIGH_NO_RIPPLE)) != 0);
    }

    @Test
    void aLineBackAtItsDefaultsIsDeleted() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), gw, alice);
        env.apply(trust(alice, usd.of(100)));
        env.apply(pay(gw, alice, usd.of(10)));
        env.require(owners(alice, 1));
        // a zero limit while holding a balance keeps the line
        env.apply(trust(alice, usd.of(0)));
        env.require(lines(alice, 1), balance(alice, usd.of(10)));
        // paying it back returns the line to the default: it goes, with its reserve
        env.apply(pay(alice, gw, usd.of(10)));
        env.require(noLine(alice, usd.issue()), owners(alice, 0), lines(gw, 0));
        assertTrue(env.le(Keylets.ownerDir(alice.id())) == null);
        // nothing to set on a missing line
        env.submit(trust(alice, usd.of(0)), ter(TER.tecNO_LINE_REDUNDANT));
    }

    @Test
    void noRippleNeedsANonNegativeBalanceAndFreezeIsRefusedUnderNoFreeze() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), gw, alice, bob);
        env.trust(usd.of(100), alice, bob);
        boolean gwLow = gw.id().compareTo(alice.id()) < 0;
        // the gateway owes nothing on its side: NoRipple can be set
        env.apply(trust(gw, IOU.of(alice, "USD").of(0)).flags(TxFlags.SET_NO_RIPPLE));
        STObject line = env.le(Keylets.line(alice.id(), usd.issue()));
        assertTrue((line.getFlags() & (gwLow ? LedgerFlags.LOW_NO_RIPPLE : LedgerFlags.HIGH_NO_RIPPLE)) != 0);
        env.apply(trust(gw, IOU.of(alice, "USD").of(0)).flags(TxFlags.CLEAR_NO_RIPPLE));
        line = env.le(Keylets.line(alice.id(), usd.issue()));
        assertEquals(0, line.getFlags() & (gwLow ? LedgerFlags.LOW_NO_RIPPLE : LedgerFlags.HIGH_NO_RIPPLE));

        env.apply(trust(gw, IOU.of(alice, "USD").of(0)).flags(TxFlags.SET_FREEZE));
        line = env.le(Keylets.line(alice.id(), usd.issue()));
        assertTrue((line.getFlags() & (gwLow ? LedgerFlags.LOW_FREEZE : LedgerFlags.HIGH_FREEZE)) != 0);
        // a frozen line: the holder cannot pay others with it (the issuer still can pay it)
        env.apply(pay(gw, alice, usd.of(5)));
        env.submit(pay(alice, bob, usd.of(1)), ter(TER.tecPATH_DRY));
        env.apply(trust(gw, IOU.of(alice, "USD").of(0)).flags(TxFlags.CLEAR_FREEZE));
        env.apply(pay(alice, bob, usd.of(1)));
        env.require(balance(bob, usd.of(1)), balance(alice, usd.of(4)));

        env.apply(fset(gw, TxFlags.ASF_NO_FREEZE));
        env.apply(trust(gw, IOU.of(alice, "USD").of(0)).flags(TxFlags.SET_FREEZE));
        line = env.le(Keylets.line(alice.id(), usd.issue()));
        assertFalse((line.getFlags() & (gwLow ? LedgerFlags.LOW_FREEZE : LedgerFlags.HIGH_FREEZE)) != 0);
    }

    @Test
    void authorizationIsGivenByTheIssuerThatRequiresIt() {
        Env env = Env.atTimeZero();
        env.fundRippling(stm(10_000), gw, alice, bob);
        env.apply(fset(gw, TxFlags.ASF_REQUIRE_AUTH));
        env.apply(trust(alice, usd.of(100)));
        // not authorized: the gateway cannot issue to alice
        env.submit(pay(gw, alice, usd.of(10)), ter(TER.tecPATH_DRY));
        env.apply(trust(gw, IOU.of(alice, "USD").of(0)).flags(TxFlags.SETF_AUTH));
        env.apply(pay(gw, alice, usd.of(10)));
        env.require(balance(alice, usd.of(10)));
        // authorizing a line before it exists creates it, authorized
        env.apply(trust(gw, IOU.of(bob, "USD").of(0)).flags(TxFlags.SETF_AUTH));
        STObject line = env.le(Keylets.line(bob.id(), usd.issue()));
        boolean gwLow = gw.id().compareTo(bob.id()) < 0;
        assertTrue((line.getFlags() & (gwLow ? LedgerFlags.LOW_AUTH : LedgerFlags.HIGH_AUTH)) != 0);
        assertNull(env.le(Keylets.line(bob.id(), IOU.of(gw, "EUR").issue())));
        assertEquals(List.of(), env.offers(bob));
    }
}
