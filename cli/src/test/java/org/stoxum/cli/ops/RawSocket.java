package org.stoxum.cli.ops;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** A plain socket to a server port, for bytes no well-behaved client would send. */
final class RawSocket implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawSocket(int port, int readTimeoutMillis) throws IOException {
        this(null, port, readTimeoutMillis);
    }

    /** A socket from {@code local} (any 127.x.y.z works on loopback), so the server sees another client. */
    RawSocket(InetAddress local, int port, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        if (local != null) {
            socket.bind(new InetSocketAddress(local, 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(readTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The HTTP status of the next response, or -1 when the server closed without one. */
    int readStatus() throws IOException {
        String line = readLine();
        if (line == null || !line.startsWith("HTTP/1.")) {
            return -1;
        }
        return Integer.parseInt(line.split(" ")[1]);
    }

    /** Reads a whole response head and its Content-Length body; returns the body, or null on close. */
    String readBodyAfterHead() throws IOException {
        int length = 0;
        for (String h = readLine(); h != null; h = readLine()) {
            if (h.isEmpty()) {
                return new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            if (h.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        return null;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
            }
            if (prev == '\r' && b == '\n') {
                byte[] bytes = buf.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            buf.write(b);
            prev = b;
        }
    }

    /** Completes a WebSocket handshake; true when the server switched protocols. */
    boolean upgrade() throws IOException {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");
        int status = readStatus();
        for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
            // the handshake's headers
        }
        return status == 101;
    }

    /** A masked client frame. */
    static byte[] frame(int firstByte, byte[] payload, long claimedLength) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(firstByte);
        if (claimedLength < 126) {
            f.write(0x80 | (int) claimedLength);
        } else if (claimedLength <= 0xFFFF) {
            f.write(0x80 | 126);
            f.write((int) (claimedLength >> 8));
            f.write((int) claimedLength);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) (claimedLength >> (8 * i)));
            }
        }
        byte[] mask = {1, 2, 3, 4};
        f.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        return f.toByteArray();
    }

    /**
     * Reads server frames until a close frame: its status code, or -1 when the connection ended without
     * one. Data frames met on the way are skipped.
     */
    int readCloseCode() throws IOException {
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return -1;
            }
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            if ((b0 & 0x0F) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
            }
        }
    }

    /** The next server frame's text payload (skipping control frames), or null on close. */
    String readText() throws IOException {
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return null;
            }
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            int op = b0 & 0x0F;
            if (op == 0x8) {
                return null;
            }
            if (op == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

    /** True when the server closes the connection within {@code millis}. */
    boolean closedWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (in.read() >= 0) {
                // drain whatever the server still says
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
