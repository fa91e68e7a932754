package org.stoxum.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.tx.FeeTrack;

/** The local fee's steps, bounds and cluster rules, with stoxumd LoadFeeTrack.cpp's numbers. */
class LoadFeeTrackTest {
    private final AtomicLong cluster = new AtomicLong();
    private final LoadFeeTrack track = new LoadFeeTrack(cluster::get);

    @Test
    void oneOverloadedCheckDoesNotRaiseTheFeeTwoInARowDo() {
        assertFalse(track.onLoadCheck(true));
        assertEquals(256, track.localFee());
        assertTrue(track.onLoadCheck(true));
        assertEquals(320, track.localFee(), "raised by a quarter");
        assertTrue(track.onLoadCheck(true));
        assertEquals(400, track.localFee(), "every further overloaded check raises again");
    }

    @Test
    void aCalmCheckBetweenOverloadsRestartsTheCount() {
        track.onLoadCheck(true);
        track.onLoadCheck(false);
        assertFalse(track.onLoadCheck(true));
        assertEquals(256, track.localFee());
    }

    @Test
    void calmChecksLowerByAQuarterDownToTheNormalFee() {
        raise(4);
        assertEquals(625, track.localFee());
        assertTrue(track.onLoadCheck(false));
        assertEquals(469, track.localFee(), "625 - 625/4 in integers");
        assertTrue(track.onLoadCheck(false));
        assertEquals(352, track.localFee());
        assertTrue(track.onLoadCheck(false));
        assertEquals(264, track.localFee());
        assertTrue(track.onLoadCheck(false));
        assertEquals(256, track.localFee(), "floored at the normal fee");
        assertFalse(track.onLoadCheck(false), "already normal: no change");
        assertEquals(FeeTrack.LOAD_BASE, track.localFee());
    }

    @Test
    void theFeeStopsAtTheCeiling() {
        for (int i = 0; i < 200 && track.localFee() < LoadFeeTrack.MAX_FEE; i++) {
            track.raiseLocalFee();
        }
        assertEquals(256L * 1_000_000, track.localFee());
        assertFalse(track.onLoadCheck(true), "at the ceiling nothing changes");
        assertEquals(LoadFeeTrack.MAX_FEE, track.localFee());
    }

    @Test
    void theLoadFactorIsTheLargestOfLocalRemoteAndCluster() {
        assertEquals(256, track.clusterFee(), "no member reported: normal");
        assertEquals(256, track.loadFactor());
        cluster.set(1000);
        assertEquals(1000, track.clusterFee());
        assertEquals(1000, track.loadFactor());
        raise(8);
        assertEquals(1525, track.localFee());
        assertEquals(1525, track.loadFactor());
        assertEquals(256, track.remoteFee());
    }

    @Test
    void clusterReportsCarryZeroWhileTheValidatedLedgerIsOlderThanFourMinutes() {
        raise(1);
        assertEquals(320, track.clusterReportFee(0));
        assertEquals(320, track.clusterReportFee(240));
        assertEquals(0, track.clusterReportFee(241));
        assertEquals(0, track.clusterReportFee(Long.MAX_VALUE), "no validated ledger");
    }

    private void raise(int times) {
        for (int i = 0; i < times; i++) {
            track.raiseLocalFee();
        }
    }
}
