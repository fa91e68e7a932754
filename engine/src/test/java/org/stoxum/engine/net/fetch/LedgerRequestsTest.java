package org.stoxum.engine.net.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.sbe.ReplyError;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.net.fetch.FetchNetwork.Node;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapInnerNode;
import org.stoxum.storage.shamap.SHAMapNodeID;
import org.stoxum.transport.peer.resource.Charge;

/** What a node answers to GetLedger, every request and answer passing through real frames. */
class LedgerRequestsTest {
    private FetchNetwork net;
    private Node server;
    private Ledger base;
    private Ledger big;
    private Ledger successor;
    private final CapturePeer peer = new CapturePeer();

    @BeforeEach
    void setUp() throws Exception {
        net = new FetchNetwork();
        server = net.node("server");
        base = FetchLedgers.closedWithTransactions();
        big = FetchLedgers.withAccounts(base, 5_000);
        successor = FetchLedgers.withChangedBalances(big, 1, 2, 3);
        server.persist(big);
        server.persist(successor);
    }

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    /** Sends a request through a frame and returns the single reply (or null if none was sent). */
    private LedgerDataReply ask(LedgerInfoType type, Hash256 hash, long seq, long depth, List<SHAMapNodeID> ids) {
        GetLedgerQuery q = CapturePeer.query(LedgerMessages.getLedger(type, hash, seq, depth, false, ids));
        return answer(q);
    }

    private LedgerDataReply answer(GetLedgerQuery q) {
        peer.sent.clear();
        server.requests.answer(peer, q);
        assertTrue(peer.sent.size() <= 1, "one reply per request");
        return peer.sent.isEmpty() ? null : CapturePeer.reply(peer.sent.get(0));
    }

    @Test
    void theBaseAnswerIsTheHeaderAndBothRoots() {
        LedgerDataReply r = ask(LedgerInfoType.BASE, big.hash(), LedgerMessages.ABSENT, LedgerMessages.ABSENT, List.of());
        assertEquals(LedgerInfoType.BASE, r.type());
        assertEquals(big.hash(), r.hash());
        assertEquals(big.seq(), r.seq());
        assertNull(r.error());
        assertEquals(3, r.nodes().size());
        assertArrayEquals(big.header().toBytes(), r.nodes().get(0).data());
        assertEquals(0, r.nodes().get(0).id().length, "the header travels without a node ID");
        assertArrayEquals(big.stateMap().root().toWire(), r.nodes().get(1).data());
        assertArrayEquals(big.txMap().root().toWire(), r.nodes().get(2).data());

        LedgerDataReply noTxs = ask(LedgerInfoType.BASE, null, successor.seq(), LedgerMessages.ABSENT, List.of());
        assertEquals(successor.hash(), noTxs.hash(), "found by sequence");
        assertEquals(2, noTxs.nodes().size(), "no transaction root for an empty transaction tree");
        assertTrue(peer.charges.isEmpty());
    }

    @Test
    void nodesComeWithTheirChildrenToTheAskedDepth() {
        SHAMap state = big.stateMap();
        LedgerDataReply r = ask(LedgerInfoType.AS_NODE, big.hash(), big.seq(), 1, List.of(SHAMapNodeID.ROOT));
        assertEquals(1 + state.root().branchCount(), r.nodes().size());
        for (LedgerDataReply.RawNode n : r.nodes()) {
            assertArrayEquals(state.nodeAt(SHAMapNodeID.fromWire(n.id())).toWire(), n.data());
        }
        LedgerDataReply blind = ask(LedgerInfoType.TX_NODE, big.hash(), big.seq(), 0, List.of(SHAMapNodeID.ROOT));
        assertEquals(1, blind.nodes().size());
        assertArrayEquals(big.txMap().root().toWire(), blind.nodes().get(0).data());
    }

    @Test
    void aReplyHoldsAtMost8192Nodes() {
        List<SHAMapNodeID> ids = new ArrayList<>();
        ids.add(SHAMapNodeID.ROOT);
        SHAMapInnerNode root = big.stateMap().root();
        for (int b = 0; b < SHAMapInnerNode.BRANCHES; b++) {
            if (!root.isEmptyBranch(b)) {
                ids.add(SHAMapNodeID.ROOT.child(b));
            }
        }
        LedgerDataReply r = ask(LedgerInfoType.AS_NODE, big.hash(), big.seq(), 3, ids);
        assertEquals(LedgerRequests.MAX_REPLY_NODES, r.nodes().size());
    }

