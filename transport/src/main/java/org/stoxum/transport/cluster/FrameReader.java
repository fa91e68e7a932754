package org.stoxum.transport.cluster;

import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.sbe.cluster.Bool;
import org.stoxum.codec.sbe.cluster.EndpointChargesDecoder;
import org.stoxum.codec.sbe.cluster.HelloDecoder;
import org.stoxum.codec.sbe.cluster.MessageHeaderDecoder;
import org.stoxum.codec.sbe.cluster.StatusReportDecoder;
import org.stoxum.codec.sbe.cluster.TransactionRelayDecoder;
import org.stoxum.codec.sbe.cluster.VerifiedMarksDecoder;
import org.stoxum.codec.types.Hash256;

/**
 * Decodes an authenticated frame's message and hands its content to a {@link FrameHandler}. The message
 * is read through a view of exactly its own bytes and must decode to exactly that length, so a member
 * with a bug cannot make us read a neighbour's bytes. Used by the cluster thread only.
 */
final class FrameReader {
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HelloDecoder hello = new HelloDecoder();
    private final StatusReportDecoder report = new StatusReportDecoder();
    private final VerifiedMarksDecoder marks = new VerifiedMarksDecoder();
    private final TransactionRelayDecoder relay = new TransactionRelayDecoder();
    private final EndpointChargesDecoder charges = new EndpointChargesDecoder();
    private final byte[] hash = new byte[Hash256.LENGTH];

    /**
     * Decodes and dispatches.
     *
     * @return false, having dispatched nothing, when the message is not one of ours or does not decode to
     *     its length
     */
    boolean read(DirectBuffer buffer, int offset, int length, PublicKey from, FrameHandler handler) {
        view.wrap(buffer, offset, length);
        try {
            header.wrap(view, 0);
            int block = header.blockLength();
            int version = header.version();
            int at = MessageHeaderDecoder.ENCODED_LENGTH;
            switch (header.templateId()) {
                case HelloDecoder.TEMPLATE_ID -> {
                    if (!fits(hello.wrap(view, at, block, version).sbeDecodedLength(), length)) {
                        return false;
                    }
                    handler.onHello(from);
                }
                case StatusReportDecoder.TEMPLATE_ID -> {
                    if (!fits(report.wrap(view, at, block, version).sbeDecodedLength(), length)) {
                        return false;
                    }
                    readReport(report.sbeRewind(), from, handler);
                }
                case VerifiedMarksDecoder.TEMPLATE_ID -> {
                    if (!fits(marks.wrap(view, at, block, version).sbeDecodedLength(), length)) {
                        return false;
                    }
                    readMarks(marks.sbeRewind(), from, handler);
                }
                case TransactionRelayDecoder.TEMPLATE_ID -> {
                    if (!fits(relay.wrap(view, at, block, version).sbeDecodedLength(), length)) {
                        return false;
                    }
                    for (TransactionRelayDecoder.TransactionsDecoder t : relay.sbeRewind().transactions()) {
                        boolean trusted = t.deferredRaw() == Bool.FALSE.value();
                        byte[] raw = new byte[t.rawLength()];
                        t.getRaw(raw, 0, raw.length);
                        handler.onTransaction(from, raw, !trusted);
                    }
                }
                case EndpointChargesDecoder.TEMPLATE_ID -> {
                    if (!fits(charges.wrap(view, at, block, version).sbeDecodedLength(), length)) {
                        return false;
                    }
                    List<LoadSource> list = new ArrayList<>();
                    for (EndpointChargesDecoder.ChargesDecoder c : charges.sbeRewind().charges()) {
                        long balance = c.balance();
                        list.add(new LoadSource(c.address(), balance));
                    }
                    handler.onCharges(from, list);
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private void readReport(StatusReportDecoder r, PublicKey from, FrameHandler handler) {
        long reportTime = r.reportTime();
        long loadFee = r.loadFee();
        List<MemberTable.Report> others = new ArrayList<>();
        byte[] key = new byte[PublicKey.LENGTH];
        for (StatusReportDecoder.MembersDecoder m : r.members()) {
            m.getNodeKey(key, 0, key.length);
            long time = m.reportTime();
            long fee = m.loadFee();
            PublicKey.parse(key).ifPresent(k -> others.add(new MemberTable.Report(k, "", fee, time, "")));
        }
        List<LoadSource> sources = new ArrayList<>();
        for (StatusReportDecoder.LoadSourcesDecoder s : r.loadSources()) {
            long balance = s.balance();
            sources.add(new LoadSource(s.address(), balance));
        }
        String name = r.name();
        String address = r.address();
        handler.onReport(from, new MemberTable.Report(from, name, loadFee, reportTime, address), others, sources);
    }

    private void readMarks(VerifiedMarksDecoder m, PublicKey from, FrameHandler handler) {
        for (VerifiedMarksDecoder.MarksDecoder mark : m.marks()) {
            mark.getHash(hash, 0, hash.length);
            short raw = mark.verdictRaw();
            Verdict verdict = raw == org.stoxum.codec.sbe.cluster.Verdict.GOOD.value() ? Verdict.GOOD
                    : raw == org.stoxum.codec.sbe.cluster.Verdict.BAD.value() ? Verdict.BAD : Verdict.UNKNOWN;
            if (verdict != Verdict.UNKNOWN) {
                handler.onMark(from, Hash256.of(hash), verdict);
            }
        }
    }

    private static boolean fits(int decodedLength, int length) {
        return MessageHeaderDecoder.ENCODED_LENGTH + decodedLength == length;
    }
}
