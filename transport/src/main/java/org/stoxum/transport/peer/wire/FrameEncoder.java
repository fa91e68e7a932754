package org.stoxum.transport.peer.wire;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.stoxum.codec.sbe.MessageHeaderEncoder;

/**
 * Builds frames with the generated SBE encoders over one reusable buffer: wrap an encoder with
 * {@code encoder.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header())}, fill it in
 * schema order, then {@code frames.finish(encoder.limit())} copies the frame out as an
 * {@link OutboundMessage}. Every group and variable-length field must be written, empty ones too
 * ({@code count(0)}, {@code putX(bytes, 0, 0)}): a message that stops early is malformed to its
 * receiver, which disconnects us.
 *
 * <p>Not thread-safe: keep one per thread (encoders are flyweights and can be kept alongside).
 */
public final class FrameEncoder {
    private static final int INITIAL_CAPACITY = 1024;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    /** The buffer to wrap an encoder over, at {@link Frames#LENGTH_BYTES}. */
    public MutableDirectBuffer buffer() {
        return buffer;
    }

    /** The header encoder to pass to {@code wrapAndApplyHeader}. */
    public MessageHeaderEncoder header() {
        return header;
    }

    /**
     * The frame of the message just written.
     *
     * @param limit the encoder's {@code limit()} once every field is written: where the message ends
     */
    public OutboundMessage finish(int limit) {
        int messageLength = limit - Frames.LENGTH_BYTES;
        if (messageLength < Frames.HEADER_BYTES) {
            throw new IllegalArgumentException("no message was written");
        }
        buffer.putInt(0, messageLength, Frames.ORDER);
        int templateId = buffer.getShort(Frames.LENGTH_BYTES + 2, Frames.ORDER) & 0xFFFF;
        MessageType type = MessageType.of(templateId);
        if (type == null) {
            throw new IllegalArgumentException("template " + templateId + " is not a peer message");
        }
        byte[] frame = new byte[limit];
        buffer.getBytes(0, frame);
        return OutboundMessage.ofFrame(type, frame);
    }
}
