package org.stoxum.storage.nodestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.storage.ledger.LedgerHeader;

/**
 * Kills a real writer process ({@link KillableWriter}) with SIGKILL at random moments, ten times, and
 * checks after each kill that the store reopens onto a ledger at least as new as the last one the
 * writer saw committed, with every stored ledger complete and re-hashing to its header.
 */
class KillNineTest {
    private static final int ROUNDS = 10;
    private static final int KEEP = 4;

    @TempDir
    Path dir;

    @Test
    void reopensOntoTheLastCommittedLedgerAfterEveryKill() throws Exception {
        Path db = dir.resolve("db");
        Random random = new Random(2024);
        Map<Long, String> reported = new ConcurrentHashMap<>();
        long lastReported = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path log = dir.resolve("writer-" + round + ".log");
            Process writer = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    KillableWriter.class.getName(), db.toString(), Long.toString(random.nextLong()), Long.toString(KEEP))
                    .redirectError(log.toFile()).start();
            long[] newest = {0};
            CountDownLatch firstStore = new CountDownLatch(1);
            Thread out = new Thread(() -> readReports(writer, reported, newest, firstStore));
            out.start();
            if (!firstStore.await(60, TimeUnit.SECONDS)) {
                writer.destroyForcibly();
                throw new AssertionError("writer stored nothing within 60 s: " + Files.readString(log));
            }
            Thread.sleep(random.nextInt(700));
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "killed writer must exit");
            out.join();
            lastReported = Math.max(lastReported, newest[0]);

            try (NodeStore store = NodeStore.open(new NodeStoreSettings(db, 1L << 30, KEEP, false, 1024),
                    NetworkProfile.STOXUM)) {
                LedgerHeader last = store.lastLedger();
                assertNotNull(last);
                assertTrue(last.seq() >= lastReported,
                        "round " + round + ": reopened at " + last.seq() + " but " + lastReported + " was committed");
                String hash = reported.get(last.seq());
                if (hash != null) {
                    assertEquals(hash, last.hash().toString(), "round " + round + ": the last ledger is the one written");
                }
                LedgerHeader child = null;
                for (long seq = last.seq(); seq >= store.firstLedgerSeq(); seq--) {
                    LedgerHeader h = store.ledger(seq);
                    assertNotNull(h, "round " + round + ": gap at ledger " + seq);
                    assertTrue(LedgerChain.verifyComplete(store, h) > 0);
                    if (child != null) {
                        assertEquals(h.hash(), child.parentHash(), "ledger " + child.seq() + " follows " + seq);
                    }
                    child = h;
                }
            }
        }
        assertTrue(lastReported >= ROUNDS, "the writer made progress: " + lastReported);
    }

    private static void readReports(Process writer, Map<Long, String> reported, long[] newest, CountDownLatch firstStore) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                List<String> parts = List.of(line.split(" "));
                // A line cut short by the kill is ignored.
                if (parts.size() == 3 && parts.get(0).equals("stored") && parts.get(2).length() == 64) {
                    long seq = Long.parseLong(parts.get(1));
                    reported.put(seq, parts.get(2));
                    newest[0] = Math.max(newest[0], seq);
                    firstStore.countDown();
                }
            }
        } catch (IOException e) {
            // the pipe breaks when the writer is killed
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
