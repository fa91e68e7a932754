package org.stoxum.transport.peer.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * Cuts the decrypted byte stream of one connection into messages. Bytes are appended as they arrive;
 * {@link #poll} hands out each complete message in place (no copy), then the consumed bytes are
 * compacted away. The buffer grows with the largest message seen, up to the limit.
 *
 * <p>Not thread-safe: owned by the connection's I/O thread.
 */
public final class FrameReader {
    /** Receives one message in place: {@code length} bytes of SBE header and body at {@code offset}. */
    @FunctionalInterface
    public interface MessageSink {
        /** @return false to stop polling (the connection is closing) */
        boolean onMessage(UnsafeBuffer buffer, int offset, int length) throws MalformedFrameException;
    }

    private static final int INITIAL_CAPACITY = 4096;
    /** An idle buffer larger than this (grown for one big message) is given back. */
    private static final int SHRINK_ABOVE = 1 << 20;

    private final int maxMessageBytes;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[INITIAL_CAPACITY]);
    private int readPosition;
    private int writePosition;

    /** A reader that refuses messages longer than {@code maxMessageBytes}. */
    public FrameReader(int maxMessageBytes) {
        if (maxMessageBytes < Frames.HEADER_BYTES) {
            throw new IllegalArgumentException("maxMessageBytes below a message header");
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Room for {@code n} more bytes at {@link #writeArray()}/{@link #writeOffset()}. */
    public void ensureWritable(int n) {
        byte[] array = buffer.byteArray();
        if (array.length - writePosition >= n) {
            return;
        }
        compact();
        if (array.length - writePosition >= n) {
            return;
        }
        int needed = writePosition + n;
        int capacity = array.length;
        while (capacity < needed) {
            capacity = capacity > (Integer.MAX_VALUE >> 1) ? Integer.MAX_VALUE - 8 : capacity << 1;
        }
        byte[] grown = new byte[capacity];
        System.arraycopy(array, 0, grown, 0, writePosition);
        buffer.wrap(grown);
    }

    /** The array to append into, at {@link #writeOffset()}, after {@link #ensureWritable}. */
    public byte[] writeArray() {
        return buffer.byteArray();
    }

    public int writeOffset() {
        return writePosition;
    }

    /** How many bytes may be appended without growing. */
    public int writableBytes() {
        return buffer.byteArray().length - writePosition;
    }

    /** Records that {@code n} bytes were appended at the write offset. */
    public void commit(int n) {
        writePosition += n;
    }

    /** Bytes received and not yet handed out. */
    public int pending() {
        return writePosition - readPosition;
    }

    /**
     * Hands each complete message to the sink, in order.
     *
     * @return the number of messages handed out
     * @throws MalformedFrameException for a length prefix beyond the limit, or whatever the sink throws
     */
    public int poll(MessageSink sink) throws MalformedFrameException {
        int count = 0;
        while (writePosition - readPosition >= Frames.LENGTH_BYTES) {
            long length = buffer.getInt(readPosition, Frames.ORDER) & 0xFFFF_FFFFL;
            if (length > maxMessageBytes) {
                throw new MalformedFrameException(Charge.INVALID_REQUEST, "message of " + length
                        + " bytes exceeds the limit of " + maxMessageBytes);
            }
            if (length < Frames.HEADER_BYTES) {
                throw new MalformedFrameException(Charge.INVALID_REQUEST, "message of " + length + " bytes");
            }
            if (writePosition - readPosition - Frames.LENGTH_BYTES < length) {
                break;
            }
            int offset = readPosition + Frames.LENGTH_BYTES;
            readPosition = offset + (int) length;
            count++;
            if (!sink.onMessage(buffer, offset, (int) length)) {
                break;
            }
        }
        if (readPosition == writePosition) {
            readPosition = 0;
            writePosition = 0;
            if (buffer.byteArray().length > SHRINK_ABOVE) {
                buffer.wrap(new byte[INITIAL_CAPACITY]);
            }
        }
        return count;
    }

    private void compact() {
        if (readPosition == 0) {
            return;
        }
        byte[] array = buffer.byteArray();
        System.arraycopy(array, readPosition, array, 0, writePosition - readPosition);
        writePosition -= readPosition;
        readPosition = 0;
    }
}
