package org.stoxum.engine.tx.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.tx.jtx.Jtx.drops;
import static org.stoxum.engine.tx.jtx.Jtx.fset;
import static org.stoxum.engine.tx.jtx.Jtx.noop;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.pay;
import static org.stoxum.engine.tx.jtx.Jtx.regkey;
import static org.stoxum.engine.tx.jtx.Jtx.signer;
import static org.stoxum.engine.tx.jtx.Jtx.signers;
import static org.stoxum.engine.tx.jtx.Jtx.stm;
import static org.stoxum.engine.tx.jtx.Jtx.ter;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.config.TxQueueConfig;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.tx.TxFlags;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;
import org.stoxum.engine.tx.jtx.JTx;

/**
 * The transaction queue against a stand-alone ledger, after rippled's TxQ_test: the same configuration
 * (two ledgers in the queue, a minimum queue of two, a few transactions expected per ledger) and the same
 * expected figures where a scenario can run without rippled's simulated slow consensus rounds.
 */
class TxQTest {
    private static final TER QUEUED = TER.terQUEUED;

    private final Account alice = Account.of("alice");
    private final Account bob = Account.of("bob");
    private final Account charlie = Account.of("charlie");
    private final Account daria = Account.of("daria");
    private final Account elmo = Account.of("elmo");
    private final Account fred = Account.of("fred");
    private final Account gwen = Account.of("gwen");
    private final Account hank = Account.of("hank");
    private final Account edgar = Account.of("edgar");
    private final Account felicia = Account.of("felicia");

    /** rippled's TxQ_test configuration with {@code minimum_txn_in_ledger_standalone} set. */
    private static TxQueueConfig config(long minimumTxnStandalone, long maximumTxnPerAccount) {
        return config(minimumTxnStandalone, maximumTxnPerAccount, 2);
    }

    private static TxQueueConfig config(long minimumTxnStandalone, long maximumTxnPerAccount, long minimumQueueSize) {
        return config(minimumTxnStandalone, maximumTxnPerAccount, minimumQueueSize,
                TxQueueConfig.DEFAULT_TARGET_TXN_IN_LEDGER, OptionalLong.empty());
    }

    private static TxQueueConfig config(long minimumTxnStandalone, long maximumTxnPerAccount, long minimumQueueSize,
                                        long targetTxnInLedger, OptionalLong maximumTxnInLedger) {
        return config(2, minimumTxnStandalone, maximumTxnPerAccount, minimumQueueSize, targetTxnInLedger,
                maximumTxnInLedger);
    }

    private static TxQueueConfig config(long ledgersInQueue, long minimumTxnStandalone, long maximumTxnPerAccount,
                                        long minimumQueueSize, long targetTxnInLedger,
                                        OptionalLong maximumTxnInLedger) {
        return new TxQueueConfig(ledgersInQueue, minimumQueueSize, 25, TxQueueConfig.DEFAULT_MULTI_TXN_PERCENT,
                TxQueueConfig.DEFAULT_MINIMUM_ESCALATION_MULTIPLIER, TxQueueConfig.DEFAULT_MINIMUM_TXN_IN_LEDGER,
                minimumTxnStandalone, targetTxnInLedger, maximumTxnInLedger, maximumTxnPerAccount,
                TxQueueConfig.DEFAULT_MINIMUM_LAST_LEDGER_BUFFER, 100_000_000_000L);
    }

    /** A stand-alone ledger with every supported amendment whose open ledger lets transactions in through a queue. */
    private static final class QueueEnv {
        final Env env;
        final TxQ txq;

        QueueEnv(TxQueueConfig config) {
            this(new Env(), config);
        }

        QueueEnv(Env env, TxQueueConfig config) {
            this.env = env;
            txq = new TxQ(config, true);
            env.ledger().useQueue(txq);
        }

        TxQ.Metrics metrics() {
            ReadView view = env.current();
            long inLedger = 0;
            for (var it = view.transactions(); it.hasNext(); it.next()) {
                inLedger++;
            }
            return txq.metrics(view, inLedger).orElseThrow();
        }

