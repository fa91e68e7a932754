package org.stoxum.engine.net.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.net.fetch.FetchNetwork.Node;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.transport.peer.resource.Charge;

/** Acquiring consensus candidate transaction sets between in-process nodes. */
class InboundTxSetsTest {
    private FetchNetwork net;
    private Node a;
    private Node b;

    @BeforeEach
    void network() throws Exception {
        net = new FetchNetwork();
        a = net.node("a");
        b = net.node("b");
    }

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    /** A set of {@code count} transactions (opaque blobs: the tree keys them by their hash). */
    static SHAMap candidateSet(int count, long seed) {
        Random r = new Random(seed);
        SHAMap set = SHAMap.empty(SHAMapLeafType.TRANSACTION_NO_METADATA);
        for (int i = 0; i < count; i++) {
            byte[] tx = new byte[80 + r.nextInt(120)];
            r.nextBytes(tx);
            set.put(Hash256.wrap(Sha512Half.local().update(HashPrefix.TRANSACTION_ID).update(tx).finish()), tx);
        }
        return set.snapshot();
    }

    private static List<Hash256> keys(SHAMap m) {
        List<Hash256> out = new ArrayList<>();
        for (SHAMapItem i : m) {
            out.add(i.key());
        }
        return out;
    }

    @Test
    void aCandidateSetIsAcquiredFromThePeerThatBuiltIt() throws Exception {
        SHAMap set = candidateSet(600, 1);
        b.txSets.give(set);
        net.connect(a, b);
        SHAMap got = a.txSets.acquire(set.hash()).get(60, TimeUnit.SECONDS);
        assertEquals(set.hash(), got.hash());
        assertEquals(keys(set), keys(got));
        assertNotNull(a.txSets.knownSet(set.hash()), "an acquired set can be served on");
        assertTrue(b.received.stream().allMatch(r -> r.query().itype() == LedgerInfoType.TS_CANDIDATE));
        assertTrue(a.chargesOf(b).isEmpty());
        assertEquals(set.hash(), a.txSets.acquire(set.hash()).getNow(null).hash(), "known sets answer at once");
    }

    @Test
    void givingTheSetCompletesItsAcquisition() throws Exception {
        SHAMap set = candidateSet(20, 2);
        b.responder = (self, from, q) -> { };
        net.connect(a, b);
        CompletableFuture<SHAMap> f = a.txSets.acquire(set.hash());
        FetchNetwork.await(() -> !b.received.isEmpty(), "the peer is asked");
        a.txSets.give(set);
        assertEquals(set.hash(), f.get(60, TimeUnit.SECONDS).hash());
    }

    @Test
    void aSetNobodyHasFailsAfterItsTimeouts() throws Exception {
        SHAMap set = candidateSet(5, 3);
        net.connect(a, b);
        CompletableFuture<SHAMap> f = a.txSets.acquire(set.hash());
        for (int i = 1; i <= TxSetAcquisition.MAX_TIMEOUTS + 1; i++) {
            a.tick(i * TxSetAcquisition.TIMEOUT_MS);
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(60, TimeUnit.SECONDS));
        assertInstanceOf(AcquisitionFailedException.class, e.getCause());
        assertFalse(a.chargesOf(b).contains(Charge.BAD_DATA), "saying it lacks the set is no offence");
    }

    @Test
    void aHostilePeersSetNodesAreChargedAndAnHonestPeerCompletesTheSet() throws Exception {
        SHAMap set = candidateSet(300, 4);
        Node h = net.node("hostile");
        h.txSets.give(set);
        b.txSets.give(set);
        h.responder = (self, from, q) -> {
            CapturePeer honest = new CapturePeer();
            self.requests.answer(honest, q);
            for (var m : honest.sent) {
                LedgerDataReply r = CapturePeer.reply(m);
                List<org.stoxum.storage.shamap.SHAMapSync.WireNode> bad = new ArrayList<>();
                for (LedgerDataReply.RawNode n : r.nodes()) {
                    byte[] d = n.data().clone();
                    d[d.length / 2] ^= 1;
                    bad.add(new org.stoxum.storage.shamap.SHAMapSync.WireNode(
                            org.stoxum.storage.shamap.SHAMapNodeID.fromWire(n.id()), d));
                }
                from.send(LedgerMessages.ledgerData(r.hash(), 0, r.type(), LedgerMessages.ABSENT, bad));
            }
        };
        net.connect(a, h);
        CompletableFuture<SHAMap> f = a.txSets.acquire(set.hash());
        FetchNetwork.await(() -> a.chargesOf(h).contains(Charge.BAD_DATA), "the hostile peer is charged");
        net.connect(a, b);
        long now = 0;
        while (!f.isDone() && now < 100 * TxSetAcquisition.TIMEOUT_MS) {
            now += TxSetAcquisition.TIMEOUT_MS;
            a.tick(now);
            Thread.sleep(20);
        }
        assertEquals(set.hash(), f.get(60, TimeUnit.SECONDS).hash());
        assertFalse(a.chargesOf(b).contains(Charge.BAD_DATA));
    }
}
