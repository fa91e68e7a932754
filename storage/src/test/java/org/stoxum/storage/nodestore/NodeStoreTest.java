package org.stoxum.storage.nodestore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.TransactionWithMeta;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.SHAMapLeafType;

class NodeStoreTest {
    @TempDir
    Path dir;

    private NodeStore open() {
        return NodeStore.open(new NodeStoreSettings(dir.resolve("db"), 1L << 30, 0, false, 64), NetworkProfile.STOXUM);
    }

    @Test
    void ledgersSurviveReopeningWithEveryNodeAndTransaction() {
        List<LedgerChain.Ledger> ledgers = new ArrayList<>();
        try (NodeStore store = open()) {
            assertNull(store.lastLedger());
            LedgerChain chain = LedgerChain.fresh(1);
            for (int i = 0; i < 12; i++) {
                LedgerChain.Ledger l = chain.next(150, i % 4 == 0 ? 0 : 6);
                l.storeIn(store);
                ledgers.add(l);
                assertEquals(l.header(), store.lastLedger());
            }
        }
        try (NodeStore store = open()) {
            assertEquals(ledgers.get(ledgers.size() - 1).header(), store.lastLedger());
            assertEquals(1, store.firstLedgerSeq());
            for (LedgerChain.Ledger l : ledgers) {
                LedgerHeader h = l.header();
                assertEquals(h, store.ledger(h.seq()));
                assertEquals(h, store.ledger(h.hash()));
                LedgerChain.verifyComplete(store, h);
                assertEquals(contents(l.state()), contents(store.stateMap(h)));
                for (int i = 0; i < l.index().size(); i++) {
                    StoredTransaction t = store.transaction(l.index().get(i).id());
                    assertEquals(h.seq(), t.ledgerSeq());
                    assertEquals(i, t.index());
                    assertEquals(l.bodies().get(i), t.transaction());
                }
            }
            assertNull(store.ledger(99));
            assertNull(store.ledger(Hash256.fromHex("AB".repeat(32))));
            assertNull(store.transaction(Hash256.fromHex("CD".repeat(32))));
        }
    }

    private static Map<Hash256, String> contents(SHAMap map) {
        Map<Hash256, String> out = new TreeMap<>();
        for (SHAMapItem item : map) {
            out.put(item.key(), org.stoxum.codec.Hex.encode(item.data()));
        }
        return out;
    }

    @Test
    void unchangedSubtreesAreNotWrittenAgain() {
        try (NodeStore store = open()) {
            LedgerChain chain = LedgerChain.fresh(2);
            chain.next(3000, 0).storeIn(store);
            long before = store.read(txn -> storedNodes(store, txn));
            LedgerChain.Ledger small = chain.next(1, 0);
            small.storeIn(store);
            long added = store.read(txn -> storedNodes(store, txn)) - before;
            // One changed leaf rewrites its path (a handful of inner nodes and the leaf), not the tree.
            assertTrue(added >= 2 && added <= 12, "nodes written for a one-leaf change: " + added);
        }
    }

    private static long storedNodes(NodeStore store, org.lmdbjava.Txn<byte[]> txn) {
        return store.writable().count(txn);
    }

