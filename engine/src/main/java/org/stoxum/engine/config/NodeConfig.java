package org.stoxum.engine.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.stoxum.codec.NetworkProfile;

/**
 * Everything {@code stoxumd.cfg} (and the validators file) says, read once, checked once, then
 * immutable: a value that exists is a config the node can start with.
 *
 * <p>Build one with {@link NodeConfigLoader}. Paths are absolute: relative paths in a file are resolved
 * against the file's directory (stoxumd resolves {@code [database_path]} and {@code [node_db] path}
 * against the working directory instead; for a config in the working directory the two agree).
 * Command-line settings ({@code --quorum}, {@code --rpc_ip}, start-up mode) are not here; they live in
 * the command line value and take precedence where they overlap.
 */
public final class NodeConfig {
    /** {@code [ledger_history]}: ledgers of history a node acquires and keeps. */
    public static final long DEFAULT_LEDGER_HISTORY = 256;

    /** The number {@code full} stands for in {@code [ledger_history]} and {@code [fetch_depth]}. */
    public static final long FULL_HISTORY = 1_000_000_000L;

    /** {@code [fetch_depth]}: by default we serve peers all the history we have. */
    public static final long DEFAULT_FETCH_DEPTH = FULL_HISTORY;

    /** {@code [fetch_depth]} values below this are raised to it. */
    public static final long MINIMUM_FETCH_DEPTH = 10;

    /** {@code [peers_max]}: peer slots when the config leaves it at 0 or out. */
    public static final int DEFAULT_PEERS_MAX = 21;

    /** {@code [peers_max]}: fewer slots than this are raised to it. */
    public static final int MINIMUM_PEERS_MAX = 10;

    /** {@code [peer_private]}: by default our address is relayed and inbound peers are welcome. */
    public static final boolean DEFAULT_PEER_PRIVATE = false;

    /** {@code [network_quorum]}: peers needed to leave "disconnected"; 0 never waits. */
    public static final int DEFAULT_NETWORK_QUORUM = 0;
    /** How long an amendment must hold a majority before it is enabled: stoxumd's fixed two weeks. */
    public static final Duration DEFAULT_AMENDMENT_MAJORITY_TIME = Duration.ofDays(14);

    /** {@code [workers]}: 0 lets the job queue pick its thread count from the CPUs. */
    public static final int DEFAULT_WORKERS = 0;

    /** {@code [websocket_ping_frequency]}: how often idle WebSocket clients are pinged. */
    public static final Duration DEFAULT_WEBSOCKET_PING_FREQUENCY = Duration.ofMinutes(5);

    /** {@code [elb_support]}: the WebSocket status page reports health only when asked to. */
    public static final boolean DEFAULT_ELB_SUPPORT = false;

    /** {@code [ssl_verify]}: outbound HTTPS (validator list sites) checks certificates. */
    public static final boolean DEFAULT_SSL_VERIFY = true;

    private final Optional<Path> file;
    private final Path configDir;
    private final boolean standalone;
    private final NetworkProfile networkProfile;
    private final List<PortConfig> ports;
    private final NodeDbConfig nodeDb;
    private final Optional<NodeDbConfig> importDb;
    private final Optional<ShardDbConfig> shardDb;
    private final Optional<Path> databasePath;
    private final Optional<Path> debugLogfile;
    private final NodeSize nodeSize;
    private final long ledgerHistory;
    private final long fetchDepth;
    private final ValidatorsConfig validators;
    private final Optional<ValidatorToken> validatorToken;
    private final Optional<ConfiguredSeed> validationSeed;
    private final Optional<String> validatorKeyRevocation;
    private final Optional<ConfiguredSeed> nodeSeed;
    private final List<NodeKeyEntry> clusterNodes;
    private final List<PeerEndpoint> ips;
    private final List<PeerEndpoint> ipsFixed;
    private final boolean peerPrivate;
    private final int peersMax;
    private final OverlayConfig overlay;
    private final ClusterSectionConfig clusterSection;
    private final VotingConfig voting;
    private final FeeConfig fees;
    private final List<ObjectNode> rpcStartup;
    private final boolean sslVerify;
    private final Optional<Path> sslVerifyFile;
    private final Optional<Path> sslVerifyDir;
    private final List<String> sntpServers;
    private final Optional<InsightConfig> insight;
    private final TxQueueConfig transactionQueue;
    private final List<AmendmentEntry> amendments;
    private final List<AmendmentEntry> vetoAmendments;
    private final List<String> features;
    private final PathSearchConfig pathSearch;
    private final int networkQuorum;
    private final int consensusSpeedup;
    private final Duration amendmentMajorityTime;
    private final int workers;
    private final Duration websocketPingFrequency;
    private final boolean elbSupport;
    private final List<String> warnings;

