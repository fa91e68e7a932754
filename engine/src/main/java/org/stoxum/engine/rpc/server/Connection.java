package org.stoxum.engine.rpc.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket, owned by one {@link IoLoop}: every method runs on that loop's thread.
 *
 * <p>Input goes into a fixed buffer the current {@link Protocol} consumes; when the protocol leaves it
 * full (busy with a request) reading pauses, so a client cannot make the server buffer without bound.
 * Output is a queue of buffers written as the socket accepts them; a client that stops reading is
 * cut once it has made no progress for its timeout. A graceful close writes what is queued, shuts the
 * sending side and discards input until the client closes too (so the client reads the last answer
 * rather than a reset), but never for longer than the close grace.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private record Outgoing(ByteBuffer bytes, boolean message) { }

    /** Queued buffers that make a connection write at once rather than at the end of the loop's pass. */
    private static final int FLUSH_AT = 16;

    final IoLoop loop;
    final SocketChannel channel;
    final PortRuntime port;
    final InetSocketAddress remote;
    final ServerContext context;

    private final ByteBuffer in;
    private final ArrayDeque<Outgoing> out = new ArrayDeque<>();
    private final ByteBuffer[] gather = new ByteBuffer[64];
    private SelectionKey key;
    private Protocol protocol;
    private int queuedMessages;
    private boolean inputEnded;
    private boolean closing;
    private boolean draining;
    private boolean closed;
    private boolean flushPending;
    private long readDeadline;
    private long writeDeadline;
    private long closeDeadline;

    Connection(IoLoop loop, SocketChannel channel, PortRuntime port, InetSocketAddress remote, ServerContext context) {
        this.loop = loop;
        this.channel = channel;
        this.port = port;
        this.remote = remote;
        this.context = context;
        this.in = ByteBuffer.allocate(Math.max(16 * 1024, 2 * context.options().maxHeaderBytes() + 8));
    }

    /** Registers with the loop's selector and starts reading with {@code first}. */
    void start(SelectionKey selectionKey, Protocol first) {
        this.key = selectionKey;
        this.protocol = first;
        context.metrics().open().incrementAndGet();
    }

    /** Replaces the protocol (HTTP to WebSocket); unread input goes to the new one. */
    void switchProtocol(Protocol next) {
        this.protocol = next;
    }

    boolean isClosed() {
        return closed;
    }

    /** True once closing has begun: no more input is handled. */
    boolean isClosing() {
        return closing || closed;
    }

    boolean inputEnded() {
        return inputEnded;
    }

    /** True when no unread input is buffered. */
    boolean inputEmpty() {
        return in.position() == 0;
    }

    int queuedMessages() {
        return queuedMessages;
    }

    void setReadDeadline(long nanosFromNow) {
        readDeadline = System.nanoTime() + nanosFromNow;
    }

    void clearReadDeadline() {
        readDeadline = 0;
    }

    /** Called by the loop when the selector reports the socket ready. */
    void onReady() {
        try {
            if (key.isValid() && key.isWritable()) {
                flush();
            }
            if (!closed && key.isValid() && key.isReadable()) {
                read();
            }
        } catch (RuntimeException e) {
            LOG.warn("connection from {} failed", remote, e);
            close();
        }
    }

    private void read() {
        if (draining) {
            discardInput();
            return;
        }
        boolean ended = false;
        try {
            while (in.hasRemaining()) {
                int room = in.remaining();
                int n = channel.read(in);
                if (n < 0) {
                    ended = true;
                    break;
                }
                // A short read drained the socket: asking again would only return 0 (one more system call).
                if (n < room) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.debug("read from {} failed: {}", remote, e.getMessage());
            close();
            return;
        }
        deliverInput();
        if (ended && !inputEnded && !closed) {
            inputEnded = true;
            protocol.onEndOfInput();
        }
        updateInterest();
    }

    private void discardInput() {
        ByteBuffer scratch = ByteBuffer.allocate(4096);
        try {
            while (true) {
                scratch.clear();
                int n = channel.read(scratch);
                if (n < 0) {
                    close();
                    return;
                }
                if (n == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            close();
        }
    }

    /** Offers the buffered input to the protocol again (after it finished a request). */
    void deliverInput() {
        if (closed || closing) {
            return;
        }
        Protocol before;
        do {
            before = protocol;
            in.flip();
            try {
                protocol.onInput(in);
            } finally {
                in.compact();
            }
        } while (protocol != before && !closed && !closing && in.position() > 0);
        updateInterest();
    }

    /** Queues bytes for the client. {@code message} marks a WebSocket message counted against the queue limit. */
    void send(ByteBuffer bytes, boolean message) {
        if (closed) {
            return;
        }
        out.add(new Outgoing(bytes, message));
        if (message) {
            queuedMessages++;
        }
        if (out.size() >= FLUSH_AT) {
            flush();
        } else if (!flushPending) {
            flushPending = true;
            loop.flushLater(this);
        }
    }

    /** The loop's end-of-pass flush of what {@link #send} queued. */
    void flushPending() {
        flushPending = false;
        if (!closed && !out.isEmpty()) {
            flush();
        }
    }

    void send(byte[] bytes) {
        send(ByteBuffer.wrap(bytes), false);
    }

    /** Drops every queued buffer except one already partly written (a slow WebSocket client). */
    void dropQueuedExceptInFlight() {
        Iterator<Outgoing> it = out.iterator();
        boolean first = true;
        while (it.hasNext()) {
            Outgoing o = it.next();
            if (first && o.bytes().position() > 0) {
                first = false;
                continue;
            }
            first = false;
            it.remove();
            if (o.message()) {
                queuedMessages--;
            }
        }
    }

    private void flush() {
        try {
            while (!out.isEmpty()) {
                int n = Math.min(out.size(), gather.length);
                Iterator<Outgoing> it = out.iterator();
                for (int i = 0; i < n; i++) {
                    gather[i] = it.next().bytes();
                }
                long written = channel.write(gather, 0, n);
                Arrays.fill(gather, 0, n, null);
                if (written > 0) {
                    writeDeadline = System.nanoTime() + context.timeoutNanos(remote);
                }
                while (!out.isEmpty() && !out.peek().bytes().hasRemaining()) {
                    if (out.poll().message()) {
                        queuedMessages--;
                    }
                }
                if (written == 0 || (!out.isEmpty() && out.peek().bytes().position() > 0)) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.debug("write to {} failed: {}", remote, e.getMessage());
            close();
            return;
        }
        if (out.isEmpty()) {
            writeDeadline = 0;
            if (closing && !draining) {
                finishOutput();
                return;
            }
        } else if (writeDeadline == 0) {
            writeDeadline = System.nanoTime() + context.timeoutNanos(remote);
        }
        updateInterest();
    }

    /** Closes once everything queued is written (or the close grace runs out). Input is ignored from now. */
    void closeAfterFlush() {
        if (closed || closing) {
            return;
        }
        closing = true;
        closeDeadline = System.nanoTime() + context.options().closeGrace().toNanos();
        if (out.isEmpty()) {
            finishOutput();
        } else {
            updateInterest();
        }
    }

    /** Everything is written: shut the sending side and wait for the client to go. */
    private void finishOutput() {
        if (inputEnded) {
            close();
            return;
        }
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            close();
            return;
        }
        draining = true;
        updateInterest();
    }

    /** Closes now, dropping anything unsent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        out.clear();
        queuedMessages = 0;
        if (key != null) {
            key.cancel();
            context.metrics().open().decrementAndGet();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", remote, e.getMessage());
        }
        loop.forget(this);
        port.release();
        if (protocol != null) {
            try {
                protocol.onClosed();
            } catch (RuntimeException e) {
                LOG.warn("close handling for {} failed", remote, e);
            }
        }
    }

    /** Checks the deadlines and the protocol's timers. */
    void tick(long now) {
        if (closed) {
            return;
        }
        if ((closing && now - closeDeadline >= 0)
                || (readDeadline != 0 && now - readDeadline >= 0)
                || (writeDeadline != 0 && now - writeDeadline >= 0)) {
            LOG.debug("connection from {} timed out", remote);
            close();
            return;
        }
        protocol.onTick(now);
    }

    /** The server is stopping. */
    void shutdown() {
        if (!closed) {
            protocol.onShutdown();
        }
    }

    private void updateInterest() {
        if (closed || key == null || !key.isValid()) {
            return;
        }
        int ops = 0;
        if (draining || (!closing && !inputEnded && in.hasRemaining())) {
            ops |= SelectionKey.OP_READ;
        }
        if (!out.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }
}
