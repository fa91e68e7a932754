package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;

/**
 * A server whose data volume (a small tmpfs the test mounts) fills up under load: it says so clearly and
 * stops cleanly with a non-zero exit status (stoxumd's store throws and the process ends), and once space
 * is freed a restart with {@code --load} comes up on a consistent ledger holding everything it had accepted.
 */
class DiskFullTest {
    private static final String VOLUME_SIZE = "48m";

    @Test
    void aFullDataVolumeStopsTheServerCleanlyAndTheRestartIsConsistent() throws Exception {
        Path mount = Files.createTempDirectory("stoxumd-small-volume");
        String why = mountTmpfs(mount);
        if (why != null) {
            TestNodes.delete(mount);
            Privileged.unavailable("DiskFullTest", why);
        }
        PaymentLoad load = new PaymentLoad(System.nanoTime());
        ChildServer server = null;
        Path filler = mount.resolve("filler");
        // The config and the log stay off the small volume, so the log tells what happened once it is full.
        ChildServer.Home home = ChildServer.Home.withDataIn(mount, "");
        try {
            server = ChildServer.start(home, ChildServer.Launcher.CLASSPATH, "--standalone", "--start");
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> drivers = load.drive(server, stop, 50);
            Thread.sleep(1500);
            fill(filler);
            int status = server.awaitExit(Duration.ofSeconds(30));
            stop.set(true);
            for (Thread t : drivers) {
                t.join(30_000);
            }
            String log = server.log();
            System.out.println("disk full: the server " + (status >= 0 ? "exited with " + status : "kept running")
                    + " after " + load.closed.size() + " ledgers; it said: " + log.lines()
                    .filter(l -> l.contains("ERROR")).limit(6).toList());
            assertTrue(log.contains("No space left on device"), "the cause is logged:\n" + ChildServer.tail(log));
            assertTrue(log.contains("stoxumd stops: the node store at " + mount.resolve("db") + " cannot write"),
                    "the server says why it stops:\n" + ChildServer.tail(log));
            assertEquals(1, status, "the server stopped by itself, with a failure status:\n" + ChildServer.tail(log));
            assertTrue(log.contains("stoxumd stopped"), "the server stopped cleanly:\n" + ChildServer.tail(log));
            assertFalse(Files.exists(mount.resolve("db/open-ledger.txs.tmp")),
                    "a failed save of the open ledger leaves no partial file");

            Files.delete(filler);
            server = ChildServer.start(home, ChildServer.Launcher.CLASSPATH, "--standalone", "--load");
            JsonNode info = server.call("server_info", null).get("info");
            assertTrue(info.get("validated_ledger").get("seq").asLong() >= load.closed.lastKey(),
                    "the restart resumed from the last accepted ledger: " + info);
            assertEquals(List.of(), LedgerAudit.check(server, load.closed.values()));
            assertEquals(List.of(), LedgerAudit.checkApplied(server, load));
            JsonNode accepted = server.call("ledger_accept", null);
            assertTrue(accepted.has("ledger_current_index"), "the restarted server closes ledgers: " + accepted);
            assertEquals(0, server.terminate(Duration.ofSeconds(30)), "a SIGTERM stop exits 0:\n"
                    + ChildServer.tail(server.log()));
        } finally {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(filler);
            umount(mount);
            home.delete();
        }
    }

    /** Null when a tmpfs of {@link #VOLUME_SIZE} is mounted on {@code dir}, else why not. */
    private static String mountTmpfs(Path dir) throws IOException, InterruptedException {
        if (!Privileged.root()) {
            return "mounting a small volume needs root";
        }
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + VOLUME_SIZE, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "mount failed: " + out.strip();
        }
        return null;
    }

    private static void umount(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        TestNodes.delete(dir);
    }

    /** Writes {@code file} until the volume is full. */
    private static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the volume is full
        }
    }
}
