package org.stoxum.transport.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.transport.peer.handshake.Hello;
import org.stoxum.transport.peer.handshake.ProtocolVersion;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** Who a peer is: TLS, the session-bound node key proof, and the hello checks. */
class OverlayHandshakeTest {

    @Test
    void twoNodesLearnEachOthersKeys() {
        try (TestNode a = TestNode.start(TestNode.settings().build());
             TestNode b = TestNode.start(TestNode.settings().build())) {
            a.connect(b);
            Await.until("both sides active", () -> a.hasPeer(b) && b.hasPeer(a));
            List<PeerSummary> fromA = a.overlay.peers();
            assertEquals(1, fromA.size());
            assertFalse(fromA.get(0).inbound());
            assertEquals(b.key.publicKey(), fromA.get(0).publicKey());
            assertEquals(b.address(), fromA.get(0).address());
            PeerSummary fromB = b.overlay.peers().get(0);
            assertTrue(fromB.inbound());
            assertEquals(a.key.publicKey(), fromB.publicKey());
            assertEquals(OverlaySettings.DEFAULT_USER_AGENT, fromB.userAgent());
            assertEquals(ProtocolVersion.CURRENT, fromB.protocolVersion());
            assertTrue(fromB.crawlPublic());
            assertEquals(List.of(fromB.id()), b.activated);
        }
    }

    @Test
    void anHonestRawPeerIsAccepted() throws Exception {
        try (TestNode b = TestNode.start(TestNode.settings().build());
             RawPeer raw = RawPeer.connect(b.address(), KeyPair.random(KeyType.SECP256K1))) {
            raw.send(raw.hello());
            OutboundMessage answer = raw.read(5000);
            assertNotNull(answer);
            assertEquals(MessageType.HELLO, answer.type());
            Hello theirs = Hello.decode(RawPeer.view(answer).hello());
            assertEquals(b.key.publicKey(), theirs.nodePublicKey());
            assertTrue(theirs.localIp().isEmpty() && theirs.remoteIp().isEmpty(), "addresses only on public links");
            Await.until("raw peer active", () -> b.overlay.peers().size() == 1);
        }
    }

    /**
     * A man in the middle holds two TLS sessions and relays the victim's proof from one to the other.
     * Built here by reusing a valid signature of the same key from an earlier session: it must fail.
     */
    @Test
    void aSessionSignatureRelayedFromAnotherSessionIsRejected() throws Exception {
        KeyPair victim = KeyPair.random(KeyType.SECP256K1);
        try (TestNode b = TestNode.start(TestNode.settings().build())) {
            byte[] capturedSignature;
            try (RawPeer first = RawPeer.connect(b.address(), victim)) {
                Hello honest = first.hello();
                capturedSignature = honest.sessionSignature();
                first.send(honest);
                assertEquals(MessageType.HELLO, first.read(5000).type());
            }
            Await.until("first session gone", () -> b.overlay.peers().isEmpty());
            try (RawPeer relay = RawPeer.connect(b.address(), victim)) {
                relay.send(relay.hello(capturedSignature, NetworkClock.SYSTEM.now()));
                assertRejected(relay, "Failed to verify session");
            }
            assertTrue(b.overlay.peers().isEmpty());
        }
    }

    @Test
    void aConnectionToOurselvesIsClosed() throws Exception {
        try (TestNode a = TestNode.start(TestNode.settings().build())) {
            a.connect(a);
            Await.pause(1000);
            assertTrue(a.overlay.peers().isEmpty());
            assertTrue(a.activated.isEmpty());
            try (RawPeer mirror = RawPeer.connect(a.address(), a.key)) {
                mirror.send(mirror.hello());
                assertRejected(mirror, "Self connection");
            }
        }
    }

    @Test
    void aPeerWhoseClockIsOffByMoreThanTwentySecondsIsRefused() throws Exception {
        try (TestNode a = TestNode.start(TestNode.settings().build());
             TestNode late = TestNode.start(TestNode.settings()
                     .networkClock(() -> NetworkClock.SYSTEM.now() + 30).build())) {
            a.connect(late);
            Await.pause(1000);
            assertTrue(a.overlay.peers().isEmpty());
            assertTrue(late.overlay.peers().isEmpty());
            for (long offset : new long[] {25, -25}) {
                try (RawPeer raw = RawPeer.connect(a.address(), KeyPair.random(KeyType.SECP256K1))) {
                    raw.send(raw.hello(raw.hello().sessionSignature(), NetworkClock.SYSTEM.now() + offset));
                    // The exact figure can be a second further off if the clock ticks between send and check.
                    assertRejected(raw, "Clock is off by " + (offset > 0 ? "+" : "-") + "2");
                }
            }
            try (RawPeer raw = RawPeer.connect(a.address(), KeyPair.random(KeyType.SECP256K1))) {
                raw.send(raw.hello(raw.hello().sessionSignature(), NetworkClock.SYSTEM.now() + 15));
                assertEquals(MessageType.HELLO, raw.read(5000).type());
            }
        }
    }

    @Test
    void aPeerThatNeedsANewerProtocolIsRefused() throws Exception {
        try (TestNode b = TestNode.start(TestNode.settings().build());
             RawPeer raw = RawPeer.connect(b.address(), KeyPair.random(KeyType.SECP256K1))) {
            Hello honest = raw.hello();
            raw.send(new Hello(ProtocolVersion.pack(2, 0), ProtocolVersion.pack(2, 0), honest.networkTime(),
                    OptionalLong.empty(), Optional.empty(), Optional.empty(), honest.nodePublicKey(), true, 0,
                    honest.sessionSignature(), Optional.empty(), Optional.empty(), "future"));
            assertRejected(raw, "Protocol mismatch");
        }
    }

    @Test
    void aNodeKeyMustBeSecp256k1() throws Exception {
        try (TestNode b = TestNode.start(TestNode.settings().build());
             RawPeer raw = RawPeer.connect(b.address(), KeyPair.random(KeyType.SECP256K1))) {
            Hello honest = raw.hello();
            raw.send(new Hello(honest.protocolVersion(), honest.protocolVersionMin(), honest.networkTime(),
                    OptionalLong.empty(), Optional.empty(), Optional.empty(),
                    KeyPair.random(KeyType.ED25519).publicKey(), true, 0, honest.sessionSignature(),
                    Optional.empty(), Optional.empty(), "ed"));
            assertRejected(raw, "Unsupported public key type");
        }
    }

    private static void assertRejected(RawPeer raw, String reasonPrefix) throws Exception {
        OutboundMessage answer = raw.read(5000);
        assertNotNull(answer, "no answer to the hello");
        assertEquals(MessageType.REJECTION, answer.type());
        String reason = RawPeer.view(answer).rejection().reason();
        assertTrue(reason.startsWith(reasonPrefix), reason);
        assertTrue(raw.closedWithin(5000), "connection left open after a rejection");
    }
}
