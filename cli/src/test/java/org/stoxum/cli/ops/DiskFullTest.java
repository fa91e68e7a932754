package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * stops or refuses to go on, and once space is freed a restart with {@code --load} comes up on a
 * consistent ledger holding everything it had accepted.
 */
class DiskFullTest {
    private static final String VOLUME_SIZE = "48m";

    @Test
    void aFullDataVolumeGivesAClearErrorAndNoCorruptDatabase() throws Exception {
        Path mount = Files.createTempDirectory("stoxumd-small-volume");
        String why = mountTmpfs(mount);
        assumeTrue(why == null, "a small data volume is needed for this test and cannot be made here: " + why);
        PaymentLoad load = new PaymentLoad(System.nanoTime());
        ChildServer server = null;
        Path filler = mount.resolve("filler");
        try {
            ChildServer.Home home = ChildServer.Home.createIn(Files.createDirectory(mount.resolve("home")), "");
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
            boolean stopped = status >= 0;
            System.out.println("disk full: the server " + (stopped ? "exited with " + status : "kept running")
                    + " after " + load.closed.size() + " ledgers; it said: " + log.lines()
                    .filter(l -> l.contains("ERROR") || l.contains("WARN") || l.contains("space")).limit(6).toList());
            assertTrue(log.contains("No space left on device") || log.contains("disk is full")
                    || log.contains("MDB_MAP_FULL") || log.contains("ENOSPC"), "a clear error is logged:\n"
                    + ChildServer.tail(log));
            if (!stopped) {
                server.close();
            } else {
                assertTrue(log.contains("stoxumd stopped"), "the server stopped cleanly:\n" + ChildServer.tail(log));
            }
            Files.delete(filler);
            server = ChildServer.start(home, ChildServer.Launcher.CLASSPATH, "--standalone", "--load");
            JsonNode info = server.call("server_info", null).get("info");
            assertTrue(info.get("validated_ledger").get("seq").asLong() >= load.closed.lastKey(),
                    "the restart resumed from the last accepted ledger: " + info);
            assertEquals(List.of(), LedgerAudit.check(server, load.closed.values()));
            JsonNode accepted = server.call("ledger_accept", null);
            assertTrue(accepted.has("ledger_current_index"), "the restarted server closes ledgers: " + accepted);
        } finally {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(filler);
            umount(mount);
        }
    }

    /** Null when a tmpfs of {@link #VOLUME_SIZE} is mounted on {@code dir}, else why not. */
    private static String mountTmpfs(Path dir) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "mounting needs root";
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
