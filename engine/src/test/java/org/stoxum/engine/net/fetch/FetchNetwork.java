package org.stoxum.engine.net.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.storage.nodestore.LedgerTransaction;
import org.stoxum.storage.nodestore.NodeStore;
import org.stoxum.storage.nodestore.NodeStoreSettings;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.Sanity;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.MalformedFrameException;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * Test wiring: in-process nodes, each with its own node store and the fetch classes, joined by fake
 * peers that carry real frames (encoded, then decoded through {@link InboundMessage}) on one "wire"
 * thread. Every frame a node receives is recorded.
 */
final class FetchNetwork implements AutoCloseable {
    static final NetworkProfile PROFILE = NetworkProfile.STOXUM;
    private static final AtomicLong PEER_IDS = new AtomicLong();

    private final Path dir;
    private final ExecutorService wire = Executors.newSingleThreadExecutor(r -> new Thread(r, "fetch-wire"));
    private final ExecutorService work = Executors.newFixedThreadPool(2, r -> new Thread(r, "fetch-work"));
    private final InboundMessage inbound = new InboundMessage();
    private final List<Node> nodes = new ArrayList<>();

    FetchNetwork() throws IOException {
        dir = Files.createTempDirectory("fetch-net");
    }

    /** What a node does with a request it receives (honest nodes answer with their LedgerRequests). */
    @FunctionalInterface
    interface Responder {
        void onGetLedger(Node self, Peer from, GetLedgerQuery query);
    }

    /** A frame a node received, decoded to what the tests look at. */
    record Received(MessageType type, GetLedgerQuery query, LedgerDataReply reply) {
    }

    final class Node implements AutoCloseable {
        final String name;
        final NodeStore store;
        final Map<Hash256, Ledger> byHash = new ConcurrentHashMap<>();
        final Map<Long, Ledger> bySeq = new ConcurrentHashMap<>();
        final List<Peer> peers = new CopyOnWriteArrayList<>();
        final List<Received> received = new CopyOnWriteArrayList<>();
        final InboundLedgers ledgers;
        final InboundTxSets txSets;
        final LedgerRequests requests;
        volatile long earliestFetch;
        volatile Responder responder = (self, from, q) -> self.requests.answer(from, q);

        Node(String name) {
            this.name = name;
            this.store = NodeStore.open(new NodeStoreSettings(dir.resolve(name), 1L << 30, 0, false, 4096), PROFILE);
            this.ledgers = new InboundLedgers(store, this::persist, Fees.defaults(PROFILE), Set.of(),
                    () -> List.copyOf(peers), work);
            this.txSets = new InboundTxSets(() -> List.copyOf(peers), work);
            this.requests = new LedgerRequests(new LedgerLookup() {
                @Override
                public Ledger byHash(Hash256 hash) {
                    return byHash.get(hash);
                }

                @Override
                public Ledger bySeq(long seq) {
                    return bySeq.get(seq);
                }

                @Override
                public Ledger closed() {
                    return bySeq.values().stream().max(Comparator.comparingLong(Ledger::seq)).orElse(null);
                }

                @Override
                public long earliestFetch() {
                    return earliestFetch;
                }
            }, txSets, work);
        }

        /** Stores a ledger as LedgerMaster would and serves it from now on. */
        void persist(Ledger l) {
            List<LedgerTransaction> index = new ArrayList<>();
            for (var it = l.transactions(); it.hasNext(); ) {
                LedgerTx tx = it.next();
                index.add(new LedgerTransaction(tx.id(), tx.meta().getU32(SField.TRANSACTION_INDEX),
                        List.of(tx.tx().getAccountId(SField.ACCOUNT))));
            }
            store.storeLedger(l.header(), l.stateMap(), l.txMap(), index);
            byHash.put(l.hash(), l);
            bySeq.put(l.seq(), l);
        }

        void tick(long nowMs) {
            ledgers.tick(nowMs);
            txSets.tick(nowMs);
        }

        /** Charges taken by the peer objects through which this node sees others. */
        List<Charge> chargesOf(Node other) {
            List<Charge> out = new ArrayList<>();
            for (Peer p : peers) {
                if (p instanceof FakePeer f && f.remote == other) {
                    out.addAll(f.charges);
                }
            }
            return out;
        }

        void receive(Peer from, byte[] frame) {
            try {
                MessageType type = inbound.wrap(new UnsafeBuffer(frame), 4, frame.length - 4);
                if (type == MessageType.GET_LEDGER) {
                    GetLedgerQuery q = GetLedgerQuery.copyOf(inbound.getLedger());
                    received.add(new Received(type, q, null));
                    responder.onGetLedger(this, from, q);
                } else if (type == MessageType.LEDGER_DATA) {
                    received.add(new Received(type, null, LedgerDataReply.copyOf(inbound.ledgerData())));
                    if (inbound.ledgerData().infoType() == LedgerInfoType.TS_CANDIDATE) {
                        txSets.onLedgerData(from, inbound.ledgerData());
                    } else {
                        ledgers.onLedgerData(from, inbound.ledgerData());
                    }
                }
            } catch (MalformedFrameException e) {
                from.charge(e.charge());
            }
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** How {@code owner} sees {@code remote}: what it sends there is delivered on the wire thread. */
    final class FakePeer implements Peer {
        final long id = PEER_IDS.incrementAndGet();
        final Node owner;
        final Node remote;
        final List<Charge> charges = new CopyOnWriteArrayList<>();
        final PublicKey key = KeyPair.random(KeyType.ED25519).publicKey();
        FakePeer reverse;
        volatile boolean open = true;

        FakePeer(Node owner, Node remote) {
            this.owner = owner;
            this.remote = remote;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public PublicKey publicKey() {
            return key;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 51235);
        }

        @Override
        public boolean inbound() {
            return false;
        }

        @Override
        public boolean cluster() {
            return false;
        }

        @Override
        public void send(OutboundMessage message) {
            ByteBuffer f = message.frame();
            byte[] bytes = new byte[f.remaining()];
            f.get(bytes);
            if (open && !wire.isShutdown()) {
                wire.execute(() -> remote.receive(reverse, bytes));
            }
        }

        @Override
        public void charge(Charge charge) {
            charges.add(charge);
        }

        @Override
        public Sanity sanity() {
            return Sanity.SANE;
        }

        @Override
        public int sendQueueSize() {
            return 0;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public String closeReason() {
            return open ? null : "closed by the test";
        }
    }

    Node node(String name) {
        Node n = new Node(name);
        nodes.add(n);
        return n;
    }

    /** Makes {@code a} and {@code b} peers of each other. */
    void connect(Node a, Node b) {
        FakePeer ab = new FakePeer(a, b);
        FakePeer ba = new FakePeer(b, a);
        ab.reverse = ba;
        ba.reverse = ab;
        a.peers.add(ab);
        b.peers.add(ba);
    }

    /** Waits (up to a generous bound, not a timing assertion) until {@code condition} holds. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        wire.shutdownNow();
        work.shutdownNow();
        for (Node n : nodes) {
            n.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
