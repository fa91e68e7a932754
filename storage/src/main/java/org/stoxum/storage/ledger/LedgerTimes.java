package org.stoxum.storage.ledger;

import java.time.Instant;
import java.util.List;

/**
 * Ledger close-time arithmetic (rippled {@code LedgerTiming.h}). Network time is whole seconds since
 * 2000-01-01T00:00:00Z. Close times are rounded to a resolution that coarsens while validators disagree
 * on the time and refines again while they agree, so that honest clocks land in the same bin.
 */
public final class LedgerTimes {
    /** Unix time of the network epoch, 2000-01-01T00:00:00Z. */
    public static final long EPOCH_UNIX_SECONDS = 946_684_800L;
    /** The resolutions a ledger may use, finest first. */
    public static final List<Integer> RESOLUTIONS = List.of(10, 20, 30, 60, 90, 120);
    /** The resolution of the genesis ledger and of a ledger after an unknown one. */
    public static final int DEFAULT_RESOLUTION = 30;
    /** After agreement, refine on ledgers whose sequence is a multiple of this. */
    public static final int INCREASE_RESOLUTION_EVERY = 8;
    /** After disagreement, coarsen on ledgers whose sequence is a multiple of this. */
    public static final int DECREASE_RESOLUTION_EVERY = 1;
    /** {@code closeFlags} bit: validators did not agree on a close time (rippled sLCF_NoConsensusTime). */
    public static final int NO_CONSENSUS_TIME = 0x01;

    private LedgerTimes() {
    }

    /** Whole seconds since the network epoch (negative before 2000). */
    public static long toNetworkTime(Instant instant) {
        return instant.getEpochSecond() - EPOCH_UNIX_SECONDS;
    }

    public static Instant toInstant(long networkTime) {
        return Instant.ofEpochSecond(networkTime + EPOCH_UNIX_SECONDS);
    }

    /** {@code t} rounded to the nearest multiple of {@code resolution}, halves up; 0 stays 0. */
    public static long roundCloseTime(long t, int resolution) {
        if (t == 0) {
            return 0;
        }
        long shifted = t + resolution / 2;
        return shifted - Math.floorMod(shifted, resolution);
    }

    /**
     * The close time a ledger records: rounded, and at least one second after its parent's, so that
     * close times strictly increase. 0 (no time) stays 0.
     */
    public static long effectiveCloseTime(long t, int resolution, long parentCloseTime) {
        if (t == 0) {
            return 0;
        }
        return Math.max(roundCloseTime(t, resolution), parentCloseTime + 1);
    }

    /**
     * The resolution of ledger {@code ledgerSeq}, given its parent's resolution and whether validators
     * agreed on the parent's close time. An unknown previous resolution is kept as it is.
     */
    public static int nextResolution(int previousResolution, boolean previousAgreed, long ledgerSeq) {
        int i = RESOLUTIONS.indexOf(previousResolution);
        if (i < 0) {
            return previousResolution;
        }
        if (!previousAgreed && ledgerSeq % DECREASE_RESOLUTION_EVERY == 0 && i + 1 < RESOLUTIONS.size()) {
            return RESOLUTIONS.get(i + 1);
        }
        if (previousAgreed && ledgerSeq % INCREASE_RESOLUTION_EVERY == 0 && i > 0) {
            return RESOLUTIONS.get(i - 1);
        }
        return previousResolution;
    }
}
