package org.stoxum.engine.tx.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.config.TxQueueConfig;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.Rules;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.ApplyResult;
import org.stoxum.engine.tx.EngineSetup;
import org.stoxum.engine.tx.PreclaimResult;
import org.stoxum.engine.tx.PreflightResult;
import org.stoxum.engine.tx.TxEngine;
import org.stoxum.engine.tx.TxQueue;

/**
 * rippled's transaction queue with fee escalation (TxQ.cpp), active while the FeeEscalation amendment is.
 *
 * <p>Once an open ledger holds more transactions than a ledger is expected to, the next one must pay an
 * escalating fee level. A transaction that pays less but would claim its fee waits here (terQUEUED) and is
 * tried, highest fee level first, against each new open ledger until it gets in, fails for good, runs out
 * of retries or passes its LastLedgerSequence. An account may queue a chain of sequences, each paying
 * enough over the one before and none behind a transaction that changes how the account signs; a full
 * queue evicts its cheapest account's last transaction for a better-paying one.
 *
 * <p>The ledger writer thread calls {@link #apply}, {@link #processClosedLedger} and {@link #accept}; the
 * RPC threads read {@link #metrics}, {@link #accountTxs} and {@link #txs}. One lock guards it all.
 */
public final class TxQ implements TxQueue {
    /** Fee level of a reference transaction paying the base fee. */
    public static final long BASE_LEVEL = TxQueueConfig.BASE_LEVEL;

    /** What the fee command, server_info and autofill report (rippled's {@code TxQ::Metrics}). */
    public record Metrics(long txCount, Long txQMaxSize, long txInLedger, long txPerLedger, long referenceFeeLevel,
                          long minFeeLevel, long medFeeLevel, long expFeeLevel) {
    }

    /**
     * One queued transaction as account_info and ledger show it.
     *
     * @param consequences null until a queue decision needed them
     * @param lastResult   null until a new open ledger tried it
     */
    public record QueuedTx(STTx tx, AccountId account, long sequence, long feeLevel, Long lastValid,
                           TxConsequences consequences, int retriesRemaining, TER preflightResult,
                           TER lastResult) {
    }

    /** An account's queued transactions by sequence, and what befell its earlier ones. */
    private static final class TxQAccount {
        final TreeMap<Long, MaybeTx> txs = new TreeMap<>();
        boolean retryPenalty;
        boolean dropPenalty;
    }

    private final TxQueueConfig config;
    private final FeeMetrics feeMetrics;
    private final TreeSet<MaybeTx> byFee = new TreeSet<>(
            Comparator.comparingLong((MaybeTx t) -> t.feeLevel).reversed().thenComparingLong(t -> t.arrival));
    private final Map<AccountId, TxQAccount> byAccount = new HashMap<>();
    private Long maxSize;
    private long arrivals;

    /**
     * @param standalone a stand-alone server expects {@code minimum_txn_in_ledger_standalone} transactions per
     *                   ledger at first rather than {@code minimum_txn_in_ledger}
     */
    public TxQ(TxQueueConfig config, boolean standalone) {
        this.config = config;
        this.feeMetrics = new FeeMetrics(config, standalone);
    }

    private static boolean escalating(Rules rules) {
        return rules.enabled(Amendments.FEE_ESCALATION);
    }

    // ------------------------------------------------------------------ writer thread

