package org.stoxum.transport.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.NanoClock;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.transport.peer.finder.Endpoint;
import org.stoxum.transport.peer.finder.PeerFinder;
import org.stoxum.transport.peer.finder.Slot;
import org.stoxum.transport.peer.handshake.HelloVerifier;
import org.stoxum.transport.peer.resource.PeerConsumer;
import org.stoxum.transport.peer.tls.EphemeralCertificate;
import org.stoxum.transport.peer.tls.TlsSession;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overlay's I/O duty cycle: one selector for the peer port and every peer link, a command queue
 * for the other threads, and the overlay timer (gossip, dialling, per-peer timers). Owns the peer
 * finder and every connection; nothing here is touched from another thread except {@link #post}.
 */
final class OverlayLoop implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(OverlayLoop.class);
    private static final long MAX_SELECT_MILLIS = 100;

    private final OverlaySettings settings;
    private final KeyPair nodeKey;
    private final PeerMessageHandler handler;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final PeerFinder finder;
    private final NanoClock clock;
    private final SecureRandom random = new SecureRandom();
    private final EphemeralCertificate certificate = EphemeralCertificate.generate(random);
    private final HelloVerifier verifier;
    private final ControlMessages control = new ControlMessages();
    private final InboundMessage inboundView = new InboundMessage();
    private final ManyToOneConcurrentLinkedQueue<Runnable> commands = new ManyToOneConcurrentLinkedQueue<>();
    private final Map<Long, PeerConnection> connections = new HashMap<>();
    private final Map<Long, PeerConnection> active = new LinkedHashMap<>();
    private final Map<Slot, PeerConnection> bySlot = new HashMap<>();
    private final AtomicLong disconnectCharges = new AtomicLong();
    private final AtomicLong handlerErrors = new AtomicLong();
    private final int listeningPort;

    private volatile Thread ioThread;
    private long nextId = 1;
    private long nextTick;

    OverlayLoop(OverlaySettings settings, KeyPair nodeKey, PeerMessageHandler handler, Selector selector,
                ServerSocketChannel server, NanoClock clock) {
        this.settings = settings;
        this.nodeKey = nodeKey;
        this.handler = handler;
        this.selector = selector;
        this.server = server;
        this.clock = clock;
        this.listeningPort = server == null ? 0 : server.socket().getLocalPort();
        this.finder = new PeerFinder(settings.finderConfig(listeningPort), random);
        this.verifier = new HelloVerifier(nodeKey.publicKey(), settings.publicIp());
    }

    /** Seeds the peer finder: fixed peers, then the addresses to try first. */
    void seed(Collection<InetSocketAddress> fixed, Collection<InetSocketAddress> bootstrap) {
        long now = now();
        for (InetSocketAddress a : fixed) {
            finder.addFixedPeer(a, now);
        }
        finder.addBootstrap(bootstrap);
    }

    @Override
    public String roleName() {
        return "peer-overlay";
    }

    @Override
    public void onStart() {
        ioThread = Thread.currentThread();
        nextTick = now();
    }

    @Override
    public int doWork() throws IOException {
        int work = runCommands();
        selector.selectNow();
        work += handleSelected();
        long now = now();
        if (now - nextTick >= 0) {
            nextTick = now + settings.tick().toNanos();
            tick(now);
            work++;
        }
        return work;
    }

    @Override
    public void onClose() {
        for (PeerConnection c : new ArrayList<>(connections.values())) {
            c.close("overlay stopping");
        }
        finder.clear();
        try {
            if (server != null) {
                server.close();
            }
            selector.close();
        } catch (IOException e) {
            LOG.warn("closing the peer port: {}", e.getMessage());
        }
    }

    /** Waits on the selector when a duty cycle found nothing to do, until the next tick at most. */
    IdleStrategy idleStrategy() {
        return new IdleStrategy() {
            @Override
            public void idle(int workCount) {
                if (workCount > 0) {
                    return;
                }
                idle();
            }

            @Override
            public void idle() {
                long waitMillis = Math.max(1, Math.min(MAX_SELECT_MILLIS, (nextTick - now()) / 1_000_000));
                try {
                    if (commands.isEmpty()) {
                        selector.select(waitMillis);
                    }
                } catch (IOException e) {
                    LOG.warn("select: {}", e.getMessage());
                }
            }

            @Override
            public void reset() {
            }
        };
    }

    private int runCommands() {
        int n = 0;
        Runnable r;
        while ((r = commands.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("overlay command failed", e);
            }
            n++;
        }
        return n;
    }

    private int handleSelected() {
        Set<SelectionKey> keys = selector.selectedKeys();
        int n = keys.size();
        long now = now();
        for (Iterator<SelectionKey> it = keys.iterator(); it.hasNext(); ) {
            SelectionKey key = it.next();
            it.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.channel() == server) {
                accept(now);
                continue;
            }
            PeerConnection c = (PeerConnection) key.attachment();
            if (key.isConnectable()) {
                c.onConnectable(now);
            }
            if (key.isValid() && key.isReadable()) {
                c.onReadable(now);
            }
            if (key.isValid() && key.isWritable()) {
                c.onWritable();
            }
        }
        return n;
    }

    private void accept(long now) {
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                LOG.warn("accept: {}", e.getMessage());
                return;
            }
            if (ch == null) {
                return;
            }
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                InetSocketAddress remote = (InetSocketAddress) ch.getRemoteAddress();
                InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
                PeerConsumer consumer = settings.resources().newInboundEndpoint(remote);
                Slot slot = consumer.disconnect() ? null : finder.newInboundSlot(local, remote);
                if (slot == null) {
                    ch.close();
                    continue;
                }
                PeerConnection c = new PeerConnection(this, nextId++, ch, true, slot, consumer, remote, now);
                c.register(ch.register(selector, SelectionKey.OP_READ, c));
                connections.put(c.id(), c);
                bySlot.put(slot, c);
                c.startServer();
            } catch (IOException e) {
                LOG.debug("accept failed: {}", e.getMessage());
                closeQuietly(ch);
            }
        }
    }

    /** Dials a peer (I/O thread). Skipped when the endpoint is over its resource limit or already has a slot. */
    void connect(InetSocketAddress remote) {
        if (remote.isUnresolved()) {
            LOG.info("cannot dial unresolved {}", remote);
            return;
        }
        PeerConsumer consumer = settings.resources().newOutboundEndpoint(remote);
        if (consumer.disconnect()) {
            LOG.info("Over resource limit: {}", remote);
            return;
        }
        Slot slot = finder.newOutboundSlot(remote);
        if (slot == null) {
            return;
        }
        long now = now();
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            PeerConnection c = new PeerConnection(this, nextId++, ch, false, slot, consumer, remote, now);
            connections.put(c.id(), c);
            bySlot.put(slot, c);
            c.register(ch.register(selector, SelectionKey.OP_CONNECT, c));
            if (ch.connect(remote)) {
                c.onConnectable(now);
            }
        } catch (IOException e) {
            LOG.debug("connect {}: {}", remote, e.getMessage());
            PeerConnection c = bySlot.get(slot);
            if (c != null) {
                c.close("connect: " + e.getMessage());
            } else {
                closeQuietly(ch);
                finder.onClosed(slot, now);
            }
        }
    }

    private void tick(long now) {
        finder.oncePerSecond(now);
        for (Map.Entry<Slot, List<Endpoint>> e : finder.buildEndpointsForPeers(now).entrySet()) {
            PeerConnection c = bySlot.get(e.getKey());
            if (c != null && c.isActive()) {
                c.enqueue(control.endpoints(e.getValue()));
            }
        }
        for (InetSocketAddress a : finder.autoconnect(now)) {
            connect(a);
        }
        for (PeerConnection c : new ArrayList<>(connections.values())) {
            c.onTimer(now);
        }
    }

    // ---- called by connections

    void onActivated(PeerConnection c) {
        active.put(c.id(), c);
        try {
            handler.onActivated(c);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    void onClosed(PeerConnection c, boolean wasActive, String reason) {
        connections.remove(c.id());
        bySlot.remove(c.slot());
        active.remove(c.id());
        finder.onClosed(c.slot(), now());
        if (wasActive) {
            LOG.info("peer {} {} left: {}", c.id(), c.remoteAddress(), reason);
            try {
                handler.onClosed(c);
            } catch (RuntimeException e) {
                handlerFailed(e);
            }
        }
    }

    void deliver(PeerConnection c, InboundMessage message) {
        try {
            handler.onMessage(c, message);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    private void handlerFailed(RuntimeException e) {
        if (handlerErrors.getAndIncrement() == 0) {
            LOG.error("peer message handler failed (later failures are only counted)", e);
        }
    }

    void writeFrame(TlsSession tls, OutboundMessage message) throws IOException {
        message.writeTo(tls::writeApplicationData);
    }

    void countDisconnectCharge() {
        disconnectCharges.incrementAndGet();
    }

    // ---- for the facade

    void post(Runnable command) {
        commands.offer(command);
        selector.wakeup();
    }

    boolean onIoThread() {
        return Thread.currentThread() == ioThread;
    }

    Collection<PeerConnection> activePeers() {
        return active.values();
    }

    PeerConnection activePeer(long id) {
        return active.get(id);
    }

    long disconnectCharges() {
        return disconnectCharges.get();
    }

    long handlerErrors() {
        return handlerErrors.get();
    }

    void wakeup() {
        selector.wakeup();
    }

    // ---- shared with connections

    OverlaySettings settings() {
        return settings;
    }

    KeyPair nodeKey() {
        return nodeKey;
    }

    PeerFinder finder() {
        return finder;
    }

    HelloVerifier verifier() {
        return verifier;
    }

    ControlMessages control() {
        return control;
    }

    InboundMessage inboundView() {
        return inboundView;
    }

    SecureRandom random() {
        return random;
    }

    EphemeralCertificate certificate() {
        return certificate;
    }

    int listeningPort() {
        return listeningPort;
    }

    long now() {
        return clock.nanoTime();
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
