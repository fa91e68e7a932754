package org.stoxum.engine.config;

import java.util.OptionalLong;

/**
 * {@code [transaction_queue]}: how the open ledger escalates fees and how many transactions wait.
 * Key names are the config's; the defaults are stoxumd's (TxQ::Setup).
 *
 * @param ledgersInQueue                 queue holds this many ledgers' worth of transactions
 * @param minimumQueueSize               ... and at least this many
 * @param retrySequencePercent           fee increase (%) needed to replace a queued transaction
 * @param multiTxnPercent                fee change (%) for later sequences of one account
 * @param minimumEscalationMultiplier    lowest escalation multiplier, in fee levels
 * @param minimumTxnInLedger             expected transactions per ledger never drops below this
 * @param minimumTxnInLedgerStandalone   the same in stand-alone mode
 * @param targetTxnInLedger              the count expected after a slow round
 * @param maximumTxnInLedger             cap on the expected count; empty = none
 * @param maximumTxnPerAccount           queued transactions per account
 * @param minimumLastLedgerBuffer        LastLedgerSequence must leave this many ledgers to queue
 * @param zeroBaseFeeTransactionFeeLevel fee level given to transactions with a zero base fee
 */
public record TxQueueConfig(long ledgersInQueue, long minimumQueueSize, long retrySequencePercent,
                            long multiTxnPercent, long minimumEscalationMultiplier, long minimumTxnInLedger,
                            long minimumTxnInLedgerStandalone, long targetTxnInLedger,
                            OptionalLong maximumTxnInLedger, long maximumTxnPerAccount,
                            long minimumLastLedgerBuffer, long zeroBaseFeeTransactionFeeLevel) {
    /** The fee level of a reference transaction. */
    public static final long BASE_LEVEL = 256;
    /** Ledgers' worth of transactions the queue holds. */
    public static final long DEFAULT_LEDGERS_IN_QUEUE = 20;
    /** The queue's smallest capacity. */
    public static final long DEFAULT_MINIMUM_QUEUE_SIZE = 2000;
    /** A replacement must pay 25% more. */
    public static final long DEFAULT_RETRY_SEQUENCE_PERCENT = 25;
    /** Later sequences of one account may pay 90% less. */
    public static final long DEFAULT_MULTI_TXN_PERCENT = -90;
    /** 500 times the base level. */
    public static final long DEFAULT_MINIMUM_ESCALATION_MULTIPLIER = BASE_LEVEL * 500;
    /** Expected transactions per ledger at start. */
    public static final long DEFAULT_MINIMUM_TXN_IN_LEDGER = 5;
    /** Expected transactions per ledger in stand-alone mode. */
    public static final long DEFAULT_MINIMUM_TXN_IN_LEDGER_STANDALONE = 1000;
    /** Expected transactions after a slow round. */
    public static final long DEFAULT_TARGET_TXN_IN_LEDGER = 50;
    /** Queued transactions per account. */
    public static final long DEFAULT_MAXIMUM_TXN_PER_ACCOUNT = 10;
    /** Ledgers a queued transaction's LastLedgerSequence must leave. */
    public static final long DEFAULT_MINIMUM_LAST_LEDGER_BUFFER = 2;
    /** Fee level of a zero-fee transaction (1000 times the base level). */
    public static final long DEFAULT_ZERO_BASEFEE_TRANSACTION_FEELEVEL = 256_000;

    /** The settings of a config without {@code [transaction_queue]}. */
    public static final TxQueueConfig DEFAULT = new TxQueueConfig(DEFAULT_LEDGERS_IN_QUEUE,
            DEFAULT_MINIMUM_QUEUE_SIZE, DEFAULT_RETRY_SEQUENCE_PERCENT, DEFAULT_MULTI_TXN_PERCENT,
            DEFAULT_MINIMUM_ESCALATION_MULTIPLIER, DEFAULT_MINIMUM_TXN_IN_LEDGER,
            DEFAULT_MINIMUM_TXN_IN_LEDGER_STANDALONE, DEFAULT_TARGET_TXN_IN_LEDGER, OptionalLong.empty(),
            DEFAULT_MAXIMUM_TXN_PER_ACCOUNT, DEFAULT_MINIMUM_LAST_LEDGER_BUFFER,
            DEFAULT_ZERO_BASEFEE_TRANSACTION_FEELEVEL);
}
