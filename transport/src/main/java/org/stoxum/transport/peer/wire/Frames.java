package org.stoxum.transport.peer.wire;

import java.nio.ByteOrder;
import org.stoxum.codec.sbe.MessageHeaderDecoder;

/**
 * The frame layout: a 4-byte little-endian length, then that many bytes of SBE message (the 8-byte
 * message header and the body).
 */
public final class Frames {
    /** Bytes of the length prefix. */
    public static final int LENGTH_BYTES = 4;
    /** Bytes of the SBE message header. */
    public static final int HEADER_BYTES = MessageHeaderDecoder.ENCODED_LENGTH;
    /** Byte order of the prefix and of the SBE fields. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    /**
     * The largest message we accept by default: 64 MiB, rippled's later {@code maximumMessageSize}
     * (stoxumd itself set none, which let a peer make us buffer without bound).
     */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;

    private Frames() {
    }
}
