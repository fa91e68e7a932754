package org.stoxum.engine.consensus;

/**
 * The timing and threshold numbers of the consensus algorithm (stoxumd's {@code ConsensusParms}).
 *
 * <p>They are protocol numbers: every server on a network must use the same ones, or rounds drift apart.
 * NetClock durations are whole seconds; round durations are milliseconds of a monotonic clock. The one
 * knob stoxumd varies is {@link #useRoundedCloseTime()}, which it turns on per round when the parent
 * ledger has the fix1528 amendment. This server adds a second, {@link #speedUp}, which divides the round
 * durations so that a test network can pass flag ledgers quickly; the constants below are stoxumd's
 * values, and the instance accessors give them at the configured pace. Validation staleness windows live
 * in {@link ValidationParms}.
 */
public final class ConsensusParms {
    /** A peer proposal seen longer ago than this (NetClock seconds) no longer counts. */
    public static final long PROPOSE_FRESHNESS_S = 20;
    /** We re-send an unchanged position this often (NetClock seconds) so peers keep counting it. */
    public static final long PROPOSE_INTERVAL_S = 12;

    /** Percent of proposers that must share our position (counting us) to declare consensus. */
    public static final int MIN_CONSENSUS_PCT = 80;
    /** An empty open ledger closes after this long (ms), or twice the close resolution if longer. */
    public static final long LEDGER_IDLE_INTERVAL_MS = 15_000;
    /** Minimum establish time (ms) before agreement is checked, so every peer can take a position. */
    public static final long LEDGER_MIN_CONSENSUS_MS = 1_950;
    /** Minimum time (ms) a ledger with transactions stays open, so others can finish the previous round. */
    public static final long LEDGER_MIN_CLOSE_MS = 2_000;
    /** The heartbeat: how often the timer drives the state machine (ms). */
    public static final long LEDGER_GRANULARITY_MS = 1_000;
    /**
     * Floor (ms) on the previous round time when computing how far along a round is, so a very fast
     * previous round still leaves a chance to pass every avalanche threshold.
     */
    public static final long AV_MIN_CONSENSUS_TIME_MS = 5_000;

    /** Yes-vote weight (percent) needed to keep a disputed transaction early in the round. */
    public static final int AV_INIT_CONSENSUS_PCT = 50;
    /** Percent of the previous round time after which {@link #AV_MID_CONSENSUS_PCT} applies. */
    public static final int AV_MID_CONSENSUS_TIME = 50;
    /** Yes-vote weight (percent) needed in the middle of the round. */
    public static final int AV_MID_CONSENSUS_PCT = 65;
    /** Percent of the previous round time after which {@link #AV_LATE_CONSENSUS_PCT} applies. */
    public static final int AV_LATE_CONSENSUS_TIME = 85;
    /** Yes-vote weight (percent) needed late in the round. */
    public static final int AV_LATE_CONSENSUS_PCT = 70;
    /** Percent of the previous round time after which the round counts as stuck. */
    public static final int AV_STUCK_CONSENSUS_TIME = 200;
    /** Yes-vote weight (percent) needed once the round is stuck. */
    public static final int AV_STUCK_CONSENSUS_PCT = 95;
    /** Percent of participants that must share a close time for close-time consensus. */
    public static final int AV_CT_CONSENSUS_PCT = 75;

    /** Recent proposals kept per peer, replayed when our previous ledger changes. */
    public static final int RECENT_POSITIONS_KEPT = 10;

    /** The parameters with rounded close-time voting (the behaviour fix1528 enables). */
    public static final ConsensusParms DEFAULT = new ConsensusParms(true, 1);
    /** The parameters before fix1528: votes compare effective close times. */
    public static final ConsensusParms PRE_FIX1528 = new ConsensusParms(false, 1);

    private final boolean useRoundedCloseTime;
    private final int speedup;

    private ConsensusParms(boolean useRoundedCloseTime, int speedup) {
        this.useRoundedCloseTime = useRoundedCloseTime;
        this.speedup = speedup;
    }

    /**
     * These parameters with every round duration in milliseconds divided by {@code speedup} (the
     * {@code [consensus] speedup} extension, for test networks that must run hundreds of rounds in
     * seconds). Thresholds and NetClock-second windows stay as they are: the network clock has whole
     * seconds only, and the percentages are what makes a round safe, whatever its pace.
     *
     * @throws IllegalArgumentException when {@code speedup} is below 1
     */
    public ConsensusParms speedUp(int speedup) {
        if (speedup < 1) {
            throw new IllegalArgumentException("consensus speedup must be at least 1, not " + speedup);
        }
        return speedup == this.speedup ? this : new ConsensusParms(useRoundedCloseTime, speedup);
    }

    /**
     * These parameters, at the same pace, for a round whose parent ledger does or does not enable fix1528
     * (stoxumd sets {@code useRoundedCloseTime} from it as each round starts).
     */
    public ConsensusParms withRoundedCloseTime(boolean rounded) {
        return rounded == useRoundedCloseTime ? this : new ConsensusParms(rounded, speedup);
    }

    /**
     * True to vote on close times rounded to the resolution; false to vote on effective close times (rounded
     * and kept at least a second past the parent). Accepting always uses the effective time.
     */
    public boolean useRoundedCloseTime() {
        return useRoundedCloseTime;
    }

    /** {@link #LEDGER_IDLE_INTERVAL_MS} at this pace. */
    public long ledgerIdleIntervalMs() {
        return LEDGER_IDLE_INTERVAL_MS / speedup;
    }

    /** {@link #LEDGER_MIN_CONSENSUS_MS} at this pace. */
    public long ledgerMinConsensusMs() {
        return LEDGER_MIN_CONSENSUS_MS / speedup;
    }

    /** {@link #LEDGER_MIN_CLOSE_MS} at this pace. */
    public long ledgerMinCloseMs() {
        return LEDGER_MIN_CLOSE_MS / speedup;
    }

    /** {@link #LEDGER_GRANULARITY_MS} at this pace. */
    public long ledgerGranularityMs() {
        return LEDGER_GRANULARITY_MS / speedup;
    }

    /** {@link #AV_MIN_CONSENSUS_TIME_MS} at this pace. */
    public long avMinConsensusTimeMs() {
        return AV_MIN_CONSENSUS_TIME_MS / speedup;
    }

    @Override
    public String toString() {
        return "ConsensusParms[useRoundedCloseTime=" + useRoundedCloseTime + ", speedup=" + speedup + "]";
    }
}
