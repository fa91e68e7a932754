package org.stoxum.perf.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A WebSocket connection that pipelines requests: each carries an {@code id}, and answers (which may come
 * in any order) complete the matching future. Messages without an id (stream events) go to a listener.
 *
 * <p>A plain blocking socket with one reader thread, and answers read by {@link LeanJson}: the generator
 * shares the server's two cores, and {@code java.net.http}'s WebSocket (selector, executor hand-offs,
 * UTF-16 text, full trees of every transaction and its metadata) cost it about as much CPU per payment
 * as the server spent applying it.
 */
public final class WsRpcClient implements RpcClient {
    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_TEXT = 0x1;
    private static final int OP_BINARY = 0x2;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final Consumer<JsonNode> events;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile boolean closing;

    private WsRpcClient(URI uri, Consumer<JsonNode> events) throws IOException {
        this.events = events;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        out = socket.getOutputStream();
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        handshake(uri);
        Thread reader = new Thread(this::readLoop, "ws-reader-" + uri.getPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a connection; {@code events} receives every message that answers no request. */
    public static WsRpcClient open(URI uri, Consumer<JsonNode> events) {
        try {
            return new WsRpcClient(uri, events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + uri, e);
        }
    }

    @Override
    public CompletableFuture<JsonNode> call(ObjectNode request) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            send(OP_TEXT, JSON.writeValueAsBytes(request.deepCopy().put("id", id)));
        } catch (IOException e) {
            failPending(id, e);
        }
        return answer;
    }

    /** Requests not yet answered. */
    public int inFlight() {
        return pending.size();
    }

    @Override
    public void close() {
        closing = true;
        try {
            send(OP_CLOSE, new byte[] {0x03, (byte) 0xE8});
            socket.close();
        } catch (IOException e) {
            // already gone
        }
        pending.values().forEach(f -> f.completeExceptionally(new IOException("connection closed")));
    }

    private void handshake(URI uri) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the WebSocket handshake");
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("WebSocket upgrade refused: " + head.toString().lines().findFirst().orElse(""));
        }
    }

    /** One masked frame, written whole under the stream's lock (senders and the closer share the socket). */
    private void send(int opcode, byte[] payload) throws IOException {
        int n = payload.length;
        int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + n];
        frame[0] = (byte) (0x80 | opcode);
        if (n < 126) {
            frame[1] = (byte) (0x80 | n);
        } else if (n < 65536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[header + i] = (byte) (mask >>> (24 - 8 * i));
        }
        for (int i = 0; i < n; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ frame[header + (i & 3)]);
        }
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    private void readLoop() {
        byte[] message = new byte[0];
        int length = 0;
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                int opcode = b0 & 0x0F;
                long n = b1 & 0x7F;
                if (n == 126) {
                    n = in.readUnsignedShort();
                } else if (n == 127) {
                    n = in.readLong();
                }
                if (n > Integer.MAX_VALUE - length) {
                    throw new IOException("frame too large: " + n);
                }
                byte[] mask = null;
                if ((b1 & 0x80) != 0) {
                    mask = new byte[4];
                    in.readFully(mask);
                }
                if (opcode == OP_TEXT || opcode == OP_BINARY || opcode == OP_CONTINUATION) {
                    if (length + n > message.length) {
                        message = Arrays.copyOf(message, Math.max(message.length * 2, length + (int) n));
                    }
                    in.readFully(message, length, (int) n);
                    unmask(message, length, (int) n, mask);
                    length += (int) n;
                    if ((b0 & 0x80) != 0) {
                        dispatch(message, length);
                        length = 0;
                    }
                    continue;
                }
                byte[] control = new byte[(int) n];
                in.readFully(control);
                unmask(control, 0, control.length, mask);
                if (opcode == OP_CLOSE) {
                    throw new EOFException("closed by the server");
                }
                if (opcode == OP_PING) {
                    send(0xA, control);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                // Say so: a stream subscription cut by the server (e.g. its send_queue_limit) would otherwise
                // show only as transactions never seen validated.
                System.err.printf("%nthe server closed a WebSocket connection: %s%n", e.getMessage());
            }
            IOException why = closing ? new IOException("connection closed") : e;
            pending.values().forEach(f -> f.completeExceptionally(why));
        }
    }

    private static void unmask(byte[] data, int from, int n, byte[] mask) {
        if (mask != null) {
            for (int i = 0; i < n; i++) {
                data[from + i] ^= mask[i & 3];
            }
        }
    }

    private void dispatch(byte[] message, int length) throws IOException {
        JsonNode msg = LeanJson.read(message, length);
        JsonNode id = msg.get("id");
        CompletableFuture<JsonNode> f = id == null ? null : pending.remove(id.asLong());
        if (f != null) {
            JsonNode result = msg.get("result");
            if (result == null || !result.isObject()) {
                // rippled puts errors at the top level of a WebSocket answer
                result = msg;
            }
            f.complete(result);
        } else {
            events.accept(msg);
        }
    }

    private void failPending(long id, Throwable err) {
        CompletableFuture<JsonNode> f = pending.remove(id);
        if (f != null) {
            f.completeExceptionally(err);
        }
    }
}
