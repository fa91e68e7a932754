package org.stoxum.engine.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.sbe.GetLedgerDecoder;
import org.stoxum.codec.sbe.LedgerDataDecoder;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.PeerEndpoint;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.net.fetch.InboundLedgers;
import org.stoxum.engine.net.fetch.InboundTxSets;
import org.stoxum.engine.net.fetch.LedgerLookup;
import org.stoxum.engine.net.fetch.LedgerRequests;
import org.stoxum.storage.ledger.LedgerTimes;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.transport.peer.LocalLedger;
import org.stoxum.transport.peer.OverlaySettings;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.PeerResources;

/** Builds the network side of a node from its config: the overlay's settings and the ledger fetcher. */
public final class NetworkSetup {
    /** How recent the validated ledger must be for peers to be judged against it (seconds). */
    private static final long RECENT_VALIDATED_SECONDS = 120;

    private NetworkSetup() {
    }

    /**
     * The overlay settings {@code [port_peer]}, {@code [ips]}, {@code [ips_fixed]}, {@code [peer_private]}... say.
     *
     * @param resources the node's resource manager as peers see it (shared with the RPC server and the cluster)
     */
    public static OverlaySettings overlaySettings(NodeConfig config, LedgerMaster ledgers, PeerResources resources) {
        OverlaySettings.Builder b = OverlaySettings.builder()
                .resources(resources)
                .ips(addresses(config.ips()))
                .ipsFixed(addresses(config.ipsFixed()))
                .peerPrivate(config.peerPrivate())
                .peersMax(config.peersMax())
                .oneNodePerHost(!localNetwork(config))
                .clusterMember(clusterKeys(config)::contains)
                .ledger(localLedger(ledgers));
        Optional<PortConfig> peer = config.peerPort();
        peer.ifPresent(p -> b.listen(new InetSocketAddress(p.ip(), p.port())));
        return b.build();
    }

    /**
     * Whether the configured peers all live on this host: then several nodes share one address and are told
     * apart by port (stoxumd treats an address as one node, which makes a test network on 127.0.0.1
     * impossible).
     */
    static boolean localNetwork(NodeConfig config) {
        List<PeerEndpoint> all = new ArrayList<>(config.ips());
        all.addAll(config.ipsFixed());
        return !all.isEmpty() && all.stream().allMatch(e -> isLoopback(e.host()));
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    /** The node keys of {@code [cluster_nodes]}: such peers get slots beyond the limits and skip checks. */
    private static Set<PublicKey> clusterKeys(NodeConfig config) {
        Set<PublicKey> keys = new HashSet<>();
        config.clusterNodes().forEach(e -> keys.add(PublicKey.of(e.publicKey())));
        return keys;
    }

    private static List<InetSocketAddress> addresses(List<PeerEndpoint> endpoints) {
        return endpoints.stream().map(e -> InetSocketAddress.createUnresolved(e.host(), e.port())).toList();
    }

    /** What the overlay tells peers of our ledgers, read from the ledger master's volatile state. */
    static LocalLedger localLedger(LedgerMaster ledgers) {
        return new LocalLedger() {
            @Override
            public OptionalLong closedLedgerIndex() {
                Ledger l = ledgers.closedLedger();
                return l == null ? OptionalLong.empty() : OptionalLong.of(l.seq());
            }

            @Override
            public Optional<Hash256> closedLedgerHash() {
                return Optional.ofNullable(ledgers.closedLedger()).map(Ledger::hash);
            }

            @Override
            public Optional<Hash256> previousLedgerHash() {
                return Optional.ofNullable(ledgers.closedLedger()).map(Ledger::parentHash);
            }

            @Override
            public long recentValidatedLedgerIndex() {
                Ledger v = ledgers.validatedLedger();
                if (v == null) {
                    return 0;
                }
                long age = LedgerTimes.toNetworkTime(Instant.now()) - v.closeTime();
                return age < RECENT_VALIDATED_SECONDS ? v.seq() : 0;
            }
        };
    }

    /**
     * The fetcher that acquires ledgers and sets from {@code peers} and answers their requests; its work runs
     * on {@code executor}.
     *
     * @param recent ledgers built or acquired but perhaps not yet validated, which peers may still ask for
     */
    public static LedgerFetch fetch(Application app, Supplier<List<Peer>> peers, Function<Hash256, Ledger> recent,
                                    ExecutorService executor) {
        LedgerMaster lm = app.ledgerMaster();
        Ledger start = lm.closedLedger();
        InboundLedgers ledgers = new InboundLedgers(lm.store(), lm::save, start.configFees(), start.presets(), peers,
                executor);
        InboundTxSets sets = new InboundTxSets(peers, executor);
        long fetchDepth = app.config().effectiveFetchDepth();
        LedgerRequests requests = new LedgerRequests(new LedgerLookup() {
            @Override
            public Ledger byHash(Hash256 hash) {
                Ledger l = recent.apply(hash);
                return l != null ? l : lm.ledgerByHash(hash);
            }

            @Override
            public Ledger bySeq(long seq) {
                return lm.ledgerBySeq(seq);
            }

            @Override
            public Ledger closed() {
                return lm.closedLedger();
            }

            @Override
            public long earliestFetch() {
                return Math.max(0, lm.validLedgerIndex() - fetchDepth);
            }
        }, sets, executor);
        return new LedgerFetch() {
            @Override
            public CompletableFuture<Ledger> acquireLedger(Hash256 hash, long seq) {
                return ledgers.acquire(hash, seq, InboundLedgers.Reason.CONSENSUS);
            }

            @Override
            public CompletableFuture<Ledger> acquireHistory(Hash256 hash, long seq) {
                return ledgers.acquire(hash, seq, InboundLedgers.Reason.HISTORY);
            }

            @Override
            public CompletableFuture<SHAMap> acquireTxSet(Hash256 id) {
                return sets.acquire(id);
            }

            @Override
            public void haveTxSet(SHAMap set) {
                sets.give(set);
            }

            @Override
            public void onGetLedger(Peer peer, GetLedgerDecoder message) {
                requests.onGetLedger(peer, message);
            }

            @Override
            public void onLedgerData(Peer peer, LedgerDataDecoder message) {
                if (message.infoType() == LedgerInfoType.TS_CANDIDATE) {
                    sets.onLedgerData(peer, message);
                } else {
                    ledgers.onLedgerData(peer, message);
                }
            }

            @Override
            public ObjectNode info() {
                return ledgers.info();
            }

            @Override
            public void clearFailures() {
                ledgers.clearFailures();
            }

            @Override
            public void tick(long nowMs) {
                ledgers.tick(nowMs);
                sets.tick(nowMs);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
