package org.stoxum.transport.peer.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.agrona.DirectBuffer;

/**
 * One encoded frame, ready for any number of peers: a broadcast encodes once and every peer's send
 * queue holds the same immutable bytes (as stoxumd shares one {@code Message} between peers).
 */
public final class OutboundMessage {
    private final MessageType type;
    private final byte[] frame;

    private OutboundMessage(MessageType type, byte[] frame) {
        this.type = type;
        this.frame = frame;
    }

    /** Wraps a complete frame (prefix included); the array must not change afterwards. */
    static OutboundMessage ofFrame(MessageType type, byte[] frame) {
        return new OutboundMessage(type, frame);
    }

    /**
     * A frame holding a copy of an SBE message (header and body) found in {@code buffer}, e.g. a
     * received message to relay.
     */
    public static OutboundMessage copyOf(DirectBuffer buffer, int offset, int length) {
        if (length < Frames.HEADER_BYTES) {
            throw new IllegalArgumentException("an SBE message has at least a header");
        }
        byte[] frame = new byte[Frames.LENGTH_BYTES + length];
        ByteBuffer.wrap(frame).order(Frames.ORDER).putInt(0, length);
        buffer.getBytes(offset, frame, Frames.LENGTH_BYTES, length);
        int templateId = buffer.getShort(offset + 2, Frames.ORDER) & 0xFFFF;
        MessageType type = MessageType.of(templateId);
        if (type == null) {
            throw new IllegalArgumentException("unknown template id " + templateId);
        }
        return new OutboundMessage(type, frame);
    }

    public MessageType type() {
        return type;
    }

    /** Bytes on the wire, prefix included. */
    public int frameLength() {
        return frame.length;
    }

    /** Where a frame's bytes go (a TLS session's plaintext input, say). */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /** Hands the whole frame, prefix included, to {@code sink} without copying it. */
    public void writeTo(Sink sink) throws IOException {
        sink.write(frame, 0, frame.length);
    }

    /** A read-only view of the frame, prefix included. */
    public ByteBuffer frame() {
        return ByteBuffer.wrap(frame).asReadOnlyBuffer();
    }

    @Override
    public String toString() {
        return type.protocolName() + "[" + frame.length + " bytes]";
    }
}
