package org.stoxum.engine.tx.queue;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.stoxum.codec.binary.SField;
import org.stoxum.engine.config.TxQueueConfig;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.EngineSetup;
import org.stoxum.engine.tx.TxEngine;

/**
 * The open-ledger cost model of the FeeEscalation amendment (rippled's {@code TxQ::FeeMetrics}): how many
 * transactions a ledger is expected to hold, learned from the sizes of recent ledgers, and the escalation
 * multiplier, learned from the median fee level paid in the last closed ledger. Not thread-safe: the
 * {@link TxQ} that owns it guards it.
 */
final class FeeMetrics {
    /** The expected size and multiplier one decision is made with. */
    record Snapshot(long txnsExpected, long escalationMultiplier) {
    }

    private final long minimumTxnCount;
    private final long targetTxnCount;
    private final Long maximumTxnCount;
    private final long minimumMultiplier;
    private final int recentCapacity;
    private final Deque<Long> recentTxnCounts = new ArrayDeque<>();
    private final long zeroBaseFeeLevel;
    private long txnsExpected;
    private long escalationMultiplier;

    FeeMetrics(TxQueueConfig config, boolean standalone) {
        this.minimumTxnCount = standalone ? config.minimumTxnInLedgerStandalone() : config.minimumTxnInLedger();
        this.targetTxnCount = Math.max(config.targetTxnInLedger(), minimumTxnCount);
        this.maximumTxnCount = config.maximumTxnInLedger().isPresent()
                ? Math.max(config.maximumTxnInLedger().getAsLong(), targetTxnCount) : null;
        this.minimumMultiplier = config.minimumEscalationMultiplier();
        this.recentCapacity = (int) Math.max(1, config.ledgersInQueue());
        this.zeroBaseFeeLevel = config.zeroBaseFeeTransactionFeeLevel();
        this.txnsExpected = minimumTxnCount;
        this.escalationMultiplier = minimumMultiplier;
    }

    Snapshot snapshot() {
        return new Snapshot(txnsExpected, escalationMultiplier);
    }

    /**
     * Learns from the transactions of a newly closed ledger.
     *
     * @return how many transactions it held
     */
    int update(EngineSetup setup, ReadView closed, boolean timeLeap) {
        List<Long> levels = new ArrayList<>();
        for (Iterator<LedgerTx> it = closed.transactions(); it.hasNext(); ) {
            STTx tx = STTx.of(it.next().tx());
            levels.add(feeLevelPaid(tx, TxEngine.calculateBaseFee(setup, closed, tx)));
        }
        Collections.sort(levels);
        int size = levels.size();
        if (timeLeap) {
            txnsExpected = Math.min(Math.max(size, minimumTxnCount), targetTxnCount);
            recentTxnCounts.clear();
        } else if (size > txnsExpected || size > targetTxnCount) {
            if (recentTxnCounts.size() == recentCapacity) {
                recentTxnCounts.removeFirst();
            }
            recentTxnCounts.addLast((long) size);
            long max = Collections.max(recentTxnCounts);
            long next = max >= txnsExpected ? max : (txnsExpected * 9 + max) / 10;
            txnsExpected = maximumTxnCount == null ? next : Math.min(next, maximumTxnCount);
        }
        if (size == 0) {
            escalationMultiplier = minimumMultiplier;
        } else {
            long median = (levels.get(size / 2) + levels.get((size - 1) / 2) + 1) / 2;
            escalationMultiplier = Math.max(median, minimumMultiplier);
        }
        return size;
    }

    /**
     * The fee level {@code tx} pays: its fee relative to the reference cost {@code baseFee} (fee units), with
     * the reference at {@link TxQ#BASE_LEVEL}; a transaction whose reference cost is zero pays the
     * configured level for free transactions.
     */
    long feeLevelPaid(STTx tx, long baseFee) {
        if (baseFee == 0) {
            return zeroBaseFeeLevel;
        }
        return mulDiv(tx.object().getAmount(SField.FEE).drops(), TxQ.BASE_LEVEL, baseFee);
    }

    /** The level the next transaction into an open ledger holding {@code current} transactions must pay. */
    static long scaleFeeLevel(Snapshot snapshot, long current) {
        long target = snapshot.txnsExpected();
        if (current > target) {
            return mulDiv(snapshot.escalationMultiplier(), current * current, target * target);
        }
        return TxQ.BASE_LEVEL;
    }

    /** {@code value * mul / div} without intermediate overflow, clipped to the largest level as rippled does. */
    static long mulDiv(long value, long mul, long div) {
        BigInteger r = BigInteger.valueOf(value).multiply(BigInteger.valueOf(mul)).divide(BigInteger.valueOf(div));
        return r.bitLength() < 64 ? r.longValue() : Long.MAX_VALUE;
    }
}