    @Override
    public synchronized ApplyResult apply(EngineSetup setup, OpenView view, STTx tx, int flags) {
        if (!escalating(view.rules())) {
            return TxEngine.apply(setup, view, tx, flags);
        }
        PreflightResult pf = TxEngine.preflight(setup, view.rules(), tx, flags);
        if (pf.ter() != TER.tesSUCCESS) {
            return new ApplyResult(pf.ter(), false);
        }
        AccountId account = tx.account();
        long tSeq = tx.sequence();
        FeeMetrics.Snapshot snapshot = feeMetrics.snapshot();
        long baseFee = TxEngine.calculateBaseFee(setup, view, tx);
        long feeLevelPaid = feeMetrics.feeLevelPaid(tx, baseFee);
        long requiredFeeLevel = FeeMetrics.scaleFeeLevel(snapshot, view.txCount());
        if (ApplyFlags.has(flags, ApplyFlags.PREFER_QUEUE) && !byFee.isEmpty()) {
            // Carried over from the last open ledger: no overtaking what already waits.
            requiredFeeLevel = Math.max(requiredFeeLevel, byFee.first().feeLevel);
        }

        TxQAccount queued = byAccount.get(account);
        MaybeTx replaced = null;
        TxConsequences consequences = null;
        if (queued != null) {
            MaybeTx existing = queued.txs.get(tSeq);
            if (existing != null) {
                boolean paysRetry = feeLevelPaid > increase(existing.feeLevel, config.retrySequencePercent());
                boolean nowGetsIn = existing.feeLevel < requiredFeeLevel && feeLevelPaid >= requiredFeeLevel
                        && queued.txs.firstKey() == tSeq;
                if (!paysRetry && !nowGetsIn) {
                    return new ApplyResult(TER.telCAN_NOT_QUEUE_FEE, false);
                }
                if (queued.txs.lastKey() != tSeq && !existing.consequences().blocker()) {
                    consequences = TxConsequences.of(tx);
                    if (consequences.blocker()) {
                        return new ApplyResult(TER.telCAN_NOT_QUEUE_BLOCKS, false);
                    }
                }
                replaced = existing;
            }
        }

        ReadView preclaimView = view;
        boolean multiTxn = false;
        if (queued != null) {
            Keylet rootKey = Keylets.account(account);
            STObject root = view.read(rootKey);
            if (root != null && root.getU32(SField.SEQUENCE) < tSeq
                    && canBeHeld(tx, view, queued, replaced != null)) {
                InFlight inFlight = inFlight(queued, root.getU32(SField.SEQUENCE), tSeq, feeLevelPaid);
                if (inFlight.reject != null) {
                    return new ApplyResult(inFlight.reject, false);
                }
                if (inFlight.complete) {
                    long balance = root.getAmount(SField.BALANCE).drops();
                    long totalFee = inFlight.fee
                            + (inFlight.includeCurrentFee ? tx.object().getAmount(SField.FEE).drops() : 0);
                    if (totalFee >= balance || totalFee >= view.fees().accountReserve(0)) {
                        return new ApplyResult(TER.telCAN_NOT_QUEUE_BALANCE, false);
                    }
                    preclaimView = new AccountAdjustedView(view, rootKey, tSeq,
                            balance - (inFlight.fee + inFlight.potentialSpend));
                    multiTxn = true;
                }
            }
        }

        PreclaimResult pc = TxEngine.preclaim(pf, preclaimView);
        if (!pc.likelyToClaimFee()) {
            return new ApplyResult(pc.ter(), false);
        }
        if (!multiTxn && feeLevelPaid >= requiredFeeLevel) {
            ApplyResult r = TxEngine.doApply(pc, view);
            if (r.applied() && replaced != null) {
                erase(replaced);
            }
            return r;
        }
        if (!multiTxn && !canBeHeld(tx, view, queued, replaced != null)) {
            return new ApplyResult(TER.telCAN_NOT_QUEUE, false);
        }
        if (replaced == null && isFull(100)) {
            MaybeTx last = byFee.last();
            if (last.account.equals(account)) {
                return new ApplyResult(TER.telCAN_NOT_QUEUE_FULL, false);
            }
            TxQAccount endAccount = byAccount.get(last.account);
            if (feeLevelPaid <= effectiveFeeLevel(endAccount, last, feeLevelPaid)) {
                return new ApplyResult(TER.telCAN_NOT_QUEUE_FULL, false);
            }
            erase(endAccount.txs.lastEntry().getValue());
        }
        if (replaced != null) {
            erase(replaced);
        }
        if (queued == null) {
            queued = new TxQAccount();
            byAccount.put(account, queued);
        }
        MaybeTx candidate = new MaybeTx(tx, feeLevelPaid, pf, arrivals++);
        if (consequences != null) {
            candidate.knowConsequences(consequences);
        }
        queued.txs.put(tSeq, candidate);
        byFee.add(candidate);
        return new ApplyResult(TER.terQUEUED, false);
    }

    /** What the account's queued transactions from its current sequence on hold in flight. */
    private static final class InFlight {
        long fee;
        long potentialSpend;
        boolean includeCurrentFee;
        boolean complete = true;
        TER reject;
    }

