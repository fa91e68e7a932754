package org.stoxum.transport.peer.wire;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.codec.sbe.ClusterDecoder;
import org.stoxum.codec.sbe.EndpointsDecoder;
import org.stoxum.codec.sbe.GetLedgerDecoder;
import org.stoxum.codec.sbe.GetObjectsDecoder;
import org.stoxum.codec.sbe.HaveSetDecoder;
import org.stoxum.codec.sbe.HelloDecoder;
import org.stoxum.codec.sbe.LedgerDataDecoder;
import org.stoxum.codec.sbe.ManifestsDecoder;
import org.stoxum.codec.sbe.MessageHeaderDecoder;
import org.stoxum.codec.sbe.PingDecoder;
import org.stoxum.codec.sbe.ProposeLedgerDecoder;
import org.stoxum.codec.sbe.RedirectDecoder;
import org.stoxum.codec.sbe.RejectionDecoder;
import org.stoxum.codec.sbe.StatusChangeDecoder;
import org.stoxum.codec.sbe.TransactionDecoder;
import org.stoxum.codec.sbe.ValidationDecoder;
import org.stoxum.transport.peer.resource.Charge;

/**
 * A received message as views over the receive buffer: one reusable SBE decoder per type, wrapped
 * afresh each time one is asked for, so the caller reads fields in schema order from the start.
 *
 * <p>The check leans on Agrona's bounds checks to catch lengths that point outside the message: they
 * must stay on ({@code agrona.disable.bounds.checks} unset), or a hostile length could read past it.
 *
 * <p>Valid only during the callback that received it: the bytes belong to the connection's buffer
 * and are overwritten by the next read. Copy what must outlive the call ({@link #copy()} for a relay).
 * Not thread-safe; one instance per I/O thread.
 */
public final class InboundMessage {
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HelloDecoder hello = new HelloDecoder();
    private final RedirectDecoder redirect = new RedirectDecoder();
    private final RejectionDecoder rejection = new RejectionDecoder();
    private final ManifestsDecoder manifests = new ManifestsDecoder();
    private final PingDecoder ping = new PingDecoder();
    private final ClusterDecoder cluster = new ClusterDecoder();
    private final EndpointsDecoder endpoints = new EndpointsDecoder();
    private final TransactionDecoder transaction = new TransactionDecoder();
    private final GetLedgerDecoder getLedger = new GetLedgerDecoder();
    private final LedgerDataDecoder ledgerData = new LedgerDataDecoder();
    private final ProposeLedgerDecoder proposeLedger = new ProposeLedgerDecoder();
    private final StatusChangeDecoder statusChange = new StatusChangeDecoder();
    private final HaveSetDecoder haveSet = new HaveSetDecoder();
    private final ValidationDecoder validation = new ValidationDecoder();
    private final GetObjectsDecoder getObjects = new GetObjectsDecoder();

    private MessageType type;

    /**
     * Points this view at one SBE message ({@code length} bytes of header and body) and checks that it
     * is whole: a known schema, a root block no shorter than ours, and groups and variable data that
     * end exactly at the end of the message.
     *
     * @return the message's type, or null for a template this version does not know (to be ignored,
     *     as stoxumd ignores unknown message types)
     * @throws MalformedFrameException when the bytes are not a well-formed message
     */
    public MessageType wrap(DirectBuffer buffer, int offset, int length) throws MalformedFrameException {
        type = null;
        if (length < Frames.HEADER_BYTES) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST, "message shorter than its header");
        }
        view.wrap(buffer, offset, length);
        header.wrap(view, 0);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST, "foreign schema " + header.schemaId());
        }
        MessageType t = MessageType.of(header.templateId());
        if (t == null) {
            return null;
        }
        if (header.blockLength() < t.blockLength()) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST, t.protocolName() + ": short block");
        }
        int end;
        try {
            end = skip(t, header.blockLength(), header.version());
        } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST, t.protocolName() + ": truncated");
        }
        if (end < 0 || end > length) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST, t.protocolName() + ": truncated");
        }
        if (end != length) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST,
                    t.protocolName() + ": " + (length - end) + " stray bytes");
        }
        type = t;
        return t;
    }

    /** Walks every group and variable field of the message; returns where it ends. */
    private int skip(MessageType t, int blockLength, int version) {
        return switch (t) {
            case HELLO -> hello.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case REDIRECT -> redirect.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case REJECTION -> rejection.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case MANIFESTS -> manifests.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case PING -> ping.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case CLUSTER -> cluster.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case ENDPOINTS -> endpoints.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case TRANSACTION -> transaction.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case GET_LEDGER -> getLedger.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case LEDGER_DATA -> ledgerData.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case PROPOSE_LEDGER -> proposeLedger.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case STATUS_CHANGE -> statusChange.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case HAVE_SET -> haveSet.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case VALIDATION -> validation.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
            case GET_OBJECTS -> getObjects.wrap(view, Frames.HEADER_BYTES, blockLength, version).sbeSkip().limit();
        };
    }

    private void expect(MessageType expected) {
        if (type != expected) {
            throw new IllegalStateException("this is a " + type + ", not a " + expected);
        }
    }

    /** The type of the wrapped message. */
    public MessageType type() {
        return type;
    }

    /** The schema version the sender wrote. */
    public int version() {
        return header.version();
    }

    /** The whole SBE message (header and body). */
    public DirectBuffer buffer() {
        return view;
    }

    /** Bytes of the SBE message (header and body). */
    public int length() {
        return view.capacity();
    }

    /** A frame holding a copy of this message, to send on. */
    public OutboundMessage copy() {
        return OutboundMessage.copyOf(view, 0, view.capacity());
    }

    public HelloDecoder hello() {
        expect(MessageType.HELLO);
        return hello.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public RedirectDecoder redirect() {
        expect(MessageType.REDIRECT);
        return redirect.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public RejectionDecoder rejection() {
        expect(MessageType.REJECTION);
        return rejection.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public ManifestsDecoder manifests() {
        expect(MessageType.MANIFESTS);
        return manifests.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public PingDecoder ping() {
        expect(MessageType.PING);
        return ping.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public ClusterDecoder cluster() {
        expect(MessageType.CLUSTER);
        return cluster.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public EndpointsDecoder endpoints() {
        expect(MessageType.ENDPOINTS);
        return endpoints.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public TransactionDecoder transaction() {
        expect(MessageType.TRANSACTION);
        return transaction.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public GetLedgerDecoder getLedger() {
        expect(MessageType.GET_LEDGER);
        return getLedger.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public LedgerDataDecoder ledgerData() {
        expect(MessageType.LEDGER_DATA);
        return ledgerData.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public ProposeLedgerDecoder proposeLedger() {
        expect(MessageType.PROPOSE_LEDGER);
        return proposeLedger.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public StatusChangeDecoder statusChange() {
        expect(MessageType.STATUS_CHANGE);
        return statusChange.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public HaveSetDecoder haveSet() {
        expect(MessageType.HAVE_SET);
        return haveSet.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public ValidationDecoder validation() {
        expect(MessageType.VALIDATION);
        return validation.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }

    public GetObjectsDecoder getObjects() {
        expect(MessageType.GET_OBJECTS);
        return getObjects.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
    }
}