        /** rippled's checkMetrics: queue size, its limit, open ledger size, expected size, minimum level, median. */
        void check(long count, Long maxCount, long inLedger, long perLedger, long minFeeLevel, long medFeeLevel) {
            TxQ.Metrics m = metrics();
            String got = m.toString();
            assertEquals(TxQ.BASE_LEVEL, m.referenceFeeLevel(), got);
            assertEquals(count, m.txCount(), got);
            assertEquals(maxCount, m.txQMaxSize(), got);
            assertEquals(inLedger, m.txInLedger(), got);
            assertEquals(perLedger, m.txPerLedger(), got);
            assertEquals(minFeeLevel, m.minFeeLevel(), got);
            assertEquals(medFeeLevel, m.medFeeLevel(), got);
            long expected = inLedger > perLedger ? medFeeLevel * inLedger * inLedger / (perLedger * perLedger)
                    : TxQ.BASE_LEVEL;
            assertEquals(expected, m.expFeeLevel(), got);
        }

        void check(long count, Long maxCount, long inLedger, long perLedger, long minFeeLevel) {
            check(count, maxCount, inLedger, perLedger, minFeeLevel, 256 * 500);
        }

        /** A fee that gets into the open ledger now: one drop over the escalated cost. */
        long openLedgerFee() {
            TxQ.Metrics m = metrics();
            return m.expFeeLevel() * env.current().fees().base() / m.referenceFeeLevel() + 1;
        }

        void submit(JTx jt, TER expected) {
            env.submit(jt, ter(expected));
        }
    }

    @Test
    void escalationQueuesCheapTransactionsAndClosesInFeeOrder() {
        QueueEnv q = new QueueEnv(config(3, 10));
        Env env = q.env;
        assertEquals(10, env.current().fees().base());
        q.check(0, null, 0, 3, 256);

        env.fund(stm(50_000), alice, bob, charlie, daria);
        q.check(0, null, 4, 3, 256);
        // The open ledger is past its expected size: the price explodes and a base-fee noop waits.
        q.submit(noop(alice), QUEUED);
        q.check(1, null, 4, 3, 256);
        q.submit(noop(bob).fee(q.openLedgerFee()), TER.tesSUCCESS);
        q.check(1, null, 5, 3, 256);
        q.submit(noop(daria).fee(1000), QUEUED);
        q.check(2, null, 5, 3, 256);

        env.close();
        // Both waiting transactions went into the new open ledger; the queue now has a limit.
        q.check(0, 10L, 2, 5, 256);
        assertEquals(2, env.seq(alice));

        env.fund(stm(50_000), elmo, fred, gwen, hank);
        q.check(0, 10L, 6, 5, 256);
        q.submit(noop(alice).fee(12), QUEUED);
        q.check(1, 10L, 6, 5, 256);
        q.submit(noop(bob).fee(10), QUEUED);
        q.submit(noop(charlie).fee(20), QUEUED);
        q.submit(noop(daria).fee(15), QUEUED);
        q.submit(noop(elmo).fee(11), QUEUED);
        q.submit(noop(fred).fee(19), QUEUED);
        q.submit(noop(gwen).fee(16), QUEUED);
        q.submit(noop(hank).fee(18), QUEUED);
        q.check(8, 10L, 6, 5, 256);

        env.close();
        // Seven fit under the new expected size, best paying first; bob's base fee is left waiting.
        q.check(1, 12L, 7, 6, 256);
        List<TxQ.QueuedTx> left = q.txq.txs(env.current());
        assertEquals(bob.id(), left.get(0).account());

        // Hank queues, fails to outbid himself by 25%, outbids, then pays to get in at once.
        q.submit(noop(hank).fee(10), QUEUED);
        q.check(2, 12L, 7, 6, 256);
        q.submit(noop(hank).fee(11), TER.telCAN_NOT_QUEUE_FEE);
        q.check(2, 12L, 7, 6, 256);
        q.submit(noop(hank).fee(6000), QUEUED);
        q.check(2, 12L, 7, 6, 256);
        q.submit(noop(hank).fee(q.openLedgerFee()), TER.tesSUCCESS);
        q.check(1, 12L, 8, 6, 256);
        q.submit(noop(hank).fee(6000), QUEUED);
        q.check(2, 12L, 8, 6, 256);

        env.close();
        q.check(0, 16L, 2, 8, 256);
    }

