package org.stoxum.engine.rpc.server;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** A raw WebSocket client for tests that need to send exact frames or misbehave. */
final class RawWs implements Closeable {

    /** One frame off the wire. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 0;
        }
    }

    final RawHttp http;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWs(RawHttp http) throws IOException {
        this.http = http;
        this.in = new DataInputStream(http.input());
        this.out = http.socket.getOutputStream();
    }

    /** Connects and completes the handshake; fails if the server refuses it. */
    static RawWs connect(InetAddress local, int port) throws IOException {
        RawHttp http = RawHttp.connect(local, port);
        http.write(handshake("dGhlIHNhbXBsZSBub25jZQ==", "13"));
        RawHttp.Response response = http.read();
        if (response.status() != 101) {
            http.close();
            throw new IOException("handshake refused: " + response.statusLine());
        }
        return new RawWs(http);
    }

    static String handshake(String key, String version) {
        return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + (key == null ? "" : "Sec-WebSocket-Key: " + key + "\r\n")
                + "Sec-WebSocket-Version: " + version + "\r\n\r\n";
    }

    void sendText(String text) throws IOException {
        sendFrame(true, 0x1, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Sends one frame, masked unless told otherwise. */
    void sendFrame(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
        sendTogether(frame(fin, opcode, payload, masked));
    }

    /** Sends frames in one write, so that the server reads them together. */
    void sendTogether(byte[]... frames) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            all.write(frame);
        }
        out.write(all.toByteArray());
        out.flush();
    }

    /** One frame's bytes, masked unless told otherwise. */
    static byte[] frame(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length <= 125) {
            frame.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            frame.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] body = payload.clone();
        if (masked) {
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= mask[i & 3];
            }
        }
        frame.write(body);
        return frame.toByteArray();
    }

    Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if ((b1 & 0x80) != 0) {
            throw new IOException("server frames must not be masked");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    /** Reads frames until a data message (skipping pings, which it answers) and returns its text. */
    String readText() throws IOException {
        while (true) {
            Frame f = readFrame();
            if (f.opcode() == 0x9) {
                sendFrame(true, 0xA, f.payload(), true);
                continue;
            }
            if (f.opcode() != 0x1) {
                throw new IOException("expected text, got opcode " + f.opcode());
            }
            return f.text();
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