    NodeConfig(Draft d) {
        this.file = d.file;
        this.configDir = d.configDir;
        this.standalone = d.standalone;
        this.networkProfile = d.networkProfile;
        this.ports = List.copyOf(d.ports);
        this.nodeDb = d.nodeDb;
        this.importDb = d.importDb;
        this.shardDb = d.shardDb;
        this.databasePath = d.databasePath;
        this.debugLogfile = d.debugLogfile;
        this.nodeSize = d.nodeSize;
        this.ledgerHistory = d.ledgerHistory;
        this.fetchDepth = d.fetchDepth;
        this.validators = d.validators;
        this.validatorToken = d.validatorToken;
        this.validationSeed = d.validationSeed;
        this.validatorKeyRevocation = d.validatorKeyRevocation;
        this.nodeSeed = d.nodeSeed;
        this.clusterNodes = List.copyOf(d.clusterNodes);
        this.ips = List.copyOf(d.ips);
        this.ipsFixed = List.copyOf(d.ipsFixed);
        this.peerPrivate = d.peerPrivate;
        this.peersMax = d.peersMax;
        this.overlay = d.overlay;
        this.clusterSection = d.clusterSection;
        this.voting = d.voting;
        this.fees = d.fees;
        this.rpcStartup = d.rpcStartup.stream().map(ObjectNode::deepCopy).toList();
        this.sslVerify = d.sslVerify;
        this.sslVerifyFile = d.sslVerifyFile;
        this.sslVerifyDir = d.sslVerifyDir;
        this.sntpServers = List.copyOf(d.sntpServers);
        this.insight = d.insight;
        this.transactionQueue = d.transactionQueue;
        this.amendments = List.copyOf(d.amendments);
        this.vetoAmendments = List.copyOf(d.vetoAmendments);
        this.features = List.copyOf(d.features);
        this.pathSearch = d.pathSearch;
        this.networkQuorum = d.networkQuorum;
        this.consensusSpeedup = d.consensusSpeedup;
        this.amendmentMajorityTime = d.amendmentMajorityTime;
        this.workers = d.workers;
        this.websocketPingFrequency = d.websocketPingFrequency;
        this.elbSupport = d.elbSupport;
        this.warnings = List.copyOf(d.warnings);
    }

    /** The file read; empty when the embedded defaults were used. */
    public Optional<Path> file() {
        return file;
    }

    /** The directory relative paths were resolved against. */
    public Path configDir() {
        return configDir;
    }

    /** True when the config was read for stand-alone mode (no peers, no validators file, no history). */
    public boolean standalone() {
        return standalone;
    }

    /** {@code [network_profile]}: which network's alphabet, currency and supply this node uses. */
    public NetworkProfile networkProfile() {
        return networkProfile;
    }

    /**
     * The listening ports in {@code [server]} order. In stand-alone mode the peer protocol has been
     * removed and ports left with nothing to speak have been dropped.
     */
    public List<PortConfig> ports() {
        return ports;
    }

    /** The port carrying the peer protocol, if any (never in stand-alone mode). */
    public Optional<PortConfig> peerPort() {
        return ports.stream().filter(PortConfig::peer).findFirst();
    }

    /** The first port speaking http or https: the one the command-line client talks to. */
    public Optional<PortConfig> clientPort() {
        return ports.stream()
                .filter(p -> p.protocols().contains(PortProtocol.HTTP) || p.protocols().contains(PortProtocol.HTTPS))
                .findFirst();
    }

    /** {@code [node_db]}: the main node store. */
    public NodeDbConfig nodeDb() {
        return nodeDb;
    }

    /** {@code [import_db]}: the store {@code --import} copies from. */
    public Optional<NodeDbConfig> importDb() {
        return importDb;
    }

    /** {@code [shard_db]}: the history shard store. */
    public Optional<ShardDbConfig> shardDb() {
        return shardDb;
    }

