package org.stoxum.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An amendment-blocked node never gets past tracking (stoxumd's NetworkOPs::setMode). */
class ServerStatusAmendmentBlockedTest {
    private final ServerStatus status = new ServerStatus(() -> 0L);

    @Test
    void blockingAFullNodeDropsItToTracking() {
        status.setMode(OperatingMode.FULL);
        assertFalse(status.amendmentBlocked());
        status.setAmendmentBlocked();
        assertTrue(status.amendmentBlocked());
        assertEquals(OperatingMode.TRACKING, status.mode());
    }

    @Test
    void aBlockedNodeAskedToBeFullStaysTracking() {
        status.setAmendmentBlocked();
        status.setMode(OperatingMode.FULL);
        assertEquals(OperatingMode.TRACKING, status.mode());
    }

    @Test
    void blockingSetsTrackingWhateverTheModeAndLowerModesStayReachable() {
        status.setMode(OperatingMode.CONNECTED);
        status.setAmendmentBlocked();
        assertEquals(OperatingMode.TRACKING, status.mode(), "stoxumd's setMode(omTRACKING), even upwards");
        status.setMode(OperatingMode.DISCONNECTED);
        assertEquals(OperatingMode.DISCONNECTED, status.mode());
        status.setMode(OperatingMode.SYNCING);
        assertEquals(OperatingMode.SYNCING, status.mode());
    }
}
