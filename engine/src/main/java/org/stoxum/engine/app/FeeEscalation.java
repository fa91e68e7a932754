package org.stoxum.engine.app;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.stoxum.codec.binary.SField;
import org.stoxum.engine.config.TxQueueConfig;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.ReadView;

/**
 * The open-ledger cost model of the FeeEscalation amendment (rippled's {@code TxQ::FeeMetrics}): how many
 * transactions a ledger is expected to hold, the escalation multiplier learned from the fees paid in closed
 * ledgers, and the fee level an open ledger of a given size demands. The queue itself is not kept here:
 * transactions are applied or refused, never queued.
 */
public final class FeeEscalation {
    /** Fee level of a reference transaction paying the base fee. */
    public static final long BASE_LEVEL = TxQueueConfig.BASE_LEVEL;

    /** What the fee command and server_state report. */
    public record Metrics(long txCount, Long txQMaxSize, long txInLedger, long txPerLedger, long referenceFeeLevel,
                          long minFeeLevel, long medFeeLevel, long expFeeLevel) {
    }

    private final TxQueueConfig config;
    private final long txnsExpected;
    private long escalationMultiplier;
    private Long maxSize;

    public FeeEscalation(TxQueueConfig config, boolean standalone) {
        this.config = config;
        this.txnsExpected = standalone ? config.minimumTxnInLedgerStandalone() : config.minimumTxnInLedger();
        this.escalationMultiplier = config.minimumEscalationMultiplier();
    }

    /** The metrics for an open ledger holding {@code txInLedger} transactions; empty without the amendment. */
    public synchronized Optional<Metrics> metrics(ReadView open, long txInLedger) {
        if (!open.rules().enabled(Amendments.FEE_ESCALATION)) {
            return Optional.empty();
        }
        return Optional.of(new Metrics(0, maxSize, txInLedger, txnsExpected, BASE_LEVEL, BASE_LEVEL,
                escalationMultiplier, scaleFeeLevel(txInLedger)));
    }

    /** The fee level an open ledger holding {@code current} transactions demands of the next one. */
    synchronized long scaleFeeLevel(long current) {
        if (current <= txnsExpected) {
            return BASE_LEVEL;
        }
        return BigInteger.valueOf(escalationMultiplier).multiply(BigInteger.valueOf(current))
                .multiply(BigInteger.valueOf(current))
                .divide(BigInteger.valueOf(txnsExpected).multiply(BigInteger.valueOf(txnsExpected)))
                .min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** Learns from a newly closed ledger: the median fee level paid, and the queue's size limit. */
    public synchronized void onClosed(Ledger closed) {
        if (!closed.rules().enabled(Amendments.FEE_ESCALATION)) {
            return;
        }
        List<Long> levels = new ArrayList<>();
        long baseFee = closed.fees().base();
        for (var it = closed.transactions(); it.hasNext(); ) {
            long fee = it.next().tx().getAmount(SField.FEE).drops();
            levels.add(baseFee == 0 ? BASE_LEVEL : fee * BASE_LEVEL / baseFee);
        }
        Collections.sort(levels);
        int size = levels.size();
        if (size == 0) {
            escalationMultiplier = config.minimumEscalationMultiplier();
        } else {
            long median = (levels.get(size / 2) + levels.get((size - 1) / 2) + 1) / 2;
            escalationMultiplier = Math.max(median, config.minimumEscalationMultiplier());
        }
        maxSize = Math.max(txnsExpected * config.ledgersInQueue(), config.minimumQueueSize());
    }
}
