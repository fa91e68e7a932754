package org.stoxum.storage.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Close-time binning cases from rippled's LedgerTiming tests. */
class LedgerTimesRulesTest {
    /** Runs {@code rounds} ledgers from the default resolution, all agreeing or all not. */
    private static int resolutionAfter(int rounds, boolean agree) {
        int res = LedgerTimes.DEFAULT_RESOLUTION;
        for (long seq = 1; seq <= rounds; seq++) {
            res = LedgerTimes.nextResolution(res, agree, seq);
        }
        return res;
    }

    @Test
    void resolutionsAreTheProtocolSteps() {
        assertEquals(java.util.List.of(10, 20, 30, 60, 90, 120), LedgerTimes.RESOLUTIONS);
        assertEquals(30, LedgerTimes.DEFAULT_RESOLUTION);
    }

    @Test
    void agreementRefinesEveryEighthLedger() {
        assertEquals(30, resolutionAfter(7, true));
        assertEquals(20, resolutionAfter(8, true));
        assertEquals(20, resolutionAfter(15, true));
        assertEquals(10, resolutionAfter(16, true));
        assertEquals(10, resolutionAfter(100, true), "never finer than 10 s");
    }

    @Test
    void disagreementCoarsensEveryLedger() {
        assertEquals(60, resolutionAfter(1, false));
        assertEquals(90, resolutionAfter(2, false));
        assertEquals(120, resolutionAfter(3, false));
        assertEquals(120, resolutionAfter(10, false), "never coarser than 120 s");
    }

    @Test
    void unknownResolutionIsKept() {
        assertEquals(45, LedgerTimes.nextResolution(45, true, 8));
    }

    @Test
    void roundingIsToNearestHalvesUp() {
        assertEquals(0, LedgerTimes.roundCloseTime(0, 30), "no close time stays 0");
        assertEquals(0, LedgerTimes.roundCloseTime(29, 60));
        assertEquals(30, LedgerTimes.roundCloseTime(30, 1));
        assertEquals(60, LedgerTimes.roundCloseTime(31, 60));
        assertEquals(60, LedgerTimes.roundCloseTime(30, 60), "the midpoint rounds up");
        assertEquals(0, LedgerTimes.roundCloseTime(29, 60 * 2));
        assertEquals(120, LedgerTimes.roundCloseTime(61, 120));
        assertEquals(660_000_010L, LedgerTimes.roundCloseTime(660_000_014L, 10));
        assertEquals(660_000_020L, LedgerTimes.roundCloseTime(660_000_015L, 10));
    }

    @Test
    void effectiveCloseTimeStaysPastTheParent() {
        assertEquals(0, LedgerTimes.effectiveCloseTime(0, 30, 1000));
        assertEquals(1020, LedgerTimes.effectiveCloseTime(1021, 10, 1000));
        assertEquals(1026, LedgerTimes.effectiveCloseTime(1014, 30, 1025), "rounded back below the parent");
        assertEquals(1020, LedgerTimes.effectiveCloseTime(1020, 30, 900));
    }
}
