package org.stoxum.transport.peer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.sbe.NodeEvent;
import org.stoxum.codec.sbe.NodeStatus;
import org.stoxum.codec.sbe.StatusChangeEncoder;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.Frames;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** One overlay on 127.0.0.1 with a handler that records what it receives. Close it. */
final class TestNode implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** A received message, copied out of the receive buffer. */
    record Received(long peerId, MessageType type, OutboundMessage copy) {
    }

    final KeyPair key;
    final PeerOverlay overlay;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<Long> activated = new CopyOnWriteArrayList<>();
    final List<Long> closed = new CopyOnWriteArrayList<>();
    final Map<Long, String> closeReasons = new ConcurrentHashMap<>();
    private final List<Consumer<Peer>> onActivated = new CopyOnWriteArrayList<>();

    private TestNode(KeyPair key, OverlaySettings settings) {
        this.key = key;
        this.overlay = new PeerOverlay(settings, key, new PeerMessageHandler() {
            @Override
            public void onActivated(Peer peer) {
                activated.add(peer.id());
                for (Consumer<Peer> c : onActivated) {
                    c.accept(peer);
                }
            }

            @Override
            public void onMessage(Peer peer, InboundMessage message) {
                received.add(new Received(peer.id(), message.type(), message.copy()));
            }

            @Override
            public void onClosed(Peer peer) {
                closeReasons.put(peer.id(), peer.closeReason());
                closed.add(peer.id());
            }
        });
    }

    /** Settings for tests: loopback, an ephemeral port, short timers, several nodes per host. */
    static OverlaySettings.Builder settings() {
        return OverlaySettings.builder()
                .listen(new InetSocketAddress(LOOPBACK, 0))
                .oneNodePerHost(false)
                .privateEndpoints(true)
                .tick(Duration.ofMillis(100))
                .peerTimer(Duration.ofMillis(500))
                .endpointsInterval(Duration.ofMillis(100))
                .handshakeTimeout(Duration.ofSeconds(5))
                .backoffUnit(Duration.ofMillis(200));
    }

    /** The validated ledger every node of a gossip test is at. */
    static final long LEDGER = 10;

    /**
     * Settings of a node with a validated ledger, so that peers reporting the same ledger are sane and
     * their gossip is taken.
     */
    static OverlaySettings.Builder withLedger() {
        return settings().ledger(new LocalLedger() {
            @Override
            public long recentValidatedLedgerIndex() {
                return LEDGER;
            }
        });
    }

    /** Starts a node that tells each new peer its ledger (as the engine's status changes would). */
    static TestNode startAnnouncing(OverlaySettings settings) {
        TestNode node = new TestNode(KeyPair.random(KeyType.SECP256K1), settings);
        node.whenActivated(peer -> peer.send(statusChange(LEDGER)));
        node.overlay.start();
        return node;
    }

    static OutboundMessage statusChange(long ledgerSeq) {
        FrameEncoder f = new FrameEncoder();
        StatusChangeEncoder e = new StatusChangeEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
        e.newStatus(NodeStatus.VALIDATING).newEvent(NodeEvent.ACCEPTED_LEDGER).ledgerSeq(ledgerSeq)
                .firstSeq(1).lastSeq(ledgerSeq).shardSeqs("");
        return f.finish(e.limit());
    }

    boolean knowsEndpoint(InetSocketAddress address) {
        return overlay.liveEndpoints().stream().anyMatch(e -> e.address().equals(address));
    }

    static TestNode start(OverlaySettings settings) {
        return start(KeyPair.random(KeyType.SECP256K1), settings);
    }

    static TestNode start(KeyPair key, OverlaySettings settings) {
        TestNode node = new TestNode(key, settings);
        node.overlay.start();
        return node;
    }

    void whenActivated(Consumer<Peer> action) {
        onActivated.add(action);
    }

    int port() {
        return overlay.localAddress().getPort();
    }

    InetSocketAddress address() {
        return overlay.localAddress();
    }

    void connect(TestNode other) {
        overlay.connect(LOOPBACK.getHostAddress(), other.port());
    }

    List<Received> received(MessageType type) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.type() == type) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    boolean hasPeer(TestNode other) {
        return overlay.peers().stream().anyMatch(p -> p.publicKey().equals(other.key.publicKey()));
    }

    @Override
    public void close() {
        overlay.close();
    }
}
