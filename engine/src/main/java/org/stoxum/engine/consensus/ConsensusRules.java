package org.stoxum.engine.consensus;

/**
 * The pure decisions of a round (stoxumd's free functions in {@code Consensus.cpp}): when to close the
 * open ledger, and whether the proposers have agreed.
 */
public final class ConsensusRules {
    /** A previous round time or time since close beyond this (ms) is nonsense: close at once. */
    static final long ABNORMAL_MAX_MS = 10 * 60 * 1000L;
    /** A previous round time below this (ms) is nonsense: close at once. */
    static final long ABNORMAL_MIN_MS = -1000L;

    private ConsensusRules() {
    }

    /** {@link #shouldCloseLedger(ConsensusParms, boolean, int, int, int, long, long, long, long)} at stoxumd's pace. */
    public static boolean shouldCloseLedger(boolean anyTransactions, int prevProposers, int proposersClosed,
                                            int proposersValidated, long prevRoundTimeMs,
                                            long timeSincePrevCloseMs, long openTimeMs, long idleIntervalMs) {
        return shouldCloseLedger(ConsensusParms.DEFAULT, anyTransactions, prevProposers, proposersClosed,
                proposersValidated, prevRoundTimeMs, timeSincePrevCloseMs, openTimeMs, idleIntervalMs);
    }

    /**
     * Whether the open ledger should close now.
     *
     * @param parms the round's parameters (their minimum open time)
     *
     * @param anyTransactions whether the open ledger holds transactions
     * @param prevProposers proposers in the previous round
     * @param proposersClosed proposers that have closed this round (sent a position)
     * @param proposersValidated proposers that validated the previous ledger
     * @param prevRoundTimeMs how long the previous round took to reach consensus
     * @param timeSincePrevCloseMs time since the previous ledger's close time (may be negative)
     * @param openTimeMs how long this ledger has been open
     * @param idleIntervalMs how long an empty ledger stays open
     */
    public static boolean shouldCloseLedger(ConsensusParms parms, boolean anyTransactions, int prevProposers,
                                            int proposersClosed, int proposersValidated, long prevRoundTimeMs,
                                            long timeSincePrevCloseMs, long openTimeMs, long idleIntervalMs) {
        if (prevRoundTimeMs < ABNORMAL_MIN_MS || prevRoundTimeMs > ABNORMAL_MAX_MS
                || timeSincePrevCloseMs > ABNORMAL_MAX_MS) {
            return true;
        }
        if (proposersClosed + proposersValidated > prevProposers / 2) {
            return true;
        }
        if (!anyTransactions) {
            return timeSincePrevCloseMs >= idleIntervalMs;
        }
        if (openTimeMs < parms.ledgerMinCloseMs()) {
            return false;
        }
        // Closing faster than half the previous round would outrun the slower validators.
        return openTimeMs >= prevRoundTimeMs / 2;
    }

    /**
     * Whether {@code agreeing} of {@code total} reach {@code minPct} percent, counting ourselves on both
     * sides when {@code countSelf}. Alone (no total) we always agree.
     */
    public static boolean checkConsensusReached(int agreeing, int total, boolean countSelf, int minPct) {
        if (total == 0) {
            return true;
        }
        if (countSelf) {
            agreeing++;
            total++;
        }
        return agreeing * 100 / total >= minPct;
    }

    /** {@link #checkConsensus(ConsensusParms, int, int, int, int, long, long, boolean)} at stoxumd's pace. */
    public static ConsensusState checkConsensus(int prevProposers, int currentProposers, int currentAgree,
                                                int currentFinished, long previousAgreeTimeMs,
                                                long currentAgreeTimeMs, boolean proposing) {
        return checkConsensus(ConsensusParms.DEFAULT, prevProposers, currentProposers, currentAgree,
                currentFinished, previousAgreeTimeMs, currentAgreeTimeMs, proposing);
    }

    /**
     * Whether the round has reached consensus.
     *
     * @param parms the round's parameters (their minimum establish time)
     *
     * @param prevProposers proposers in the previous round (not counting us)
     * @param currentProposers proposers this round (not counting us)
     * @param currentAgree proposers sharing our position
     * @param currentFinished proposers that already validated a ledger after our previous one
     * @param previousAgreeTimeMs how long the previous round took
     * @param currentAgreeTimeMs how long this round has been establishing
     * @param proposing whether we count ourselves
     */
    public static ConsensusState checkConsensus(ConsensusParms parms, int prevProposers, int currentProposers,
                                                int currentAgree, int currentFinished, long previousAgreeTimeMs,
                                                long currentAgreeTimeMs, boolean proposing) {
        long minConsensusMs = parms.ledgerMinConsensusMs();
        if (currentAgreeTimeMs <= minConsensusMs) {
            return ConsensusState.NO;
        }
        if (currentProposers < prevProposers * 3 / 4
                && currentAgreeTimeMs < previousAgreeTimeMs + minConsensusMs) {
            // Fewer than three quarters of last round's proposers are here yet: give the rest time.
            return ConsensusState.NO;
        }
        if (checkConsensusReached(currentAgree, currentProposers, proposing, ConsensusParms.MIN_CONSENSUS_PCT)) {
            return ConsensusState.YES;
        }
        if (checkConsensusReached(currentFinished, currentProposers, false, ConsensusParms.MIN_CONSENSUS_PCT)) {
            return ConsensusState.MOVED_ON;
        }
        return ConsensusState.NO;
    }

    /**
     * How many of {@code participants} make {@code percent} percent, rounded to nearest and at least one.
     * The count need not reach the exact percentage: 5 participants at 70 % need 3.
     */
    public static int participantsNeeded(int participants, int percent) {
        int result = (participants * percent + percent / 2) / 100;
        return result == 0 ? 1 : result;
    }

    /** The yes-vote weight needed at {@code convergePercent} percent of the previous round time. */
    public static int avalancheThreshold(int convergePercent) {
        if (convergePercent < ConsensusParms.AV_MID_CONSENSUS_TIME) {
            return ConsensusParms.AV_INIT_CONSENSUS_PCT;
        }
        if (convergePercent < ConsensusParms.AV_LATE_CONSENSUS_TIME) {
            return ConsensusParms.AV_MID_CONSENSUS_PCT;
        }
        if (convergePercent < ConsensusParms.AV_STUCK_CONSENSUS_TIME) {
            return ConsensusParms.AV_LATE_CONSENSUS_PCT;
        }
        return ConsensusParms.AV_STUCK_CONSENSUS_PCT;
    }
}