    @Test
    void fullQueueEvictsTheCheapestForABetterPayer() {
        QueueEnv q = new QueueEnv(config(3, 10));
        Env env = q.env;
        // Fund three accounts a ledger, so that the expected size stays at its minimum of three.
        env.fund(stm(50_000), alice, bob, charlie);
        env.close();
        env.fund(stm(50_000), daria, elmo, fred);
        env.close();
        env.fund(stm(50_000), gwen, hank);
        env.close();
        q.check(0, 6L, 0, 3, 256);

        for (Account a : List.of(hank, gwen, fred, elmo)) {
            q.submit(noop(a).fee(7000), TER.tesSUCCESS);
        }
        q.check(0, 6L, 4, 3, 256);
        q.submit(noop(daria).fee(15), QUEUED);
        q.submit(noop(elmo).fee(16), QUEUED);
        q.submit(noop(fred).fee(17), QUEUED);
        q.submit(noop(gwen).fee(18), QUEUED);
        q.submit(noop(hank).fee(19), QUEUED);
        q.submit(noop(alice).fee(20), QUEUED);
        // Full: the minimum level is one over the cheapest waiting (daria's 15 drops = level 384).
        q.check(6, 6L, 4, 3, 385);

        q.submit(noop(charlie), TER.telCAN_NOT_QUEUE_FULL);
        q.submit(noop(charlie).fee(100), QUEUED);
        // daria was evicted: elmo's 16 drops (level 409) is now the cheapest.
        q.check(6, 6L, 4, 3, 410);
        assertTrue(q.txq.accountTxs(daria.id(), env.current()).isEmpty());

        env.close();
        // Five of the queue fit; daria's transaction, kept as a local one, queues again.
        q.check(2, 8L, 5, 4, 256, 256 * 700);
        assertEquals(1, q.txq.accountTxs(daria.id(), env.current()).size());

        env.close();
        q.check(0, 10L, 2, 5, 256);
    }

    @Test
    void lastLedgerSequenceBoundsQueueingAndExpiresWaitingTransactions() {
        QueueEnv q = new QueueEnv(config(2, 10, 10));
        Env env = q.env;
        // Fund two accounts a ledger, so that the expected size stays at its minimum of two.
        env.fund(stm(1000), alice, bob);
        env.close();
        env.fund(stm(1000), charlie, daria);
        env.close();
        env.fund(stm(1000), edgar, felicia);
        env.close();
        q.check(0, 10L, 0, 2, 256);
        q.submit(noop(bob), TER.tesSUCCESS);
        q.submit(noop(charlie), TER.tesSUCCESS);
        q.submit(noop(daria), TER.tesSUCCESS);
        q.check(0, 10L, 3, 2, 256);

        assertEquals(6, env.current().seq());
        // A transaction must promise to live until two ledgers from now to wait.
        q.submit(noop(alice).with(o -> o.setU32(SField.LAST_LEDGER_SEQUENCE, 7)), TER.telCAN_NOT_QUEUE);
        q.submit(noop(alice).with(o -> o.setU32(SField.LAST_LEDGER_SEQUENCE, 8)), QUEUED);
        // Better payers keep alice's transaction waiting.
        for (Account a : List.of(bob, charlie, daria, edgar)) {
            q.submit(noop(a).fee(7000), QUEUED);
        }
        q.check(5, 10L, 3, 2, 256);
        TxQ.QueuedTx aliceStat = q.txq.accountTxs(alice.id(), env.current()).get(0);
        assertEquals(256, aliceStat.feeLevel());
        assertEquals(8L, aliceStat.lastValid());
        assertNull(aliceStat.consequences());
        TxQ.QueuedTx bobStat = q.txq.accountTxs(bob.id(), env.current()).get(0);
        assertEquals(7000 * 256 / 10, bobStat.feeLevel());
        assertNull(bobStat.lastValid());
        assertTrue(q.txq.accountTxs(env.master().id(), env.current()).isEmpty());

        env.close();
        q.check(1, 10L, 4, 3, 256);
        for (Account a : List.of(bob, charlie, daria, edgar, felicia)) {
            q.submit(noop(a).fee(7000), QUEUED);
        }
        q.check(6, 10L, 4, 3, 256);

        env.close();
        // Still waiting in ledger 8, its last.
        q.check(1, 10L, 5, 4, 256, 700 * 256);
        assertEquals(1, env.seq(alice));

        env.close();
        // Ledger 8 closed without it: it expired, and as a local transaction it is past its last ledger too.
        q.check(0, 10L, 0, 5, 256, 700 * 256);
        assertEquals(1, env.seq(alice));
        assertTrue(q.txq.accountTxs(alice.id(), env.current()).isEmpty());
    }

