package org.stoxum.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.stoxum.engine.metrics.HealthReport.Level;

/** rippled 1.6's thresholds, each at its edges. */
class HealthCheckTest {

    private static HealthReport networked(long age, boolean blocked, int peers, String state, double load) {
        return HealthCheck.evaluate(new HealthCheck.Inputs(age, blocked, peers, state, load, false));
    }

    @Test
    void aSyncedWellConnectedServerIsHealthyAndSaysNothing() {
        HealthReport r = networked(6, false, 8, "full", 100);
        assertEquals(Level.HEALTHY, r.level());
        assertEquals("{\"info\":{}}", r.body().toString());
        assertEquals(200, r.level().httpStatus());
    }

    @Test
    void validatedLedgerAge() {
        assertEquals(Level.WARNING, networked(7, false, 10, "full", 1).level());
        assertEquals(Level.WARNING, networked(19, false, 10, "full", 1).level());
        assertEquals(Level.CRITICAL, networked(20, false, 10, "full", 1).level());
        HealthReport none = networked(-1, false, 10, "full", 1);
        assertEquals(Level.WARNING, none.level(), "no validated ledger yet: -1 is below 20, as in rippled");
        assertEquals("{\"validated_ledger\":-1}", none.info().toString());
        assertEquals(503, none.level().httpStatus());
    }

    @Test
    void peers() {
        assertEquals(Level.WARNING, networked(1, false, 7, "full", 1).level());
        assertEquals(Level.WARNING, networked(1, false, 1, "full", 1).level());
        HealthReport alone = networked(1, false, 0, "full", 1);
        assertEquals(Level.CRITICAL, alone.level());
        assertEquals("{\"peers\":0}", alone.info().toString());
    }

    @Test
    void serverState() {
        for (String ok : new String[] {"full", "validating", "proposing"}) {
            assertEquals(Level.HEALTHY, networked(1, false, 10, ok, 1).level(), ok);
        }
        for (String warn : new String[] {"syncing", "tracking", "connected"}) {
            assertEquals(Level.WARNING, networked(1, false, 10, warn, 1).level(), warn);
        }
        assertEquals(Level.CRITICAL, networked(1, false, 10, "disconnected", 1).level());
    }

    @Test
    void loadFactorAndAmendmentBlock() {
        assertEquals(Level.WARNING, networked(1, false, 10, "full", 100.5).level());
        assertEquals(Level.WARNING, networked(1, false, 10, "full", 999).level());
        assertEquals(Level.CRITICAL, networked(1, false, 10, "full", 1000).level());
        HealthReport blocked = networked(1, true, 10, "full", 1);
        assertEquals(Level.CRITICAL, blocked.level());
        assertEquals("{\"amendment_blocked\":true}", blocked.info().toString());
    }

    @Test
    void everyFailingCheckIsListedAndTheWorstWins() {
        HealthReport r = networked(8, false, 3, "connected", 2000);
        assertEquals(Level.CRITICAL, r.level());
        assertEquals("{\"validated_ledger\":8,\"peers\":3,\"server_state\":\"connected\",\"load_factor\":2000.0}",
                r.info().toString());
    }

    @Test
    void standAloneIgnoresPeersAndLedgerAgeButNotState() {
        HealthCheck.Inputs fresh = new HealthCheck.Inputs(500, false, 0, "full", 1, true);
        assertEquals(Level.HEALTHY, HealthCheck.evaluate(fresh).level());
        HealthCheck.Inputs down = new HealthCheck.Inputs(0, false, 0, "disconnected", 1, true);
        assertEquals(Level.CRITICAL, HealthCheck.evaluate(down).level());
    }
}
