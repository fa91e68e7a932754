package org.stoxum.engine.net.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.net.fetch.FetchNetwork.Node;
import org.stoxum.engine.net.fetch.FetchNetwork.Received;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapNodeID;
import org.stoxum.storage.shamap.SHAMapTreeNode;
import org.stoxum.storage.shamap.SHAMapSync.WireNode;
import org.stoxum.transport.peer.resource.Charge;

/** Acquiring ledgers between in-process nodes that exchange real frames. */
class LedgerFetchTest {
    private static final int ACCOUNTS = 5_000;
    // Built afresh per test: a tree remembers which node store holds it (its storage marks).
    private Ledger base;
    private Ledger big;
    private Ledger successor;

    private FetchNetwork net;
    private Node a;
    private Node b;

    @BeforeEach
    void network() throws Exception {
        base = FetchLedgers.closedWithTransactions();
        big = FetchLedgers.withAccounts(base, ACCOUNTS);
        successor = FetchLedgers.withChangedBalances(big, 17, 2_500, 4_999);
        net = new FetchNetwork();
        a = net.node("a");
        b = net.node("b");
    }

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    private static Ledger get(CompletableFuture<Ledger> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    /** The nodes (not headers) of every LedgerData {@code node} received, by hash, duplicates included. */
    private static List<Hash256> deliveredNodes(Node node) {
        List<Hash256> out = new ArrayList<>();
        for (Received r : node.received) {
            if (r.reply() == null || r.reply().error() != null) {
                continue;
            }
            List<LedgerDataReply.RawNode> nodes = r.reply().nodes();
            int first = r.reply().type() == LedgerInfoType.BASE ? 1 : 0;
            for (LedgerDataReply.RawNode n : nodes.subList(first, nodes.size())) {
                out.add(SHAMapTreeNode.fromWire(n.data(), null).hash());
            }
        }
        return out;
    }

    @Test
    void acquiresALedgerOfThousandsOfAccountsThenOnlyTheChangedNodesOfItsSuccessor() throws Exception {
        b.persist(big);
        b.persist(successor);
        net.connect(a, b);

        Ledger got = get(a.ledgers.acquire(big.hash(), big.seq(), InboundLedgers.Reason.GENERIC));
        assertEquals(big.hash(), got.hash());
        assertEquals(big.stateMap().hash(), got.stateMap().hash());
        assertEquals(1_000_017L, got.read(Keylets.account(FetchLedgers.account(17))).getAmount(SField.BALANCE).drops());
        assertNotNull(a.store.ledger(big.hash()), "the acquired ledger is in the node store");
        Hash256 someTx = big.transactions().next().id();
        assertNotNull(a.store.transaction(someTx), "its transactions are indexed");
        Set<Hash256> bigNodes = FetchLedgers.nodeHashes(big);
        assertEquals(bigNodes, new HashSet<>(deliveredNodes(a)), "every node of the ledger travelled");
        assertTrue(bigNodes.size() > ACCOUNTS, "a tree of " + bigNodes.size() + " nodes");

        a.received.clear();
        b.received.clear();
        Ledger next = get(a.ledgers.acquire(successor.hash(), 0, InboundLedgers.Reason.CONSENSUS));
        assertEquals(successor.hash(), next.hash());
        assertEquals(5_002_500L, next.read(Keylets.account(FetchLedgers.account(2_500))).getAmount(SField.BALANCE).drops());

        Set<Hash256> changed = FetchLedgers.nodeHashes(successor);
        changed.removeAll(bigNodes);
        List<Hash256> delivered = deliveredNodes(a);
        assertTrue(new HashSet<>(delivered).containsAll(changed), "every changed node travelled");
        assertTrue(changed.size() < 40, "three accounts changed: " + changed.size() + " nodes");
        // A requested node comes with its children (query depth 1), unchanged siblings included.
        assertTrue(delivered.size() <= 17 * changed.size(), delivered.size() + " nodes for " + changed.size());
        for (Received r : b.received) {
            if (r.query() != null && r.query().itype() == LedgerInfoType.AS_NODE) {
                for (byte[] id : r.query().nodeIds()) {
                    Hash256 asked = successor.stateMap().nodeAt(SHAMapNodeID.fromWire(id)).hash();
                    assertFalse(bigNodes.contains(asked), "a node held locally was asked for");
                }
            }
        }
    }

    @Test
    void aLedgerInTheNodeStoreIsTakenFromItWithoutAskingPeers() throws Exception {
        a.persist(big);
        net.connect(a, b);
        Ledger got = get(a.ledgers.acquire(big.hash(), big.seq(), InboundLedgers.Reason.HISTORY));
        assertEquals(big.hash(), got.hash());
        assertTrue(b.received.isEmpty(), "no peer was asked");
    }

    @Test
    void concurrentAcquisitionsOfOneLedgerShareTheWork() throws Exception {
        b.persist(base);
        net.connect(a, b);
        CompletableFuture<Ledger> first = a.ledgers.acquire(base.hash(), base.seq(), InboundLedgers.Reason.GENERIC);
        CompletableFuture<Ledger> second = a.ledgers.acquire(base.hash(), base.seq(), InboundLedgers.Reason.GENERIC);
        assertSame(get(first).hash(), get(second).hash());
        long baseRequests = b.received.stream()
                .filter(r -> r.query() != null && r.query().itype() == LedgerInfoType.BASE).count();
        assertEquals(1, baseRequests, "one acquisition asked for the header once");
        // The futures complete before the finished acquisition leaves the table.
        FetchNetwork.await(() -> a.ledgers.activeCount() == 0, "the finished acquisition is forgotten");
    }

    @Test
    void aHostilePeerIsChargedAndAnHonestOneCompletesTheLedger() throws Exception {
        Node h = net.node("hostile");
        h.persist(big);
        b.persist(big);
        h.responder = FetchLedgerHostility::corrupt;
        net.connect(a, h);
        CompletableFuture<Ledger> f = a.ledgers.acquire(big.hash(), big.seq(), InboundLedgers.Reason.GENERIC);
        FetchNetwork.await(() -> a.chargesOf(h).contains(Charge.BAD_DATA), "the hostile peer is charged");
        assertFalse(f.isDone());

        net.connect(a, b);
        long now = 0;
        while (!f.isDone() && now < 60 * LedgerAcquisition.TIMEOUT_MS) {
            now += LedgerAcquisition.TIMEOUT_MS;
            a.tick(now);
            Thread.sleep(50);
        }
        assertEquals(big.hash(), get(f).hash());
        List<Charge> honest = a.chargesOf(b);
        assertFalse(honest.contains(Charge.BAD_DATA) || honest.contains(Charge.INVALID_REQUEST), honest.toString());
        assertTrue(a.chargesOf(h).stream().allMatch(c -> c == Charge.BAD_DATA || c == Charge.INVALID_REQUEST));
    }

    @Test
    void aWrongHeaderIsChargedAndNeverTaken() throws Exception {
        Node h = net.node("liar");
        h.persist(big);
        h.responder = (self, from, q) -> {
            // The header of another ledger, sent as if it were the one asked for.
            List<WireNode> nodes = List.of(new WireNode(null, base.header().toBytes()));
            from.send(LedgerMessages.ledgerData(q.hash(), big.seq(), LedgerInfoType.BASE, LedgerMessages.ABSENT, nodes));
        };
        net.connect(a, h);
        CompletableFuture<Ledger> f = a.ledgers.acquire(big.hash(), big.seq(), InboundLedgers.Reason.GENERIC);
        FetchNetwork.await(() -> a.chargesOf(h).contains(Charge.BAD_DATA), "the liar is charged");
        assertFalse(f.isDone());
    }

    @Test
    void givesUpAfterTenTimeoutsAddingPeersAsItGoes() throws Exception {
        List<Node> silent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Node s = net.node("silent" + i);
            s.responder = (self, from, q) -> { };
            net.connect(a, s);
            silent.add(s);
        }
        CompletableFuture<Ledger> f = a.ledgers.acquire(big.hash(), big.seq(), InboundLedgers.Reason.GENERIC);
        FetchNetwork.await(() -> silent.stream().filter(s -> !s.received.isEmpty()).count() == 4,
                "four peers asked at first");
        for (int i = 1; i <= LedgerAcquisition.MAX_TIMEOUTS; i++) {
            a.tick(i * LedgerAcquisition.TIMEOUT_MS);
            Thread.sleep(20);
            assertFalse(f.isDone(), "still trying after " + i + " timeouts");
        }
        FetchNetwork.await(() -> silent.stream().allMatch(s -> !s.received.isEmpty()), "peers added per timeout");
        a.tick((LedgerAcquisition.MAX_TIMEOUTS + 1) * LedgerAcquisition.TIMEOUT_MS);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> get(f));
        assertInstanceOf(AcquisitionFailedException.class, e.getCause());
        FetchNetwork.await(() -> a.ledgers.activeCount() == 0, "a failed acquisition is dropped");
    }

    @Test
    void dataForALedgerNotBeingAcquiredIsUnwanted() throws Exception {
        b.persist(base);
        net.connect(a, b);
        SHAMap state = base.stateMap();
        b.peers.get(0).send(LedgerMessages.ledgerData(base.hash(), base.seq(), LedgerInfoType.AS_NODE,
                LedgerMessages.ABSENT, List.of(new WireNode(SHAMapNodeID.ROOT, state.root().toWire()))));
        FetchNetwork.await(() -> a.chargesOf(b).contains(Charge.UNWANTED_DATA), "unsolicited data is charged");
    }
}
