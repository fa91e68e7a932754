package org.stoxum.transport.peer.wire;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;
import org.stoxum.codec.sbe.MessageHeaderEncoder;

/**
 * Builds frames with the generated SBE encoders over one reusable buffer:
 * {@code begin(encoder)} writes the header and wraps the encoder; the caller fills it in schema
 * order; {@code finish(encoder)} copies the frame out as an {@link OutboundMessage}.
 *
 * <p>Not thread-safe: keep one per thread (encoders are flyweights and can be kept alongside).
 */
public final class FrameEncoder {
    private static final int INITIAL_CAPACITY = 1024;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    /** Writes the message header for {@code encoder} and wraps it just after, ready to fill. */
    public <E extends MessageEncoderFlyweight> E begin(E encoder) {
        header.wrap(buffer, Frames.LENGTH_BYTES)
                .blockLength(encoder.sbeBlockLength())
                .templateId(encoder.sbeTemplateId())
                .schemaId(encoder.sbeSchemaId())
                .version(encoder.sbeSchemaVersion());
        encoder.wrap(buffer, Frames.LENGTH_BYTES + Frames.HEADER_BYTES);
        return encoder;
    }

    /** The frame holding what {@code encoder} wrote since {@link #begin}. */
    public OutboundMessage finish(MessageEncoderFlyweight encoder) {
        int messageLength = Frames.HEADER_BYTES + encoder.encodedLength();
        buffer.putInt(0, messageLength, Frames.ORDER);
        byte[] frame = new byte[Frames.LENGTH_BYTES + messageLength];
        buffer.getBytes(0, frame);
        MessageType type = MessageType.of(encoder.sbeTemplateId());
        if (type == null) {
            throw new IllegalArgumentException("template " + encoder.sbeTemplateId() + " is not a peer message");
        }
        return OutboundMessage.ofFrame(type, frame);
    }
}
