package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Conditions.flags;
import static org.stoxum.engine.tx.jtx.Conditions.noFlags;
import static org.stoxum.engine.tx.jtx.Jtx.fclear;
import static org.stoxum.engine.tx.jtx.Jtx.fset;
import static org.stoxum.engine.tx.jtx.Jtx.noop;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.regkey;
import static org.stoxum.engine.tx.jtx.Jtx.signer;
import static org.stoxum.engine.tx.jtx.Jtx.signers;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;

/** AccountSet: every flag, the optional fields and rippled's results. */
class AccountSetTest {
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account carol = Account.of("carol");

    private Env funded() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob, carol);
        return env;
    }

    @Test
    void setFlagsAndClearThemAgain() {
        Env env = funded();
        long[][] pairs = {
            {TxFlags.ASF_REQUIRE_DEST, LedgerFlags.REQUIRE_DEST_TAG},
            {TxFlags.ASF_REQUIRE_AUTH, LedgerFlags.REQUIRE_AUTH},
            {TxFlags.ASF_DISALLOW_XRP, LedgerFlags.DISALLOW_XRP},
            {TxFlags.ASF_DEFAULT_RIPPLE, LedgerFlags.DEFAULT_RIPPLE},
            {TxFlags.ASF_DEPOSIT_AUTH, LedgerFlags.DEPOSIT_AUTH},
            {TxFlags.ASF_GLOBAL_FREEZE, LedgerFlags.GLOBAL_FREEZE},
        };
        for (long[] p : pairs) {
            env.submit(fset(alice, p[0]), ter(TER.tesSUCCESS));
            env.require(flags(alice, p[1]));
            env.submit(fclear(alice, p[0]), ter(TER.tesSUCCESS));
            env.require(noFlags(alice, p[1]));
        }
    }

    @Test
    void legacyTransactionFlagsSetAndClear() {
        Env env = funded();
        env.submit(noop(alice).flags(TxFlags.REQUIRE_DEST_TAG | TxFlags.REQUIRE_AUTH | TxFlags.DISALLOW_XRP),
                ter(TER.tesSUCCESS));
        env.require(flags(alice, LedgerFlags.REQUIRE_DEST_TAG | LedgerFlags.REQUIRE_AUTH | LedgerFlags.DISALLOW_XRP));
        env.submit(noop(alice).flags(TxFlags.OPTIONAL_DEST_TAG | TxFlags.OPTIONAL_AUTH | TxFlags.ALLOW_XRP),
                ter(TER.tesSUCCESS));
        env.require(noFlags(alice, LedgerFlags.REQUIRE_DEST_TAG | LedgerFlags.REQUIRE_AUTH | LedgerFlags.DISALLOW_XRP));
    }

    @Test
    void contradictoryRequestsAreInvalidFlags() {
        Env env = funded();
        env.submit(fset(alice, TxFlags.ASF_REQUIRE_DEST).with(t -> t.setU32(SField.CLEAR_FLAG, TxFlags.ASF_REQUIRE_DEST)),
                ter(TER.temINVALID_FLAG));
        env.submit(noop(alice).flags(TxFlags.REQUIRE_AUTH | TxFlags.OPTIONAL_AUTH), ter(TER.temINVALID_FLAG));
        env.submit(noop(alice).flags(TxFlags.REQUIRE_DEST_TAG | TxFlags.OPTIONAL_DEST_TAG), ter(TER.temINVALID_FLAG));
        env.submit(noop(alice).flags(TxFlags.DISALLOW_XRP).with(t -> t.setU32(SField.CLEAR_FLAG, TxFlags.ASF_DISALLOW_XRP)),
                ter(TER.temINVALID_FLAG));
        env.submit(noop(alice).flags(0x0100_0000L), ter(TER.temINVALID_FLAG));
    }

    @Test
    void transferRateBoundsFollowFix1201() {
        Env env = funded();
        env.submit(noop(alice).with(t -> t.setU32(SField.TRANSFER_RATE, 999_999_999L)), ter(TER.temBAD_TRANSFER_RATE));
        env.submit(noop(alice).with(t -> t.setU32(SField.TRANSFER_RATE, 2_000_000_001L)), ter(TER.temBAD_TRANSFER_RATE));
        env.submit(noop(alice).with(t -> t.setU32(SField.TRANSFER_RATE, 2_000_000_000L)), ter(TER.tesSUCCESS));
        assertEquals(2_000_000_000L, env.root(alice).getU32(SField.TRANSFER_RATE));
        env.submit(noop(alice).with(t -> t.setU32(SField.TRANSFER_RATE, 1_000_000_000L)), ter(TER.tesSUCCESS));
        assertFalse(env.root(alice).isPresent(SField.TRANSFER_RATE), "a rate of 1.0 is removed");

        Env old = new Env(Genesis.withoutAmendments(NetworkProfile.STOXUM));
        old.fund(stm(10_000), alice);
        old.submit(noop(alice).with(t -> t.setU32(SField.TRANSFER_RATE, 3_000_000_000L)), ter(TER.tesSUCCESS));
    }

    @Test
    void tickSize() {
        Env env = funded();
        env.submit(noop(alice).with(t -> t.setU8(SField.TICK_SIZE, 2)), ter(TER.temBAD_TICK_SIZE));
        env.submit(noop(alice).with(t -> t.setU8(SField.TICK_SIZE, 17)), ter(TER.temBAD_TICK_SIZE));
        env.submit(noop(alice).with(t -> t.setU8(SField.TICK_SIZE, 5)), ter(TER.tesSUCCESS));
        assertEquals(5, env.root(alice).getU8(SField.TICK_SIZE));
        env.submit(noop(alice).with(t -> t.setU8(SField.TICK_SIZE, 16)), ter(TER.tesSUCCESS));
        assertFalse(env.root(alice).isPresent(SField.TICK_SIZE));
        Env old = new Env(Genesis.withoutAmendments(NetworkProfile.STOXUM));
        old.fund(stm(10_000), alice);
        old.submit(noop(alice).with(t -> t.setU8(SField.TICK_SIZE, 5)), ter(TER.temDISABLED));
    }

    @Test
    void domainEmailHashMessageKeyAndWalletLocator() {
        Env env = funded();
        env.submit(noop(alice).with(t -> t.setBlob(SField.DOMAIN, new byte[257])), ter(TER.telBAD_DOMAIN));
        env.submit(noop(alice).with(t -> t.setBlob(SField.MESSAGE_KEY, new byte[33])), ter(TER.telBAD_PUBLIC_KEY));
        byte[] domain = "alice.example".getBytes();
        byte[] email = new byte[16];
        email[0] = 7;
        byte[] key = bob.keys().publicKey().toBytes();
        Hash256 locator = Hash256.fromHex("AB".repeat(32));
        env.submit(noop(alice).with(t -> {
            t.setBlob(SField.DOMAIN, domain);
            t.setH128(SField.EMAIL_HASH, email);
            t.setBlob(SField.MESSAGE_KEY, key);
            t.setH256(SField.WALLET_LOCATOR, locator);
        }), ter(TER.tesSUCCESS));
        var root = env.root(alice);
        assertArrayEquals(domain, root.getBlob(SField.DOMAIN));
        assertArrayEquals(email, root.getH128(SField.EMAIL_HASH));
        assertArrayEquals(key, root.getBlob(SField.MESSAGE_KEY));
        assertEquals(locator, root.getH256(SField.WALLET_LOCATOR));
        env.submit(noop(alice).with(t -> {
            t.setBlob(SField.DOMAIN, new byte[0]);
            t.setH128(SField.EMAIL_HASH, new byte[16]);
            t.setBlob(SField.MESSAGE_KEY, new byte[0]);
            t.setH256(SField.WALLET_LOCATOR, Hash256.ZERO);
        }), ter(TER.tesSUCCESS));
        root = env.root(alice);
        for (SField f : new SField[] {SField.DOMAIN, SField.EMAIL_HASH, SField.MESSAGE_KEY, SField.WALLET_LOCATOR}) {
            assertFalse(root.isPresent(f), f.name());
        }
    }

    @Test
    void accountTxnIdTracksTheLastTransaction() {
        Env env = funded();
        env.submit(fset(alice, TxFlags.ASF_ACCOUNT_TXN_ID), ter(TER.tesSUCCESS));
        assertEquals(Hash256.ZERO, env.root(alice).getH256(SField.ACCOUNT_TXN_ID));
        Env.Submitted s = env.submit(noop(alice), ter(TER.tesSUCCESS));
        assertEquals(s.tx().id(), env.root(alice).getH256(SField.ACCOUNT_TXN_ID));
        Hash256 last = s.tx().id();
        env.submit(noop(alice).with(t -> t.setH256(SField.ACCOUNT_TXN_ID, Hash256.ZERO)), ter(TER.tefWRONG_PRIOR));
        env.submit(noop(alice).with(t -> t.setH256(SField.ACCOUNT_TXN_ID, last)), ter(TER.tesSUCCESS));
        env.submit(fclear(alice, TxFlags.ASF_ACCOUNT_TXN_ID), ter(TER.tesSUCCESS));
        assertFalse(env.root(alice).isPresent(SField.ACCOUNT_TXN_ID));
    }

    @Test
    void disablingTheMasterKeyNeedsAnAlternativeAndTheMasterKey() {
        Env env = funded();
        env.submit(fset(alice, TxFlags.ASF_DISABLE_MASTER), ter(TER.tecNO_ALTERNATIVE_KEY));
        env.submit(regkey(alice, bob), ter(TER.tesSUCCESS));
        env.submit(fset(alice, TxFlags.ASF_DISABLE_MASTER).sig(bob), ter(TER.tecNEED_MASTER_KEY));
        env.submit(fset(alice, TxFlags.ASF_DISABLE_MASTER), ter(TER.tesSUCCESS));
        env.require(flags(alice, LedgerFlags.DISABLE_MASTER));
        env.submit(noop(alice), ter(TER.tefMASTER_DISABLED));
        env.submit(noop(alice).sig(carol), ter(TER.tefBAD_AUTH));
        env.submit(fclear(alice, TxFlags.ASF_DISABLE_MASTER).sig(bob), ter(TER.tesSUCCESS));
        env.require(noFlags(alice, LedgerFlags.DISABLE_MASTER));
        env.submit(noop(alice), ter(TER.tesSUCCESS));
    }

    @Test
    void noFreezeNeedsTheMasterKeyAndThenGlobalFreezeSticks() {
        Env env = funded();
        env.submit(regkey(alice, bob), ter(TER.tesSUCCESS));
        env.submit(fset(alice, TxFlags.ASF_NO_FREEZE).sig(bob), ter(TER.tecNEED_MASTER_KEY));
        env.submit(fset(alice, TxFlags.ASF_GLOBAL_FREEZE), ter(TER.tesSUCCESS));
        env.submit(fset(alice, TxFlags.ASF_NO_FREEZE), ter(TER.tesSUCCESS));
        env.submit(fclear(alice, TxFlags.ASF_GLOBAL_FREEZE), ter(TER.tesSUCCESS));
        env.require(flags(alice, LedgerFlags.NO_FREEZE | LedgerFlags.GLOBAL_FREEZE));
    }

    @Test
    void requireAuthNeedsAnEmptyOwnerDirectory() {
        Env env = funded();
        env.submit(signers(alice, 1, signer(bob, 1)), ter(TER.tesSUCCESS));
        env.submit(fset(alice, TxFlags.ASF_REQUIRE_AUTH), ter(TER.tecOWNERS));
        assertTrue((env.root(alice).getU32(SField.FLAGS) & LedgerFlags.REQUIRE_AUTH) == 0);
    }

    @Test
    void disallowXrpIsAdvisory() {
        Env env = funded();
        env.submit(fset(bob, TxFlags.ASF_DISALLOW_XRP), ter(TER.tesSUCCESS));
        env.submit(pay(alice, bob, stm(1)), ter(TER.tesSUCCESS));
    }
}
