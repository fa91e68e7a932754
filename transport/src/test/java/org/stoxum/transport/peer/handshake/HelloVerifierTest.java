package org.stoxum.transport.peer.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** verifyHello's address checks, which need public addresses (so no sockets here). */
class HelloVerifierTest {
    private static final long NOW = 700_000_000L;
    private final KeyPair ours = KeyPair.random(KeyType.SECP256K1);
    private final KeyPair theirs = KeyPair.random(KeyType.SECP256K1);
    private final byte[] shared = Hash256.fromHex("11".repeat(32)).toBytes();

    private Hello hello(Optional<InetAddress> local, Optional<InetAddress> remote) {
        return new Hello(ProtocolVersion.CURRENT, ProtocolVersion.MINIMUM, NOW, OptionalLong.of(5),
                Optional.of(Hash256.fromHex("22".repeat(32))), Optional.empty(), theirs.publicKey(), true, 51235,
                SessionProof.sign(theirs, shared), local, remote, "test");
    }

    @Test
    void aPeerClaimingAnotherPublicAddressIsRefused() throws Exception {
        InetAddress peer = InetAddress.getByName("203.0.113.7");
        HelloVerifier v = new HelloVerifier(ours.publicKey(), Optional.empty());
        assertEquals(theirs.publicKey(), v.verify(hello(Optional.of(peer), Optional.empty()), shared, NOW, peer));
        HandshakeException e = assertThrows(HandshakeException.class, () -> v.verify(
                hello(Optional.of(InetAddress.getByName("203.0.113.8")), Optional.empty()), shared, NOW, peer));
        assertTrue(e.getMessage().startsWith("Peer IP is 203.0.113.7"));
    }

    @Test
    void aPeerSeeingUsAtAnotherAddressThanOurPublicIpIsRefused() throws Exception {
        InetAddress peer = InetAddress.getByName("203.0.113.7");
        HelloVerifier v = new HelloVerifier(ours.publicKey(), Optional.of(InetAddress.getByName("198.51.100.1")));
        v.verify(hello(Optional.empty(), Optional.of(InetAddress.getByName("198.51.100.1"))), shared, NOW, peer);
        HandshakeException e = assertThrows(HandshakeException.class, () -> v.verify(
                hello(Optional.empty(), Optional.of(InetAddress.getByName("198.51.100.2"))), shared, NOW, peer));
        assertTrue(e.getMessage().startsWith("Our IP is 198.51.100.1"));
    }

    @Test
    void clockToleranceIsTwentySecondsEachWay() throws Exception {
        HelloVerifier v = new HelloVerifier(ours.publicKey(), Optional.empty());
        InetAddress peer = InetAddress.getLoopbackAddress();
        Hello h = hello(Optional.empty(), Optional.empty());
        v.verify(h, shared, NOW + 20, peer);
        v.verify(h, shared, NOW - 20, peer);
        assertThrows(HandshakeException.class, () -> v.verify(h, shared, NOW + 21, peer));
        assertThrows(HandshakeException.class, () -> v.verify(h, shared, NOW - 21, peer));
    }

    @Test
    void aHelloSurvivesEncoding() throws Exception {
        Hello h = hello(Optional.of(InetAddress.getByName("203.0.113.7")),
                Optional.of(InetAddress.getByName("2001:db8::1")));
        OutboundMessage m = h.encode(new FrameEncoder());
        byte[] frame = new byte[m.frameLength()];
        m.frame().get(frame);
        InboundMessage view = new InboundMessage();
        view.wrap(new UnsafeBuffer(frame), 4, frame.length - 4);
        Hello back = Hello.decode(view.hello());
        assertEquals(h.nodePublicKey(), back.nodePublicKey());
        assertEquals(h.ledgerIndex(), back.ledgerIndex());
        assertEquals(h.closedLedger(), back.closedLedger());
        assertEquals(Optional.empty(), back.previousLedger());
        assertEquals(h.localIp(), back.localIp());
        assertEquals(h.remoteIp(), back.remoteIp());
        assertEquals(51235, back.listeningPort());
        assertEquals("test", back.userAgent());
        assertArrayEquals(h.sessionSignature(), back.sessionSignature());
    }
}
