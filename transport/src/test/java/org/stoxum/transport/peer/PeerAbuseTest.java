package org.stoxum.transport.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.sbe.PingType;
import org.stoxum.codec.sbe.TransactionEncoder;
import org.stoxum.codec.sbe.TransactionStatus;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.resource.LocalPeerResources;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.Frames;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** Peers that break the rules are charged and disconnected, as stoxumd's resource manager does. */
class PeerAbuseTest {

    @Test
    void garbageInsideTheSessionIsChargedAndDisconnected() throws Exception {
        LocalPeerResources resources = new LocalPeerResources();
        try (TestNode b = TestNode.start(TestNode.settings().resources(resources).build());
             RawPeer raw = activeRawPeer(b)) {
            byte[] garbage = new byte[64];
            ByteBuffer.wrap(garbage).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 60).putShort(4, (short) 8)
                    .putShort(6, (short) 30).putShort(8, (short) 77).putShort(10, (short) 1);
            raw.sendRaw(garbage);
            assertTrue(raw.closedWithin(5000));
            Await.until("closed", () -> b.closed.size() == 1);
            assertTrue(b.closeReasons.get(b.closed.get(0)).contains("foreign schema 77"));
            assertChargedAtLeast(resources, Charge.INVALID_REQUEST);
        }
    }

    @Test
    void aMessageWhoseFieldsRunPastItsEndIsChargedAndDisconnected() throws Exception {
        LocalPeerResources resources = new LocalPeerResources();
        try (TestNode b = TestNode.start(TestNode.settings().resources(resources).build());
             RawPeer raw = activeRawPeer(b)) {
            FrameEncoder f = new FrameEncoder();
            TransactionEncoder e = new TransactionEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
            e.status(TransactionStatus.NEW).putRawTransaction(new byte[10], 0, 10);
            int limit = e.limit();
            f.buffer().putInt(limit - 14, 1_000, Frames.ORDER);
            raw.send(f.finish(limit));
            assertTrue(raw.closedWithin(5000));
            Await.until("closed", () -> b.closed.size() == 1);
            assertTrue(b.closeReasons.get(b.closed.get(0)).contains("tx: truncated"));
            assertTrue(b.received.isEmpty());
            assertChargedAtLeast(resources, Charge.INVALID_REQUEST);
        }
    }

    @Test
    void anOversizeFrameIsRefusedFromItsLengthAlone() throws Exception {
        LocalPeerResources resources = new LocalPeerResources();
        try (TestNode b = TestNode.start(TestNode.settings().resources(resources).maxMessageBytes(64 * 1024).build());
             RawPeer raw = activeRawPeer(b)) {
            byte[] prefix = new byte[4];
            ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1 << 20);
            raw.sendRaw(prefix);
            assertTrue(raw.closedWithin(5000));
            Await.until("closed", () -> b.closed.size() == 1);
            assertTrue(b.closeReasons.get(b.closed.get(0)).contains("exceeds the limit"));
            assertChargedAtLeast(resources, Charge.INVALID_REQUEST);
        }
    }

    @Test
    void bytesThatAreNotTlsCloseTheConnection() throws Exception {
        try (TestNode b = TestNode.start(TestNode.settings().build());
             Socket s = new Socket(b.address().getAddress(), b.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(5000);
            int read;
            do {
                read = s.getInputStream().read();
            } while (read >= 0);
            assertTrue(b.overlay.peers().isEmpty());
        }
    }

    @Test
    void aConnectionThatNeverFinishesItsHandshakeIsClosed() throws Exception {
        try (TestNode b = TestNode.start(TestNode.settings().handshakeTimeout(Duration.ofMillis(300)).build());
             Socket s = new Socket(b.address().getAddress(), b.port())) {
            s.setSoTimeout(10_000);
            assertEquals(-1, s.getInputStream().read(), "the overlay closes a silent connection");
        }
    }

    @Test
    void aFloodingPeerIsDroppedAndCannotComeStraightBack() throws Exception {
        LocalPeerResources resources = new LocalPeerResources();
        try (TestNode b = TestNode.start(TestNode.settings().resources(resources).build())) {
            try (RawPeer raw = activeRawPeer(b)) {
                ControlMessages control = new ControlMessages();
                OutboundMessage ping = control.ping(PingType.PING, 1, 0, 0);
                try {
                    for (int i = 0; i < 2500 && b.closed.isEmpty(); i++) {
                        raw.send(ping);
                    }
                    assertTrue(raw.closedWithin(5000));
                } catch (java.net.SocketException reset) {
                    // The overlay dropped us mid-flood, before the test saw the close: the expected outcome.
                }
            }
            Await.until("dropped", () -> b.closed.size() == 1);
            assertEquals("charge: Resources", b.closeReasons.get(b.closed.get(0)));
            assertEquals(1, b.overlay.disconnectCharges());
            assertTrue(resources.inboundBalance(TestNode.LOOPBACK) >= LocalPeerResources.DROP_THRESHOLD);
            assertThrows(Exception.class, () -> RawPeer.connect(b.address(), KeyPair.random(KeyType.SECP256K1)));
        }
    }

    @Test
    void aPeerThatNeverAnswersPingsIsDroppedAfterTenIntervals() throws Exception {
        try (TestNode b = TestNode.start(TestNode.settings().peerTimer(Duration.ofMillis(100))
                .endpointsInterval(Duration.ofMillis(50)).build());
             RawPeer raw = activeRawPeer(b)) {
            assertNotNull(raw.read(MessageType.PING, 5000), "no ping sent");
            assertTrue(raw.closedWithin(10_000));
            Await.until("closed", () -> b.closed.size() == 1);
            assertEquals("No ping reply received", b.closeReasons.get(b.closed.get(0)));
        }
    }

    @Test
    void aPeerThatStopsReadingIsDroppedForItsLargeSendQueue() throws Exception {
        try (TestNode b = TestNode.start(TestNode.settings().peerTimer(Duration.ofMillis(200)).build());
             RawPeer raw = activeRawPeer(b)) {
            Await.until("raw peer active", () -> b.overlay.peers().size() == 1);
            long id = b.overlay.peers().get(0).id();
            OutboundMessage message = bigTransaction();
            for (int i = 0; i < 600; i++) {
                b.overlay.send(id, message);
            }
            Await.until("dropped", () -> b.closed.size() == 1);
            assertEquals("Large send queue", b.closeReasons.get(b.closed.get(0)));
        }
    }

    @Test
    void queriesAreRefusedWhileThePeersSendQueueIsLong() throws Exception {
        try (TestNode b = TestNode.start(TestNode.settings().peerTimer(Duration.ofSeconds(3)).build());
             RawPeer raw = activeRawPeer(b)) {
            Await.until("raw peer active", () -> b.overlay.peers().size() == 1);
            long id = b.overlay.peers().get(0).id();
            OutboundMessage big = bigTransaction();
            for (int i = 0; i < 600; i++) {
                b.overlay.send(id, big);
            }
            Await.until("send queue long", () -> b.overlay.peers().get(0).sendQueue() >= PeerConnection.DROP_SEND_QUEUE);
            raw.send(SampleMessages.sample(MessageType.GET_OBJECTS));
            raw.send(SampleMessages.sample(MessageType.GET_LEDGER));
            raw.send(SampleMessages.sample(MessageType.TRANSACTION));
            Await.until("marker delivered", () -> b.received(MessageType.TRANSACTION).size() == 1);
            assertTrue(b.received(MessageType.GET_OBJECTS).isEmpty(), "object query answered despite the queue");
            assertTrue(b.received(MessageType.GET_LEDGER).isEmpty(), "ledger query answered despite the queue");
        }
    }

    @Test
    void ourPeersAnswerPingsAndWeMeasureTheirLatency() {
        try (TestNode a = TestNode.start(TestNode.settings().peerTimer(Duration.ofMillis(100)).build());
             TestNode b = TestNode.start(TestNode.settings().peerTimer(Duration.ofMillis(100)).build())) {
            a.connect(b);
            Await.until("latency measured", () -> a.overlay.peers().size() == 1
                    && a.overlay.peers().get(0).latencyMillis().isPresent());
            Await.pause(1500);
            assertEquals(1, a.overlay.peers().size(), "peers that answer pings stay");
            assertTrue(a.closed.isEmpty() && b.closed.isEmpty());
        }
    }

    private static OutboundMessage bigTransaction() {
        FrameEncoder f = new FrameEncoder();
        TransactionEncoder e = new TransactionEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
        byte[] big = new byte[64 * 1024];
        e.status(TransactionStatus.NEW).putRawTransaction(big, 0, big.length);
        return f.finish(e.limit());
    }

    private static RawPeer activeRawPeer(TestNode b) throws Exception {
        RawPeer raw = RawPeer.connect(b.address(), KeyPair.random(KeyType.SECP256K1));
        raw.send(raw.hello());
        OutboundMessage answer = raw.read(5000);
        assertNotNull(answer);
        assertEquals(MessageType.HELLO, answer.type());
        return raw;
    }

    private static void assertChargedAtLeast(LocalPeerResources resources, Charge charge) {
        assertTrue(resources.inboundBalance(TestNode.LOOPBACK) >= charge.units() / LocalPeerResources.DECAY_WINDOW_SECONDS,
                "balance " + resources.inboundBalance(TestNode.LOOPBACK));
    }
}
