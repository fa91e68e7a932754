package org.stoxum.transport.peer;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.sbe.Bool;
import org.stoxum.codec.sbe.EndpointsDecoder;
import org.stoxum.codec.sbe.GetLedgerDecoder;
import org.stoxum.codec.sbe.GetObjectsDecoder;
import org.stoxum.codec.sbe.HaveSetDecoder;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.sbe.NodeEvent;
import org.stoxum.codec.sbe.ObjectType;
import org.stoxum.codec.sbe.PingDecoder;
import org.stoxum.codec.sbe.PingEncoder;
import org.stoxum.codec.sbe.PingType;
import org.stoxum.codec.sbe.ProposeLedgerDecoder;
import org.stoxum.codec.sbe.RedirectDecoder;
import org.stoxum.codec.sbe.StatusChangeDecoder;
import org.stoxum.codec.sbe.TxSetStatus;
import org.stoxum.codec.types.Hash256;
import org.stoxum.transport.peer.finder.Endpoint;
import org.stoxum.transport.peer.finder.PeerFinder;
import org.stoxum.transport.peer.finder.Slot;
import org.stoxum.transport.peer.handshake.HandshakeException;
import org.stoxum.transport.peer.handshake.Hello;
import org.stoxum.transport.peer.handshake.IpAddresses;
import org.stoxum.transport.peer.handshake.ProtocolVersion;
import org.stoxum.transport.peer.handshake.SessionProof;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.resource.Disposition;
import org.stoxum.transport.peer.resource.PeerConsumer;
import org.stoxum.transport.peer.tls.TlsSession;
import org.stoxum.transport.peer.wire.FrameReader;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.MalformedFrameException;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer link, from the TCP connect or accept to the close: TLS, the hello exchange, then framed
 * messages both ways (stoxumd's ConnectAttempt and PeerImp in one state machine).
 *
 * <p>Everything but the {@link Peer} methods runs on the overlay's I/O thread.
 */
final class PeerConnection implements Peer, FrameReader.MessageSink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

    /** Messages queued above which we refuse queries (stoxumd Tuning::dropSendQueue). */
    static final int DROP_SEND_QUEUE = 192;
    /** A send queue below this is healthy (Tuning::targetSendQueue). */
    static final int TARGET_SEND_QUEUE = 128;
    /** Timer intervals a send queue may stay large before we disconnect (Tuning::sendqIntervals). */
    static final int SEND_QUEUE_INTERVALS = 4;
    /** Timer intervals without a pong before we disconnect (Tuning::noPing). */
    static final int NO_PING_INTERVALS = 10;
    /** A validation shorter than this is malformed. */
    static final int MIN_VALIDATION_BYTES = 50;
    /** Bounds of a proposal signature. */
    static final int MIN_PROPOSAL_SIGNATURE = 56;
    static final int MAX_PROPOSAL_SIGNATURE = 128;
    /** Transaction sets remembered per peer. */
    static final int RECENT_TX_SETS = 128;

    private static final int NET_BUFFER_BYTES = 16 * 1024;

    private enum Phase { CONNECTING, TLS, HELLO, ACTIVE, CLOSED }

    private final OverlayLoop overlay;
    private final long id;
    private final SocketChannel channel;
    private final boolean inbound;
    private final Slot slot;
    private final PeerConsumer consumer;
    private final InetSocketAddress remote;
    private final FrameReader reader;
    private final ArrayDeque<OutboundMessage> sendQueue = new ArrayDeque<>();
    private final ByteBuffer netIn = ByteBuffer.allocate(NET_BUFFER_BYTES);
    private final ByteBuffer netOut = ByteBuffer.allocate(2 * NET_BUFFER_BYTES).flip();
    private final long deadline;
    private final ArrayDeque<Hash256> recentTxSets = new ArrayDeque<>();

    private SelectionKey key;
    private TlsSession tls;
    private Phase phase;
    private boolean closeWhenFlushed;
    private byte[] sharedValue;

    private volatile PublicKey publicKey;
    private volatile boolean cluster;
    private volatile boolean open = true;
    private volatile String closeReason;
    private volatile int queued;
    private Hello hello;
    private long activatedAt;
    private long nextTimer;
    private int largeSendQueue;
    private int noPing;
    private long lastPingSeq;
    private long lastPingTime;
    private volatile long latencyMillis = -1;
    private volatile long minLedger;
    private volatile long maxLedger;
    private volatile Hash256 closedLedger;
    private volatile Hash256 previousLedger;
    private volatile Sanity sanity = Sanity.UNKNOWN;

    PeerConnection(OverlayLoop overlay, long id, SocketChannel channel, boolean inbound, Slot slot,
                   PeerConsumer consumer, InetSocketAddress remote, long now) {
        this.overlay = overlay;
        this.id = id;
        this.channel = channel;
        this.inbound = inbound;
        this.slot = slot;
        this.consumer = consumer;
        this.remote = remote;
        this.reader = new FrameReader(overlay.settings().maxMessageBytes());
        this.deadline = now + overlay.settings().handshakeTimeout().toNanos();
        this.phase = inbound ? Phase.TLS : Phase.CONNECTING;
    }

    void register(SelectionKey key) {
        this.key = key;
    }

    /** Starts TLS on an accepted connection. */
    void startServer() throws IOException {
        tls = TlsSession.server(overlay.random(), overlay.certificate());
        key.interestOps(SelectionKey.OP_READ);
    }

    /** Our dial completed: check for a self-connection by address, then start TLS. */
    void onConnectable(long now) {
        try {
            if (!channel.finishConnect()) {
                return;
            }
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            if (!overlay.finder().onConnected(slot, local)) {
                close("Duplicate connection");
                return;
            }
            tls = TlsSession.client(overlay.random());
            phase = Phase.TLS;
            key.interestOps(SelectionKey.OP_READ);
            flush();
        } catch (IOException e) {
            close("connect: " + e.getMessage());
        }
    }

    void onReadable(long now) {
        try {
            netIn.clear();
            int n = channel.read(netIn);
            if (n < 0) {
                close("EOF");
                return;
            }
            if (n == 0) {
                return;
            }
            tls.offerInput(netIn.array(), 0, n);
            if (phase == Phase.TLS && tls.isHandshakeComplete()) {
                onTlsComplete(now);
            }
            drainApplicationData();
            if (phase != Phase.CLOSED) {
                reader.poll(this);
            }
            if (phase != Phase.CLOSED && tls.isClosed()) {
                close("TLS closed");
                return;
            }
            flush();
        } catch (MalformedFrameException e) {
            charge(e.charge());
            close("malformed: " + e.getMessage());
        } catch (IOException e) {
            close("read: " + e.getMessage());
        }
    }

    private void drainApplicationData() {
        int available;
        while ((available = tls.applicationDataAvailable()) > 0) {
            reader.ensureWritable(Math.min(available, NET_BUFFER_BYTES));
            int n = tls.readApplicationData(reader.writeArray(), reader.writeOffset(),
                    Math.min(available, reader.writableBytes()));
            reader.commit(n);
        }
    }

    void onWritable() {
        try {
            flush();
        } catch (IOException e) {
            close("write: " + e.getMessage());
        }
    }

    private void onTlsComplete(long now) throws IOException {
        try {
            sharedValue = SessionProof.sharedValue(tls.channelBinding());
        } catch (HandshakeException e) {
            close(e.getMessage());
            return;
        }
        phase = Phase.HELLO;
        if (!inbound) {
            sendFirst(buildHello(now));
        }
    }

    private OutboundMessage buildHello(long now) {
        LocalLedger ledger = overlay.settings().ledger();
        InetAddress remoteIp = remote.getAddress();
        boolean publicV4 = remoteIp instanceof Inet4Address && IpAddresses.isPublic(remoteIp);
        Hello ours = new Hello(ProtocolVersion.CURRENT, ProtocolVersion.MINIMUM, overlay.settings().networkClock().now(),
                ledger.closedLedgerIndex(), ledger.closedLedgerHash(), ledger.previousLedgerHash(),
                overlay.nodeKey().publicKey(), !overlay.settings().peerPrivate(),
                overlay.settings().peerPrivate() ? 0 : overlay.listeningPort(),
                SessionProof.sign(overlay.nodeKey(), sharedValue),
                publicV4 ? overlay.settings().publicIp() : Optional.empty(),
                publicV4 ? Optional.of(remoteIp) : Optional.empty(), overlay.settings().userAgent());
        return ours.encode(overlay.control().frames());
    }

    @Override
    public boolean onMessage(UnsafeBuffer buffer, int offset, int length) throws MalformedFrameException {
        InboundMessage message = overlay.inboundView();
        MessageType type = message.wrap(buffer, offset, length);
        long now = overlay.now();
        if (phase == Phase.HELLO) {
            onHandshakeMessage(type, message, now);
        } else if (phase == Phase.ACTIVE) {
            onSessionMessage(type, message, now);
        }
        return phase != Phase.CLOSED && !closeWhenFlushed;
    }

    private void onHandshakeMessage(MessageType type, InboundMessage message, long now)
            throws MalformedFrameException {
        if (inbound) {
            if (type != MessageType.HELLO) {
                throw new MalformedFrameException(Charge.INVALID_REQUEST, "expected a hello, got " + type);
            }
            acceptHello(message, now);
            return;
        }
        if (type == MessageType.REDIRECT) {
            overlay.finder().onRedirects(redirectAddresses(message.redirect()));
            close("redirected: slots full");
        } else if (type == MessageType.REJECTION) {
            close("rejected: " + message.rejection().reason());
        } else if (type == MessageType.HELLO) {
            answerHello(message, now);
        } else {
            throw new MalformedFrameException(Charge.INVALID_REQUEST, "expected a hello, got " + type);
        }
    }

    /** The accepting side: check the dialler's hello, then welcome, redirect or refuse it. */
    private void acceptHello(InboundMessage message, long now) {
        PublicKey key;
        try {
            Hello theirs = Hello.decode(message.hello());
            key = overlay.verifier().verify(theirs, sharedValue, overlay.settings().networkClock().now(),
                    remote.getAddress());
            hello = theirs;
        } catch (HandshakeException e) {
            refuse(overlay.control().rejection(e.getMessage()), "refused: " + e.getMessage());
            return;
        }
        boolean member = overlay.settings().clusterMember().test(key);
        PeerFinder.Result result = overlay.finder().activate(slot, key, member, now);
        if (result != PeerFinder.Result.SUCCESS) {
            refuse(overlay.control().redirect(overlay.finder().redirect(slot)), "redirected: " + result);
            return;
        }
        sendFirst(buildHello(now));
        activate(key, member, now);
    }

    /** The dialling side: the answer to our hello. */
    private void answerHello(InboundMessage message, long now) {
        PublicKey key;
        try {
            Hello theirs = Hello.decode(message.hello());
            key = overlay.verifier().verify(theirs, sharedValue, overlay.settings().networkClock().now(),
                    remote.getAddress());
            hello = theirs;
        } catch (HandshakeException e) {
            close("refused: " + e.getMessage());
            return;
        }
        boolean member = overlay.settings().clusterMember().test(key);
        if (overlay.finder().activate(slot, key, member, now) != PeerFinder.Result.SUCCESS) {
            close("Outbound slots full");
            return;
        }
        activate(key, member, now);
    }

    private static List<InetSocketAddress> redirectAddresses(RedirectDecoder redirect) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (RedirectDecoder.PeerIpsDecoder ip : redirect.peerIps()) {
            int port = ip.port();
            byte[] raw = new byte[ip.addressLength()];
            ip.getAddress(raw, 0, raw.length);
            InetAddress address = IpAddresses.fromBytes(raw);
            if (address != null && port != 0) {
                out.add(new InetSocketAddress(address, port));
            }
        }
        return out;
    }

    private void refuse(OutboundMessage answer, String reason) {
        LOG.debug("{} {}", remote, reason);
        sendFirst(answer);
        closeWhenFlushed = true;
    }

    private void activate(PublicKey key, boolean member, long now) {
        publicKey = key;
        cluster = member;
        activatedAt = now;
        nextTimer = now + overlay.settings().peerTimer().toNanos();
        hello.closedLedger().ifPresent(h -> closedLedger = h);
        if (closedLedger != null) {
            hello.previousLedger().ifPresent(h -> previousLedger = h);
        }
        phase = Phase.ACTIVE;
        LOG.debug("{} active: {} ({})", remote, key, tls.protocolVersion());
        overlay.onActivated(this);
    }

    private void onSessionMessage(MessageType type, InboundMessage message, long now)
            throws MalformedFrameException {
        if (type == null) {
            settle(Charge.LIGHT_PEER);
            return;
        }
        if (type.isHandshake()) {
            throw new MalformedFrameException(Charge.INVALID_REQUEST, "handshake message " + type + " in session");
        }
        Charge charge = Charge.LIGHT_PEER;
        boolean deliver = true;
        switch (type) {
            case PING -> {
                charge = onPing(message.ping(), now);
                deliver = false;
            }
            case ENDPOINTS -> {
                onEndpoints(message.endpoints(), now);
                deliver = false;
            }
            case CLUSTER -> {
                if (!cluster) {
                    charge = Charge.UNWANTED_DATA;
                    deliver = false;
                }
            }
            case STATUS_CHANGE -> onStatusChange(message.statusChange());
            case TRANSACTION -> deliver = sanity != Sanity.INSANE;
            case HAVE_SET -> {
                if (!rememberTxSet(message.haveSet())) {
                    charge = Charge.UNWANTED_DATA;
                }
            }
            case GET_LEDGER -> {
                charge = Charge.MEDIUM_BURDEN_PEER;
                GetLedgerDecoder d = message.getLedger();
                deliver = d.itype() == LedgerInfoType.TS_CANDIDATE || sendQueue.size() < DROP_SEND_QUEUE;
            }
            case GET_OBJECTS -> {
                GetObjectsDecoder d = message.getObjects();
                if (d.query() == Bool.TRUE) {
                    deliver = sendQueue.size() < DROP_SEND_QUEUE;
                    if (deliver && d.objectType() != ObjectType.FETCH_PACK) {
                        charge = Charge.MEDIUM_BURDEN_PEER;
                    }
                }
            }
            case VALIDATION -> {
                if (message.validation().validationLength() < MIN_VALIDATION_BYTES) {
                    charge = Charge.INVALID_REQUEST;
                    deliver = false;
                }
            }
            case PROPOSE_LEDGER -> {
                if (!wellFormed(message.proposeLedger())) {
                    charge = Charge.INVALID_SIGNATURE;
                    deliver = false;
                }
            }
            default -> {
            }
        }
        if (deliver) {
            overlay.deliver(this, message);
        }
        settle(charge);
    }

    private Charge onPing(PingDecoder ping, long now) {
        PingType type = ping.pingType();
        if (type == PingType.PING) {
            send(overlay.control().ping(PingType.PONG, ping.seq(), ping.pingTime(), ping.netTime()));
            return Charge.MEDIUM_BURDEN_PEER;
        }
        if (type == PingType.PONG && ping.seq() != PingDecoder.seqNullValue()) {
            if (lastPingSeq != 0 && ping.seq() == lastPingSeq) {
                noPing = 0;
                long estimate = Duration.ofNanos(now - lastPingTime).toMillis();
                latencyMillis = latencyMillis < 0 ? estimate : (latencyMillis * 7 + estimate) / 8;
            } else {
                latencyMillis = -1;
            }
            lastPingSeq = 0;
        }
        return Charge.LIGHT_PEER;
    }

    private void onEndpoints(EndpointsDecoder endpoints, long now) {
        if (sanity != Sanity.SANE) {
            return;
        }
        List<Endpoint> list = new ArrayList<>();
        for (EndpointsDecoder.EntriesDecoder e : endpoints.entries()) {
            long hops = e.hops();
            int port = e.port();
            byte[] raw = new byte[e.addressLength()];
            e.getAddress(raw, 0, raw.length);
            InetAddress address = IpAddresses.fromBytes(raw);
            if (address != null && hops <= Integer.MAX_VALUE) {
                list.add(new Endpoint(new InetSocketAddress(address, port), (int) hops));
            }
        }
        if (!list.isEmpty()) {
            overlay.finder().onEndpoints(slot, list, now);
        }
    }

    private void onStatusChange(StatusChangeDecoder status) {
        long seq = status.ledgerSeq();
        byte[] hash = new byte[Hash256.LENGTH];
        status.getLedgerHash(hash, 0, hash.length);
        byte[] previous = new byte[Hash256.LENGTH];
        status.getLedgerHashPrevious(previous, 0, previous.length);
        long first = status.firstSeq();
        long last = status.lastSeq();
        if (status.newEvent() == NodeEvent.LOST_SYNC) {
            closedLedger = null;
            previousLedger = null;
            return;
        }
        Hash256 closed = Hash256.of(hash);
        closedLedger = closed.isZero() ? null : closed;
        Hash256 prior = Hash256.of(previous);
        previousLedger = prior.isZero() ? null : prior;
        if (first != StatusChangeDecoder.firstSeqNullValue() && last != StatusChangeDecoder.lastSeqNullValue()) {
            minLedger = first;
            maxLedger = last;
            if (minLedger == 0 || maxLedger == 0) {
                minLedger = 0;
                maxLedger = 0;
            }
        }
        long validated = overlay.settings().ledger().recentValidatedLedgerIndex();
        if (seq != StatusChangeDecoder.ledgerSeqNullValue() && validated != 0) {
            sanity = sanity.after(seq, validated);
        }
    }

    private boolean rememberTxSet(HaveSetDecoder haveSet) {
        if (haveSet.status() != TxSetStatus.HAVE) {
            return true;
        }
        byte[] raw = new byte[Hash256.LENGTH];
        haveSet.getHash(raw, 0, raw.length);
        Hash256 hash = Hash256.of(raw);
        if (recentTxSets.contains(hash)) {
            return false;
        }
        if (recentTxSets.size() == RECENT_TX_SETS) {
            recentTxSets.removeFirst();
        }
        recentTxSets.addLast(hash);
        return true;
    }

    private static boolean wellFormed(ProposeLedgerDecoder proposal) {
        byte[] key = new byte[PublicKey.LENGTH];
        proposal.getNodePubKey(key, 0, key.length);
        int signature = proposal.signatureLength();
        return PublicKey.parse(key).isPresent() && signature >= MIN_PROPOSAL_SIGNATURE
                && signature <= MAX_PROPOSAL_SIGNATURE;
    }

    /** Charges the message's fee; a drop disconnects (stoxumd PeerImp::charge). */
    private void settle(Charge charge) {
        if (consumer.charge(charge) == Disposition.DROP && consumer.disconnect()) {
            overlay.countDisconnectCharge();
            close("charge: Resources");
        }
    }

    /** The per-peer timer: send-queue and ping checks, and the next ping. */
    void onTimer(long now) {
        if (phase != Phase.ACTIVE) {
            if (now - deadline > 0) {
                close("handshake timed out");
            }
            return;
        }
        if (now - nextTimer < 0) {
            return;
        }
        nextTimer = now + overlay.settings().peerTimer().toNanos();
        if (largeSendQueue++ >= SEND_QUEUE_INTERVALS) {
            close("Large send queue");
            return;
        }
        if (noPing++ >= NO_PING_INTERVALS) {
            close("No ping reply received");
            return;
        }
        if (lastPingSeq == 0) {
            lastPingSeq = 1 + overlay.random().nextInt(65535);
            lastPingTime = now;
            send(overlay.control().ping(PingType.PING, lastPingSeq, PingEncoder.pingTimeNullValue(),
                    PingEncoder.netTimeNullValue()));
        } else {
            long waited = Duration.ofNanos(now - lastPingTime).toMillis();
            if (latencyMillis < waited) {
                latencyMillis = waited;
            }
        }
    }

    // ---- sending

    private void sendFirst(OutboundMessage message) {
        sendQueue.addFirst(message);
        queued = sendQueue.size();
    }

    /** Queues on the I/O thread. */
    void enqueue(OutboundMessage message) {
        if (phase != Phase.ACTIVE || closeWhenFlushed) {
            return;
        }
        if (sendQueue.size() < TARGET_SEND_QUEUE) {
            largeSendQueue = 0;
        }
        sendQueue.addLast(message);
        queued = sendQueue.size();
        try {
            flush();
        } catch (IOException e) {
            close("write: " + e.getMessage());
        }
    }

    private void flush() throws IOException {
        if (phase == Phase.CLOSED || tls == null) {
            return;
        }
        while (true) {
            if (netOut.hasRemaining()) {
                channel.write(netOut);
                if (netOut.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
            }
            if (tls.outputAvailable() > 0) {
                netOut.clear();
                tls.readOutput(netOut);
                netOut.flip();
                continue;
            }
            if ((phase == Phase.HELLO || phase == Phase.ACTIVE) && !sendQueue.isEmpty()) {
                OutboundMessage next = sendQueue.pollFirst();
                queued = sendQueue.size();
                overlay.writeFrame(tls, next);
                continue;
            }
            break;
        }
        key.interestOps(SelectionKey.OP_READ);
        if (closeWhenFlushed && sendQueue.isEmpty()) {
            tls.close();
            if (tls.outputAvailable() > 0) {
                netOut.clear();
                tls.readOutput(netOut);
                netOut.flip();
                channel.write(netOut);
            }
            close("handshake answered");
        }
    }

    // ---- closing

    /** Closes the link now; safe to call twice. */
    void close(String reason) {
        if (phase == Phase.CLOSED) {
            return;
        }
        boolean wasActive = phase == Phase.ACTIVE;
        phase = Phase.CLOSED;
        closeReason = reason;
        open = false;
        LOG.debug("{} closed: {}", remote, reason);
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket that failed: nothing more to do
        }
        sendQueue.clear();
        queued = 0;
        overlay.onClosed(this, wasActive, reason);
    }

    boolean isActive() {
        return phase == Phase.ACTIVE;
    }

    Slot slot() {
        return slot;
    }

    PeerSummary summary(long now) {
        long latency = latencyMillis;
        Hello h = hello;
        return new PeerSummary(id, remote, publicKey, inbound, cluster,
                latency < 0 ? OptionalLong.empty() : OptionalLong.of(latency), Duration.ofNanos(now - activatedAt),
                minLedger, maxLedger, Optional.ofNullable(closedLedger), sanity, consumer.balance(),
                h == null ? "" : h.userAgent(), h == null ? 0 : h.protocolVersion(),
                h != null && h.crawlPublic(), queued);
    }

    // ---- Peer

    @Override
    public long id() {
        return id;
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public boolean inbound() {
        return inbound;
    }

    @Override
    public boolean cluster() {
        return cluster;
    }

    @Override
    public void send(OutboundMessage message) {
        if (overlay.onIoThread()) {
            enqueue(message);
        } else if (open) {
            overlay.post(() -> enqueue(message));
        }
    }

    @Override
    public void charge(Charge charge) {
        if (overlay.onIoThread()) {
            if (open) {
                settle(charge);
            }
        } else if (open) {
            overlay.post(() -> {
                if (open) {
                    settle(charge);
                }
            });
        }
    }

    @Override
    public Sanity sanity() {
        return sanity;
    }

    @Override
    public int sendQueueSize() {
        return queued;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String closeReason() {
        return closeReason;
    }

    @Override
    public String toString() {
        return "peer " + id + " " + remote;
    }
}
