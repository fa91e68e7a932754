package org.stoxum.transport.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalLong;
import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.transport.peer.handshake.Hello;
import org.stoxum.transport.peer.handshake.ProtocolVersion;
import org.stoxum.transport.peer.handshake.SessionProof;
import org.stoxum.transport.peer.tls.TlsSession;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.FrameReader;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.MalformedFrameException;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * A hand-driven peer for tests that must misbehave: a blocking socket, our TLS session, and frames
 * written and read one at a time. Close it.
 */
public final class RawPeer implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair key;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final TlsSession tls;
    private final byte[] sharedValue;
    private final FrameReader reader = new FrameReader(1 << 26);
    private final ArrayDeque<OutboundMessage> frames = new ArrayDeque<>();
    private final ByteBuffer output = ByteBuffer.allocate(64 * 1024);
    private final byte[] input = new byte[16 * 1024];
    private boolean eof;

    private RawPeer(KeyPair key, Socket socket) throws Exception {
        this.key = key;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.tls = TlsSession.client(RANDOM);
        socket.setSoTimeout(200);
        long deadline = System.nanoTime() + 5_000_000_000L;
        flush();
        while (!tls.isHandshakeComplete()) {
            if (System.nanoTime() > deadline || !readOnce()) {
                throw new IOException("TLS handshake did not complete");
            }
            flush();
        }
        this.sharedValue = SessionProof.sharedValue(tls.channelBinding());
    }

    public static RawPeer connect(InetSocketAddress target, KeyPair key) throws Exception {
        return connect(target, key, null);
    }

    /** Connects from a chosen local address (another loopback address is another host to the overlay). */
    public static RawPeer connect(InetSocketAddress target, KeyPair key, InetAddress from) throws Exception {
        Socket s = new Socket();
        if (from != null) {
            s.bind(new InetSocketAddress(from, 0));
        }
        s.connect(target, 5000);
        s.setTcpNoDelay(true);
        return new RawPeer(key, s);
    }

    /** This session's shared value (what an honest hello signs). */
    byte[] sharedValue() {
        return sharedValue.clone();
    }

    /** An honest hello for this session. */
    public Hello hello() {
        return hello(SessionProof.sign(key, sharedValue), NetworkClock.SYSTEM.now());
    }

    /** A hello with the signature and network time given. */
    Hello hello(byte[] signature, long networkTime) {
        return new Hello(ProtocolVersion.CURRENT, ProtocolVersion.MINIMUM, networkTime, OptionalLong.empty(),
                Optional.empty(), Optional.empty(), key.publicKey(), true, 0, signature, Optional.empty(),
                Optional.empty(), "raw-peer");
    }

    public void send(Hello hello) throws IOException {
        send(hello.encode(new FrameEncoder()));
    }

    public void send(OutboundMessage message) throws IOException {
        message.writeTo(tls::writeApplicationData);
        flush();
    }

    /** Sends bytes as they are, inside TLS. */
    public void sendRaw(byte[] plaintext) throws IOException {
        tls.writeApplicationData(plaintext, 0, plaintext.length);
        flush();
    }

    /** The next message within {@code millis}, or null on close or time-out. */
    public OutboundMessage read(long millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (frames.isEmpty()) {
            if (eof || System.nanoTime() > deadline) {
                return null;
            }
            readOnce();
        }
        return frames.poll();
    }

    /** The next message of {@code type}, skipping others, or null. */
    public OutboundMessage read(MessageType type, long millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            OutboundMessage m = read(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (m == null) {
                return null;
            }
            if (m.type() == type) {
                return m;
            }
        }
        return null;
    }

    /** True when the other side closes the connection within {@code millis}. */
    public boolean closedWithin(long millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!eof && System.nanoTime() < deadline) {
            readOnce();
            frames.clear();
        }
        return eof;
    }

    /** Reads what arrived (or waits up to the socket timeout). False on end of stream. */
    private boolean readOnce() throws IOException {
        int n;
        try {
            n = in.read(input);
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            eof = true;
            return false;
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        try {
            tls.offerInput(input, 0, n);
        } catch (IOException e) {
            eof = true;
            return false;
        }
        int available;
        while ((available = tls.applicationDataAvailable()) > 0) {
            reader.ensureWritable(available);
            reader.commit(tls.readApplicationData(reader.writeArray(), reader.writeOffset(), available));
        }
        try {
            reader.poll(this::keep);
        } catch (MalformedFrameException e) {
            throw new IOException(e);
        }
        if (tls.isClosed()) {
            eof = true;
        }
        flush();
        return !eof;
    }

    private boolean keep(UnsafeBuffer buffer, int offset, int length) {
        frames.add(OutboundMessage.copyOf(buffer, offset, length));
        return true;
    }

    private void flush() throws IOException {
        while (tls.outputAvailable() > 0) {
            output.clear();
            tls.readOutput(output);
            out.write(output.array(), 0, output.position());
        }
        out.flush();
    }

    /** Decodes a copied message for inspection. */
    static InboundMessage view(OutboundMessage message) throws MalformedFrameException {
        ByteBuffer frame = message.frame();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        InboundMessage view = new InboundMessage();
        view.wrap(new UnsafeBuffer(bytes), 4, bytes.length - 4);
        return view;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // test cleanup
        }
    }
}