    /**
     * {@code [database_path]}, or the data directory that goes with where the config was found. Empty
     * in stand-alone mode without {@code [database_path]}: the SQL databases are then temporary.
     */
    public Optional<Path> databasePath() {
        return databasePath;
    }

    /** {@code [debug_logfile]}: where the log is also written. */
    public Optional<Path> debugLogfile() {
        return debugLogfile;
    }

    /** {@code [node_size]}: cache sizing. */
    public NodeSize nodeSize() {
        return nodeSize;
    }

    /** {@code [ledger_history]}: ledgers to acquire and keep; 0 in stand-alone mode. */
    public long ledgerHistory() {
        return ledgerHistory;
    }

    /** {@code [fetch_depth]}: how far back we serve history to peers (at least 10). */
    public long fetchDepth() {
        return fetchDepth;
    }

    /** The fetch depth in effect: limited to {@code online_delete} when that is set. */
    public long effectiveFetchDepth() {
        return nodeDb.onlineDeleteEnabled() ? Math.min(fetchDepth, nodeDb.onlineDelete()) : fetchDepth;
    }

    /** Trusted validators, list sites and publisher keys (nothing in stand-alone mode). */
    public ValidatorsConfig validators() {
        return validators;
    }

    /** {@code [validator_token]}: this node's validator identity, new style. */
    public Optional<ValidatorToken> validatorToken() {
        return validatorToken;
    }

    /** {@code [validation_seed]}: this node's validator identity, old style (no manifest). */
    public Optional<ConfiguredSeed> validationSeed() {
        return validationSeed;
    }

    /** {@code [validator_key_revocation]}: a base64 revocation manifest, lines joined. */
    public Optional<String> validatorKeyRevocation() {
        return validatorKeyRevocation;
    }

    /** {@code [node_seed]}: a fixed node identity instead of the one kept in wallet.db. */
    public Optional<ConfiguredSeed> nodeSeed() {
        return nodeSeed;
    }

    /** {@code [cluster]}: the cluster's report and staleness timers and its media driver. */
    public ClusterSectionConfig clusterSection() {
        return clusterSection;
    }

    /** {@code [cluster_nodes]}: members of our cluster, with their names. */
    public List<NodeKeyEntry> clusterNodes() {
        return clusterNodes;
    }

    /** {@code [ips]}: bootstrap peers. */
    public List<PeerEndpoint> ips() {
        return ips;
    }

    /** {@code [ips_fixed]}: peers we always keep a connection to. */
    public List<PeerEndpoint> ipsFixed() {
        return ipsFixed;
    }

    /** {@code [peer_private]}: do not relay our address, accept no inbound peers, dial only fixed ones. */
    public boolean peerPrivate() {
        return peerPrivate;
    }

    /** {@code [peers_max]} in effect: 21 when unset or 0, never below 10. */
    public int peersMax() {
        return peersMax;
    }

    /** {@code [overlay]}. */
    public OverlayConfig overlay() {
        return overlay;
    }

    /** {@code [voting]}: our fee votes. */
    public VotingConfig voting() {
        return voting;
    }

    /** {@code [fee_*]}: fees of ledgers without a FeeSettings object. */
    public FeeConfig fees() {
        return fees;
    }

    /** {@code [rpc_startup]}: commands run as ADMIN after start-up (copies; change them freely). */
    public List<ObjectNode> rpcStartup() {
        return rpcStartup.stream().map(ObjectNode::deepCopy).toList();
    }

    /** {@code [ssl_verify]}. */
    public boolean sslVerify() {
        return sslVerify;
    }

    /** {@code [ssl_verify_file]}: CA bundle for outbound HTTPS. */
    public Optional<Path> sslVerifyFile() {
        return sslVerifyFile;
    }

    /** {@code [ssl_verify_dir]}: CA directory for outbound HTTPS. */
    public Optional<Path> sslVerifyDir() {
        return sslVerifyDir;
    }

    /** {@code [sntp_servers]}: time sources (unused in stand-alone mode). */
    public List<String> sntpServers() {
        return sntpServers;
    }

    /** {@code [insight]}: the StatsD target; empty when metrics are off. */
    public Optional<InsightConfig> insight() {
        return insight;
    }

    /** {@code [transaction_queue]}. */
    public TxQueueConfig transactionQueue() {
        return transactionQueue;
    }

    /** {@code [amendments]}: amendments treated as already enabled. */
    public List<AmendmentEntry> amendments() {
        return amendments;
    }