    @Test
    void whatWeLackIsAnsweredWithAnError() {
        Hash256 unknown = Hash256.wrap(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
            28, 29, 30, 31, 32});
        assertEquals(ReplyError.NO_LEDGER, ask(LedgerInfoType.BASE, unknown, LedgerMessages.ABSENT,
                LedgerMessages.ABSENT, List.of()).error());
        assertEquals(ReplyError.NO_LEDGER, ask(LedgerInfoType.TS_CANDIDATE, unknown, LedgerMessages.ABSENT,
                LedgerMessages.ABSENT, List.of(SHAMapNodeID.ROOT)).error());
        SHAMapNodeID deep = SHAMapNodeID.of(unknown, 12);
        assertEquals(ReplyError.NO_NODE, ask(LedgerInfoType.AS_NODE, big.hash(), big.seq(), 1, List.of(deep)).error());
        assertTrue(peer.charges.isEmpty());
    }

    @Test
    void ledgersBelowTheEarliestFetchAreRefused() {
        server.earliestFetch = successor.seq();
        assertEquals(ReplyError.NO_LEDGER, ask(LedgerInfoType.BASE, big.hash(), LedgerMessages.ABSENT,
                LedgerMessages.ABSENT, List.of()).error());
        assertEquals(ReplyError.NO_LEDGER, ask(LedgerInfoType.BASE, null, big.seq(),
                LedgerMessages.ABSENT, List.of()).error());
        assertNull(ask(LedgerInfoType.BASE, successor.hash(), LedgerMessages.ABSENT, LedgerMessages.ABSENT,
                List.of()).error());
    }

    @Test
    void malformedRequestsAreCharged() {
        GetLedgerQuery badId = new GetLedgerQuery(LedgerInfoType.AS_NODE, big.hash(), big.seq(), false,
                LedgerMessages.ABSENT, 1, List.of(new byte[] {1, 2, 3}));
        assertNull(answer(badId));
        assertEquals(List.of(Charge.INVALID_REQUEST), peer.charges);

        peer.charges.clear();
        assertNull(ask(LedgerInfoType.AS_NODE, big.hash(), big.seq(), 1, List.of()), "no node asked for");
        assertNull(ask(LedgerInfoType.BASE, big.hash(), successor.seq(), LedgerMessages.ABSENT, List.of()),
                "hash and sequence disagree");
        assertNull(ask(LedgerInfoType.BASE, null, LedgerMessages.ABSENT, LedgerMessages.ABSENT, List.of()),
                "neither hash nor sequence");
        assertNull(answer(new GetLedgerQuery(null, big.hash(), LedgerMessages.ABSENT, false, LedgerMessages.ABSENT,
                LedgerMessages.ABSENT, List.of())), "an unknown info type");
        assertEquals(4, peer.charges.size());
        assertTrue(peer.charges.stream().allMatch(c -> c == Charge.INVALID_REQUEST));
    }

    @Test
    void candidateSetsAreServedWithoutFatLeaves() {
        SHAMap set = InboundTxSetsTest.candidateSet(400, 9);
        server.txSets.give(set);
        LedgerDataReply r = ask(LedgerInfoType.TS_CANDIDATE, set.hash(), LedgerMessages.ABSENT, 1,
                List.of(SHAMapNodeID.ROOT));
        assertEquals(LedgerInfoType.TS_CANDIDATE, r.type());
        assertEquals(set.hash(), r.hash());
        for (LedgerDataReply.RawNode n : r.nodes()) {
            assertTrue(!set.nodeAt(SHAMapNodeID.fromWire(n.id())).isLeaf() || n.id()[32] == 0,
                    "leaves below the asked node are left out");
        }
    }

    @Test
    void theClosedLedgerIsServedWhenAskedForByType() {
        GetLedgerQuery q = new GetLedgerQuery(LedgerInfoType.BASE, null, LedgerMessages.ABSENT, true, 77,
                LedgerMessages.ABSENT, List.of());
        LedgerDataReply r = answer(q);
        assertEquals(successor.hash(), r.hash());
    }
}
