package org.stoxum.transport.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.sbe.cluster.Bool;
import org.stoxum.codec.sbe.cluster.EndpointChargesEncoder;
import org.stoxum.codec.sbe.cluster.FrameHeaderEncoder;
import org.stoxum.codec.sbe.cluster.HelloEncoder;
import org.stoxum.codec.sbe.cluster.MessageHeaderEncoder;
import org.stoxum.codec.sbe.cluster.StatusReportEncoder;
import org.stoxum.codec.sbe.cluster.TransactionRelayEncoder;
import org.stoxum.codec.sbe.cluster.VerifiedMarksEncoder;
import org.stoxum.codec.types.Hash256;

/**
 * Encodes cluster frames into one reusable buffer: first a message body (with its frame header left
 * blank), then {@link #seal} per receiving link, which fills the header and appends the signature
 * trailer. Each body method takes as many items as fit in one frame and says how many it took; the
 * caller sends and goes on with the rest. Used by the cluster thread only.
 */
final class FrameWriter {
    /** Longest name or address, in UTF-8 bytes. */
    static final int MAX_TEXT_BYTES = 256;
    /** Bytes of a message header plus the frame header every message starts with. */
    static final int MIN_MESSAGE_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + FrameHeaderEncoder.ENCODED_LENGTH;
    /** Signature lengths a trailer may give: DER secp256k1 signatures run to 72 bytes, ed25519 is 64. */
    static final int MIN_SIGNATURE = 8;
    static final int MAX_SIGNATURE = 72;
    /** The signature and its length byte. */
    static final int MAX_TRAILER = MAX_SIGNATURE + 1;
    private static final int GROUP_HEADER = 4;
    private static final int TEXT_HEADER = 2;
    private static final int RAW_HEADER = 4;
    /** Bytes of one relayed transaction besides its own: its block (the deferred flag) and length. */
    private static final int RELAY_ITEM_OVERHEAD = TransactionRelayEncoder.TransactionsEncoder.sbeBlockLength()
            + RAW_HEADER;
    private static final int FRAME_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH;

    private final KeyPair nodeKey;
    private final byte[] senderKey;
    private final UnsafeBuffer buffer;
    private final int maxFrameLength;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final FrameHeaderEncoder frame = new FrameHeaderEncoder();
    private final HelloEncoder hello = new HelloEncoder();
    private final StatusReportEncoder report = new StatusReportEncoder();
    private final VerifiedMarksEncoder marks = new VerifiedMarksEncoder();
    private final TransactionRelayEncoder relay = new TransactionRelayEncoder();
    private final EndpointChargesEncoder charges = new EndpointChargesEncoder();
    private int length;

    FrameWriter(KeyPair nodeKey, int maxFrameLength) {
        this.nodeKey = nodeKey;
        this.senderKey = nodeKey.publicKey().toBytes();
        this.maxFrameLength = maxFrameLength;
        this.buffer = new UnsafeBuffer(new byte[maxFrameLength]);
    }

    /** The largest transaction one frame carries. */
    static int maxTransactionLength(int maxFrameLength) {
        return maxFrameLength - (MessageHeaderEncoder.ENCODED_LENGTH + TransactionRelayEncoder.BLOCK_LENGTH
                + GROUP_HEADER + RELAY_ITEM_OVERHEAD + MAX_TRAILER);
    }

    DirectBuffer buffer() {
        return buffer;
    }

    /** Length of the message body last encoded. */
    int length() {
        return length;
    }

    void hello() {
        hello.wrapAndApplyHeader(buffer, 0, header);
        length = MessageHeaderEncoder.ENCODED_LENGTH + hello.encodedLength();
    }

    /**
     * Our status report.
     *
     * @param sources load sources, largest balance first, so that those left out when the frame is full
     *                are the smallest
     * @return how many of {@code sources} went in
     */
    int report(long reportTime, long loadFee, List<MemberTable.Report> others, List<LoadSource> sources,
               String name, String address) {
        byte[] nameBytes = name.getBytes(UTF_8);
        byte[] addressBytes = address.getBytes(UTF_8);
        int room = budget(StatusReportEncoder.BLOCK_LENGTH) - others.size() * StatusReportEncoder.MembersEncoder.sbeBlockLength()
                - 2 * GROUP_HEADER - 2 * TEXT_HEADER - nameBytes.length - addressBytes.length;
        int taken = 0;
        while (taken < sources.size()) {
            int need = StatusReportEncoder.LoadSourcesEncoder.sbeBlockLength() + TEXT_HEADER
                    + sources.get(taken).address().getBytes(UTF_8).length;
            if (need > room) {
                break;
            }
            room -= need;
            taken++;
        }
        report.wrapAndApplyHeader(buffer, 0, header).reportTime(reportTime).loadFee(loadFee);
        StatusReportEncoder.MembersEncoder m = report.membersCount(others.size());
        for (MemberTable.Report r : others) {
            m.next().putNodeKey(r.key().toBytes(), 0, StatusReportEncoder.MembersEncoder.nodeKeyLength())
                    .reportTime(r.reportTime()).loadFee(r.loadFee());
        }
        StatusReportEncoder.LoadSourcesEncoder s = report.loadSourcesCount(taken);
        for (int i = 0; i < taken; i++) {
            s.next().balance(sources.get(i).balance()).address(sources.get(i).address());
        }
        report.putName(nameBytes, 0, nameBytes.length).putAddress(addressBytes, 0, addressBytes.length);
        length = MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength();
        return taken;
    }

