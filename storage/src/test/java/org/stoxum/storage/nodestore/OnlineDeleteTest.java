package org.stoxum.storage.nodestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.shamap.SHAMapMissingNodeException;

class OnlineDeleteTest {
    private static final int KEEP = 5;

    @TempDir
    Path dir;

    private NodeStore open(String name, long onlineDelete, boolean advisory) {
        return NodeStore.open(new NodeStoreSettings(dir.resolve(name), 1L << 30, onlineDelete, advisory, 256),
                NetworkProfile.STOXUM);
    }

    private static void drain(NodeStore store) {
        for (int i = 0; store.onlineDelete().doWork() > 0; i++) {
            assertTrue(i < 100_000, "online delete must come to rest");
        }
    }

    /** Every ledger with a header is complete, and the newest {@code KEEP} validated ones are all there. */
    private static void checkKept(NodeStore store, long validated) {
        long first = store.firstLedgerSeq();
        for (long seq = first; seq <= store.lastLedger().seq(); seq++) {
            LedgerHeader h = store.ledger(seq);
            assertNotNull(h, "gap at " + seq);
            LedgerChain.verifyComplete(store, h);
        }
        assertTrue(first <= Math.max(1, validated - KEEP + 1), "first kept " + first + " with validated " + validated);
    }

    @Test
    void keepsTheNewestValidatedLedgersAndReclaimsTheRest() {
        List<LedgerChain.Ledger> ledgers = new ArrayList<>();
        long kept;
        try (NodeStore store = open("deleting", KEEP, false); NodeStore all = open("keeping", 0, false)) {
            store.onlineDelete().batch(50); // make each rotation's copy span several steps
            LedgerChain chain = LedgerChain.fresh(11).stableAt(300);
            Random steps = new Random(12);
            for (int i = 0; i < 60; i++) {
                LedgerChain.Ledger l = chain.next(120, 3);
                l.storeIn(store);
                l.storeIn(all);
                ledgers.add(l);
                store.onValidated(l.header().seq());
                if (steps.nextBoolean()) {
                    drain(store); // a background thread usually keeps up...
                } else {
                    for (int s = steps.nextInt(4); s > 0; s--) { // ...but not always
                        store.onlineDelete().doWork();
                    }
                }
                checkKept(store, l.header().seq());
            }
            drain(store);
            long last = store.lastLedger().seq();
            checkKept(store, last);
            long first = store.firstLedgerSeq();
            assertTrue(first > 1, "old ledgers are deleted");
            assertTrue(last - first + 1 <= 3 * KEEP + 2, "kept " + (last - first + 1) + " ledgers");
            assertTrue(store.onlineDelete().lastRotated() > first);
            assertTrue(store.nodeCount() * 2 < all.nodeCount(),
                    "nodes " + store.nodeCount() + " with online delete, " + all.nodeCount() + " without");
            for (LedgerChain.Ledger l : ledgers) {
                long seq = l.header().seq();
                boolean present = seq >= first;
                assertEquals(present, store.ledger(seq) != null);
                assertEquals(present, store.ledger(l.header().hash()) != null);
                for (LedgerTransaction t : l.index()) {
                    assertEquals(present, store.transaction(t.id()) != null, "transaction of ledger " + seq);
                }
            }
            for (AccountId account : LedgerChain.ACCOUNTS) {
                for (StoredTransaction t : store.accountTransactions(account, 0, 1000, true, null, 1000).transactions()) {
                    assertTrue(t.ledgerSeq() >= first, "account history of deleted ledger " + t.ledgerSeq());
                }
            }
            kept = first;
        }
        try (NodeStore store = open("deleting", KEEP, false)) {
            assertEquals(kept, store.firstLedgerSeq());
            checkKept(store, store.lastLedger().seq());
        }
    }

