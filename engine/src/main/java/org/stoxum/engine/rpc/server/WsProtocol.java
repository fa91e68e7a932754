package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.json.RippledJsonWriter;
import org.stoxum.engine.rpc.server.resource.ResourceConsumer;

/**
 * WebSocket on one connection after the upgrade, and the session the dispatcher keeps for pushes.
 *
 * <p>Up to {@link #MAX_IN_FLIGHT} requests are handled at once and answered in the order they were read
 * ({@link WsAnswerOrder}); with that many in flight the next message is not read (and, the input buffer
 * filling, neither is the socket) until the oldest answer leaves. A client therefore sees the answers, and
 * the close after a {@code slowDown} or after its own close frame, in the sequence the original's
 * one-at-a-time handling gives. Every outgoing message (answers and pushes alike) counts against the
 * port's send_queue_limit; a client that lets more pile up is sent close 4000 "Client is too slow."
 * and cut. An idle client is pinged every timeout period and dropped if the previous ping got no pong.
 */
final class WsProtocol implements Protocol, WsSession {

    private static final Logger LOG = LoggerFactory.getLogger(WsProtocol.class);

    /** Close code for a client that does not keep up. */
    static final int CLOSE_TOO_SLOW = 4000;
    private static final int CLOSE_GOING_AWAY = 1001;
    private static final int SEC_WS_KEY_MAX = 24;

    /**
     * Requests of one session handled at once. stoxumd (rippled 0.90) reads a session's next message only
     * after answering the previous one, so a pipelining client got one request per round of thread
     * hand-offs and every hand-off woke a sleeping thread for a single item; newer rippled handles a
     * session's messages concurrently. 32 keeps the stages fed for a client that pipelines (the load
     * generator keeps 16 in flight per connection) while bounding what one client makes the server hold:
     * 32 dispatched requests and their answers, plus the input buffer.
     */
    static final int MAX_IN_FLIGHT = 32;

    private enum State { OPEN, CLOSE_SENT, CLOSED }

    private final Connection connection;
    private final long id;
    private final ResourceConsumer consumer;
    private final WsExchange exchanges;
    private final WsFrameDecoder decoder;
    private final long keepAliveNanos;
    private final List<Runnable> closeListeners = new ArrayList<>();

    private volatile boolean open = true;
    private State state = State.OPEN;
    private final WsAnswerOrder answers = new WsAnswerOrder();
    /** What to do once every request in flight is answered (the client's close, a protocol error). */
    private Runnable afterAnswers;
    /** A request read ends the session once answered (slowDown, a refused dispatch): read no further. */
    private boolean lastRequestRead;
    /** onInput stopped while input may remain: offer it again when an answer leaves. */
    private boolean inputHeld;
    private long timerStart;
    private boolean awaitingPong;
    private long closeDeadline;

    WsProtocol(Connection connection, HttpRequest upgrade) {
        this.connection = connection;
        ServerContext context = connection.context;
        PortConfig port = connection.port.config;
        this.id = context.ids().incrementAndGet();
        String xUser = upgrade.header("X-User");
        boolean identified = RoleResolver.isIdentified(port, connection.remote.getAddress(), xUser);
        String user = identified ? xUser : "";
        String forwardedFor = identified ? upgrade.header("X-Forwarded-For") : "";
        Role role = RoleResolver.requestRole(Role.GUEST, port, JsonNodeFactory.instance.objectNode(),
                connection.remote.getAddress(), user);
        this.consumer = role.isUnlimited()
                ? context.resources().newUnlimitedEndpoint(connection.remote.getAddress())
                : context.resources().newInboundEndpoint(connection.remote.getAddress());
        this.exchanges = new WsExchange(context, port, this, user, forwardedFor);
        this.decoder = new WsFrameDecoder(context.options().maxWebSocketMessageBytes());
        this.keepAliveNanos = context.timeoutNanos(connection.remote);
        this.timerStart = System.nanoTime();
        connection.clearReadDeadline();
    }