    /**
     * Walks the account's queue from its ledger sequence {@code aSeq}: every sequence before {@code tSeq}
     * must be queued, none of them a blocker, and the one just before must be outbid by the multi-transaction
     * margin; fees and possible spending of all but the replaced one are totalled.
     */
    private InFlight inFlight(TxQAccount queued, long aSeq, long tSeq, long feeLevelPaid) {
        InFlight f = new InFlight();
        long workingSeq = aSeq;
        Iterator<Map.Entry<Long, MaybeTx>> it = queued.txs.containsKey(aSeq)
                ? queued.txs.tailMap(aSeq, true).entrySet().iterator() : null;
        for (; it != null && it.hasNext(); workingSeq++) {
            Map.Entry<Long, MaybeTx> e = it.next();
            long seq = e.getKey();
            MaybeTx working = e.getValue();
            if (workingSeq < tSeq && seq != workingSeq) {
                f.complete = false;
                return f;
            }
            if (seq == tSeq - 1 && feeLevelPaid <= increase(working.feeLevel, config.multiTxnPercent())) {
                f.reject = TER.telINSUF_FEE_P;
                return f;
            }
            if (seq == tSeq) {
                f.includeCurrentFee = it.hasNext();
                continue;
            }
            TxConsequences c = working.consequences();
            if (seq < tSeq && c.blocker()) {
                f.reject = TER.telCAN_NOT_QUEUE_BLOCKED;
                return f;
            }
            f.fee += c.fee();
            f.potentialSpend += c.potentialSpend();
        }
        if (workingSeq < tSeq) {
            f.complete = false;
        }
        return f;
    }

    /**
     * Whether {@code tx} may wait: it promises to live long enough (LastLedgerSequence at least the buffer
     * ahead), does not use AccountTxnID or PreviousTxnID, and its account has room or it replaces or goes in
     * front of a queued one.
     */
    private boolean canBeHeld(STTx tx, ReadView view, TxQAccount queued, boolean replacing) {
        STObject o = tx.object();
        if (o.isPresent(SField.PREVIOUS_TXN_ID) || o.isPresent(SField.ACCOUNT_TXN_ID)) {
            return false;
        }
        if (o.isPresent(SField.LAST_LEDGER_SEQUENCE)
                && o.getU32(SField.LAST_LEDGER_SEQUENCE) < view.seq() + config.minimumLastLedgerBuffer()) {
            return false;
        }
        return queued == null || replacing || queued.txs.size() < config.maximumTxnPerAccount()
                || tx.sequence() < queued.txs.lastKey();
    }

    /**
     * The fee level a newcomer must beat to evict from a full queue: the cheapest transaction's, or, when
     * the newcomer outbids it and its account queued several, the average over that account's queue.
     */
    private static long effectiveFeeLevel(TxQAccount endAccount, MaybeTx last, long feeLevelPaid) {
        int n = endAccount.txs.size();
        if (last.feeLevel > feeLevelPaid || n == 1) {
            return last.feeLevel;
        }
        long quotients = 0;
        long remainders = 0;
        for (MaybeTx t : endAccount.txs.values()) {
            long next = t.feeLevel / n;
            long mod = t.feeLevel % n;
            if (quotients >= Long.MAX_VALUE - next || remainders >= Long.MAX_VALUE - mod) {
                return Long.MAX_VALUE;
            }
            quotients += next;
            remainders += mod;
        }
        return quotients + remainders / n;
    }

    private boolean isFull(int percent) {
        return maxSize != null && byFee.size() >= maxSize * percent / 100;
    }

    private static long increase(long level, long percent) {
        return FeeMetrics.mulDiv(level, 100 + percent, 100);
    }

    private void erase(MaybeTx t) {
        byFee.remove(t);
        byAccount.get(t.account).txs.remove(t.sequence);
    }

    /**
     * Removes {@code candidate} after its turn and names the next one to consider: the account's next
     * sequence if it was skipped earlier for paying more than the next in fee order, else the next in fee
     * order.
     */
    private MaybeTx eraseAndAdvance(MaybeTx candidate) {
        TxQAccount queued = byAccount.get(candidate.account);
        MaybeTx feeNext = byFee.higher(candidate);
        Map.Entry<Long, MaybeTx> accountNext = queued.txs.higherEntry(candidate.sequence);
        boolean useAccountNext = accountNext != null && accountNext.getKey() == candidate.sequence + 1
                && (feeNext == null || accountNext.getValue().feeLevel > feeNext.feeLevel);
        erase(candidate);
        return useAccountNext ? accountNext.getValue() : feeNext;
    }

