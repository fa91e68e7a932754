package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The distribution's server under a payment load, SIGKILLed at random moments twenty times: every restart
 * with {@code --load} comes up on a consistent ledger chain holding every ledger a {@code ledger_accept}
 * answered for, every transaction those ledgers held, and every payment whose submit answered tesSUCCESS
 * before a ledger_accept that answered.
 */
class CrashRecoveryIT {
    private static final int KILLS = 20;
    private static final long CLOSE_EVERY_MILLIS = 60;

    @Test
    void killedTwentyTimesUnderLoadItRestartsOntoAConsistentLedgerEveryTime() throws Exception {
        long seed = Long.getLong("stoxum.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        PaymentLoad load = new PaymentLoad(seed);
        ChildServer.Home home = ChildServer.Home.create("");
        ChildServer server = null;
        boolean passed = false;
        try {
            server = ChildServer.start(home, ChildServer.Launcher.DISTRIBUTION, "--standalone", "--start");
            long resumedAt = 1;
            for (int kill = 1; kill <= KILLS; kill++) {
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> drivers = load.drive(server, stop, CLOSE_EVERY_MILLIS);
                Thread.sleep(100 + random.nextInt(600));
                server.kill();
                stop.set(true);
                for (Thread t : drivers) {
                    t.join(30_000);
                }
                server = ChildServer.start(home, ChildServer.Launcher.DISTRIBUTION, "--standalone", "--load");
                JsonNode info = server.call("server_info", null).get("info");
                long latest = info.get("validated_ledger").get("seq").asLong();
                long recorded = load.closed.isEmpty() ? 0 : load.closed.lastKey();
                assertTrue(latest >= recorded, "run " + kill + " (seed " + seed + "): the server resumed at "
                        + latest + ", before ledger " + recorded + " it had accepted");
                // This run's ledgers, and the one it started from.
                assertEquals(List.of(), LedgerAudit.check(server, load.closed.tailMap(resumedAt, true).values()),
                        "run " + kill + " (seed " + seed + ")");
                resumedAt = latest;
            }
            assertEquals(List.of(), LedgerAudit.check(server, load.closed.values()),
                    "after all kills (seed " + seed + ")");
            assertEquals(List.of(), LedgerAudit.checkApplied(server, load), "after all kills (seed " + seed + ")");
            long withTxs = load.closed.values().stream().filter(c -> !c.txs().isEmpty()).count();
            assertTrue(withTxs >= KILLS, "the load put transactions into ledgers (" + withTxs + " ledgers with "
                    + "transactions, " + load.submitted.get() + " payments submitted)");
            System.out.printf("crash test: %d kills, %d ledgers accepted, %d with transactions, %d payments "
                    + "submitted, seed %d%n", KILLS, load.closed.size(), withTxs, load.submitted.get(), seed);
            passed = true;
        } finally {
            if (server != null) {
                if (!passed) {
                    System.err.println(ChildServer.tail(server.log()));
                }
                server.close();
            }
            home.delete();
        }
    }
}
