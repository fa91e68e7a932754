package org.stoxum.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server stream hears of every operating-mode change and of nothing else. */
class ServerStatusModeChangeTest {
    @Test
    void everyChangeOfModeIsReportedOnce() {
        ServerStatus status = new ServerStatus(() -> 0L);
        AtomicInteger changes = new AtomicInteger();
        status.onModeChange(changes::incrementAndGet);
        status.setMode(OperatingMode.CONNECTED);
        status.setMode(OperatingMode.CONNECTED);
        assertEquals(1, changes.get(), "staying in a mode is no change");
        status.setMode(OperatingMode.FULL);
        assertEquals(2, changes.get());
        status.setAmendmentBlocked();
        assertEquals(3, changes.get(), "blocked: full falls to tracking");
        status.setMode(OperatingMode.FULL);
        assertEquals(3, changes.get(), "a blocked node cannot rise, so nothing changed");
    }
}