    @Test
    void accountHistoryPagesForwardAndBackwardLikeRippled() {
        try (NodeStore store = open()) {
            LedgerChain chain = LedgerChain.fresh(3);
            List<LedgerChain.Ledger> ledgers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                LedgerChain.Ledger l = chain.next(20, 5);
                l.storeIn(store);
                ledgers.add(l);
            }
            for (AccountId account : LedgerChain.ACCOUNTS) {
                List<long[]> expected = new ArrayList<>();
                for (LedgerChain.Ledger l : ledgers) {
                    for (LedgerTransaction t : l.index()) {
                        if (t.accounts().contains(account)) {
                            expected.add(new long[] {l.header().seq(), t.index()});
                        }
                    }
                }
                checkPaging(store, account, expected, true, 1, 10);
                checkPaging(store, account, expected, false, 1, 10);
                checkPaging(store, account, expected, true, 3, 7);
                checkPaging(store, account, expected, false, 3, 7);
            }
            AccountId a = LedgerChain.ACCOUNTS.get(0);
            AccountTxPage gone = store.accountTransactions(a, 1, 10, true, new AccountTxMarker(4, 999), 5);
            assertTrue(gone.transactions().isEmpty(), "a marker whose entry is gone yields an empty page");
            assertNull(gone.marker());
            assertThrows(IllegalArgumentException.class, () -> store.accountTransactions(a, 1, 10, true, null, 0));
        }
    }

    @Test
    void accountHistoryByOffsetSkipsThenTakesInEitherOrder() {
        try (NodeStore store = open()) {
            LedgerChain chain = LedgerChain.fresh(5);
            List<LedgerChain.Ledger> ledgers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LedgerChain.Ledger l = chain.next(20, 5);
                l.storeIn(store);
                ledgers.add(l);
            }
            Comparator<long[]> order = Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]);
            for (AccountId account : LedgerChain.ACCOUNTS) {
                List<long[]> all = new ArrayList<>();
                for (LedgerChain.Ledger l : ledgers) {
                    for (LedgerTransaction t : l.index()) {
                        if (t.accounts().contains(account) && l.header().seq() >= 2 && l.header().seq() <= 6) {
                            all.add(new long[] {l.header().seq(), t.index()});
                        }
                    }
                }
                for (boolean descending : new boolean[] {false, true}) {
                    List<long[]> expected = new ArrayList<>(all);
                    expected.sort(descending ? order.reversed() : order);
                    for (int offset : new int[] {0, 1, 3, expected.size(), expected.size() + 4}) {
                        for (int limit : new int[] {1, 4, 1000}) {
                            List<StoredTransaction> got = store.accountTransactions(account, 2, 6, descending,
                                    offset, limit);
                            int from = Math.min(offset, expected.size());
                            List<long[]> want = expected.subList(from, Math.min(expected.size(), from + limit));
                            assertEquals(want.size(), got.size(), "offset " + offset + " limit " + limit);
                            for (int i = 0; i < want.size(); i++) {
                                assertArrayEquals(want.get(i),
                                        new long[] {got.get(i).ledgerSeq(), got.get(i).index()});
                            }
                        }
                    }
                }
            }
            AccountId a = LedgerChain.ACCOUNTS.get(0);
            assertTrue(store.accountTransactions(a, 1, 10, false, 0, 0).isEmpty(), "a limit of 0 gives nothing");
            assertTrue(store.accountTransactions(a, 7, 3, false, 0, 10).isEmpty(), "an empty range gives nothing");
            assertThrows(IllegalArgumentException.class, () -> store.accountTransactions(a, 1, 10, false, -1, 5));
        }
    }

    private static void checkPaging(NodeStore store, AccountId account, List<long[]> all, boolean forward,
                                    long min, long max) {
        List<long[]> expected = new ArrayList<>();
        for (long[] e : all) {
            if (e[0] >= min && e[0] <= max) {
                expected.add(e);
            }
        }
        Comparator<long[]> order = Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]);
        expected.sort(forward ? order : order.reversed());
        for (int limit : new int[] {1, 2, 3, 7, 1000}) {
            List<long[]> got = new ArrayList<>();
            AccountTxMarker marker = null;
            int pages = 0;
            do {
                AccountTxPage page = store.accountTransactions(account, min, max, forward, marker, limit);
                assertTrue(page.transactions().size() <= limit);
                for (StoredTransaction t : page.transactions()) {
                    got.add(new long[] {t.ledgerSeq(), t.index()});
                    assertEquals(t.id(), store.transaction(t.id()).id());
                }
                marker = page.marker();
                if (marker != null) {
                    assertEquals(limit, page.transactions().size());
                }
                assertTrue(++pages <= expected.size() + 2, "paging must end");
            } while (marker != null);
            assertEquals(expected.size(), got.size(), "entries for " + account + " limit " + limit);
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), got.get(i));
            }
        }
    }

    @Test
    void storingAnotherLedgerUnderTheSameSequenceReplacesItsRows() {
        try (NodeStore store = open()) {
            LedgerChain chainA = LedgerChain.fresh(4);
            LedgerChain.Ledger a = chainA.next(50, 4);
            a.storeIn(store);
            LedgerChain.Ledger b = LedgerChain.fresh(5).next(50, 3);
            b.storeIn(store);
            assertEquals(b.header(), store.ledger(1));
            assertNull(store.ledger(a.header().hash()));
            assertNull(store.transaction(a.index().get(0).id()));
            assertNotNull(store.transaction(b.index().get(0).id()));
            for (AccountId account : LedgerChain.ACCOUNTS) {
                for (StoredTransaction t : store.accountTransactions(account, 0, 10, true, null, 100).transactions()) {
                    assertTrue(b.index().stream().anyMatch(x -> x.id().equals(t.id())));
                }
            }
        }
    }

    @Test
    void lastLedgerIsTheOneStoredMostRecentlyNotTheHighestSequence() {
        try (NodeStore store = open()) {
            LedgerChain old = LedgerChain.fresh(8);
            for (int i = 0; i < 9; i++) {
                old.next(40, 2).storeIn(store);
            }
            assertEquals(9, store.lastLedger().seq());
        }
        LedgerChain.Ledger newest = null;
        try (NodeStore store = open()) {
            LedgerChain restarted = LedgerChain.fresh(9);
            for (int i = 0; i < 3; i++) {
                newest = restarted.next(40, 2);
                newest.storeIn(store);
                assertEquals(newest.header(), store.lastLedger());
            }
        }
        try (NodeStore store = open()) {
            assertEquals(newest.header(), store.lastLedger());
            LedgerChain.verifyComplete(store, store.lastLedger());
            LedgerChain.Ledger next = LedgerChain.resume(store, 10).next(40, 2);
            assertEquals(4, next.header().seq());
            assertEquals(newest.header().hash(), next.header().parentHash());
            next.storeIn(store);
            assertEquals(next.header(), store.lastLedger());
        }
    }

    @Test
    void rejectsTreesThatDoNotMatchTheHeader() {
        try (NodeStore store = open()) {
            LedgerChain.Ledger l = LedgerChain.fresh(6).next(10, 2);
            assertThrows(IllegalArgumentException.class,
                    () -> store.storeLedger(l.header(), l.txs(), l.txs(), l.index()));
            SHAMap mutable = l.state().mutableCopy();
            assertThrows(IllegalArgumentException.class,
                    () -> store.storeLedger(l.header(), mutable, l.txs(), l.index()));
            assertThrows(IllegalArgumentException.class,
                    () -> store.storeLedger(l.header(), l.state(), l.txs(), l.index().subList(0, 1)));
            SHAMap empty = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA).snapshot();
            assertThrows(IllegalArgumentException.class,
                    () -> store.storeLedger(l.header(), l.state(), empty, List.of()));
            assertNull(store.lastLedger());
        }
    }

    @Test
    void transactionLeafDataRoundTrips() {
        byte[] big = new byte[20_000];
        big[5] = 9;
        for (int n : new int[] {0, 1, 192, 193, 12_480, 12_481, 20_000}) {
            TransactionWithMeta t = new TransactionWithMeta(java.util.Arrays.copyOf(big, n), new byte[] {1, 2, 3});
            assertEquals(t, TransactionWithMeta.fromLeafData(t.toLeafData()));
        }
        assertThrows(IllegalArgumentException.class, () -> TransactionWithMeta.fromLeafData(new byte[] {5, 1, 2}));
    }
}
