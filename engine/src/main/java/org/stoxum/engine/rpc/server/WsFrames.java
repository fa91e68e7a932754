package org.stoxum.engine.rpc.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Server-side WebSocket framing: unmasked, unfragmented frames, and the handshake key. */
final class WsFrames {

    private static final String HANDSHAKE_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WsFrames() {
    }

    /** One final frame of {@code opcode} carrying {@code payload}. */
    static ByteBuffer frame(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer out = ByteBuffer.allocate(header + length);
        out.put((byte) (0x80 | opcode));
        if (length <= 125) {
            out.put((byte) length);
        } else if (length <= 0xFFFF) {
            out.put((byte) 126);
            out.putShort((short) length);
        } else {
            out.put((byte) 127);
            out.putLong(length);
        }
        out.put(payload);
        return out.flip();
    }

    /** A close frame; {@code code} 0 sends an empty payload (no status). */
    static ByteBuffer close(int code, String reason) {
        if (code == 0) {
            return frame(WsFrameDecoder.OP_CLOSE, new byte[0]);
        }
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + Math.min(text.length, 123)];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, payload.length - 2);
        return frame(WsFrameDecoder.OP_CLOSE, payload);
    }

    /** The Sec-WebSocket-Accept value answering a Sec-WebSocket-Key. */
    static String acceptKey(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + HANDSHAKE_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
