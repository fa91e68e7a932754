package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.stoxum.engine.tx.jtx.Conditions.flags;
import static org.stoxum.engine.tx.jtx.Conditions.noFlags;
import static org.stoxum.engine.tx.jtx.Conditions.owners;
import static org.stoxum.engine.tx.jtx.Jtx.drops;
import static org.stoxum.engine.tx.jtx.Jtx.fset;
import static org.stoxum.engine.tx.jtx.Jtx.noop;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.regkey;
import static org.stoxum.engine.tx.jtx.Jtx.regkeyDisabled;
import static org.stoxum.engine.tx.jtx.Jtx.signer;
import static org.stoxum.engine.tx.jtx.Jtx.signers;
import static org.stoxum.engine.tx.jtx.Jtx.signersNone;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;

/** SetRegularKey, SignerListSet and multi-signed transactions with rippled's results. */
class RegularKeyAndSignersTest {
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob", KeyType.ED25519);
    private final Account carol = Account.of("carol");
    private final Account dave = Account.of("dave", KeyType.ED25519);
    private final Account phantom = Account.of("phantom");

    private Env funded() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob, carol, dave);
        return env;
    }

    @Test
    void theFirstKeyChangeIsFreeOnceAndAPaymentRearmsIt() {
        Env env = funded();
        long before = env.balance(alice);
        env.submit(regkey(alice, bob).fee(0), ter(TER.tesSUCCESS));
        env.require(flags(alice, LedgerFlags.PASSWORD_SPENT));
        assertEquals(before, env.balance(alice));
        env.submit(regkey(alice, carol).fee(0), ter(TER.telINSUF_FEE_P));
        env.submit(regkey(alice, carol).sig(bob).fee(0), ter(TER.telINSUF_FEE_P));
        env.submit(pay(carol, alice, stm(1)), ter(TER.tesSUCCESS));
        env.require(noFlags(alice, LedgerFlags.PASSWORD_SPENT));
        env.submit(regkey(alice, carol).fee(0), ter(TER.tesSUCCESS));
        assertEquals(carol.id(), env.root(alice).getAccountId(SField.REGULAR_KEY));
    }

    @Test
    void theRegularKeySignsUntilRemoved() {
        Env env = funded();
        env.submit(regkey(alice, bob), ter(TER.tesSUCCESS));
        env.submit(pay(alice, carol, stm(1)).sig(bob), ter(TER.tesSUCCESS));
        env.submit(regkeyDisabled(alice).sig(bob), ter(TER.tesSUCCESS));
        assertFalse(env.root(alice).isPresent(SField.REGULAR_KEY));
        env.submit(pay(alice, carol, stm(1)).sig(bob), ter(TER.tefBAD_AUTH_MASTER));
        env.submit(regkeyDisabled(alice).flags(0x0001_0000L), ter(TER.temINVALID_FLAG));
    }

    @Test
    void removingTheLastAlternativeKeyIsRefused() {
        Env env = funded();
        env.submit(regkey(alice, bob), ter(TER.tesSUCCESS));
        env.submit(fset(alice, TxFlags.ASF_DISABLE_MASTER), ter(TER.tesSUCCESS));
        env.submit(regkeyDisabled(alice).sig(bob), ter(TER.tecNO_ALTERNATIVE_KEY));
        env.submit(signers(alice, 1, signer(carol, 1)).sig(bob), ter(TER.tesSUCCESS));
        env.submit(regkeyDisabled(alice).sig(bob), ter(TER.tesSUCCESS));
        env.submit(signersNone(alice).msig(carol), ter(TER.tecNO_ALTERNATIVE_KEY));
    }

    @Test
    void signerListsCostTwoPlusOneOwnerPerSignerAndLiveInTheOwnerDirectory() {
        Env env = funded();
        env.submit(signers(alice, 2, signer(bob, 1), signer(carol, 1), signer(dave, 1)), ter(TER.tesSUCCESS));
        env.require(owners(alice, 5));
        var list = env.le(Keylets.signers(alice.id()));
        assertNotNull(list);
        assertEquals(2, list.getU32(SField.SIGNER_QUORUM));
        assertEquals(0, list.getU64(SField.OWNER_NODE));
        var entries = list.getArray(SField.SIGNER_ENTRIES);
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(-1, Integer.signum(entries.get(i - 1).getAccountId(SField.ACCOUNT)
                    .compareTo(entries.get(i).getAccountId(SField.ACCOUNT))), "stored sorted by account");
        }
        var dir = env.le(Keylets.ownerDir(alice.id()));
        assertEquals(java.util.List.of(Keylets.signers(alice.id()).key()), dir.getVector256(SField.INDEXES));
        assertEquals(alice.id(), dir.getAccountId(SField.OWNER));
        env.submit(signers(alice, 1, signer(bob, 1)), ter(TER.tesSUCCESS));
        env.require(owners(alice, 3));
        env.submit(signersNone(alice), ter(TER.tesSUCCESS));
        env.require(owners(alice, 0));
        assertNull(env.le(Keylets.signers(alice.id())));
        assertNull(env.le(Keylets.ownerDir(alice.id())), "an emptied owner directory is removed");
    }

    @Test
    void malformedSignerLists() {
        Env env = funded();
        env.submit(signers(alice, 1), ter(TER.temMALFORMED));
        env.submit(signersNone(alice).with(t -> t.setU32(SField.SIGNER_QUORUM, 1)), ter(TER.temMALFORMED));
        env.submit(signers(alice, 1, signer(bob, 1), signer(bob, 1)), ter(TER.temBAD_SIGNER));
        env.submit(signers(alice, 1, signer(alice, 1)), ter(TER.temBAD_SIGNER));
        env.submit(signers(alice, 1, signer(bob, 0)), ter(TER.temBAD_WEIGHT));
        env.submit(signers(alice, 3, signer(bob, 1), signer(carol, 1)), ter(TER.temBAD_QUORUM));
        Jtx9 nine = new Jtx9();
        env.submit(signers(alice, 1, nine.entries()), ter(TER.temMALFORMED));
        Env old = new Env(Genesis.withoutAmendments(NetworkProfile.STOXUM));
        old.fund(stm(10_000), alice);
        old.submit(signers(alice, 1, signer(bob, 1)), ter(TER.temDISABLED));
    }

    /** Nine distinct signers: one more than a list may hold. */
    private static final class Jtx9 {
        org.stoxum.engine.tx.jtx.Jtx.Signer[] entries() {
            var out = new org.stoxum.engine.tx.jtx.Jtx.Signer[9];
            for (int i = 0; i < 9; i++) {
                out[i] = signer(Account.of("signer" + i), 1);
            }
            return out;
        }
    }

    @Test
    void aSignerListNeedsTheReserve() {
        Env env = new Env();
        long reserve = env.current().fees().accountReserve(0);
        long increment = env.current().fees().increment();
        env.fund(drops(reserve + 3 * increment - 1), alice);
        env.submit(signers(alice, 1, signer(bob, 1)), ter(TER.tecINSUFFICIENT_RESERVE));
        env.fund(drops(10 + 1), alice);
        env.submit(signers(alice, 1, signer(bob, 1)), ter(TER.tesSUCCESS));
    }

    @Test
    void multiSigningMeetsTheQuorumWithListedSigners() {
        Env env = funded();
        env.submit(noop(alice).msig(bob), ter(TER.tefNOT_MULTI_SIGNING));
        env.submit(signers(alice, 2, signer(bob, 1), signer(carol, 1), signer(phantom, 2)), ter(TER.tesSUCCESS));
        long before = env.balance(alice);
        env.submit(pay(alice, dave, stm(1)).msig(bob, carol), ter(TER.tesSUCCESS));
        assertEquals(before - 1_000_000 - 30, env.balance(alice), "a multi-signed payment costs (1 + signers) base fees");
        env.submit(pay(alice, dave, stm(1)).msig(bob), ter(TER.tefBAD_QUORUM));
        env.submit(pay(alice, dave, stm(1)).msig(phantom), ter(TER.tesSUCCESS));
        env.submit(pay(alice, dave, stm(1)).msig(bob, dave), ter(TER.tefBAD_SIGNATURE));
        env.submit(pay(alice, dave, stm(1)).msig(bob, carol).fee(20), ter(TER.telINSUF_FEE_P));
    }

    @Test
    void multiSignersMaySignWithTheirRegularKeyButNotADisabledMaster() {
        Env env = funded();
        env.submit(signers(alice, 1, signer(bob, 1), signer(carol, 1)), ter(TER.tesSUCCESS));
        env.submit(regkey(carol, dave), ter(TER.tesSUCCESS));
        env.submit(fset(carol, TxFlags.ASF_DISABLE_MASTER), ter(TER.tesSUCCESS));
        env.submit(noop(alice).msig(carol), ter(TER.tefMASTER_DISABLED));
        env.submit(noop(alice).msig(carolWithKey(dave)), ter(TER.tesSUCCESS));
        env.submit(noop(alice).msig(carolWithKey(phantom)), ter(TER.tefBAD_SIGNATURE));
    }

    /** Carol's account signed with {@code key}'s key pair. */
    private Account carolWithKey(Account key) {
        return new Account("carol/" + key.name(), key.keys(), carol.id());
    }
}
