package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.sbe.cluster.MessageHeaderEncoder;
import org.stoxum.codec.types.Hash256;
import org.stoxum.transport.cluster.FrameAuthenticator.Outcome;

/** Who may send us what, decided from the frame header and trailer alone. */
class FrameAuthenticatorTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final long SKEW = 20_000;
    private static final int MAX_FRAME = 8192;

    private final KeyPair us = KeyPair.random(KeyType.SECP256K1);
    private final KeyPair beta = KeyPair.random(KeyType.SECP256K1);
    private final KeyPair edMember = KeyPair.random(KeyType.ED25519);
    private final KeyPair stranger = KeyPair.random(KeyType.SECP256K1);
    private final FrameAuthenticator auth = new FrameAuthenticator(us.publicKey(), List.of(
            new ClusterMember(beta.publicKey(), "beta", new UdpEndpoint("127.0.0.1", 1)),
            new ClusterMember(edMember.publicKey(), "ed", new UdpEndpoint("127.0.0.1", 2))), SKEW);

    /** A sealed one-mark frame, copied out of the writer. */
    private UnsafeBuffer frame(KeyPair from, KeyPair to, long session, long sequence, long sentTime) {
        FrameWriter w = new FrameWriter(from, MAX_FRAME);
        w.marks(List.of(new Outbox.Mark(Hash256.fromHex("01".repeat(32)), true)), 0);
        int length = w.seal(to.publicKey().toBytes(), session, sequence, sentTime);
        byte[] bytes = new byte[length];
        w.buffer().getBytes(0, bytes);
        return new UnsafeBuffer(bytes);
    }

    private Outcome check(UnsafeBuffer frame, long now) {
        return auth.authenticate(frame, 0, frame.capacity(), now);
    }

    @Test
    void aMembersFrameIsTakenAndNamesItsSender() {
        UnsafeBuffer f = frame(beta, us, 5, 1, NOW);
        assertEquals(Outcome.ACCEPTED, check(f, NOW));
        assertEquals(beta.publicKey(), auth.sender());
        assertEquals(f.capacity() - 1 - (f.getByte(f.capacity() - 1) & 0xFF), auth.messageLength());
        assertEquals(Outcome.ACCEPTED, check(frame(edMember, us, 9, 1, NOW), NOW), "ed25519 node keys work too");
    }

    @Test
    void withinASessionOnlyHigherSequencesAreTaken() {
        assertEquals(Outcome.ACCEPTED, check(frame(beta, us, 5, 10, NOW), NOW));
        assertEquals(Outcome.REPLAYED, check(frame(beta, us, 5, 10, NOW + 1), NOW + 1));
        assertEquals(Outcome.REPLAYED, check(frame(beta, us, 5, 9, NOW + 1), NOW + 1));
        assertEquals(Outcome.ACCEPTED, check(frame(beta, us, 5, 11, NOW), NOW + 1), "the stamp may repeat");
    }

    @Test
    void aNewSessionMustBeStampedLaterThanAnythingTakenBefore() {
        assertEquals(Outcome.ACCEPTED, check(frame(beta, us, 5, 1, NOW), NOW));
        assertEquals(Outcome.REPLAYED, check(frame(beta, us, 6, 1, NOW), NOW), "an old session's frame, replayed");
        assertEquals(Outcome.ACCEPTED, check(frame(beta, us, 6, 1, NOW + 1), NOW + 1), "beta restarted");
        assertEquals(Outcome.REPLAYED, check(frame(beta, us, 5, 2, NOW + 1), NOW + 1), "no going back to session 5");
    }

    @Test
    void framesFarFromOurClockAreStale() {
        assertEquals(Outcome.STALE, check(frame(beta, us, 5, 1, NOW - SKEW - 1), NOW));
        assertEquals(Outcome.STALE, check(frame(beta, us, 5, 1, NOW + SKEW + 1), NOW));
        assertEquals(Outcome.ACCEPTED, check(frame(beta, us, 5, 1, NOW - SKEW), NOW));
    }

    @Test
    void strangersAndOtherReceiversAreRefused() {
        assertEquals(Outcome.UNKNOWN_SENDER, check(frame(stranger, us, 5, 1, NOW), NOW));
        assertEquals(Outcome.MISADDRESSED, check(frame(beta, stranger, 5, 1, NOW), NOW));
        assertEquals(Outcome.MISADDRESSED, check(frame(beta, edMember, 5, 1, NOW), NOW));
    }

    @Test
    void anyChangedByteBreaksTheSignature() {
        UnsafeBuffer good = frame(beta, us, 5, 1, NOW);
        int signatureEnd = good.capacity() - 1;
        // The header's version, the session id, the mark's hash, the signature itself.
        for (int at : new int[] {6, MessageHeaderEncoder.ENCODED_LENGTH + 70, 110, signatureEnd - 3}) {
            UnsafeBuffer f = copy(good);
            f.putByte(at, (byte) (f.getByte(at) ^ 0x10));
            assertEquals(Outcome.BAD_SIGNATURE, check(f, NOW), "byte " + at);
        }
        assertEquals(Outcome.ACCEPTED, check(good, NOW), "the refused copies changed nothing");
    }

    @Test
    void aMembersKeyOverAStrangersSignatureIsRefused() {
        UnsafeBuffer f = frame(stranger, us, 5, 1, NOW);
        f.putBytes(MessageHeaderEncoder.ENCODED_LENGTH, beta.publicKey().toBytes());
        assertEquals(Outcome.BAD_SIGNATURE, check(f, NOW));
    }

    @Test
    void truncatedOrForeignFramesAreMalformed() {
        UnsafeBuffer good = frame(beta, us, 5, 1, NOW);
        assertEquals(Outcome.MALFORMED, auth.authenticate(good, 0, 20, NOW));
        Outcome cut = auth.authenticate(good, 0, good.capacity() - 1, NOW);
        assertTrue(cut == Outcome.MALFORMED || cut == Outcome.BAD_SIGNATURE, "trailer cut: " + cut);
        UnsafeBuffer tinySignature = copy(good);
        tinySignature.putByte(good.capacity() - 1, (byte) 2);
        assertEquals(Outcome.MALFORMED, check(tinySignature, NOW));
        UnsafeBuffer hugeSignature = copy(good);
        hugeSignature.putByte(good.capacity() - 1, (byte) 200);
        assertEquals(Outcome.MALFORMED, check(hugeSignature, NOW));
        UnsafeBuffer otherSchema = copy(good);
        otherSchema.putShort(4, (short) 1);  // the peer schema's id
        assertEquals(Outcome.MALFORMED, check(otherSchema, NOW));
    }

    private static UnsafeBuffer copy(UnsafeBuffer b) {
        byte[] bytes = new byte[b.capacity()];
        b.getBytes(0, bytes);
        return new UnsafeBuffer(bytes);
    }
}
