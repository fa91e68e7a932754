package org.stoxum.transport.peer.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.transport.peer.handshake.HandshakeException;
import org.stoxum.transport.peer.handshake.SessionProof;

/** TLS sessions driven in memory: the channel binding both ends share, and the proof bound to it. */
class SessionBindingTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EphemeralCertificate CERTIFICATE = EphemeralCertificate.generate(RANDOM);

    /** A client and a server session with the bytes pumped between them until both are done. */
    private record Pair(TlsSession client, TlsSession server) {
        static Pair handshake(ProtocolVersion[] versions) throws Exception {
            return handshake(TlsSession.client(RANDOM, versions), TlsSession.server(RANDOM, CERTIFICATE));
        }

        static Pair handshake(TlsSession client, TlsSession server) throws Exception {
            Pair p = new Pair(client, server);
            for (int i = 0; i < 20 && !(p.client.isHandshakeComplete() && p.server.isHandshakeComplete()); i++) {
                pump(p.client, p.server);
                pump(p.server, p.client);
            }
            assertTrue(p.client.isHandshakeComplete() && p.server.isHandshakeComplete());
            return p;
        }

        static void pump(TlsSession from, TlsSession to) throws Exception {
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            while (from.outputAvailable() > 0) {
                b.clear();
                from.readOutput(b);
                to.offerInput(b.array(), 0, b.position());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void bothEndsShareABindingThatNoOtherSessionHas(String version) throws Exception {
        ProtocolVersion[] versions = {"TLSv1.3".equals(version) ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12};
        Pair one = Pair.handshake(versions);
        Pair two = Pair.handshake(versions);
        assertEquals(version.replace("v", " "), one.client.protocolVersion());
        assertArrayEquals(one.client.channelBinding(), one.server.channelBinding());
        assertEquals(32, one.client.channelBinding().length);
        assertFalse(Arrays.equals(one.client.channelBinding(), two.client.channelBinding()));

        KeyPair node = KeyPair.random(KeyType.SECP256K1);
        byte[] sharedOne = SessionProof.sharedValue(one.server.channelBinding());
        byte[] sharedTwo = SessionProof.sharedValue(two.server.channelBinding());
        byte[] proofOne = SessionProof.sign(node, SessionProof.sharedValue(one.client.channelBinding()));
        assertTrue(SessionProof.verify(node.publicKey(), sharedOne, proofOne));
        assertFalse(SessionProof.verify(node.publicKey(), sharedTwo, proofOne), "a proof relayed to another session");
        assertFalse(SessionProof.verify(KeyPair.random(KeyType.SECP256K1).publicKey(), sharedOne, proofOne));
    }

    /**
     * Our record cipher is the JDK's AES-GCM; a peer whose cipher is Bouncy Castle's own (an earlier build
     * of this node) must read what we write and be read, in both roles and both versions.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aPeerOnBouncyCastlesCipherReadsUsAndIsRead(String version) throws Exception {
        ProtocolVersion[] versions = {"TLSv1.3".equals(version) ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12};
        Pair[] pairs = {
            Pair.handshake(TlsSession.client(new BcTlsCrypto(RANDOM), versions),
                    TlsSession.server(RANDOM, CERTIFICATE)),
            Pair.handshake(TlsSession.client(RANDOM, versions),
                    TlsSession.server(new BcTlsCrypto(RANDOM), CERTIFICATE)),
        };
        for (Pair p : pairs) {
            for (int n : new int[] {1, 1_000, 40_000}) {
                assertCrosses(p.client, p.server, n);
                assertCrosses(p.server, p.client, n);
            }
        }
    }

    private static void assertCrosses(TlsSession from, TlsSession to, int length) throws Exception {
        byte[] data = new byte[length];
        RANDOM.nextBytes(data);
        from.writeApplicationData(data, 0, data.length);
        Pair.pump(from, to);
        byte[] got = new byte[to.applicationDataAvailable()];
        to.readApplicationData(got, 0, got.length);
        assertArrayEquals(data, got);
    }

    @Test
    void applicationDataCrossesTheSession() throws Exception {
        Pair p = Pair.handshake(new ProtocolVersion[] {ProtocolVersion.TLSv13});
        byte[] data = "frames go here".getBytes(StandardCharsets.UTF_8);
        p.client.writeApplicationData(data, 0, data.length);
        Pair.pump(p.client, p.server);
        byte[] got = new byte[p.server.applicationDataAvailable()];
        p.server.readApplicationData(got, 0, got.length);
        assertArrayEquals(data, got);
    }

    @Test
    void noBindingBeforeTheHandshakeAndNoZeroOrShortCookie() throws Exception {
        TlsSession client = TlsSession.client(RANDOM);
        assertThrows(IllegalStateException.class, client::channelBinding);
        assertThrows(HandshakeException.class, () -> SessionProof.sharedValue(new byte[32]));
        assertThrows(HandshakeException.class, () -> SessionProof.sharedValue(new byte[] {1, 2, 3}));
        assertThrows(HandshakeException.class, () -> SessionProof.sharedValue(null));
    }
}