    /**
     * Why an upgrade request cannot be accepted, checked as the original's WebSocket library checks
     * it: null when acceptable, "" when the version is not 13 (426), else the 400 body.
     */
    static String handshakeRefusal(HttpRequest request) {
        if (!request.hasHeader("Host")) {
            return "Missing Host";
        }
        if (!request.hasHeader("Sec-WebSocket-Key")) {
            return "Missing Sec-WebSocket-Key";
        }
        if (request.header("Sec-WebSocket-Key").length() > SEC_WS_KEY_MAX) {
            return "Invalid Sec-WebSocket-Key";
        }
        String version = request.header("Sec-WebSocket-Version");
        if (version.isEmpty()) {
            return "Missing Sec-WebSocket-Version";
        }
        return version.equals("13") ? null : "";
    }

    // ---- Protocol (loop thread) ----

    @Override
    public void onInput(ByteBuffer in) {
        while (state != State.CLOSED && !connection.isClosing()) {
            if (holdingInput()) {
                inputHeld = true;
                return;
            }
            WsFrameDecoder.Event event = decoder.next(in);
            if (event instanceof WsFrameDecoder.NeedMore) {
                return;
            }
            if (event instanceof WsFrameDecoder.Failure failure) {
                LOG.debug("WebSocket protocol error from {}: {}", connection.remote, failure.reason());
                connection.context.metrics().webSocketErrors().inc();
                afterAnswersIn(() -> fail(failure.code(), failure.reason()));
                return;
            }
            if (event instanceof WsFrameDecoder.Control control) {
                onControl(control);
            } else if (state == State.OPEN) {
                WsAnswerOrder.Slot slot = answers.open();
                lastRequestRead = exchanges.start(((WsFrameDecoder.Message) event).payload(), slot);
            }
        }
    }

    /**
     * True while the next frame must wait: the session is at its limit of requests in flight, or what was
     * read already ends it (then frames after it are read only once we have sent our close).
     */
    private boolean holdingInput() {
        return state == State.OPEN && (afterAnswers != null || lastRequestRead
                || answers.inFlight() >= MAX_IN_FLIGHT);
    }

    /**
     * Runs {@code action} once the requests read before it are answered, as when each request was answered
     * before the next frame was read; no frame is read meanwhile.
     */
    private void afterAnswersIn(Runnable action) {
        if (answers.isEmpty() || state != State.OPEN) {
            action.run();
        } else {
            afterAnswers = action;
        }
    }

    private void onControl(WsFrameDecoder.Control control) {
        switch (control.opcode()) {
            case WsFrameDecoder.OP_PING -> {
                if (state == State.OPEN) {
                    write(WsFrames.frame(WsFrameDecoder.OP_PONG, control.payload()), false);
                }
            }
            case WsFrameDecoder.OP_PONG -> awaitingPong = false;
            default -> afterAnswersIn(() -> onCloseFrame(control.payload()));
        }
    }

    /** The client sent close: answer it (echoing its code) and end, or end if we had sent ours. */
    private void onCloseFrame(byte[] payload) {
        if (state == State.OPEN) {
            int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 0;
            write(WsFrames.close(code, ""), false);
            state = State.CLOSE_SENT;
            dropAnswers();
            markClosed();
        }
        connection.closeAfterFlush();
    }

    @Override
    public void onEndOfInput() {
        markClosed();
        connection.close();
    }

    @Override
    public void onTick(long now) {
        if (state == State.CLOSE_SENT) {
            if (now - closeDeadline >= 0) {
                connection.close();
            }
            return;
        }
        if (!answers.isEmpty()) {
            // A client waiting for answers is not idle (and its pong may sit unread behind held input).
            timerStart = now;
            awaitingPong = false;
            return;
        }
        if (state != State.OPEN || now - timerStart < keepAliveNanos) {
            return;
        }
        if (awaitingPong) {
            LOG.debug("WebSocket client {} did not answer a ping", connection.remote);
            markClosed();
            connection.close();
            return;
        }
        awaitingPong = true;
        write(WsFrames.frame(WsFrameDecoder.OP_PING, new byte[0]), false);
    }

