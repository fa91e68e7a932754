package org.stoxum.transport.peer.wire;

import org.stoxum.codec.sbe.ClusterDecoder;
import org.stoxum.codec.sbe.EndpointsDecoder;
import org.stoxum.codec.sbe.GetLedgerDecoder;
import org.stoxum.codec.sbe.GetObjectsDecoder;
import org.stoxum.codec.sbe.HaveSetDecoder;
import org.stoxum.codec.sbe.HelloDecoder;
import org.stoxum.codec.sbe.LedgerDataDecoder;
import org.stoxum.codec.sbe.ManifestsDecoder;
import org.stoxum.codec.sbe.PingDecoder;
import org.stoxum.codec.sbe.ProposeLedgerDecoder;
import org.stoxum.codec.sbe.RedirectDecoder;
import org.stoxum.codec.sbe.RejectionDecoder;
import org.stoxum.codec.sbe.StatusChangeDecoder;
import org.stoxum.codec.sbe.TransactionDecoder;
import org.stoxum.codec.sbe.ValidationDecoder;

/**
 * The peer messages, by SBE template id (stoxumd's message type numbers, plus our handshake answers).
 * Names are stoxumd's {@code protocolMessageName}, used in logs and traffic counts.
 */
public enum MessageType {
    HELLO(HelloDecoder.TEMPLATE_ID, "hello", HelloDecoder.BLOCK_LENGTH),
    MANIFESTS(ManifestsDecoder.TEMPLATE_ID, "manifests", ManifestsDecoder.BLOCK_LENGTH),
    PING(PingDecoder.TEMPLATE_ID, "ping", PingDecoder.BLOCK_LENGTH),
    CLUSTER(ClusterDecoder.TEMPLATE_ID, "cluster", ClusterDecoder.BLOCK_LENGTH),
    REDIRECT(RedirectDecoder.TEMPLATE_ID, "redirect", RedirectDecoder.BLOCK_LENGTH),
    REJECTION(RejectionDecoder.TEMPLATE_ID, "rejection", RejectionDecoder.BLOCK_LENGTH),
    ENDPOINTS(EndpointsDecoder.TEMPLATE_ID, "endpoints", EndpointsDecoder.BLOCK_LENGTH),
    TRANSACTION(TransactionDecoder.TEMPLATE_ID, "tx", TransactionDecoder.BLOCK_LENGTH),
    GET_LEDGER(GetLedgerDecoder.TEMPLATE_ID, "get_ledger", GetLedgerDecoder.BLOCK_LENGTH),
    LEDGER_DATA(LedgerDataDecoder.TEMPLATE_ID, "ledger_data", LedgerDataDecoder.BLOCK_LENGTH),
    PROPOSE_LEDGER(ProposeLedgerDecoder.TEMPLATE_ID, "propose", ProposeLedgerDecoder.BLOCK_LENGTH),
    STATUS_CHANGE(StatusChangeDecoder.TEMPLATE_ID, "status", StatusChangeDecoder.BLOCK_LENGTH),
    HAVE_SET(HaveSetDecoder.TEMPLATE_ID, "have_set", HaveSetDecoder.BLOCK_LENGTH),
    VALIDATION(ValidationDecoder.TEMPLATE_ID, "validation", ValidationDecoder.BLOCK_LENGTH),
    GET_OBJECTS(GetObjectsDecoder.TEMPLATE_ID, "get_objects", GetObjectsDecoder.BLOCK_LENGTH);

    private static final MessageType[] BY_ID = new MessageType[64];

    static {
        for (MessageType t : values()) {
            BY_ID[t.templateId] = t;
        }
    }

    private final int templateId;
    private final String protocolName;
    private final int blockLength;

    MessageType(int templateId, String protocolName, int blockLength) {
        this.templateId = templateId;
        this.protocolName = protocolName;
        this.blockLength = blockLength;
    }

    /** The type of a template id, or null for one this version does not know. */
    public static MessageType of(int templateId) {
        return templateId >= 0 && templateId < BY_ID.length ? BY_ID[templateId] : null;
    }

    public int templateId() {
        return templateId;
    }

    /** stoxumd's name for the message. */
    public String protocolName() {
        return protocolName;
    }

    /** The root block length this version writes; a sender may append fields after it, never less. */
    public int blockLength() {
        return blockLength;
    }

    /** True for the messages that open a connection, which are refused once a session is active. */
    public boolean isHandshake() {
        return this == HELLO || this == REDIRECT || this == REJECTION;
    }
}
