package org.stoxum.engine.consensus;

/**
 * Close-time binning (stoxumd's {@code LedgerTiming.h}): servers agree on a ledger's close time by
 * rounding their own clocks to a coarse resolution, and the resolution adapts to how well they agreed.
 *
 * <p>Times are NetClock seconds (since 2000-01-01); time 0 means "no close time".
 */
public final class LedgerTiming {
    /** The close-time resolutions a ledger may use, finest first (seconds). */
    private static final int[] RESOLUTIONS = {10, 20, 30, 60, 90, 120};
    /** The resolution of the genesis ledger and of any ledger without history (seconds). */
    public static final int DEFAULT_RESOLUTION = 30;
    /** After agreement, the resolution gets one step finer on ledgers whose seq is a multiple of this. */
    public static final int INCREASE_RESOLUTION_EVERY = 8;
    /** After disagreement, the resolution gets one step coarser on ledgers whose seq is a multiple of this. */
    public static final int DECREASE_RESOLUTION_EVERY = 1;

    private LedgerTiming() {
    }

    /** The possible resolutions, finest first. */
    public static int[] possibleResolutions() {
        return RESOLUTIONS.clone();
    }

    /**
     * The close-time resolution of ledger {@code ledgerSeq}, given its parent's resolution and whether the
     * parent's close time was agreed. An unknown previous resolution is kept as it is.
     */
    public static int nextResolution(int previousResolution, boolean previousAgree, long ledgerSeq) {
        int at = indexOf(previousResolution);
        if (at < 0) {
            return previousResolution;
        }
        if (!previousAgree && ledgerSeq % DECREASE_RESOLUTION_EVERY == 0 && at + 1 < RESOLUTIONS.length) {
            return RESOLUTIONS[at + 1];
        }
        if (previousAgree && ledgerSeq % INCREASE_RESOLUTION_EVERY == 0 && at > 0) {
            return RESOLUTIONS[at - 1];
        }
        return previousResolution;
    }

    /** {@code closeTime} rounded to the nearest multiple of {@code resolution}, halves up; 0 stays 0. */
    public static long roundCloseTime(long closeTime, int resolution) {
        if (closeTime == 0) {
            return 0;
        }
        long shifted = closeTime + resolution / 2;
        return shifted - Math.floorMod(shifted, resolution);
    }

    /**
     * The close time a ledger records: rounded, but at least one second after its parent's; 0 (no agreed
     * time) stays 0.
     */
    public static long effectiveCloseTime(long closeTime, int resolution, long priorCloseTime) {
        if (closeTime == 0) {
            return 0;
        }
        return Math.max(roundCloseTime(closeTime, resolution), priorCloseTime + 1);
    }

    private static int indexOf(int resolution) {
        for (int i = 0; i < RESOLUTIONS.length; i++) {
            if (RESOLUTIONS[i] == resolution) {
                return i;
            }
        }
        return -1;
    }
}
