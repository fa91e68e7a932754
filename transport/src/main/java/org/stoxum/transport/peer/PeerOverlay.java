package org.stoxum.transport.peer;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemNanoClock;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;
import org.stoxum.transport.peer.finder.Endpoint;
import org.stoxum.transport.peer.relay.HashRouter;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.wire.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer network of one node (stoxumd's Overlay): TLS links to our other nodes on the
 * {@code protocol = peer} port, each side proving its node key for that very TLS session; SBE-framed
 * messages; the peer finder's slots, fixed peers, gossip and redirects; pings; resource charges.
 *
 * <p>All I/O runs on one thread ({@value #THREAD_NAME}); the {@link PeerMessageHandler} is called on
 * it. Every public method here is thread-safe; sends from other threads are queued to the I/O thread.
 */
public final class PeerOverlay implements AutoCloseable {
    /** The I/O thread's name. */
    public static final String THREAD_NAME = "peer-overlay";

    private static final Logger LOG = LoggerFactory.getLogger(PeerOverlay.class);
    private static final long QUERY_TIMEOUT_SECONDS = 10;

    private final OverlaySettings settings;
    private final KeyPair nodeKey;
    private final PeerMessageHandler handler;
    private volatile OverlayLoop loop;
    private volatile AgentRunner runner;
    private InetSocketAddress localAddress;

    /**
     * An overlay, not yet started.
     *
     * @param nodeKey our node identity ({@code [node_seed]}, or the one kept in the database): a
     *                secp256k1 key
     */
    public PeerOverlay(OverlaySettings settings, KeyPair nodeKey, PeerMessageHandler handler) {
        if (nodeKey.type() != KeyType.SECP256K1) {
            throw new IllegalArgumentException("a node key is secp256k1");
        }
        this.settings = settings;
        this.nodeKey = nodeKey;
        this.handler = handler;
    }

    /**
     * Opens the peer port (when configured), resolves {@code [ips]} and {@code [ips_fixed]} (names that do
     * not resolve are logged and skipped) and starts the I/O thread.
     *
     * @throws UncheckedIOException when the port cannot be opened
     * @throws IllegalStateException when already started
     */
    public synchronized PeerOverlay start() {
        if (loop != null) {
            throw new IllegalStateException("already started");
        }
        Selector selector = null;
        ServerSocketChannel server = null;
        try {
            selector = Selector.open();
            if (settings.listen() != null) {
                server = ServerSocketChannel.open();
                server.bind(settings.listen());
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
                localAddress = (InetSocketAddress) server.getLocalAddress();
            }
        } catch (IOException e) {
            closeQuietly(server);
            closeQuietly(selector);
            throw new UncheckedIOException("cannot open the peer port " + settings.listen(), e);
        }
        loop = new OverlayLoop(settings, nodeKey, handler, selector, server, SystemNanoClock.INSTANCE);
        List<InetSocketAddress> fixed = resolve(settings.ipsFixed());
        List<InetSocketAddress> bootstrap = settings.ips().isEmpty() ? fixed : resolve(settings.ips());
        loop.seed(fixed, bootstrap);
        if (settings.peerPrivate() && fixed.isEmpty()) {
            LOG.warn("peer_private is set but ips_fixed is empty: this node will have no peers");
        }
        runner = new AgentRunner(loop.idleStrategy(), e -> LOG.error("peer overlay", e), null, loop);
        AgentRunner.startOnThread(runner, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        return this;
    }

    private static List<InetSocketAddress> resolve(List<InetSocketAddress> addresses) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetSocketAddress a : addresses) {
            InetSocketAddress r = a.isUnresolved() ? new InetSocketAddress(a.getHostString(), a.getPort()) : a;
            if (r.isUnresolved()) {
                LOG.warn("Could not resolve peer address '{}'", a.getHostString());
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The bound peer port, or null when the overlay takes no inbound peers. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Our node key. */
    public PublicKey nodePublicKey() {
        return nodeKey.publicKey();
    }

    /** The duplicate-suppression table shared with the engine. */
    public HashRouter hashRouter() {
        return settings.hashRouter();
    }

    /**
     * The {@code connect} admin command: dial {@code host:port} now (the name is resolved on the calling
     * thread).
     *
     * @return false when the name does not resolve
     */
    public boolean connect(String host, int port) {
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            return false;
        }
        post(l -> l.connect(a));
        return true;
    }

    /** The {@code peers} admin command: a snapshot of every active peer. */
    public List<PeerSummary> peers() {
        return query(l -> {
            long now = l.now();
            List<PeerSummary> out = new ArrayList<>();
            for (PeerConnection c : l.activePeers()) {
                out.add(c.summary(now));
            }
            return out;
        }, List.of());
    }

    /** The active peer with this id, if any. */
    public Optional<Peer> peer(long id) {
        return query(l -> Optional.<Peer>ofNullable(l.activePeer(id)), Optional.empty());
    }

    /** Endpoints learned from gossip (the peer finder's live cache). */
    public List<Endpoint> liveEndpoints() {
        return query(l -> l.finder().liveEndpoints(), List.of());
    }

    /** Addresses the peer finder would try when it needs peers (the boot cache). */
    public List<InetSocketAddress> bootcache() {
        return query(l -> l.finder().bootcache(), List.of());
    }

    /** Sends to one active peer; false when there is none with that id (or we are stopped). */
    public boolean send(long peerId, OutboundMessage message) {
        return query(l -> {
            PeerConnection c = l.activePeer(peerId);
            if (c == null) {
                return false;
            }
            c.enqueue(message);
            return true;
        }, false);
    }

    /** Sends to every active peer. */
    public void broadcast(OutboundMessage message) {
        broadcast(message, p -> true);
    }

    /** Sends to every active peer that {@code filter} accepts (called on the I/O thread). */
    public void broadcast(OutboundMessage message, Predicate<Peer> filter) {
        post(l -> {
            for (PeerConnection c : new ArrayList<>(l.activePeers())) {
                if (filter.test(c)) {
                    c.enqueue(message);
                }
            }
        });
    }

    /**
     * Relays an item identified by {@code suppression} (a transaction id, a proposal's or validation's
     * suppression hash): unless the hash router relayed it within its hold time, sends it to every
     * active peer that has not sent it to us.
     *
     * @return false when the item was relayed recently and nothing was sent
     */
    public boolean relay(OutboundMessage message, Hash256 suppression) {
        Optional<Set<Long>> skip = settings.hashRouter().shouldRelay(suppression);
        if (skip.isEmpty()) {
            return false;
        }
        Set<Long> have = skip.get();
        broadcast(message, p -> !have.contains(p.id()));
        return true;
    }

    /** Charges an active peer (see {@link Peer#charge}). */
    public void charge(long peerId, Charge charge) {
        post(l -> {
            PeerConnection c = l.activePeer(peerId);
            if (c != null) {
                c.charge(charge);
            }
        });
    }

    /** Peers disconnected because their resource balance reached the drop threshold. */
    public long disconnectCharges() {
        OverlayLoop l = loop;
        return l == null ? 0 : l.disconnectCharges();
    }

    /** Exceptions thrown by the message handler (logged once, then counted). */
    public long handlerErrors() {
        OverlayLoop l = loop;
        return l == null ? 0 : l.handlerErrors();
    }

    /** Stops the I/O thread and closes every link and the peer port. */
    @Override
    public synchronized void close() {
        if (runner != null) {
            loop.wakeup();
            runner.close();
            runner = null;
        }
    }

    private boolean running() {
        AgentRunner r = runner;
        return r != null && !r.isClosed();
    }

    private void post(Consumer<OverlayLoop> command) {
        OverlayLoop l = loop;
        if (l == null || !running()) {
            return;
        }
        if (l.onIoThread()) {
            command.accept(l);
        } else {
            l.post(() -> command.accept(l));
        }
    }

    private <T> T query(Function<OverlayLoop, T> question, T whenStopped) {
        OverlayLoop l = loop;
        if (l == null || !running()) {
            return whenStopped;
        }
        if (l.onIoThread()) {
            return question.apply(l);
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        l.post(() -> answer.complete(question.apply(l)));
        try {
            return answer.get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return whenStopped;
        } catch (ExecutionException | TimeoutException e) {
            return whenStopped;
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
