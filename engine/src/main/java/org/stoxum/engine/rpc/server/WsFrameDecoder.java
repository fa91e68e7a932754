package org.stoxum.engine.rpc.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Reads client frames (RFC 6455) incrementally and reassembles fragmented messages.
 *
 * <p>Enforces what a server must: client frames are masked, reserved bits are clear (no extension is
 * negotiated), opcodes are known, control frames are short and unfragmented, fragments continue a
 * message in progress, text is UTF-8, close frames carry a valid code. Violations come back as
 * {@link Failure} with the close code to send. Payloads are unmasked as they stream in, so the input
 * buffer never has to hold a whole frame.
 */
final class WsFrameDecoder {

    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;

    static final int CLOSE_PROTOCOL_ERROR = 1002;
    static final int CLOSE_BAD_PAYLOAD = 1007;
    static final int CLOSE_TOO_BIG = 1009;

    /** What the next call to {@link #next} found. */
    sealed interface Event permits NeedMore, Message, Control, Failure { }

    /** More bytes are needed. */
    record NeedMore() implements Event { }

    /** A complete data message. */
    record Message(boolean text, byte[] payload) implements Event { }

    /** A control frame (close, ping, pong). */
    record Control(int opcode, byte[] payload) implements Event { }

    /** The client broke the protocol; close with {@code code}. */
    record Failure(int code, String reason) implements Event { }

    private static final NeedMore NEED_MORE = new NeedMore();

    private final int maxMessageBytes;

    private boolean inFrame;
    private boolean fin;
    private int opcode;
    private long remaining;
    private final byte[] mask = new byte[4];
    private int maskOffset;
    private byte[] controlPayload;
    private int controlFilled;

    private ByteArrayOutputStream message;
    private boolean messageText;

    WsFrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Consumes bytes from {@code in} (read mode) up to the next event. */
    Event next(ByteBuffer in) {
        while (true) {
            if (!inFrame) {
                Event header = readHeader(in);
                if (header != null) {
                    return header;
                }
            }
            int n = (int) Math.min(in.remaining(), remaining);
            if (n > 0) {
                byte[] chunk = new byte[n];
                in.get(chunk);
                for (int i = 0; i < n; i++) {
                    chunk[i] ^= mask[maskOffset++ & 3];
                }
                if (isControl(opcode)) {
                    System.arraycopy(chunk, 0, controlPayload, controlFilled, n);
                    controlFilled += n;
                } else {
                    message.write(chunk, 0, n);
                }
                remaining -= n;
            }
            if (remaining > 0) {
                return NEED_MORE;
            }
            inFrame = false;
            Event done = frameDone();
            if (done != null) {
                return done;
            }
        }
    }

    /** Parses a frame header; returns an event to report, or null when a frame body starts. */
    private Event readHeader(ByteBuffer in) {
        if (in.remaining() < 2) {
            return NEED_MORE;
        }
        int p = in.position();
        int b0 = in.get(p) & 0xFF;
        int b1 = in.get(p + 1) & 0xFF;
        int lengthBytes = (b1 & 0x7F) == 126 ? 2 : (b1 & 0x7F) == 127 ? 8 : 0;
        int headerLength = 2 + lengthBytes + 4;
        if ((b1 & 0x80) == 0) {
            return new Failure(CLOSE_PROTOCOL_ERROR, "unmasked frame");
        }
        if ((b0 & 0x70) != 0) {
            return new Failure(CLOSE_PROTOCOL_ERROR, "reserved bits set");
        }
        int op = b0 & 0x0F;
        boolean last = (b0 & 0x80) != 0;
        if (op != OP_CONTINUATION && op != OP_TEXT && op != OP_BINARY && !isControl(op)) {
            return new Failure(CLOSE_PROTOCOL_ERROR, "unknown opcode");
        }
        if (isControl(op) && (!last || lengthBytes != 0 || (b1 & 0x7F) > 125)) {
            return new Failure(CLOSE_PROTOCOL_ERROR, "bad control frame");
        }
        if (op == OP_CONTINUATION && message == null) {
            return new Failure(CLOSE_PROTOCOL_ERROR, "continuation without a message");
        }
        if ((op == OP_TEXT || op == OP_BINARY) && message != null) {
            return new Failure(CLOSE_PROTOCOL_ERROR, "new message inside a fragmented one");
        }
        if (in.remaining() < headerLength) {
            return NEED_MORE;
        }
        in.position(p + 2);
        long length = b1 & 0x7F;
        if (lengthBytes == 2) {
            length = in.getShort() & 0xFFFF;
        } else if (lengthBytes == 8) {
            length = in.getLong();
            if (length < 0) {
                return new Failure(CLOSE_PROTOCOL_ERROR, "bad frame length");
            }
        }
        in.get(mask);
        maskOffset = 0;
        if (isControl(op)) {
            controlPayload = new byte[(int) length];
            controlFilled = 0;
        } else {
            long already = message == null ? 0 : message.size();
            if (already + length > maxMessageBytes) {
                return new Failure(CLOSE_TOO_BIG, "message too big");
            }
            if (message == null) {
                message = new ByteArrayOutputStream((int) Math.min(length, 64 * 1024));
                messageText = op == OP_TEXT;
            }
        }
        opcode = op;
        fin = last;
        remaining = length;
        inFrame = true;
        return null;
    }

    /** A frame ended: report a control frame or a finished message, or null to read on. */
    private Event frameDone() {
        if (isControl(opcode)) {
            byte[] payload = controlPayload;
            controlPayload = null;
            if (opcode == OP_CLOSE) {
                Failure bad = checkClosePayload(payload);
                if (bad != null) {
                    return bad;
                }
            }
            return new Control(opcode, payload);
        }
        if (!fin) {
            return null;
        }
        byte[] payload = message.toByteArray();
        boolean text = messageText;
        message = null;
        if (text && !validUtf8(payload, 0, payload.length)) {
            return new Failure(CLOSE_BAD_PAYLOAD, "invalid UTF-8 in text message");
        }
        return new Message(text, payload);
    }

    private static Failure checkClosePayload(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        if (payload.length == 1) {
            return new Failure(CLOSE_PROTOCOL_ERROR, "bad close payload");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!validCloseCode(code)) {
            return new Failure(CLOSE_PROTOCOL_ERROR, "bad close code");
        }
        if (!validUtf8(payload, 2, payload.length - 2)) {
            return new Failure(CLOSE_BAD_PAYLOAD, "invalid UTF-8 in close reason");
        }
        return null;
    }

    /** The close codes a peer may send (RFC 6455 section 7.4). */
    static boolean validCloseCode(int code) {
        if (code >= 1000 && code <= 1013) {
            return code != 1004 && code != 1005 && code != 1006;
        }
        return code >= 3000 && code <= 4999;
    }

    /**
     * Whether the bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
     * U+10FFFF), checked in place: every text message passes here, and decoding it into characters only to
     * learn this was a copy of each request.
     */
    static boolean validUtf8(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int more;
            if (lead >= 0xC2 && lead <= 0xDF) {
                more = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                more = 2;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                more = 3;
            } else {
                return false;
            }
            if (end - i <= more) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                    || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) {
                return false;
            }
            for (int k = 1; k <= more; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }

    private static boolean isControl(int op) {
        return op == OP_CLOSE || op == OP_PING || op == OP_PONG;
    }
}