    @Override
    public synchronized void processClosedLedger(EngineSetup setup, ReadView closed, boolean timeLeap) {
        if (!escalating(closed.rules())) {
            return;
        }
        feeMetrics.update(setup, closed, timeLeap);
        if (!timeLeap) {
            maxSize = Math.max(feeMetrics.snapshot().txnsExpected() * config.ledgersInQueue(),
                    config.minimumQueueSize());
        }
        long seq = closed.seq();
        for (Iterator<MaybeTx> it = byFee.iterator(); it.hasNext(); ) {
            MaybeTx t = it.next();
            if (t.lastValid != null && t.lastValid <= seq) {
                TxQAccount queued = byAccount.get(t.account);
                queued.dropPenalty = true;
                queued.txs.remove(t.sequence);
                it.remove();
            }
        }
        byAccount.values().removeIf(a -> a.txs.isEmpty());
    }

    @Override
    public synchronized boolean accept(EngineSetup setup, OpenView view, Consumer<STTx> applied) {
        if (!escalating(view.rules())) {
            return false;
        }
        boolean changed = false;
        FeeMetrics.Snapshot snapshot = feeMetrics.snapshot();
        MaybeTx candidate = byFee.isEmpty() ? null : byFee.first();
        while (candidate != null) {
            TxQAccount queued = byAccount.get(candidate.account);
            if (candidate.sequence > queued.txs.firstKey()) {
                candidate = byFee.higher(candidate);
                continue;
            }
            if (candidate.feeLevel < FeeMetrics.scaleFeeLevel(snapshot, view.txCount())) {
                break;
            }
            ApplyResult r = candidate.apply(view);
            if (r.applied()) {
                applied.accept(candidate.tx);
                candidate = eraseAndAdvance(candidate);
                changed = true;
            } else if (r.ter().isTef() || r.ter().isTem() || candidate.retriesRemaining <= 0) {
                if (candidate.retriesRemaining <= 0) {
                    queued.retryPenalty = true;
                } else {
                    queued.dropPenalty = true;
                }
                candidate = eraseAndAdvance(candidate);
            } else {
                if (queued.retryPenalty && candidate.retriesRemaining > 2) {
                    candidate.retriesRemaining = 1;
                } else {
                    candidate.retriesRemaining--;
                }
                candidate.lastResult = r.ter();
                if (queued.dropPenalty && queued.txs.size() > 1 && isFull(95)) {
                    erase(queued.txs.lastEntry().getValue());
                }
                candidate = byFee.higher(candidate);
            }
        }
        return changed;
    }

    // ------------------------------------------------------------------ readers

    /**
     * The queue's figures against an open ledger holding {@code txInLedger} transactions; empty without the
     * FeeEscalation amendment.
     */
    public synchronized Optional<Metrics> metrics(ReadView open, long txInLedger) {
        if (!escalating(open.rules())) {
            return Optional.empty();
        }
        FeeMetrics.Snapshot snapshot = feeMetrics.snapshot();
        long minFeeLevel = isFull(100) ? byFee.last().feeLevel + 1 : BASE_LEVEL;
        return Optional.of(new Metrics(byFee.size(), maxSize, txInLedger, snapshot.txnsExpected(), BASE_LEVEL,
                minFeeLevel, snapshot.escalationMultiplier(), FeeMetrics.scaleFeeLevel(snapshot, txInLedger)));
    }

    /** {@code account}'s queued transactions in sequence order; none without the amendment. */
    public synchronized List<QueuedTx> accountTxs(AccountId account, ReadView view) {
        TxQAccount queued = byAccount.get(account);
        if (!escalating(view.rules()) || queued == null) {
            return List.of();
        }
        List<QueuedTx> out = new ArrayList<>();
        queued.txs.values().forEach(t -> out.add(details(t)));
        return out;
    }

    /** Every queued transaction, highest fee level first; none without the amendment. */
    public synchronized List<QueuedTx> txs(ReadView view) {
        if (!escalating(view.rules())) {
            return List.of();
        }
        List<QueuedTx> out = new ArrayList<>();
        byFee.forEach(t -> out.add(details(t)));
        return out;
    }

    private static QueuedTx details(MaybeTx t) {
        return new QueuedTx(t.tx, t.account, t.sequence, t.feeLevel, t.lastValid, t.knownConsequences(),
                t.retriesRemaining, t.preflight().ter(), t.lastResult);
    }
}
