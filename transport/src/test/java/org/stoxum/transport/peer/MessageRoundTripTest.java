package org.stoxum.transport.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.transport.peer.relay.HashRouter;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** Every engine message crosses a real TLS link intact, in both directions. */
class MessageRoundTripTest {

    @Test
    void everyMessageTypeArrivesIntactBothWays() throws Exception {
        try (TestNode a = TestNode.start(TestNode.settings().clusterMember(k -> true).build());
             TestNode b = TestNode.start(TestNode.settings().clusterMember(k -> true).build())) {
            a.connect(b);
            Await.until("linked", () -> a.hasPeer(b) && b.hasPeer(a));
            for (MessageType type : SampleMessages.DELIVERED) {
                a.overlay.broadcast(SampleMessages.sample(type));
            }
            long bPeer = b.overlay.peers().get(0).id();
            for (MessageType type : SampleMessages.DELIVERED) {
                assertTrue(b.overlay.send(bPeer, SampleMessages.sample(type)));
            }
            Await.until("all delivered", () -> b.received.size() == SampleMessages.DELIVERED.size()
                    && a.received.size() == SampleMessages.DELIVERED.size());
            for (TestNode receiver : List.of(a, b)) {
                for (MessageType type : SampleMessages.DELIVERED) {
                    List<TestNode.Received> got = receiver.received(type);
                    assertEquals(1, got.size(), type.name());
                    assertArrayEquals(bytes(SampleMessages.sample(type)), bytes(got.get(0).copy()), type.name());
                    SampleMessages.check(RawPeer.view(got.get(0).copy()));
                }
            }
        }
    }

    @Test
    void relayedItemsAreSentOncePerHoldTimeAndNotBackToTheirSenders() {
        try (TestNode hub = TestNode.start(TestNode.settings().build());
             TestNode left = TestNode.start(TestNode.settings().build());
             TestNode right = TestNode.start(TestNode.settings().build())) {
            left.connect(hub);
            right.connect(hub);
            Await.until("hub has two peers", () -> hub.overlay.peers().size() == 2);
            OutboundMessage tx = SampleMessages.sample(MessageType.TRANSACTION);
            left.overlay.broadcast(tx);
            Await.until("hub got it", () -> hub.received(MessageType.TRANSACTION).size() == 1);
            long fromLeft = hub.received(MessageType.TRANSACTION).get(0).peerId();
            Hash256 id = Hash256.of(SampleMessages.HASH_A);
            assertTrue(hub.overlay.hashRouter().shouldProcess(id, fromLeft,
                    HashRouter.TRANSACTION_INTERVAL));
            assertTrue(hub.overlay.relay(tx, id));
            assertFalse(hub.overlay.relay(tx, id));
            Await.until("right got the relay", () -> right.received(MessageType.TRANSACTION).size() == 1);
            Await.pause(300);
            assertEquals(0, left.received(MessageType.TRANSACTION).size());
            assertEquals(1, right.received(MessageType.TRANSACTION).size());
        }
    }

    @Test
    void aHandlerThatThrowsIsCountedAndTheLinkCarriesOn() {
        AtomicInteger seen = new AtomicInteger();
        PeerOverlay faulty = new PeerOverlay(TestNode.settings().build(), KeyPair.random(KeyType.SECP256K1),
                (peer, message) -> {
                    seen.incrementAndGet();
                    throw new IllegalStateException("engine bug");
                });
        try (faulty; TestNode a = TestNode.start(TestNode.settings().build())) {
            faulty.start();
            a.overlay.connect(TestNode.LOOPBACK.getHostAddress(), faulty.localAddress().getPort());
            Await.until("linked", () -> faulty.peers().size() == 1);
            a.overlay.broadcast(SampleMessages.sample(MessageType.VALIDATION));
            a.overlay.broadcast(SampleMessages.sample(MessageType.HAVE_SET));
            Await.until("both handled", () -> seen.get() == 2);
            assertEquals(2, faulty.handlerErrors());
            assertEquals(1, faulty.peers().size());
        }
    }

    private static byte[] bytes(OutboundMessage m) {
        ByteBuffer b = m.frame();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