    /** {@code [veto_amendments]}: amendments we vote against. */
    public List<AmendmentEntry> vetoAmendments() {
        return vetoAmendments;
    }

    /**
     * {@code [features]}: amendment names forced on locally. The amendment table checks the names,
     * since only it knows which amendments exist.
     */
    public List<String> features() {
        return features;
    }

    /** {@code [path_search*]}. */
    public PathSearchConfig pathSearch() {
        return pathSearch;
    }

    /** {@code [network_quorum]}. */
    public int networkQuorum() {
        return networkQuorum;
    }

    /**
     * {@code [consensus] speedup}, an extension of this server for test networks: consensus round durations
     * are stoxumd's divided by this (1, the default, is stoxumd's pace).
     */
    public int consensusSpeedup() {
        return consensusSpeedup;
    }

    /**
     * {@code [amendment_majority_time]}, an extension (newer rippled's section; stoxumd fixes two weeks): how
     * long an amendment must hold a majority of trusted votes before this validator votes to enable it.
     */
    public Duration amendmentMajorityTime() {
        return amendmentMajorityTime;
    }

    /** {@code [workers]}: job-queue threads, 0 = automatic. */
    public int workers() {
        return workers;
    }

    /** {@code [websocket_ping_frequency]}. */
    public Duration websocketPingFrequency() {
        return websocketPingFrequency;
    }

    /** {@code [elb_support]}. */
    public boolean elbSupport() {
        return elbSupport;
    }

    /** What looked wrong but did not stop the load (unknown sections and keys, ignored lines). */
    public List<String> warnings() {
        return warnings;
    }

    /** The mutable state the loader fills in before the value is frozen. */
    static final class Draft {
        Optional<Path> file = Optional.empty();
        Path configDir;
        boolean standalone;
        NetworkProfile networkProfile = NetworkProfile.DEFAULT;
        List<PortConfig> ports = List.of();
        NodeDbConfig nodeDb;
        Optional<NodeDbConfig> importDb = Optional.empty();
        Optional<ShardDbConfig> shardDb = Optional.empty();
        Optional<Path> databasePath = Optional.empty();
        Optional<Path> debugLogfile = Optional.empty();
        NodeSize nodeSize = NodeSize.DEFAULT;
        long ledgerHistory = DEFAULT_LEDGER_HISTORY;
        long fetchDepth = DEFAULT_FETCH_DEPTH;
        ValidatorsConfig validators = ValidatorsConfig.NONE;
        Optional<ValidatorToken> validatorToken = Optional.empty();
        Optional<ConfiguredSeed> validationSeed = Optional.empty();
        Optional<String> validatorKeyRevocation = Optional.empty();
        Optional<ConfiguredSeed> nodeSeed = Optional.empty();
        List<NodeKeyEntry> clusterNodes = List.of();
        List<PeerEndpoint> ips = List.of();
        List<PeerEndpoint> ipsFixed = List.of();
        boolean peerPrivate = DEFAULT_PEER_PRIVATE;
        int peersMax = DEFAULT_PEERS_MAX;
        OverlayConfig overlay = OverlayConfig.DEFAULT;
        ClusterSectionConfig clusterSection = ClusterSectionConfig.DEFAULT;
        VotingConfig voting;
        FeeConfig fees;
        List<ObjectNode> rpcStartup = List.of();
        boolean sslVerify = DEFAULT_SSL_VERIFY;
        Optional<Path> sslVerifyFile = Optional.empty();
        Optional<Path> sslVerifyDir = Optional.empty();
        List<String> sntpServers = List.of();
        Optional<InsightConfig> insight = Optional.empty();
        TxQueueConfig transactionQueue = TxQueueConfig.DEFAULT;
        List<AmendmentEntry> amendments = List.of();
        List<AmendmentEntry> vetoAmendments = List.of();
        List<String> features = List.of();
        PathSearchConfig pathSearch = PathSearchConfig.DEFAULT;
        int networkQuorum = DEFAULT_NETWORK_QUORUM;
        int consensusSpeedup = 1;
        Duration amendmentMajorityTime = DEFAULT_AMENDMENT_MAJORITY_TIME;
        int workers = DEFAULT_WORKERS;
        Duration websocketPingFrequency = DEFAULT_WEBSOCKET_PING_FREQUENCY;
        boolean elbSupport = DEFAULT_ELB_SUPPORT;
        List<String> warnings = List.of();
    }
}
