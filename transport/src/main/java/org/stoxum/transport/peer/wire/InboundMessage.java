package org.stoxum.transport.peer.wire;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;
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
        MessageDecoderFlyweight decoder = decoder(t);
        int end;
        try {
            end = skip(t);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST, t.protocolName() + ": truncated");
        }
        if (end != length) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST,
                    t.protocolName() + ": " + (length - end) + " stray bytes");
        }
        decoder.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
        type = t;
        return t;
    }

    private int skip(MessageType t) {
        MessageDecoderFlyweight d = decoder(t);
        d.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
        switch (t) {
            case HELLO -> hello.sbeSkip();
            case REDIRECT -> redirect.sbeSkip();
            case REJECTION -> rejection.sbeSkip();
            case MANIFESTS -> manifests.sbeSkip();
            case PING -> ping.sbeSkip();
            case CLUSTER -> cluster.sbeSkip();
            case ENDPOINTS -> endpoints.sbeSkip();
            case TRANSACTION -> transaction.sbeSkip();
            case GET_LEDGER -> getLedger.sbeSkip();
            case LEDGER_DATA -> ledgerData.sbeSkip();
            case PROPOSE_LEDGER -> proposeLedger.sbeSkip();
            case STATUS_CHANGE -> statusChange.sbeSkip();
            case HAVE_SET -> haveSet.sbeSkip();
            case VALIDATION -> validation.sbeSkip();
            case GET_OBJECTS -> getObjects.sbeSkip();
            default -> throw new IllegalStateException(t.name());
        }
        return d.limit();
    }

    private MessageDecoderFlyweight decoder(MessageType t) {
        return switch (t) {
            case HELLO -> hello;
            case REDIRECT -> redirect;
            case REJECTION -> rejection;
            case MANIFESTS -> manifests;
            case PING -> ping;
            case CLUSTER -> cluster;
            case ENDPOINTS -> endpoints;
            case TRANSACTION -> transaction;
            case GET_LEDGER -> getLedger;
            case LEDGER_DATA -> ledgerData;
            case PROPOSE_LEDGER -> proposeLedger;
            case STATUS_CHANGE -> statusChange;
            case HAVE_SET -> haveSet;
            case VALIDATION -> validation;
            case GET_OBJECTS -> getObjects;
        };
    }

    private <D extends MessageDecoderFlyweight> D view(MessageType expected, D decoder) {
        if (type != expected) {
            throw new IllegalStateException("this is a " + type + ", not a " + expected);
        }
        decoder.wrap(view, Frames.HEADER_BYTES, header.blockLength(), header.version());
        return decoder;
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
        return view(MessageType.HELLO, hello);
    }

    public RedirectDecoder redirect() {
        return view(MessageType.REDIRECT, redirect);
    }

    public RejectionDecoder rejection() {
        return view(MessageType.REJECTION, rejection);
    }

    public ManifestsDecoder manifests() {
        return view(MessageType.MANIFESTS, manifests);
    }

    public PingDecoder ping() {
        return view(MessageType.PING, ping);
    }

    public ClusterDecoder cluster() {
        return view(MessageType.CLUSTER, cluster);
    }

    public EndpointsDecoder endpoints() {
        return view(MessageType.ENDPOINTS, endpoints);
    }

    public TransactionDecoder transaction() {
        return view(MessageType.TRANSACTION, transaction);
    }

    public GetLedgerDecoder getLedger() {
        return view(MessageType.GET_LEDGER, getLedger);
    }

    public LedgerDataDecoder ledgerData() {
        return view(MessageType.LEDGER_DATA, ledgerData);
    }

    public ProposeLedgerDecoder proposeLedger() {
        return view(MessageType.PROPOSE_LEDGER, proposeLedger);
    }

    public StatusChangeDecoder statusChange() {
        return view(MessageType.STATUS_CHANGE, statusChange);
    }

    public HaveSetDecoder haveSet() {
        return view(MessageType.HAVE_SET, haveSet);
    }

    public ValidationDecoder validation() {
        return view(MessageType.VALIDATION, validation);
    }

    public GetObjectsDecoder getObjects() {
        return view(MessageType.GET_OBJECTS, getObjects);
    }
}
