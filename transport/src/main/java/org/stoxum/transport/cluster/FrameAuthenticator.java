package org.stoxum.transport.cluster;

import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.sbe.cluster.FrameHeaderDecoder;
import org.stoxum.codec.sbe.cluster.MessageHeaderDecoder;

/**
 * Decides whether a frame really comes from a member, for us, and for the first time, before anything in
 * it is decoded.
 *
 * <p>A frame is taken when: its sender key is a member's; its receiver key is ours; its stamp is within
 * the clock skew limit of our clock; it is newer than what that member sent before (a higher sequence in
 * the same session, or, for a session we have not seen, a later stamp than any frame taken from the
 * member); and the trailer signature verifies over the message with the sender's key. Sessions are random
 * per sender start and link, so a frame sent to another member, or in an earlier run, cannot be replayed
 * to us; a member that restarts is taken at once in its new session.
 *
 * <p>Used by the cluster thread only.
 */
final class FrameAuthenticator {
    /** Why a frame was refused, or that it was taken. */
    enum Outcome {
        ACCEPTED(ClusterCounter.FRAMES_ACCEPTED),
        MALFORMED(ClusterCounter.REJECTED_MALFORMED),
        UNKNOWN_SENDER(ClusterCounter.REJECTED_UNKNOWN_SENDER),
        MISADDRESSED(ClusterCounter.REJECTED_MISADDRESSED),
        STALE(ClusterCounter.REJECTED_STALE),
        REPLAYED(ClusterCounter.REJECTED_REPLAYED),
        BAD_SIGNATURE(ClusterCounter.REJECTED_BAD_SIGNATURE);

        final ClusterCounter counter;

        Outcome(ClusterCounter counter) {
            this.counter = counter;
        }
    }

    /** What we know of one member's frames. */
    private static final class Sender {
        final PublicKey key;
        final byte[] keyBytes;
        boolean seen;
        long sessionId;
        long sequence;
        long lastSentTime = Long.MIN_VALUE;

        Sender(PublicKey key) {
            this.key = key;
            this.keyBytes = key.toBytes();
        }
    }

    private final byte[] self;
    private final Sender[] senders;
    private final long maxSkewMs;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FrameHeaderDecoder frame = new FrameHeaderDecoder();
    private final byte[] keyScratch = new byte[PublicKey.LENGTH];
    private Sender sender;
    private int messageLength;

    FrameAuthenticator(PublicKey self, List<ClusterMember> members, long maxSkewMs) {
        this.self = self.toBytes();
        this.senders = members.stream().map(m -> new Sender(m.publicKey())).toArray(Sender[]::new);
        this.maxSkewMs = maxSkewMs;
    }

    /** The sender of the frame last {@link Outcome#ACCEPTED}. */
    PublicKey sender() {
        return sender.key;
    }

    /** Length of the SBE message of the frame last accepted: the frame without its trailer. */
    int messageLength() {
        return messageLength;
    }

    Outcome authenticate(DirectBuffer buffer, int offset, int length, long now) {
        if (length < FrameWriter.MIN_MESSAGE_LENGTH + FrameWriter.MIN_SIGNATURE + 1) {
            return Outcome.MALFORMED;
        }
        int signatureLength = buffer.getByte(offset + length - 1) & 0xFF;
        int bodyLength = length - 1 - signatureLength;
        if (signatureLength < FrameWriter.MIN_SIGNATURE || signatureLength > FrameWriter.MAX_SIGNATURE
                || bodyLength < FrameWriter.MIN_MESSAGE_LENGTH) {
            return Outcome.MALFORMED;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID
                || header.blockLength() < FrameHeaderDecoder.ENCODED_LENGTH) {
            return Outcome.MALFORMED;
        }
        frame.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH);
        frame.getSenderKey(keyScratch, 0, keyScratch.length);
        Sender from = find(keyScratch);
        if (from == null) {
            return Outcome.UNKNOWN_SENDER;
        }
        frame.getReceiverKey(keyScratch, 0, keyScratch.length);
        if (!Arrays.equals(keyScratch, self)) {
            return Outcome.MISADDRESSED;
        }
        long sentTime = frame.sentTime();
        if (Math.abs(sentTime - now) > maxSkewMs) {
            return Outcome.STALE;
        }
        long sessionId = frame.sessionId();
        long sequence = frame.sequence();
        boolean sameSession = from.seen && sessionId == from.sessionId;
        if (sameSession ? sequence <= from.sequence : sentTime <= from.lastSentTime) {
            return Outcome.REPLAYED;
        }
        byte[] message = new byte[bodyLength];
        buffer.getBytes(offset, message);
        byte[] signature = new byte[signatureLength];
        buffer.getBytes(offset + bodyLength, signature);
        if (!from.key.verify(message, signature, true)) {
            return Outcome.BAD_SIGNATURE;
        }
        from.seen = true;
        from.sessionId = sessionId;
        from.sequence = sequence;
        from.lastSentTime = Math.max(from.lastSentTime, sentTime);
        sender = from;
        messageLength = bodyLength;
        return Outcome.ACCEPTED;
    }

    private Sender find(byte[] key) {
        for (Sender s : senders) {
            if (Arrays.equals(s.keyBytes, key)) {
                return s;
            }
        }
        return null;
    }
}