    @Test
    void advisoryDeleteWaitsForCanDelete() {
        try (NodeStore store = open("advisory", KEEP, true)) {
            LedgerChain chain = LedgerChain.fresh(13);
            for (int i = 0; i < 20; i++) {
                LedgerChain.Ledger l = chain.next(50, 2);
                l.storeIn(store);
                store.onValidated(l.header().seq());
                drain(store);
            }
            assertEquals(1, store.firstLedgerSeq(), "nothing is deleted before can_delete");
            assertEquals(0, store.canDelete());
            store.setCanDelete(15);
        }
        try (NodeStore store = open("advisory", KEEP, true)) {
            assertEquals(15, store.canDelete(), "can_delete is persisted");
            LedgerChain chain = LedgerChain.resume(store, 14);
            for (int i = 0; i < 10; i++) {
                LedgerChain.Ledger l = chain.next(50, 2);
                l.storeIn(store);
                store.onValidated(l.header().seq());
                drain(store);
            }
            assertTrue(store.firstLedgerSeq() > 1, "deletion proceeds once allowed");
            assertTrue(store.firstLedgerSeq() <= 16, "but not beyond can_delete + 1: " + store.firstLedgerSeq());
            checkKept(store, store.lastLedger().seq());
        }
    }

    @Test
    void aRotationInterruptedByAShutdownResumes() {
        try (NodeStore store = open("resume", KEEP, false)) {
            store.onlineDelete().batch(20);
            LedgerChain chain = LedgerChain.fresh(15).stableAt(300);
            for (int i = 0; i < 2 * KEEP + 3; i++) {
                LedgerChain.Ledger l = chain.next(150, 2);
                l.storeIn(store);
                store.onValidated(l.header().seq());
                store.onlineDelete().doWork();
            }
            for (int i = 0; i < 3; i++) {
                store.onlineDelete().doWork();
            }
            assertTrue(store.state().targetGen() != 0 || store.state().rowsBelow() != 0,
                    "stopped in the middle of a rotation: " + store.state());
        }
        try (NodeStore store = open("resume", KEEP, false)) {
            checkKept(store, store.lastLedger().seq());
            LedgerChain chain = LedgerChain.resume(store, 16).stableAt(300);
            for (int i = 0; i < 3 * KEEP; i++) {
                LedgerChain.Ledger l = chain.next(150, 2);
                l.storeIn(store);
                store.onValidated(l.header().seq());
                drain(store);
            }
            checkKept(store, store.lastLedger().seq());
            assertTrue(store.firstLedgerSeq() > 1);
        }
    }

    @Test
    void readersKeepReadingWhileLedgersAreStoredAndDeleted() throws Exception {
        try (NodeStore store = open("busy", KEEP, false)) {
            store.onlineDelete().batch(40);
            LedgerChain chain = LedgerChain.fresh(17);
            LedgerChain.Ledger first = chain.next(200, 2);
            first.storeIn(store);
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicInteger reads = new AtomicInteger();
            AtomicLong validated = new AtomicLong();
            Thread reader = new Thread(() -> {
                try {
                    while (!done.get()) {
                        LedgerHeader last = store.lastLedger();
                        try {
                            LedgerChain.verifyComplete(store, last);
                            reads.incrementAndGet();
                        } catch (SHAMapMissingNodeException e) {
                            // Only a reader slow enough to see two rotations pass may lose its ledger, and
                            // only once online delete removed it for being older than the keep window.
                            if (store.ledger(last.hash()) != null || last.seq() + KEEP > validated.get()) {
                                throw e;
                            }
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            reader.start();
            for (int i = 0; i < 30; i++) {
                LedgerChain.Ledger l = chain.next(100, 2);
                l.storeIn(store);
                store.onValidated(l.header().seq());
                validated.set(l.header().seq());
                for (int s = 0; s < 3; s++) {
                    store.onlineDelete().doWork();
                }
            }
            while (reads.get() < 3 && failure.get() == null) {
                Thread.sleep(10);
            }
            done.set(true);
            reader.join();
            if (failure.get() != null) {
                throw new AssertionError("reader failed", failure.get());
            }
            assertTrue(store.firstLedgerSeq() > 1, "deletion ran meanwhile");
            assertNull(store.ledger(1));
        }
    }
}