    @Test
    void accountMayQueueASequenceChainUpToItsLimit() {
        QueueEnv q = new QueueEnv(config(3, 4));
        Env env = q.env;
        env.fund(stm(50_000), alice, bob, charlie);
        q.submit(noop(bob), TER.tesSUCCESS);
        long aliceSeq = env.seq(alice);
        q.submit(noop(alice), QUEUED);
        // A gap cannot be queued: the transaction fails as it would without a queue.
        q.submit(noop(alice).seq(aliceSeq + 2), TER.terPRE_SEQ);
        // The next one must pay more than a tenth of the one before (level 25 of 256): it does.
        q.submit(noop(alice).seq(aliceSeq + 1), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 2), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 3), QUEUED);
        // Four queued, the account limit: a fifth is judged as if there were no queue.
        q.submit(noop(alice).seq(aliceSeq + 4), TER.terPRE_SEQ);
        // But the last may still be replaced.
        q.submit(noop(alice).seq(aliceSeq + 3).fee(20), QUEUED);
        // Fees in flight may not reach the account reserve.
        q.submit(noop(charlie), QUEUED);
        long reserve = env.current().fees().accountReserve(0);
        q.submit(noop(charlie).seq(env.seq(charlie) + 1).fee(reserve), QUEUED);
        // The next must outbid a tenth of that (level 25600) and finds the fees in flight too high.
        q.submit(noop(charlie).seq(env.seq(charlie) + 2).fee(reserve / 10), TER.telINSUF_FEE_P);
        q.submit(noop(charlie).seq(env.seq(charlie) + 2).fee(reserve / 5), TER.telCAN_NOT_QUEUE_BALANCE);

        List<TxQ.QueuedTx> aliceQueue = q.txq.accountTxs(alice.id(), env.current());
        assertEquals(List.of(aliceSeq, aliceSeq + 1, aliceSeq + 2, aliceSeq + 3),
                aliceQueue.stream().map(TxQ.QueuedTx::sequence).toList());
        // Consequences are known for those a later queueing looked at, not for the newest.
        assertEquals(new TxConsequences(false, 10, 0), aliceQueue.get(0).consequences());
        assertNull(aliceQueue.get(3).consequences());

        env.close();
        // All of alice's chain fits in the next ledger, in sequence order; the fifth, a local transaction
        // whose sequence has now come, is tried again and waits behind the better payers.
        assertEquals(aliceSeq + 4, env.seq(alice));
        assertEquals(List.of(aliceSeq + 4), q.txq.accountTxs(alice.id(), env.current()).stream()
                .map(TxQ.QueuedTx::sequence).toList(), q.txq.txs(env.current()).toString());
    }

    @Test
    void blockersCanOnlyEndAnAccountsQueue() {
        QueueEnv q = new QueueEnv(config(3, 10));
        Env env = q.env;
        env.fund(stm(50_000), alice, bob);
        q.submit(noop(alice), TER.tesSUCCESS);
        q.submit(regkey(alice, charlie), TER.tesSUCCESS);
        q.check(0, null, 4, 3, 256);

        long aliceSeq = env.seq(alice);
        q.submit(noop(alice), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 1), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 2), QUEUED);
        q.submit(fset(alice, TxFlags.ASF_ACCOUNT_TXN_ID).fee(20), TER.telCAN_NOT_QUEUE_BLOCKS);
        q.submit(regkey(alice, bob).seq(aliceSeq + 1).fee(20), TER.telCAN_NOT_QUEUE_BLOCKS);
        q.submit(signers(alice, 2, signer(bob, 1), signer(charlie, 1), signer(daria, 1)).seq(aliceSeq + 1).fee(20),
                TER.telCAN_NOT_QUEUE_BLOCKS);
        q.submit(signers(alice, 2, signer(bob, 1), signer(charlie, 1), signer(daria, 1)).seq(aliceSeq + 2).fee(20),
                QUEUED);
        q.submit(regkey(alice, bob).seq(aliceSeq + 2).fee(30), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 3), TER.telCAN_NOT_QUEUE_BLOCKED);
        q.submit(noop(bob), QUEUED);
        q.submit(noop(alice).fee(14), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 2).fee(40), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 3), QUEUED);
        TxQ.QueuedTx last = q.txq.accountTxs(alice.id(), env.current()).get(2);
        assertEquals(new TxConsequences(false, 40, 0), last.consequences());
    }

    @Test
    void paymentConsequencesCountWhatMayBeSpent() {
        QueueEnv q = new QueueEnv(config(1, 10));
        Env env = q.env;
        env.fund(stm(50_000), alice, bob);
        long aliceSeq = env.seq(alice);
        q.submit(pay(alice, bob, drops(1234)), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 1), QUEUED);
        TxQ.QueuedTx payment = q.txq.accountTxs(alice.id(), env.current()).get(0);
        assertEquals(new TxConsequences(false, 10, 1234), payment.consequences());
        assertEquals(TER.tesSUCCESS, payment.preflightResult());
        assertEquals(MaybeTx.RETRIES_ALLOWED, payment.retriesRemaining());
    }

    @Test
    void equalFeeLevelsAreServedInArrivalOrder() {
        QueueEnv q = new QueueEnv(config(4, 10));
        Env env = q.env;
        q.check(0, null, 0, 4, 256);
        env.fund(stm(50_000), alice, bob, charlie, daria);
        q.check(0, null, 4, 4, 256);
        env.close();
        q.check(0, 8L, 0, 4, 256);
        env.fund(stm(50_000), elmo, fred, gwen, hank);
        q.check(0, 8L, 4, 4, 256);
        env.close();
        q.check(0, 8L, 0, 4, 256);

        q.submit(noop(gwen), TER.tesSUCCESS);
        q.submit(noop(hank), TER.tesSUCCESS);
        q.submit(noop(gwen), TER.tesSUCCESS);
        q.submit(noop(fred), TER.tesSUCCESS);
        q.submit(noop(elmo), TER.tesSUCCESS);
        q.check(0, 8L, 5, 4, 256);
        long aliceSeq = env.seq(alice);
        long bobSeq = env.seq(bob);
        long charlieSeq = env.seq(charlie);
        long dariaSeq = env.seq(daria);
        long elmoSeq = env.seq(elmo);
        long fredSeq = env.seq(fred);
        long gwenSeq = env.seq(gwen);
        long hankSeq = env.seq(hank);
        for (Account a : List.of(alice, bob, charlie, daria, elmo, fred, gwen, hank)) {
            q.submit(noop(a).fee(15), QUEUED);
        }
        q.check(8, 8L, 5, 4, 385);
        q.submit(noop(charlie), TER.telCAN_NOT_QUEUE_FEE);
        // Evicts the last to arrive of the cheapest: hank.
        q.submit(noop(charlie).fee(100).seq(charlieSeq + 1), QUEUED);
        q.check(8, 8L, 5, 4, 385);

        env.close();
        // alice to elmo (charlie with both) got in; fred and gwen wait, and hank's local transaction is back.
        q.check(3, 10L, 6, 5, 256);
        assertEquals(aliceSeq + 1, env.seq(alice));
        assertEquals(bobSeq + 1, env.seq(bob));
        assertEquals(charlieSeq + 2, env.seq(charlie));
        assertEquals(dariaSeq + 1, env.seq(daria));
        assertEquals(elmoSeq + 1, env.seq(elmo));
        assertEquals(fredSeq, env.seq(fred));
        assertEquals(gwenSeq, env.seq(gwen));
        assertEquals(hankSeq, env.seq(hank));

        aliceSeq = env.seq(alice);
        bobSeq = env.seq(bob);
        charlieSeq = env.seq(charlie);
        dariaSeq = env.seq(daria);
        elmoSeq = env.seq(elmo);
        q.submit(noop(alice).fee(15), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 1).fee(15), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 2).fee(15), QUEUED);
        q.submit(noop(bob).fee(15), QUEUED);
        q.submit(noop(charlie).fee(15), QUEUED);
        q.submit(noop(daria).fee(15), QUEUED);
        q.submit(noop(elmo).fee(15), QUEUED);
        q.check(10, 10L, 6, 5, 385);
        q.submit(noop(alice).fee(100).seq(aliceSeq + 3), QUEUED);

        env.close();
        q.check(4, 12L, 7, 6, 256);
        assertEquals(fredSeq + 1, env.seq(fred));
        assertEquals(gwenSeq + 1, env.seq(gwen));
        assertEquals(hankSeq + 1, env.seq(hank));
        assertEquals(aliceSeq + 4, env.seq(alice));
        assertEquals(bobSeq, env.seq(bob));
        assertEquals(charlieSeq, env.seq(charlie));
        assertEquals(dariaSeq, env.seq(daria));
        assertEquals(elmoSeq, env.seq(elmo));
    }

    @Test
    void accountTxnIdCannotWaitButAppliesWhenThereIsRoom() {
        QueueEnv q = new QueueEnv(config(1, 10));
        Env env = q.env;
        q.check(0, null, 0, 1, 256);
        env.fund(stm(50_000), alice);
        q.check(0, null, 1, 1, 256);
        q.submit(fset(alice, TxFlags.ASF_ACCOUNT_TXN_ID), TER.tesSUCCESS);
        q.check(0, null, 2, 1, 256);
        q.submit(noop(alice).with(o -> o.setH256(SField.ACCOUNT_TXN_ID, Hash256.ZERO)), TER.telCAN_NOT_QUEUE);
        q.check(0, null, 2, 1, 256);
        env.close();
        // Retried as a local transaction into the empty new ledger, where it pays enough.
        q.check(0, 4L, 1, 2, 256);
        q.submit(noop(alice), TER.tesSUCCESS);
        q.check(0, 4L, 2, 2, 256);
        q.submit(noop(alice).with(o -> o.setH256(SField.ACCOUNT_TXN_ID, Hash256.ZERO)), TER.tefWRONG_PRIOR);
    }

    @Test
    void expectedLedgerSizeIsCappedByTheMaximum() {
        QueueEnv q = new QueueEnv(config(2, 10, 2, 4, OptionalLong.of(5)));
        Env env = q.env;
        q.check(0, null, 0, 2, 256);
        env.fund(stm(50_000), alice);
        q.check(0, null, 1, 2, 256);
        for (int i = 0; i < 10; i++) {
            q.submit(noop(alice).fee(q.openLedgerFee()), TER.tesSUCCESS);
        }
        q.check(0, null, 11, 2, 256);
        env.close();
        // Eleven would be expected but for the maximum of five; the median paid level is 800025.
        q.check(0, 10L, 0, 5, 256, 800_025);
    }

    @Test
    void expiredHeadsOfAChainCanBeQueuedAgainAndReplaced() {
        QueueEnv q = new QueueEnv(config(10, 1, 20, 2, TxQueueConfig.DEFAULT_TARGET_TXN_IN_LEDGER,
                OptionalLong.empty()));
        Env env = q.env;
        env.fund(stm(500_000), alice, bob);
        q.check(0, null, 2, 1, 256);
        long aliceSeq = env.seq(alice);
        assertEquals(3, env.current().seq());
        long[] lastLedgers = {5, 5, 10, 11};
        for (int i = 0; i < 4; i++) {
            long last = lastLedgers[i];
            q.submit(noop(alice).seq(aliceSeq + i).with(o -> o.setU32(SField.LAST_LEDGER_SEQUENCE, last)), QUEUED);
        }
        q.check(4, null, 2, 1, 256);
        long bobSeq = env.seq(bob);
        // Ledger 4 takes three of bob's, ledger 5 four, ledger 6 five.
        for (int i = 0; i < 3 + 4 + 5; i++) {
            q.submit(noop(bob).seq(bobSeq + i).fee(200), QUEUED);
        }
        q.check(4 + 3 + 4 + 5, null, 2, 1, 256);
        env.close();
        q.check(4 + 4 + 5, 20L, 3, 2, 256);
        env.close();
        q.check(4 + 5, 30L, 4, 3, 256);
        env.close();
        // alice's first two expired with ledger 5.
        q.check(2, 40L, 5, 4, 256);
        q.submit(noop(alice).seq(aliceSeq + 1), TER.terPRE_SEQ);
        // The lost sequences can be queued again, even as blockers, and replaced though never examined.
        q.submit(fset(alice, TxFlags.ASF_ACCOUNT_TXN_ID).seq(aliceSeq), QUEUED);
        q.check(3, 40L, 5, 4, 256);
        q.submit(noop(alice).seq(aliceSeq).fee(20), QUEUED);
        q.check(3, 40L, 5, 4, 256);
        q.submit(fset(alice, TxFlags.ASF_ACCOUNT_TXN_ID).seq(aliceSeq + 1), QUEUED);
        q.check(4, 40L, 5, 4, 256);
        q.submit(noop(alice).seq(aliceSeq + 1).fee(20), QUEUED);
        q.check(4, 40L, 5, 4, 256);
        env.close();
        q.check(0, 50L, 4, 5, 256);
        assertEquals(aliceSeq + 4, env.seq(alice));
    }

    @Test
    void preflightAndPreclaimFailuresPassThrough() {
        QueueEnv q = new QueueEnv(config(TxQueueConfig.DEFAULT_MINIMUM_TXN_IN_LEDGER_STANDALONE, 10));
        Env env = q.env;
        env.fund(stm(1000), alice);
        q.submit(pay(alice, bob, stm(-1000)), TER.temBAD_AMOUNT);
        q.submit(noop(alice).fee(stm(100_000)), TER.terINSUF_FEE_B);
        assertTrue(q.txq.txs(env.current()).isEmpty());
    }

    @Test
    void aBalanceSpentBehindTheQueuesBackStrandsItsLastTransaction() {
        // rippled's test voted the reserves down to 200 and 50 drops; this genesis starts with them.
        Env env = new Env(NetworkProfile.RIPPLE, Genesis.create(NetworkProfile.RIPPLE, Amendments.supported(),
                new Fees(10, 10, 200, 50), Set.of()), 0);
        QueueEnv q = new QueueEnv(env, config(3, 10));
        IOU usd = IOU.of(bob, "USD");
        env.fund(drops(5000), alice);
        env.fund(stm(50_000), bob);
        q.submit(offer(alice, usd.of(5000), drops(5000)), TER.tesSUCCESS);
        assertEquals(1, env.ownerCount(alice));
        q.check(0, null, 3, 3, 256);
        env.close();
        q.check(0, 6L, 0, 3, 256);

        for (int i = 0; i < 4; i++) {
            q.submit(noop(alice), TER.tesSUCCESS);
        }
        q.check(0, 6L, 4, 3, 256);
        long aliceSeq = env.seq(alice);
        q.submit(noop(alice).seq(aliceSeq), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 1), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 2), QUEUED);
        q.submit(noop(alice).seq(aliceSeq + 3).fee(1000), QUEUED);
        q.check(4, 6L, 4, 3, 256);
        // bob takes alice's offer down to her reserve.
        q.submit(offer(bob, drops(5000), usd.of(5000)).fee(q.openLedgerFee()), TER.tesSUCCESS);
        assertEquals(250, env.balance(alice));
        q.check(4, 6L, 5, 3, 256);
        q.submit(noop(alice).seq(aliceSeq + 4).fee(200), TER.telCAN_NOT_QUEUE_BALANCE);

        env.close();
        // The three cheap ones paid their fees; the expensive one cannot and waits. (How much the closed ledger
        // left alice depends on whether its canonical order put bob's offer before her noops or after.)
        q.check(1, 10L, 3, 5, 256);
        long closedBalance = env.closed().read(Keylets.account(alice.id())).getAmount(SField.BALANCE).drops();
        assertTrue(closedBalance == 250 || closedBalance == 250 - 4 * 10, "closed with " + closedBalance);
        assertEquals(closedBalance - 30, env.balance(alice));
        q.submit(noop(alice).seq(aliceSeq + 4).fee(200), TER.telCAN_NOT_QUEUE_BALANCE);
        for (int i = 0; i < 9; i++) {
            env.close();
            q.check(1, 10L, 0, 5, 256);
        }
        TxQ.QueuedTx stuck = q.txq.txs(env.current()).get(0);
        assertEquals(0, stuck.retriesRemaining());
        assertEquals(TER.terINSUF_FEE_B, stuck.lastResult());
        // Out of retries: dropped.
        env.close();
        q.check(0, 10L, 0, 5, 256);
    }

    @Test
    void withoutFeeEscalationNothingIsQueued() {
        Env env = Env.atTimeZero(Set.of(), Set.of(Amendments.FEE_ESCALATION));
        TxQ txq = new TxQ(config(1, 10), true);
        env.ledger().useQueue(txq);
        env.fund(stm(50_000), alice, bob, charlie);
        env.submit(noop(alice), ter(TER.tesSUCCESS));
        assertTrue(txq.metrics(env.current(), 4).isEmpty());
        assertTrue(txq.txs(env.current()).isEmpty());
        env.close();
        assertTrue(txq.metrics(env.current(), 0).isEmpty());
    }
}
