package org.stoxum.storage.nodestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.TreeWalk;

class LedgerPersisterTest {
    @TempDir
    Path dir;

    private NodeStoreSettings settings(String name, long mapSize) {
        return new NodeStoreSettings(dir.resolve(name), mapSize, 0, false, 64);
    }

    private NodeStore stepped(String name) {
        return NodeStore.openStepped(settings(name, 1L << 30), NetworkProfile.STOXUM);
    }

    private static void queue(NodeStore store, LedgerChain.Ledger l) {
        store.queueLedger(l.header(), l.state(), l.txs(), l.index());
    }

    @Test
    void queuedLedgersAnswerEveryReadAsTheyWillOnceCommitted() {
        List<LedgerChain.Ledger> queued = new ArrayList<>();
        try (NodeStore store = stepped("db")) {
            LedgerChain chain = LedgerChain.fresh(3);
            List<LedgerChain.Ledger> ledgers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                LedgerChain.Ledger l = chain.next(120, 5);
                l.storeIn(store);
                ledgers.add(l);
            }
            // A fork replacing ledgers 3 and 4, then its own 5 and 6: queued, not written.
            LedgerChain fork = LedgerChain.fresh(3);
            fork.next(120, 5);
            fork.next(120, 5);
            for (int i = 0; i < 4; i++) {
                LedgerChain.Ledger l = fork.next(90, 4);
                queue(store, l);
                queued.add(l);
            }
            assertEquals(4, store.queuedLedgers());
            assertEquals(ledgers.get(3).header(), store.lastDurableLedger());
            assertEquals(queued.get(3).header(), store.lastLedger());
            List<String> beforeCommit = answers(store, ledgers, queued);
            // The replaced ledgers are gone from every read while their replacements wait.
            assertNull(store.ledger(ledgers.get(2).header().hash()));
            assertNull(store.transaction(ledgers.get(3).index().get(0).id()));
            LedgerHeader q = queued.get(1).header();
            assertEquals(q.accountHash(), store.fetchNode(q.accountHash()).hash());
            assertEquals(contents(queued.get(1)), contents(store, q));

            assertEquals(4, store.persister().doWork(), "one group holds every queued ledger");
            assertEquals(0, store.queuedLedgers());
            assertEquals(queued.get(3).header(), store.lastDurableLedger());
            assertEquals(beforeCommit, answers(store, ledgers, queued));
        }
        try (NodeStore reopened = stepped("db")) {
            assertEquals(queued.get(3).header(), reopened.lastLedger());
            for (LedgerChain.Ledger l : queued) {
                LedgerChain.verifyComplete(reopened, l.header());
            }
        }
    }

    /** Everything a client could read about these ledgers, as text to compare. */
    private static List<String> answers(NodeStore store, List<LedgerChain.Ledger> stored,
                                        List<LedgerChain.Ledger> queued) {
        List<String> out = new ArrayList<>();
        out.add("last " + store.lastLedger() + " first " + store.firstLedgerSeq());
        List<LedgerChain.Ledger> all = new ArrayList<>(stored);
        all.addAll(queued);
        for (LedgerChain.Ledger l : all) {
            LedgerHeader h = l.header();
            out.add(h.seq() + " by seq " + store.ledger(h.seq()) + " by hash " + store.ledger(h.hash()));
            for (LedgerTransaction t : l.index()) {
                StoredTransaction s = store.transaction(t.id());
                out.add(t.id() + " -> " + (s == null ? null : s.ledgerSeq() + "/" + s.index() + " " + s.transaction()));
            }
        }
        for (AccountId a : LedgerChain.ACCOUNTS) {
            for (boolean forward : new boolean[] {true, false}) {
                AccountTxMarker marker = null;
                do {
                    AccountTxPage page = store.accountTransactions(a, 2, 5, forward, marker, 3);
                    for (StoredTransaction t : page.transactions()) {
                        out.add(a + " " + forward + " " + t.ledgerSeq() + "/" + t.index() + " " + t.id());
                    }
                    marker = page.marker();
                    out.add("marker " + marker);
                } while (marker != null);
            }
        }
        return out;
    }

    private static List<String> contents(LedgerChain.Ledger l) {
        List<String> out = new ArrayList<>();
        for (SHAMapItem item : l.state()) {
            out.add(item.key() + "=" + org.stoxum.codec.Hex.encode(item.data()));
        }
        return out;
    }

    private static List<String> contents(NodeStore store, LedgerHeader h) {
        List<String> out = new ArrayList<>();
        for (SHAMapItem item : store.stateMap(h)) {
            out.add(item.key() + "=" + org.stoxum.codec.Hex.encode(item.data()));
        }
        return out;
    }

    @Test
    void groupCommitWritesTheSameStoreAsOneLedgerPerCommit() {
        int count = LedgerPersister.QUEUE_LEDGERS;
        try (NodeStore oneByOne = stepped("one"); NodeStore grouped = stepped("group")) {
            // Two equal chains of distinct objects: storage marks are per node object.
            List<LedgerChain.Ledger> a = chain(11, count);
            List<LedgerChain.Ledger> b = chain(11, count);
            for (LedgerChain.Ledger l : a) {
                l.storeIn(oneByOne);
            }
            for (LedgerChain.Ledger l : b) {
                queue(grouped, l);
            }
            assertEquals(count, grouped.persister().doWork());
            assertEquals(0, grouped.persister().doWork());
            assertSameStore(oneByOne, grouped, a);
        }
        try (NodeStore oneByOne = stepped("one"); NodeStore grouped = stepped("group")) {
            assertSameStore(oneByOne, grouped, chain(11, count));
        }
    }

    @Test
    void entriesMadeOnDemandAreMadeOnceAfterQueueingAndReadAsGivenOnes() {
        // Two equal chains of distinct objects: storage marks are per node object.
        List<LedgerChain.Ledger> a = chain(5, 5);
        List<LedgerChain.Ledger> b = chain(5, 5);
        List<LedgerHeader> described = Collections.synchronizedList(new ArrayList<>());
        try (NodeStore given = stepped("given"); NodeStore onDemand = stepped("on-demand")) {
            for (int i = 0; i < 4; i++) {
                queue(given, a.get(i));
                queueOnDemand(onDemand, b.get(i), described);
            }
            assertTrue(described.isEmpty(), "queueing describes nothing");
            assertEquals(answers(given, List.of(), a.subList(0, 4)), answers(onDemand, List.of(), b.subList(0, 4)),
                    "reads before the commit make the entries they need");
            queue(given, a.get(4));
            queueOnDemand(onDemand, b.get(4), described);
            given.persister().doWork();
            onDemand.persister().doWork();
            assertEquals(b.stream().map(LedgerChain.Ledger::header).toList(),
                    described.stream().sorted((x, y) -> Long.compare(x.seq(), y.seq())).toList(),
                    "every ledger described exactly once: by a read, else by its commit");
            assertSameStore(given, onDemand, a);
        }
    }

    private static void queueOnDemand(NodeStore store, LedgerChain.Ledger l, List<LedgerHeader> described) {
        store.queueLedger(l.header(), l.state(), l.txs(), l.index().size(), () -> {
            described.add(l.header());
            return l.index();
        });
    }

    private static List<LedgerChain.Ledger> chain(long seed, int count) {
        LedgerChain chain = LedgerChain.fresh(seed);
        List<LedgerChain.Ledger> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(chain.next(200, i % 3 == 0 ? 0 : 7));
        }
        return out;
    }

    /**
     * The grouped store holds each distinct node of the chain once. One commit per ledger may hold a few
     * twice: a node a change rebuilt with content equal to an earlier commit's (an entry changed back) is
     * written again, while a group finds it among its own new nodes.
     */
    private static void assertSameStore(NodeStore oneByOne, NodeStore grouped, List<LedgerChain.Ledger> ledgers) {
        Set<Hash256> distinct = new HashSet<>();
        for (LedgerChain.Ledger l : ledgers) {
            TreeWalk.nodes(grouped.stateMap(l.header()).root(), n -> distinct.add(n.hash()));
            TreeWalk.nodes(grouped.transactionMap(l.header()).root(), n -> distinct.add(n.hash()));
        }
        distinct.remove(Hash256.ZERO);
        assertEquals(distinct.size(), grouped.nodeCount(), "nodes on disk, grouped");
        assertTrue(oneByOne.nodeCount() >= distinct.size() && oneByOne.nodeCount() < distinct.size() * 1.01,
                "nodes on disk, one by one: " + oneByOne.nodeCount() + " for " + distinct.size());
        NodeStore expected = oneByOne;
        NodeStore actual = grouped;
        assertEquals(expected.lastLedger(), actual.lastLedger());
        assertEquals(expected.lastDurableLedger(), actual.lastDurableLedger());
        assertEquals(answers(expected, ledgers, List.of()), answers(actual, ledgers, List.of()));
        for (LedgerChain.Ledger l : ledgers) {
            assertEquals(LedgerChain.verifyComplete(expected, l.header()),
                    LedgerChain.verifyComplete(actual, l.header()));
        }
    }

    @Test
    void ledgersBecomeDurableInTheOrderTheyWereQueuedAndCloseWritesThemAll() throws Exception {
        List<LedgerChain.Ledger> ledgers = chain(5, 30);
        List<Long> completed = Collections.synchronizedList(new ArrayList<>());
        try (NodeStore store = NodeStore.open(settings("db", 1L << 30), NetworkProfile.STOXUM)) {
            for (LedgerChain.Ledger l : ledgers) {
                CompletableFuture<LedgerHeader> durable = store.queueLedger(l.header(), l.state(), l.txs(), l.index());
                durable.thenAccept(h -> completed.add(h.seq()));
                assertEquals(l.header(), store.lastLedger());
                assertEquals(l.header(), store.ledger(l.header().seq()), "readable as soon as queued");
                assertTrue(store.queuedLedgers() <= LedgerPersister.QUEUE_LEDGERS);
            }
            // closed with ledgers still queued, most likely
        }
        List<Long> sorted = new ArrayList<>(completed);
        Collections.sort(sorted);
        assertEquals(sorted, completed, "futures complete in queue order");
        assertEquals(ledgers.size(), completed.size());
        try (NodeStore store = NodeStore.open(settings("db", 1L << 30), NetworkProfile.STOXUM)) {
            assertEquals(ledgers.get(ledgers.size() - 1).header(), store.lastLedger());
            for (LedgerChain.Ledger l : ledgers) {
                LedgerChain.verifyComplete(store, l.header());
            }
        }
    }

    @Test
    void aFailedCommitIsReportedAndNoLaterLedgerIsWrittenPastTheGap() throws Exception {
        CompletableFuture<NodeStoreException> reported = new CompletableFuture<>();
        List<LedgerChain.Ledger> queued = new ArrayList<>();
        LedgerHeader durableAtFailure;
        LedgerChain chain = LedgerChain.fresh(9);
        try (NodeStore store = NodeStore.open(settings("db", 1L << 20), NetworkProfile.STOXUM)) {
            store.onWriteFailure(reported::complete);
            NodeStoreException refused = null;
            for (int i = 0; i < 500 && refused == null; i++) {
                LedgerChain.Ledger l = chain.next(300, 4);
                try {
                    queue(store, l);
                    queued.add(l);
                } catch (NodeStoreException e) {
                    refused = e;
                    assertEquals(queued.get(queued.size() - 1).header(), store.lastLedger(),
                            "a refused ledger is not queued");
                }
            }
            assertNotNull(refused, "a 1 MB store fills up");
            NodeStoreException failure = reported.get(10, TimeUnit.SECONDS);
            assertTrue(failure.getMessage().contains("full"), failure.getMessage());
            durableAtFailure = store.lastDurableLedger();
            assertTrue(store.queuedLedgers() > 0);
            LedgerChain.Ledger firstLost = queued.get(queued.size() - store.queuedLedgers());
            assertEquals(durableAtFailure == null ? 1 : durableAtFailure.seq() + 1, firstLost.header().seq());
            assertTrue(store.durable(firstLost.header().hash()).isCompletedExceptionally());
            // Still readable from memory, and flush says why it cannot finish.
            assertEquals(firstLost.header(), store.ledger(firstLost.header().seq()));
            assertThrows(NodeStoreException.class, store::flush);
        }
        try (NodeStore store = NodeStore.open(settings("db", 1L << 30), NetworkProfile.STOXUM)) {
            assertEquals(durableAtFailure, store.lastLedger());
            long lastSeq = durableAtFailure == null ? 0 : durableAtFailure.seq();
            assertNull(store.ledger(lastSeq + 1), "nothing past the gap");
            for (LedgerChain.Ledger l : queued) {
                if (l.header().seq() <= lastSeq) {
                    LedgerChain.verifyComplete(store, l.header());
                }
            }
        }
    }

    /**
     * A reader racing {@code queueLedger}: at every instant the ledger {@code lastLedger()} names must be
     * readable, even while the queued ledger is built but not yet in the queue readers search.
     */
    @Test
    void theLastLedgerIsReadableAtEveryMomentOfQueueing() {
        try (NodeStore store = stepped("db")) {
            LedgerChain chain = LedgerChain.fresh(21);
            LedgerChain.Ledger stored = chain.next(100, 3);
            stored.storeIn(store);
            List<LedgerHeader> seen = new ArrayList<>();
            List<RuntimeException> failures = new ArrayList<>();
            store.persister().beforePublishing(() -> {
                LedgerHeader last = store.lastLedger();
                seen.add(last);
                try {
                    LedgerChain.verifyComplete(store, last);
                } catch (RuntimeException e) { // (thrown from the hook it would abandon the queueing)
                    failures.add(e);
                }
            });
            LedgerChain.Ledger queued = chain.next(100, 3);
            queue(store, queued);
            assertEquals(List.of(), failures, "what lastLedger() named was readable");
            assertEquals(List.of(stored.header()), seen, "the ledger not yet readable is not named last");
            assertEquals(queued.header(), store.lastLedger(), "named last once readable");
            LedgerChain.verifyComplete(store, store.lastLedger());
        }
    }
}