    /** Verdicts {@code from} onward. */
    int marks(List<Outbox.Mark> pending, int from) {
        int perMark = VerifiedMarksEncoder.MarksEncoder.sbeBlockLength();
        int count = Math.min(pending.size() - from, Math.min(
                (budget(VerifiedMarksEncoder.BLOCK_LENGTH) - GROUP_HEADER) / perMark,
                VerifiedMarksEncoder.MarksEncoder.countMaxValue()));
        VerifiedMarksEncoder.MarksEncoder m = marks.wrapAndApplyHeader(buffer, 0, header).marksCount(count);
        byte[] hash = new byte[Hash256.LENGTH];
        for (int i = from; i < from + count; i++) {
            Outbox.Mark mark = pending.get(i);
            mark.hash().writeTo(hash, 0);
            m.next().putHash(hash, 0, Hash256.LENGTH).verdict(mark.good()
                    ? org.stoxum.codec.sbe.cluster.Verdict.GOOD : org.stoxum.codec.sbe.cluster.Verdict.BAD);
        }
        length = MessageHeaderEncoder.ENCODED_LENGTH + marks.encodedLength();
        return count;
    }

    /** Relayed transactions {@code from} onward; each must be at most {@link #maxTransactionLength}. */
    int transactions(List<Outbox.Relay> relays, int from) {
        int room = budget(TransactionRelayEncoder.BLOCK_LENGTH) - GROUP_HEADER;
        int count = 0;
        while (from + count < relays.size() && count < TransactionRelayEncoder.TransactionsEncoder.countMaxValue()) {
            int need = RELAY_ITEM_OVERHEAD + relays.get(from + count).raw().length;
            if (need > room) {
                break;
            }
            room -= need;
            count++;
        }
        TransactionRelayEncoder.TransactionsEncoder t = relay.wrapAndApplyHeader(buffer, 0, header)
                .transactionsCount(count);
        for (int i = from; i < from + count; i++) {
            Outbox.Relay r = relays.get(i);
            t.next().deferred(r.deferred() ? Bool.TRUE : Bool.FALSE).putRaw(r.raw(), 0, r.raw().length);
        }
        length = MessageHeaderEncoder.ENCODED_LENGTH + relay.encodedLength();
        return count;
    }

    /** Pushed load sources {@code from} onward. */
    int charges(List<LoadSource> sources, int from) {
        int room = budget(EndpointChargesEncoder.BLOCK_LENGTH) - GROUP_HEADER;
        int count = 0;
        while (from + count < sources.size()
                && count < EndpointChargesEncoder.ChargesEncoder.countMaxValue()) {
            int need = EndpointChargesEncoder.ChargesEncoder.sbeBlockLength() + TEXT_HEADER
                    + sources.get(from + count).address().getBytes(UTF_8).length;
            if (need > room) {
                break;
            }
            room -= need;
            count++;
        }
        EndpointChargesEncoder.ChargesEncoder c = charges.wrapAndApplyHeader(buffer, 0, header).chargesCount(count);
        for (int i = from; i < from + count; i++) {
            c.next().balance(sources.get(i).balance()).address(sources.get(i).address());
        }
        length = MessageHeaderEncoder.ENCODED_LENGTH + charges.encodedLength();
        return count;
    }

    /**
     * Stamps the body last encoded for one receiver and signs it: the frame header gets our key, the
     * receiver's, the link's session and sequence and the time; then the node-key signature over the whole
     * message and its length byte follow.
     *
     * @return the frame's length, from offset 0 of {@link #buffer()}
     */
    int seal(byte[] receiverKey, long sessionId, long sequence, long sentTime) {
        frame.wrap(buffer, FRAME_OFFSET)
                .putSenderKey(senderKey, 0, senderKey.length)
                .putReceiverKey(receiverKey, 0, receiverKey.length)
                .sessionId(sessionId)
                .sequence(sequence)
                .sentTime(sentTime);
        byte[] message = new byte[length];
        buffer.getBytes(0, message);
        byte[] signature = nodeKey.sign(message);
        buffer.putBytes(length, signature);
        buffer.putByte(length + signature.length, (byte) signature.length);
        return length + signature.length + 1;
    }

    /** Room for a message's groups and data after its header and block, leaving space for the trailer. */
    private int budget(int blockLength) {
        return maxFrameLength - MAX_TRAILER - MessageHeaderEncoder.ENCODED_LENGTH - blockLength;
    }
}
