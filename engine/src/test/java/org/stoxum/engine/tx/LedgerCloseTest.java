package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Jtx.noop;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerHistory;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;

/** Closing ledgers: canonical order with retry passes, held and local transactions, skip lists, times. */
class LedgerCloseTest {
    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account carol = Account.of("carol");
    private final Account dave = Account.of("dave");

    @Test
    void aLaterSequenceIsHeldAndReleasedWhenTheGapFills() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob);
        long seq = env.seq(alice);
        env.submit(pay(alice, bob, stm(1)).seq(seq + 1), ter(TER.terPRE_SEQ));
        assertEquals(1, env.ledger().heldCount());
        env.submit(pay(alice, bob, stm(2)).seq(seq), ter(TER.tesSUCCESS));
        assertEquals(seq + 2, env.seq(alice), "the held successor was applied right after");
        assertEquals(0, env.ledger().heldCount());
        Ledger closed = env.close();
        assertEquals(4, txCount(closed));
        var history = env.ledger().history();
        assertEquals(closed, history.bySeq(3));
        assertEquals(closed, history.byHash(closed.hash()));
        assertEquals(1, history.firstSeq(), "genesis and ledger 2 are held too");
        for (var it = closed.transactions(); it.hasNext(); ) {
            var tx = it.next();
            assertEquals(3, history.ledgerOfTx(tx.id()));
            assertNotNull(history.tx(tx.id()).meta());
        }
    }

    @Test
    void historyHoldsOnlyTheNewestLedgersAndForgetsTheTransactionsOfOlderOnes() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob);
        Ledger paid = env.close();
        Hash256 payment = paid.txIds().next();
        var history = env.ledger().history();
        assertEquals(paid.seq(), history.ledgerOfTx(payment));
        Ledger last = paid;
        for (int i = 0; i < LedgerHistory.HELD; i++) {
            last = env.close();
        }
        assertNull(history.bySeq(paid.seq()), "the ledger fell out of the window");
        assertNull(history.byHash(paid.hash()));
        assertEquals(-1, history.ledgerOfTx(payment), "and its transactions with it");
        assertEquals(last, history.bySeq(last.seq()));
        assertEquals(last.seq() - LedgerHistory.HELD + 1, history.firstSeq());
    }

    @Test
    void historyForgetsOldLedgersOnceItHoldsTooManyTransactions() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob, carol);
        env.close();
        List<Ledger> closed = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            for (Account a : new Account[] {alice, bob, carol}) {
                env.submit(pay(a, dave, stm(1)), ter(TER.tesSUCCESS));
            }
            closed.add(env.close());
        }
        LedgerHistory history = new LedgerHistory(256, 7);
        closed.forEach(history::add);
        for (int l = 0; l < 4; l++) {
            Ledger ledger = closed.get(l);
            boolean held = l >= 2;
            assertEquals(held ? ledger : null, history.bySeq(ledger.seq()), "four ledgers of 3 under a bound of 7: only the newest two stay; ledger " + l);
            assertEquals(held ? ledger.seq() : -1, history.ledgerOfTx(ledger.txIds().next()));
        }
        LedgerHistory tiny = new LedgerHistory(256, 1);
        tiny.add(closed.get(0));
        assertEquals(closed.get(0), tiny.bySeq(closed.get(0).seq()), "the newest ledger is held whatever its size");
    }

    @Test
    void heldTransactionsAreRetriedWhenTheLedgerCloses() {
        Env env = new Env();
        env.fund(stm(10_000), alice);
        env.submit(pay(carol, dave, stm(10)).seq(1), ter(TER.terNO_ACCOUNT));
        env.fund(stm(100), carol);
        Ledger closed = env.close();
        assertEquals(3, txCount(closed), "the held payment got in at close");
        assertEquals(stm(10).drops(), env.balance(dave));
    }

    @Test
    void dependentTransactionsAllGetInWhateverTheCanonicalOrder() {
        for (int round = 0; round < 6; round++) {
            Env env = new Env();
            Account[] accounts = {Account.of("a" + round), Account.of("b" + round), Account.of("c" + round)};
            env.fund(stm(1_000), accounts[0]);
            env.submit(pay(accounts[0], accounts[1], stm(100)), ter(TER.tesSUCCESS));
            env.submit(pay(accounts[1], accounts[2], stm(50)), ter(TER.tesSUCCESS));
            Ledger closed = env.close();
            List<STObject> metas = metas(closed);
            assertEquals(3, metas.size());
            for (STObject m : metas) {
                assertEquals(TER.tesSUCCESS.code(), m.getU8(SField.TRANSACTION_RESULT));
            }
            assertEquals(stm(50).drops(), env.balance(accounts[2]));
            List<Long> indexes = new ArrayList<>();
            metas.forEach(m -> indexes.add(m.getU32(SField.TRANSACTION_INDEX)));
            indexes.sort(null);
            assertEquals(List.of(0L, 1L, 2L), indexes);
        }
    }

    @Test
    void aTecIsRetriedAtCloseAndClaimedInTheFinalPass() {
        Env env = new Env();
        env.fund(stm(1_000), alice);
        long reserve = env.current().fees().accountReserve(0);
        env.fund(org.stoxum.engine.tx.jtx.Jtx.drops(reserve + 100_000), bob);
        env.submit(pay(bob, carol, stm(1)), ter(TER.tecUNFUNDED_PAYMENT));
        Ledger closed = env.close();
        STObject meta = closed.txRead(lastTx(env, bob)).meta();
        assertEquals(TER.tecUNFUNDED_PAYMENT.code(), meta.getU8(SField.TRANSACTION_RESULT), "claimed in the last pass");
    }

    @Test
    void localTransactionsReturnToTheNextOpenLedger() {
        Env env = new Env();
        env.fund(stm(1_000), alice, bob);
        env.close();
        long seq = env.seq(alice);
        Env.Submitted later = env.submit(pay(alice, bob, stm(1)).seq(seq + 1), ter(TER.terPRE_SEQ));
        env.close();
        assertEquals(0, env.ledger().heldCount(), "held transactions get one retry at close");
        assertEquals(1, env.ledger().localCount());
        env.submit(pay(alice, bob, stm(1)).seq(seq), ter(TER.tesSUCCESS));
        env.close();
        assertNotNull(env.closed().txRead(lastTx(env, alice)));
        assertTrue(env.closed().txExists(later.tx().id()) || env.current().txExists(later.tx().id()),
                "the local transaction was re-applied once its predecessor arrived");
        env.close();
        assertEquals(0, env.ledger().localCount(), "settled local transactions are swept");
    }

    @Test
    void lastLedgerSequenceExpires() {
        Env env = new Env();
        env.fund(stm(1_000), alice, bob);
        long last = env.current().seq();
        env.submit(pay(alice, bob, stm(1)).seq(env.seq(alice) + 1)
                .with(t -> t.setU32(SField.LAST_LEDGER_SEQUENCE, last)), ter(TER.terPRE_SEQ));
        env.close();
        env.close();
        env.submit(noop(alice), ter(TER.tesSUCCESS));
        env.close();
        assertEquals(0, env.ledger().localCount());
    }

    @Test
    void feesAreBurnedAndSkipListsRecordParents() {
        Env env = new Env();
        env.fund(stm(1_000), alice);
        Ledger l3 = env.close();
        assertEquals(200_000_000_000_000L - 10, l3.drops());
        Ledger l4 = env.close();
        STObject skip = l4.read(Keylets.skip());
        List<Hash256> hashes = skip.getVector256(SField.HASHES);
        assertEquals(3, skip.getU32(SField.LAST_LEDGER_SEQUENCE));
        assertEquals(l3.hash(), hashes.get(hashes.size() - 1));
        assertEquals(3, hashes.size(), "ledgers 1, 2 and 3");
        assertNull(l4.read(Keylets.skip(1)), "no flag ledger yet");
    }

    @Test
    void flagLedgerHashesAndResolutionChanges() {
        Env env = new Env();
        Ledger l256 = null;
        while (env.closed().seq() < 258) {
            Ledger l = env.close();
            if (l.seq() == 256) {
                l256 = l;
            }
            if (l.seq() == 8) {
                assertEquals(20, l.closeTimeResolution(), "finer every 8th ledger while times agree");
            }
            if (l.seq() == 16) {
                assertEquals(10, l.closeTimeResolution());
            }
        }
        Ledger l258 = env.closed();
        STObject flag = l258.read(Keylets.skip(256));
        assertNotNull(flag);
        assertEquals(List.of(l256.hash()), flag.getVector256(SField.HASHES));
        assertEquals(256, flag.getU32(SField.LAST_LEDGER_SEQUENCE));
        assertEquals(256, l258.read(Keylets.skip()).getVector256(SField.HASHES).size());
        assertEquals(257, l258.read(Keylets.skip()).getU32(SField.LAST_LEDGER_SEQUENCE));
    }

    @Test
    void closeTimesAreRoundedAndStrictlyIncreasing() {
        Env env = new Env();
        Ledger prev = env.closed();
        Ledger l = env.closeAt(prev.closeTime() + 100);
        assertEquals(prev.closeTime() + 90, l.closeTime(), "rounded to 30 s");
        Ledger same = env.closeAt(l.closeTime());
        assertEquals(l.closeTime() + 1, same.closeTime());
        assertEquals(0, same.closeFlags());
        Ledger noTime = env.closeAt(0);
        assertEquals(same.closeTime() + 1, noTime.closeTime());
        assertFalse(noTime.header().closeTimeAgreed());
    }

    @Test
    void submissionsWhileALedgerIsBuiltGoIntoTheNextOpenLedger() {
        ClosingWithArrivals c = closingWithArrivals();
        Env env = c.env();
        env.ledger().finishStandaloneClose(c.built());
        assertEquals(c.built().ledger(), env.closed());
        assertEquals(c.built().ledger().seq() + 1, env.current().seq());
        assertEquals(c.aliceSeq() + 2, env.seq(alice), "the open ledger holds both of alice's payments' effects");
        assertEquals(stm(300).drops(), env.balance(dave));
        Ledger next = env.close();
        assertEquals(2, txCount(next), "the payments that arrived during the build close in the next ledger");
    }

    @Test
    void theMoveToTheNextOpenLedgerGoesASliceAtATimeAndCarriesOverWhatCameMeanwhile() {
        ClosingWithArrivals c = closingWithArrivals();
        Env env = c.env();
        long openSeq = env.current().seq();
        env.ledger().beginStandaloneReopen(c.built());
        assertFalse(env.ledger().continueReopen(0), "a slice that ends at once leaves the rest for later");
        assertEquals(openSeq, env.current().seq(), "until the move ends, submissions go to the old open ledger");
        // Answered against the old open ledger, where alice's payments so far have used her sequences.
        env.submit(pay(alice, bob, stm(3)).seq(c.aliceSeq() + 2), ter(TER.tesSUCCESS));
        int calls = 1;
        do {
            calls++;
        } while (!env.ledger().continueReopen(0));
        // Three were left (one is in the closed ledger and is skipped when its turn comes) and one came: the
        // next slice carries two, twice what came since the last; the one after, the last.
        assertEquals(3, calls, "slices: one, then twice the arrivals, then the rest");
        assertEquals(c.built().ledger(), env.closed());
        assertEquals(openSeq + 1, env.current().seq());
        assertEquals(c.aliceSeq() + 3, env.seq(alice), "the payment that came during the move was carried over");
        assertEquals(stm(300).drops(), env.balance(dave), "so was the one that came during the build");
        Ledger next = env.close();
        assertEquals(3, txCount(next), "what came during the build and during the move closes next");
    }

    /** A stand-alone close whose ledger is built, and the open ledger it came from. */
    private record ClosingWithArrivals(Env env, LedgerBuilder.Result built, long aliceSeq) {
    }

    /**
     * Alice pays carol; the close fixes its set and builds; meanwhile two payments arrive, answered against the
     * open ledger as it stands, one of them (carol's) depending on the payment being closed.
     */
    private ClosingWithArrivals closingWithArrivals() {
        Env env = new Env();
        env.fund(stm(10_000), alice, bob);
        Ledger funded = env.close();
        long aliceSeq = env.seq(alice);
        env.submit(pay(alice, carol, stm(500)), ter(TER.tesSUCCESS));
        OpenLedger.StandaloneClose closing = env.ledger().beginStandaloneClose(funded.closeTime() + 10);
        env.submit(pay(alice, bob, stm(1)).seq(aliceSeq + 1), ter(TER.tesSUCCESS));
        env.submit(pay(carol, dave, stm(300)), ter(TER.tesSUCCESS));
        LedgerBuilder.Result built = closing.build();
        assertEquals(1, txCount(built.ledger()), "only the payment before the close is in the closed ledger");
        env.ledger().history().add(built.ledger());
        return new ClosingWithArrivals(env, built, aliceSeq);
    }

    private static int txCount(Ledger l) {
        int n = 0;
        for (var it = l.transactions(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    private static List<STObject> metas(Ledger l) {
        List<STObject> out = new ArrayList<>();
        for (var it = l.transactions(); it.hasNext(); ) {
            LedgerTx tx = it.next();
            out.add(tx.meta());
        }
        return out;
    }

    private static Hash256 lastTx(Env env, Account a) {
        for (var it = env.closed().transactions(); it.hasNext(); ) {
            LedgerTx tx = it.next();
            STTx t = STTx.of(tx.tx());
            if (t.account().equals(a.id()) && t.sequence() == env.closed().read(Keylets.account(a.id()))
                    .getU32(SField.SEQUENCE) - 1) {
                return tx.id();
            }
        }
        throw new AssertionError("no transaction of " + a + " in the last closed ledger");
    }
}
