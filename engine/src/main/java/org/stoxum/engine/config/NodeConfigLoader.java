package org.stoxum.engine.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.ledger.Amendments;

/**
 * Turns a config file into a {@link NodeConfig}: finds it, reads it, fills defaults, cross-checks, and
 * fails on the first bad value with a {@link ConfigException} that names file, line and expectation.
 * Oddities that stoxumd tolerates (unknown sections and keys, a single-value section with several
 * lines) become warnings, logged here and kept in {@link NodeConfig#warnings()}.
 */
public final class NodeConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(NodeConfigLoader.class);

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);

    /** An amendment line: 64 hex digits, whitespace, one word. */
    private static final Pattern AMENDMENT = Pattern.compile("\\s*([0-9a-fA-F]{64})\\s+(\\S+)");

    /** Sections this server reads, besides the port sections named in {@code [server]}. */
    private static final Set<String> KNOWN_SECTIONS = Set.of("server", "rpc_startup", "websocket_ping_frequency",
            "elb_support", "ips", "ips_fixed", "peer_private", "peers_max", "overlay", "node_seed", "cluster_nodes", "cluster",
            "sntp_servers", "node_size", "ledger_history", "fetch_depth", "validation_seed", "validator_token",
            "validator_key_revocation", ValidatorsReader.VALIDATORS_FILE, ValidatorsReader.VALIDATORS,
            ValidatorsReader.VALIDATOR_KEYS, ValidatorsReader.LIST_SITES, ValidatorsReader.LIST_KEYS, "path_search",
            "path_search_fast", "path_search_max", "path_search_old", "fee_default", "fee_account_reserve",
            "fee_owner_reserve", "fee_offer", "network_quorum", "workers", "ssl_verify", "ssl_verify_file",
            "ssl_verify_dir", "database_path", "node_db", "import_db", "shard_db", "debug_logfile", "insight", "voting",
            "transaction_queue", "amendments", "veto_amendments", "features", "network_profile",
            "consensus", "amendment_majority_time");

    /** Sections seen in stoxumd example files that stoxumd itself never reads. */
    private static final Map<String, String> INERT_SECTIONS = Map.of(
            "validation_quorum", "stoxumd computes the quorum from the trusted list; use --quorum to override it",
            "signing_support", "signing with a secret is always allowed",
            "io_workers", "the I/O thread count is not configurable");

    private static final Set<String> NODE_DB_KEYS = Set.of("type", "path", "online_delete", "advisory_delete",
            "delete_batch", "backoff", "age_threshold");

    private static final Set<String> SHARD_DB_KEYS = Set.of("type", "path", "max_size_gb", "ledgers_per_shard");

    private static final Set<String> TXQ_KEYS = Set.of("ledgers_in_queue", "minimum_queue_size",
            "retry_sequence_percent", "multi_txn_percent", "minimum_escalation_multiplier", "minimum_txn_in_ledger",
            "minimum_txn_in_ledger_standalone", "target_txn_in_ledger", "maximum_txn_in_ledger",
            "maximum_txn_per_account", "minimum_last_ledger_buffer", "zero_basefee_transaction_feelevel");

    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private NodeConfigLoader() {
    }

    /**
     * The sections this server reads, besides port sections: what an example config must document, so a
     * section added here cannot stay undocumented.
     */
    public static Set<String> knownSections() {
        return KNOWN_SECTIONS;
    }

    /** Sections accepted with a warning that they do nothing here, each with the reason. */
    public static Map<String, String> inertSections() {
        return INERT_SECTIONS;
    }

    /**
     * Finds the config as stoxumd would ({@link ConfigLocator}) and loads it, or the embedded defaults.
     *
     * @param conf       the {@code --conf} argument
     * @param standalone stand-alone mode ({@code -a})
     * @param env        environment variables and directories for the search
     */
    public static NodeConfig load(Optional<String> conf, boolean standalone, ConfigEnvironment env) {
        return load(ConfigLocator.locate(conf, env), standalone);
    }

    /** Loads the config at a location found by {@link ConfigLocator}. */
    public static NodeConfig load(ConfigLocation location, boolean standalone) {
        if (location.embedded()) {
            LOG.info("No config file found (looked for {}); using the embedded stand-alone defaults: "
                            + "JSON-RPC on 127.0.0.1:{}, WebSocket on 127.0.0.1:{}, data under {}",
                    location.searched(), EmbeddedDefaults.RPC_PORT, EmbeddedDefaults.WS_PORT,
                    location.configDir().resolve("data"));
            return parse(EmbeddedDefaults.SOURCE, EmbeddedDefaults.TEXT, Optional.empty(), location.configDir(),
                    location.dataDir(), standalone);
        }
        Path file = location.file().orElseThrow();
        LOG.info("Loading config {}", file);
        String text;
        try {
            // Decoded leniently: stoxumd reads bytes, so a stray Latin-1 comment must not stop the start.
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read the config file: " + e.getMessage(), e);
        }
        return parse(file.toString(), text, Optional.of(file), location.configDir(), location.dataDir(), standalone);
    }

    /** The embedded defaults rooted in {@code workingDir}. */
    public static NodeConfig embeddedDefaults(Path workingDir, boolean standalone) {
        Path dir = workingDir.toAbsolutePath().normalize();
        return parse(EmbeddedDefaults.SOURCE, EmbeddedDefaults.TEXT, Optional.empty(), dir,
                dir.resolve(ConfigLocator.DATABASE_DIR_NAME), standalone);
    }

    /**
     * Reads config text.
     *
     * @param source     how the text is named in messages
     * @param text       the config
     * @param file       the file it came from (empty for the embedded defaults: no validators.txt is
     *                   looked for beside it)
     * @param configDir  what relative paths are resolved against
     * @param dataDir    {@code [database_path]} when the text has none (outside stand-alone mode)
     * @param standalone stand-alone mode
     */
    public static NodeConfig parse(String source, String text, Optional<Path> file, Path configDir, Path dataDir,
                                   boolean standalone) {
        List<String> warnings = new ArrayList<>();
        ReadContext ctx = new ReadContext(source, configDir.toAbsolutePath().normalize(), standalone, warnings);
        IniFile ini = IniFile.parse(source, text);
        ctx.warnAll(ini.warnings());
        NodeConfig.Draft d = new NodeConfig.Draft();
        d.file = file;
        d.configDir = ctx.baseDir;
        d.standalone = standalone;
        read(ini, ctx, d, dataDir.toAbsolutePath().normalize(), file.isPresent());
        d.warnings = warnings;
        for (String w : warnings) {
            LOG.warn(w);
        }
        return new NodeConfig(d);
    }

    private static void read(IniFile ini, ReadContext ctx, NodeConfig.Draft d, Path dataDir, boolean realFile) {
        d.networkProfile = single(ini, "network_profile", ctx).map(l -> profile(ctx, l)).orElse(NetworkProfile.DEFAULT);
        d.ports = PortsReader.read(ini, ctx);
        warnUnknownSections(ini, ctx, d.ports);

        d.nodeDb = nodeDb(ini.section("node_db").orElseThrow(() -> ctx.error(0,
                "the required section [node_db] is missing: add [node_db] with type=lmdb and path=<directory>")), ctx);
        d.importDb = ini.section("import_db").filter(s -> !s.isEmpty()).map(s -> nodeDb(s, ctx));
        d.shardDb = ini.section("shard_db").filter(s -> !s.isEmpty()).map(s -> shardDb(s, ctx));
        d.databasePath = databasePath(ini, ctx, dataDir);
        d.debugLogfile = single(ini, "debug_logfile", ctx).map(l -> ctx.path(l.number(), "[debug_logfile]", l.text()));

        d.nodeSize = single(ini, "node_size", ctx).map(l -> NodeSize.parse(l.text()).orElseThrow(() -> ctx.error(
                l.number(), "[node_size]: expected tiny, small, medium, large, huge or 0..4, got '" + l.text() + "'")))
                .orElse(NodeSize.DEFAULT);
        d.ledgerHistory = single(ini, "ledger_history", ctx).map(l -> history(ctx, l, "[ledger_history]"))
                .orElse(NodeConfig.DEFAULT_LEDGER_HISTORY);
        if (ctx.standalone) {
            d.ledgerHistory = 0;
        }
        d.fetchDepth = Math.max(NodeConfig.MINIMUM_FETCH_DEPTH, single(ini, "fetch_depth", ctx)
                .map(l -> history(ctx, l, "[fetch_depth]")).orElse(NodeConfig.DEFAULT_FETCH_DEPTH));
        checkOnlineDelete(ini, ctx, d);

        d.peerPrivate = single(ini, "peer_private", ctx).map(l -> ctx.bool(l.number(), "[peer_private]", l.text()))
                .orElse(NodeConfig.DEFAULT_PEER_PRIVATE);
        long peersMax = single(ini, "peers_max", ctx)
                .map(l -> Math.max(0, ctx.signed(l.number(), "[peers_max]", l.text(), Integer.MIN_VALUE, Integer.MAX_VALUE)))
                .orElse(0L);
        d.peersMax = peersMax == 0 ? NodeConfig.DEFAULT_PEERS_MAX : (int) Math.max(NodeConfig.MINIMUM_PEERS_MAX, peersMax);
        d.ips = endpoints(ini, "ips", ctx);
        d.ipsFixed = endpoints(ini, "ips_fixed", ctx);
        if (d.peerPrivate && d.ipsFixed.isEmpty() && !ctx.standalone) {
            ctx.warn(0, "[peer_private] is set and [ips_fixed] is empty: no outbound peer connections will be made");
        }
        d.overlay = overlay(ini, ctx);
        d.clusterSection = clusterSection(ini, ctx);
        d.clusterNodes = clusterNodes(ini, ctx, d.networkProfile);
        d.sntpServers = ini.section("sntp_servers").map(s -> s.lines().stream().map(IniLine::text).toList())
                .orElse(List.of());

        validatorIdentity(ini, ctx, d);
        d.validators = ctx.standalone ? ValidatorsConfig.NONE
                : ValidatorsReader.read(ini, ctx, d.networkProfile, realFile);

        d.fees = fees(ini, ctx, FeeConfig.defaults(d.networkProfile));
        d.voting = voting(ini, ctx, VotingConfig.defaults(d.networkProfile));
        d.transactionQueue = transactionQueue(ini, ctx);
        d.pathSearch = new PathSearchConfig(
                intSection(ini, "path_search", ctx, PathSearchConfig.DEFAULT_NORMAL),
                intSection(ini, "path_search_fast", ctx, PathSearchConfig.DEFAULT_FAST),
                intSection(ini, "path_search_max", ctx, PathSearchConfig.DEFAULT_MAX),
                intSection(ini, "path_search_old", ctx, PathSearchConfig.DEFAULT_OLD));
        d.networkQuorum = intSection(ini, "network_quorum", ctx, NodeConfig.DEFAULT_NETWORK_QUORUM);
        d.consensusSpeedup = consensusSpeedup(ini, ctx);
        d.amendmentMajorityTime = single(ini, "amendment_majority_time", ctx)
                .map(l -> majorityTime(ctx, l)).orElse(NodeConfig.DEFAULT_AMENDMENT_MAJORITY_TIME);
        d.workers = intSection(ini, "workers", ctx, NodeConfig.DEFAULT_WORKERS);
        d.websocketPingFrequency = single(ini, "websocket_ping_frequency", ctx)
                .map(l -> Duration.ofSeconds(ctx.unsigned(l.number(), "[websocket_ping_frequency] (seconds)", l.text(),
                        1, Integer.MAX_VALUE)))
                .orElse(NodeConfig.DEFAULT_WEBSOCKET_PING_FREQUENCY);
        d.elbSupport = single(ini, "elb_support", ctx).map(l -> ctx.bool(l.number(), "[elb_support]", l.text()))
                .orElse(NodeConfig.DEFAULT_ELB_SUPPORT);
        d.sslVerify = single(ini, "ssl_verify", ctx).map(l -> ctx.bool(l.number(), "[ssl_verify]", l.text()))
                .orElse(NodeConfig.DEFAULT_SSL_VERIFY);
        d.sslVerifyFile = single(ini, "ssl_verify_file", ctx).map(l -> ctx.path(l.number(), "[ssl_verify_file]", l.text()));
        d.sslVerifyDir = single(ini, "ssl_verify_dir", ctx).map(l -> ctx.path(l.number(), "[ssl_verify_dir]", l.text()));
        d.rpcStartup = rpcStartup(ini, ctx);
        d.insight = insight(ini, ctx);
        d.amendments = amendments(ini, "amendments", ctx);
        d.vetoAmendments = amendments(ini, "veto_amendments", ctx);
        d.features = features(ini, ctx);
    }

    /**
     * {@code [features]}: amendments whose rules apply whatever the ledgers say. stoxumd refuses to start on a
     * name it does not know ("Unknown feature"); an amendment's hex id is not accepted either.
     */
    private static List<String> features(IniFile ini, ReadContext ctx) {
        List<String> out = new ArrayList<>();
        for (IniLine l : ini.section("features").map(IniSection::values).orElse(List.of())) {
            if (Amendments.find(l.text()) == null) {
                throw ctx.error(l.number(), "[features]: Unknown feature: " + l.text()
                        + ": expected the name of an amendment stoxumd knows, such as FeeEscalation");
            }
            out.add(l.text());
        }
        return out;
    }

    /**
     * The one line of a single-value section. A section with several lines is ignored with a warning
     * (stoxumd does the same); an absent or empty one gives nothing.
     */
    static Optional<IniLine> single(IniFile ini, String name, ReadContext ctx) {
        Optional<IniSection> s = ini.section(name);
        if (s.isEmpty() || s.get().isEmpty()) {
            return Optional.empty();
        }
        List<IniLine> lines = s.get().lines();
        if (lines.size() > 1) {
            ctx.warn(s.get().headerLine(), "section [" + name + "] must have exactly one line, not " + lines.size()
                    + "; it was ignored and its default used");
            return Optional.empty();
        }
        return Optional.of(lines.get(0));
    }

    private static NetworkProfile profile(ReadContext ctx, IniLine l) {
        try {
            return NetworkProfile.fromConfigName(l.text());
        } catch (IllegalArgumentException e) {
            throw ctx.error(l.number(), "[network_profile]: expected 'stoxum' or 'ripple', got '" + l.text() + "'");
        }
    }

    private static void warnUnknownSections(IniFile ini, ReadContext ctx, List<PortConfig> ports) {
        Set<String> portNames = ini.section("server")
                .map(s -> s.values().stream().map(l -> l.text().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()))
                .orElse(Set.of());
        for (IniSection s : ini.sections()) {
            String name = s.name().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                if (!s.isEmpty()) {
                    ctx.warn(s.lines().get(0).number(), "lines before the first [section] header are ignored");
                }
            } else if (INERT_SECTIONS.containsKey(name)) {
                ctx.warn(s.headerLine(), "section [" + s.name() + "] has no effect: " + INERT_SECTIONS.get(name));
            } else if (!KNOWN_SECTIONS.contains(name) && !portNames.contains(name)) {
                ctx.warn(s.headerLine(), "unknown section [" + s.name() + "] was ignored"
                        + (name.startsWith("port") ? " (a port section must be listed in [server])" : ""));
            }
        }
    }

    private static NodeDbConfig nodeDb(IniSection s, ReadContext ctx) {
        String where = "[" + s.name() + "]";
        IniKeyValue type = s.get("type").orElseThrow(() -> ctx.error(s.headerLine(),
                where + " has no type=; this server keeps its node store in LMDB: write type=lmdb"));
        if (!type.value().equalsIgnoreCase(NodeDbConfig.TYPE)) {
            throw ctx.error(type.number(), where + " type=" + type.value() + " is not available: this server keeps "
                    + "its node store in LMDB, so type must be lmdb (stores of other backends cannot be read; "
                    + "let the node sync from the network instead)");
        }
        IniKeyValue pathKv = s.get("path").orElseThrow(() -> ctx.error(s.headerLine(),
                where + " has no path= (the directory of the LMDB store)"));
        Path path = ctx.path(pathKv.number(), where + " path", pathKv.value());
        long onlineDelete = ctx.unsignedKey(s, "online_delete", 0, UINT32_MAX).orElse(NodeDbConfig.DEFAULT_ONLINE_DELETE);
        if (onlineDelete > 0) {
            long minimum = ctx.standalone ? NodeDbConfig.MINIMUM_ONLINE_DELETE_STANDALONE : NodeDbConfig.MINIMUM_ONLINE_DELETE;
            if (onlineDelete < minimum) {
                throw ctx.error(s.get("online_delete").orElseThrow().number(),
                        where + " online_delete must be at least " + minimum + ", got " + onlineDelete);
            }
        }
        boolean advisory = ctx.boolKey(s, "advisory_delete").orElse(NodeDbConfig.DEFAULT_ADVISORY_DELETE);
        if (onlineDelete == 0 && s.get("advisory_delete").isPresent()) {
            ctx.warn(s.get("advisory_delete").get().number(), where + " advisory_delete has no effect without online_delete");
            advisory = NodeDbConfig.DEFAULT_ADVISORY_DELETE;
        }
        long deleteBatch = ctx.unsignedKey(s, "delete_batch", 1, UINT32_MAX).orElse(NodeDbConfig.DEFAULT_DELETE_BATCH);
        long backOff = ctx.unsignedKey(s, "backOff", 0, UINT32_MAX).orElse(NodeDbConfig.DEFAULT_BACK_OFF_MILLIS);
        long ageThreshold = ctx.unsignedKey(s, "age_threshold", 0, Integer.MAX_VALUE)
                .orElse(NodeDbConfig.DEFAULT_AGE_THRESHOLD_SECONDS);
        Map<String, String> extra = new HashMap<>();
        s.keys().forEach((k, kv) -> {
            if (!NODE_DB_KEYS.contains(k)) {
                extra.put(k, kv.value());
            }
        });
        for (IniLine l : s.values()) {
            ctx.warn(l.number(), where + " expects key=value lines; '" + l.text() + "' was ignored");
        }
        return new NodeDbConfig(path, onlineDelete, advisory, deleteBatch, backOff, ageThreshold, extra);
    }

    private static ShardDbConfig shardDb(IniSection s, ReadContext ctx) {
        ctx.warnUnknownKeys(s, SHARD_DB_KEYS);
        IniKeyValue type = s.get("type").orElseThrow(() -> ctx.error(s.headerLine(), "[shard_db] has no type=; write type=lmdb"));
        if (!type.value().equalsIgnoreCase(NodeDbConfig.TYPE)) {
            throw ctx.error(type.number(), "[shard_db] type=" + type.value()
                    + " is not available: this server keeps shards in LMDB, so type must be lmdb");
        }
        IniKeyValue pathKv = s.get("path").orElseThrow(() -> ctx.error(s.headerLine(), "[shard_db] has no path="));
        Path path = ctx.path(pathKv.number(), "[shard_db] path", pathKv.value());
        long maxSize = ctx.unsignedKey(s, "max_size_gb", ShardDbConfig.MINIMUM_MAX_SIZE_GB, 0x3FFF_FFFFL)
                .orElseThrow(() -> ctx.error(s.headerLine(), "[shard_db] has no max_size_gb= (at least "
                        + ShardDbConfig.MINIMUM_MAX_SIZE_GB + ")"));
        long perShard = ShardDbConfig.DEFAULT_LEDGERS_PER_SHARD;
        Optional<IniKeyValue> lps = s.get("ledgers_per_shard");
        if (lps.isPresent()) {
            int line = lps.get().number();
            if (!ctx.standalone) {
                throw ctx.error(line, "[shard_db] ledgers_per_shard can only be changed in stand-alone mode");
            }
            perShard = ctx.unsigned(line, "[shard_db] ledgers_per_shard", lps.get().value(), 1, UINT32_MAX);
            if (perShard % ShardDbConfig.LEDGERS_PER_SHARD_UNIT != 0) {
                throw ctx.error(line, "[shard_db] ledgers_per_shard must be a multiple of "
                        + ShardDbConfig.LEDGERS_PER_SHARD_UNIT + ", got " + perShard);
            }
        }
        return new ShardDbConfig(path, maxSize, perShard);
    }

    private static Optional<Path> databasePath(IniFile ini, ReadContext ctx, Path dataDir) {
        Optional<IniSection> s = ini.section("database_path").filter(x -> !x.isEmpty());
        if (s.isPresent()) {
            if (s.get().lines().size() > 1) {
                throw ctx.error(s.get().headerLine(), "[database_path] must have exactly one line (a directory), not "
                        + s.get().lines().size());
            }
            IniLine l = s.get().lines().get(0);
            return Optional.of(ctx.path(l.number(), "[database_path]", l.text()));
        }
        return ctx.standalone ? Optional.empty() : Optional.of(dataDir);
    }

    private static long history(ReadContext ctx, IniLine l, String what) {
        if (l.text().equalsIgnoreCase("full")) {
            return NodeConfig.FULL_HISTORY;
        }
        if (l.text().equalsIgnoreCase("none")) {
            return 0;
        }
        Long n = ConfigValues.unsigned(l.text(), UINT32_MAX);
        if (n == null) {
            throw ctx.error(l.number(), what + ": expected a number of ledgers, 'full' or 'none', got '" + l.text() + "'");
        }
        return n;
    }

    private static void checkOnlineDelete(IniFile ini, ReadContext ctx, NodeConfig.Draft d) {
        if (d.nodeDb.onlineDeleteEnabled() && d.ledgerHistory > d.nodeDb.onlineDelete()) {
            int line = ini.section("node_db").flatMap(s -> s.get("online_delete")).map(IniKeyValue::number).orElse(0);
            throw ctx.error(line, "[node_db] online_delete (" + d.nodeDb.onlineDelete()
                    + ") must not be less than [ledger_history] (" + d.ledgerHistory + ")");
        }
    }

    private static int intSection(IniFile ini, String name, ReadContext ctx, int defaultValue) {
        return single(ini, name, ctx)
                .map(l -> (int) ctx.unsigned(l.number(), "[" + name + "]", l.text(), Integer.MAX_VALUE))
                .orElse(defaultValue);
    }

    private static long longSection(IniFile ini, String name, ReadContext ctx, long defaultValue) {
        return single(ini, name, ctx).map(l -> ctx.unsigned(l.number(), "[" + name + "] (drops)", l.text(), Long.MAX_VALUE))
                .orElse(defaultValue);
    }

    /**
     * A {@code host port} line (or {@code host:port}; the host ends at the first space or colon, as
     * stoxumd's resolver reads it, so an IPv6 address must be written {@code [addr]:port} or
     * {@code addr port}).
     */
    private static List<PeerEndpoint> endpoints(IniFile ini, String name, ReadContext ctx) {
        List<PeerEndpoint> out = new ArrayList<>();
        for (IniLine l : ini.section(name).map(IniSection::lines).orElse(List.of())) {
            String text = l.text();
            String host;
            String port;
            String[] words = text.split("\\s+");
            if (words.length == 2) {
                host = words[0];
                port = words[1];
            } else if (words.length == 1 && text.startsWith("[") && text.contains("]:")) {
                host = text.substring(1, text.indexOf("]:"));
                port = text.substring(text.indexOf("]:") + 2);
            } else if (words.length == 1 && text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                host = text.substring(0, text.indexOf(':'));
                port = text.substring(text.indexOf(':') + 1);
            } else {
                throw ctx.error(l.number(), "[" + name + "]: expected 'host port', got '" + text + "'");
            }
            long p = ctx.unsigned(l.number(), "[" + name + "] port of " + host, port, 1, 65535);
            out.add(new PeerEndpoint(host, (int) p));
        }
        return out;
    }

    private static ClusterSectionConfig clusterSection(IniFile ini, ReadContext ctx) {
        Optional<IniSection> s = ini.section("cluster");
        if (s.isEmpty()) {
            return ClusterSectionConfig.DEFAULT;
        }
        IniSection c = s.get();
        ctx.warnUnknownKeys(c, Set.of("report_interval", "stale_after", "media_driver", "aeron_dir"));
        ClusterSectionConfig d = ClusterSectionConfig.DEFAULT;
        Duration report = ctx.unsignedKey(c, "report_interval", 1, 3600).map(Duration::ofSeconds)
                .orElse(d.reportInterval());
        Duration stale = ctx.unsignedKey(c, "stale_after", 1, 86_400).map(Duration::ofSeconds).orElse(d.staleAfter());
        boolean external = c.get("media_driver").map(kv -> switch (kv.value().toLowerCase(Locale.ROOT)) {
            case ClusterSectionConfig.EMBEDDED -> false;
            case ClusterSectionConfig.EXTERNAL -> true;
            default -> throw ctx.error(kv.number(), "[cluster] media_driver: expected "
                    + ClusterSectionConfig.EMBEDDED + " or " + ClusterSectionConfig.EXTERNAL + ", got '" + kv.value() + "'");
        }).orElse(d.externalDriver());
        return new ClusterSectionConfig(report, stale, external, ctx.pathKey(c, "aeron_dir"));
    }

    /** The most {@code [consensus] speedup} may divide round durations by: a heartbeat of 10 ms. */
    private static final int MAX_CONSENSUS_SPEEDUP = 100;

    private static int consensusSpeedup(IniFile ini, ReadContext ctx) {
        Optional<IniSection> s = ini.section("consensus");
        if (s.isEmpty()) {
            return 1;
        }
        ctx.warnUnknownKeys(s.get(), Set.of("speedup"));
        return ctx.unsignedKey(s.get(), "speedup", 1, MAX_CONSENSUS_SPEEDUP).orElse(1L).intValue();
    }

    /** A majority time line, as newer rippled writes it: a count and minutes, hours, days or weeks. */
    private static final Pattern MAJORITY_TIME = Pattern.compile("\\s*(\\d{1,9})\\s*(minutes|hours|days|weeks)\\s*",
            Pattern.CASE_INSENSITIVE);

    private static Duration majorityTime(ReadContext ctx, IniLine l) {
        Matcher m = MAJORITY_TIME.matcher(l.text());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw ctx.error(l.number(), "[amendment_majority_time]: expected a positive count of minutes, hours, "
                    + "days or weeks (\"2 weeks\"), got '" + l.text() + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "minutes" -> Duration.ofMinutes(n);
            case "hours" -> Duration.ofHours(n);
            case "days" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static OverlayConfig overlay(IniFile ini, ReadContext ctx) {
        Optional<IniSection> s = ini.section("overlay");
        if (s.isEmpty()) {
            return OverlayConfig.DEFAULT;
        }
        IniSection o = s.get();
        ctx.warnUnknownKeys(o, Set.of("public_ip", "ip_limit", "expire"));
        Optional<InetAddress> publicIp = o.get("public_ip").map(kv -> {
            Optional<InetAddress> ip = IpLiterals.parse(kv.value());
            if (ip.isEmpty() || ip.get().getAddress().length != 4 || IpLiterals.isPrivateV4(ip.get())) {
                throw ctx.error(kv.number(), "[overlay] public_ip: expected a public IPv4 address, got '" + kv.value() + "'");
            }
            return ip.get();
        });
        int ipLimit = ctx.unsignedKey(o, "ip_limit", 0, Integer.MAX_VALUE).map(Long::intValue)
                .orElse(OverlayConfig.DEFAULT_IP_LIMIT);
        boolean expire = ctx.boolKey(o, "expire").orElse(OverlayConfig.DEFAULT_EXPIRE);
        return new OverlayConfig(publicIp, ipLimit, expire);
    }

    private static List<NodeKeyEntry> clusterNodes(IniFile ini, ReadContext ctx, NetworkProfile profile) {
        List<NodeKeyEntry> out = new ArrayList<>();
        for (IniLine l : ini.section("cluster_nodes").map(IniSection::lines).orElse(List.of())) {
            NodeKeyEntry e = ValidatorsReader.nodeKey(ctx, l, "[cluster_nodes]", profile);
            if (out.contains(e)) {
                ctx.warn(l.number(), "[cluster_nodes] lists " + e.token() + " more than once");
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static void validatorIdentity(IniFile ini, ReadContext ctx, NodeConfig.Draft d) {
        if (ini.exists("validation_seed") && ini.exists("validator_token")) {
            throw ctx.error(ini.section("validator_token").orElseThrow().headerLine(),
                    "[validation_seed] and [validator_token] cannot both be set: a validator has one identity "
                            + "(prefer the token)");
        }
        d.validationSeed = seed(ini, "validation_seed", ctx, d.networkProfile);
        d.nodeSeed = seed(ini, "node_seed", ctx, d.networkProfile);
        d.validatorToken = ini.section("validator_token").map(s -> validatorToken(s, ctx));
        d.validatorKeyRevocation = ini.section("validator_key_revocation").map(s -> {
            // All lines, as for the token: a wrapped base64 line ending in '=' padding looks like key=value.
            String joined = s.lines().stream().map(IniLine::text).collect(Collectors.joining());
            if (joined.isEmpty() || !isBase64(joined)) {
                throw ctx.error(s.headerLine(), "[validator_key_revocation]: expected a base64 revocation manifest");
            }
            return joined;
        });
    }

    private static Optional<ConfiguredSeed> seed(IniFile ini, String name, ReadContext ctx, NetworkProfile profile) {
        return ini.section(name).map(s -> {
            if (s.isEmpty()) {
                throw ctx.error(s.headerLine(), "[" + name + "] is empty: expected a seed");
            }
            IniLine l = s.lines().get(0);
            byte[] entropy = KeyTokens.familySeed(profile, l.text()).orElseThrow(() -> ctx.error(l.number(),
                    "[" + name + "]: expected a family seed in the " + profile.configName() + " alphabet (starting with "
                            + (profile == NetworkProfile.RIPPLE ? "'s'" : "'t'") + "), got something else"));
            return new ConfiguredSeed(l.text(), entropy);
        });
    }

    private static ValidatorToken validatorToken(IniSection s, ReadContext ctx) {
        int line = s.isEmpty() ? s.headerLine() : s.lines().get(0).number();
        String token = s.lines().stream().map(IniLine::text).collect(Collectors.joining());
        String problem = "[validator_token]: expected the base64 token printed by 'validator-keys create_token'";
        if (token.isEmpty() || !isBase64(token)) {
            throw ctx.error(line, problem);
        }
        JsonNode json;
        try {
            json = JSON.readTree(Base64.getDecoder().decode(token));
        } catch (IOException e) {
            throw ctx.error(line, problem + " (its content is not JSON)");
        }
        JsonNode manifest = json == null ? null : json.get("manifest");
        JsonNode secret = json == null ? null : json.get("validation_secret_key");
        if (manifest == null || !manifest.isTextual() || secret == null || !secret.isTextual()
                || secret.asText().isEmpty() || !Hex.isHex(secret.asText())) {
            throw ctx.error(line, problem + " (it lacks a manifest or a hex validation_secret_key)");
        }
        return new ValidatorToken(token, manifest.asText(), Hex.decode(secret.asText()));
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static FeeConfig fees(IniFile ini, ReadContext ctx, FeeConfig defaults) {
        return new FeeConfig(
                longSection(ini, "fee_default", ctx, defaults.baseFee()),
                longSection(ini, "fee_account_reserve", ctx, defaults.accountReserve()),
                longSection(ini, "fee_owner_reserve", ctx, defaults.ownerReserve()),
                longSection(ini, "fee_offer", ctx, defaults.offerFee()));
    }

    private static VotingConfig voting(IniFile ini, ReadContext ctx, VotingConfig defaults) {
        Optional<IniSection> s = ini.section("voting");
        if (s.isEmpty()) {
            return defaults;
        }
        IniSection v = s.get();
        ctx.warnUnknownKeys(v, Set.of("reference_fee", "account_reserve", "owner_reserve"));
        return new VotingConfig(
                ctx.unsignedKey(v, "reference_fee", 0, Long.MAX_VALUE).orElse(defaults.referenceFee()),
                ctx.unsignedKey(v, "account_reserve", 0, Long.MAX_VALUE).orElse(defaults.accountReserve()),
                ctx.unsignedKey(v, "owner_reserve", 0, Long.MAX_VALUE).orElse(defaults.ownerReserve()));
    }

    private static TxQueueConfig transactionQueue(IniFile ini, ReadContext ctx) {
        Optional<IniSection> s = ini.section("transaction_queue");
        if (s.isEmpty()) {
            return TxQueueConfig.DEFAULT;
        }
        IniSection q = s.get();
        ctx.warnUnknownKeys(q, TXQ_KEYS);
        TxQueueConfig d = TxQueueConfig.DEFAULT;
        Optional<IniKeyValue> multi = q.get("multi_txn_percent");
        return new TxQueueConfig(
                ctx.unsignedKey(q, "ledgers_in_queue", 0, Integer.MAX_VALUE).orElse(d.ledgersInQueue()),
                ctx.unsignedKey(q, "minimum_queue_size", 0, Integer.MAX_VALUE).orElse(d.minimumQueueSize()),
                ctx.unsignedKey(q, "retry_sequence_percent", 0, UINT32_MAX).orElse(d.retrySequencePercent()),
                multi.map(kv -> ctx.signed(kv.number(), "[transaction_queue] multi_txn_percent", kv.value(),
                        Integer.MIN_VALUE, Integer.MAX_VALUE)).orElse(d.multiTxnPercent()),
                ctx.unsignedKey(q, "minimum_escalation_multiplier", 0, UINT32_MAX).orElse(d.minimumEscalationMultiplier()),
                ctx.unsignedKey(q, "minimum_txn_in_ledger", 0, UINT32_MAX).orElse(d.minimumTxnInLedger()),
                ctx.unsignedKey(q, "minimum_txn_in_ledger_standalone", 0, UINT32_MAX)
                        .orElse(d.minimumTxnInLedgerStandalone()),
                ctx.unsignedKey(q, "target_txn_in_ledger", 0, UINT32_MAX).orElse(d.targetTxnInLedger()),
                ctx.unsignedKey(q, "maximum_txn_in_ledger", 0, UINT32_MAX).map(OptionalLong::of)
                        .orElse(d.maximumTxnInLedger()),
                ctx.unsignedKey(q, "maximum_txn_per_account", 0, UINT32_MAX).orElse(d.maximumTxnPerAccount()),
                ctx.unsignedKey(q, "minimum_last_ledger_buffer", 0, UINT32_MAX).orElse(d.minimumLastLedgerBuffer()),
                ctx.unsignedKey(q, "zero_basefee_transaction_feelevel", 0, Long.MAX_VALUE)
                        .orElse(d.zeroBaseFeeTransactionFeeLevel()));
    }

    private static List<ObjectNode> rpcStartup(IniFile ini, ReadContext ctx) {
        List<ObjectNode> out = new ArrayList<>();
        for (IniLine l : ini.section("rpc_startup").map(IniSection::lines).orElse(List.of())) {
            JsonNode node;
            try {
                node = JSON.readTree(l.text());
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (!(node instanceof ObjectNode obj) || (!obj.has("command") && !obj.has("method"))) {
                throw ctx.error(l.number(), "[rpc_startup]: expected a JSON object with a \"command\", one per line, got '"
                        + l.text() + "'");
            }
            out.add(obj);
        }
        return out;
    }

    private static Optional<InsightConfig> insight(IniFile ini, ReadContext ctx) {
        Optional<IniSection> s = ini.section("insight");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        IniSection i = s.get();
        ctx.warnUnknownKeys(i, Set.of("server", "address", "prefix"));
        Optional<IniKeyValue> server = i.get("server");
        if (server.isEmpty() || !server.get().value().equals(InsightConfig.SERVER_STATSD)) {
            server.ifPresent(kv -> ctx.warn(kv.number(), "[insight] server=" + kv.value()
                    + " is not a known collector (only statsd); metrics are off"));
            return Optional.empty();
        }
        IniKeyValue address = i.get("address").orElseThrow(() -> ctx.error(server.get().number(),
                "[insight] server=statsd needs address=<ip>:<port>"));
        String a = address.value();
        int colon = a.lastIndexOf(':');
        String host = colon > 0 ? a.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (colon <= 0 || IpLiterals.parse(host).isEmpty()) {
            throw ctx.error(address.number(), "[insight] address: expected <ip>:<port>, got '" + a + "'");
        }
        long port = ctx.unsigned(address.number(), "[insight] address port", a.substring(colon + 1), 1, 65535);
        return Optional.of(new InsightConfig(host, (int) port, i.get("prefix").map(IniKeyValue::value).orElse("")));
    }

    private static List<AmendmentEntry> amendments(IniFile ini, String name, ReadContext ctx) {
        List<AmendmentEntry> out = new ArrayList<>();
        for (IniLine l : ini.section(name).map(IniSection::lines).orElse(List.of())) {
            Matcher m = AMENDMENT.matcher(l.text());
            if (!m.matches()) {
                throw ctx.error(l.number(), "[" + name + "]: expected '<64 hex digit amendment ID> <name>', got '"
                        + l.text() + "'");
            }
            out.add(new AmendmentEntry(m.group(1).toUpperCase(Locale.ROOT), m.group(2)));
        }
        return out;
    }
}