    @Override
    public void onShutdown() {
        startClose(CLOSE_GOING_AWAY, "");
    }

    @Override
    public void onClosed() {
        state = State.CLOSED;
        dropAnswers();
        markClosed();
    }

    // ---- called on the loop by WsExchange ----

    /** Queues an answer or push; enforces the send queue limit. */
    void enqueue(byte[] json) {
        if (state != State.OPEN || connection.isClosing()) {
            return;
        }
        if (connection.queuedMessages() > connection.port.config.sendQueueLimit()) {
            LOG.info("closing slow WebSocket client {}", connection.remote);
            connection.dropQueuedExceptInFlight();
            startClose(CLOSE_TOO_SLOW, "Client is too slow.");
            return;
        }
        write(WsFrames.frame(WsFrameDecoder.OP_TEXT, json), true);
    }

    /**
     * The answer to the request of {@code slot} is ready ({@code answer} null: none, the session closes):
     * sends every answer now first in request order, then reads on if input was held.
     */
    void answered(WsAnswerOrder.Slot slot, byte[] answer, boolean thenClose) {
        if (!answers.complete(slot, answer, thenClose)) {
            return;
        }
        for (WsAnswerOrder.Slot next = answers.poll(); next != null; next = answers.poll()) {
            if (next.answer() != null) {
                enqueue(next.answer());
            }
            if (next.thenClose()) {
                startClose(0, "");
            }
        }
        if (afterAnswers != null && answers.isEmpty()) {
            Runnable action = afterAnswers;
            afterAnswers = null;
            action.run();
        }
        if (inputHeld && state != State.CLOSED && !connection.isClosing()) {
            inputHeld = false;
            connection.deliverInput();
        }
    }

    /** Starts a close we initiate; {@code code} 0 sends no status. */
    void startClose(int code, String reason) {
        if (state != State.OPEN) {
            return;
        }
        write(WsFrames.close(code, reason), false);
        state = State.CLOSE_SENT;
        dropAnswers();
        closeDeadline = System.nanoTime() + connection.context.options().closeGrace().toNanos();
        markClosed();
    }

    private void fail(int code, String reason) {
        if (state == State.OPEN) {
            write(WsFrames.close(code, reason), false);
            state = State.CLOSE_SENT;
            dropAnswers();
        }
        markClosed();
        connection.closeAfterFlush();
    }

    /**
     * Once a close is under way no further answer is sent: forget those still to come. A close frame or
     * protocol error that was waiting for them is handled now, as it arrived after our close.
     */
    private void dropAnswers() {
        answers.clear();
        lastRequestRead = false;
        Runnable waiting = afterAnswers;
        afterAnswers = null;
        if (waiting != null) {
            waiting.run();
        }
    }

    private void write(ByteBuffer frame, boolean message) {
        timerStart = System.nanoTime();
        connection.send(frame, message);
    }

    private void markClosed() {
        List<Runnable> toRun;
        synchronized (closeListeners) {
            if (!open) {
                return;
            }
            open = false;
            toRun = new ArrayList<>(closeListeners);
            closeListeners.clear();
        }
        for (Runnable listener : toRun) {
            runListener(listener);
        }
    }

    private void runListener(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warn("WebSocket close listener failed", e);
        }
    }

    // ---- WsSession (any thread) ----

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remote;
    }

    @Override
    public ResourceConsumer consumer() {
        return consumer;
    }

    @Override
    public boolean send(JsonNode message) {
        if (!open) {
            return false;
        }
        byte[] bytes = RippledJsonWriter.streamedBytes(message);
        connection.loop.execute(() -> enqueue(bytes));
        return true;
    }

    @Override
    public void close() {
        connection.loop.execute(() -> startClose(0, ""));
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void onClose(Runnable listener) {
        synchronized (closeListeners) {
            if (open) {
                closeListeners.add(listener);
                return;
            }
        }
        runListener(listener);
    }

    /** Posts {@code task} to this session's loop. */
    void onLoop(Runnable task) {
        connection.loop.execute(task);
    }
}
