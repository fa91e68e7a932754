package org.stoxum.engine.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;

/** A config that uses every section, read end to end, and the values a config without them gets. */
class NodeConfigTest {
    static final String AMENDMENT_A = "42426C4D4F1009EE67080A9B7965B44656D7714D104A72F9B4369F97ABF044EE";
    static final String AMENDMENT_B = "C1B8D934087225F509BEB5A8EC24447854713EE447D277F69545ABFA0E0FD490";
    static final String PUBLISHER = "ED2677ABFFD1B33AC6FBC3062B71F1E8397C1505E1C42C64D11AD1B28FF73F4734";
    static final String SECRET_HEX = "9A3C6E1D2B4F5A6978E0C1D2B3A4F5E6D7C8B9A0F1E2D3C4B5A69788796A5B4C";
    static final String MANIFEST = "JAAAAAFxIe1FtwmimvGtH2iCcMJqC9gVFKilGfw1/vCxHXXLplc2GnMhAkE1agqXxBwDwDbID6OMSYuM0FDAlpAgNk8SKFn7MO2fdkcwRQIhAOngu9sAKqXYouJ+l2V0W+sAOkVB+ZRS6PShlJAfUsXfAiBsVJGesaadOJc/aAZokS1vymGmVrlHPKWX3Yywu6in8HASQKPugBD67kMaRFGvmpATHlGKJdvDFlWPYy5AqDedFv5TJa2w0i21eq3MYywLVJZnFOr7C0kw2AiTzSCjIzditQ8=";

    @TempDir
    Path dir;

    String token;
    String fullText;

    @BeforeEach
    void write() throws IOException {
        String json = "{\"manifest\":\"" + MANIFEST + "\",\"validation_secret_key\":\"" + SECRET_HEX + "\"}";
        token = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String tokenA = token.substring(0, 40);
        String tokenB = token.substring(40);
        fullText = String.join("\n",
                "# Every section this server reads, with values that differ from the defaults.",
                "[server]",
                "port_rpc",
                "port_ws",
                "port_peer",
                "port_wss_public",
                "limit = 50",
                "user = alice",
                "password = secret",
                "",
                "[port_rpc]",
                "ip = 127.0.0.1",
                "port = 5005",
                "protocol = http",
                "admin = 127.0.0.1, ::1, 10.0.0.0/8",
                "admin_user = root",
                "admin_password = toor",
                "",
                "[port_ws]",
                "ip = 127.0.0.1",
                "port = 6006",
                "protocol = ws",
                "admin = 127.0.0.1",
                "send_queue_limit = 500",
                "permessage_deflate = 1",
                "client_max_window_bits = 10",
                "server_max_window_bits = 11",
                "client_no_context_takeover = 1",
                "server_no_context_takeover = true",
                "compress_level = 9",
                "memory_level = 8",
                "",
                "[port_peer]",
                "ip = 0.0.0.0",
                "port = 51235",
                "protocol = peer",
                "limit = unlimited",
                "",
                "[port_wss_public]",
                "ip = 0.0.0.0",
                "port = 443",
                "protocol = wss, https",
                "secure_gateway = 192.168.1.10",
                "ssl_key = tls/key.pem",
                "ssl_cert = /etc/ssl/cert.pem",
                "ssl_chain = tls/chain.pem",
                "ssl_ciphers = HIGH:!aNULL",
                "",
                "[node_db]",
                "type = LMDB",
                "path = db/nodes",
                "online_delete = 2000",
                "advisory_delete = 1",
                "delete_batch = 50",
                "backOff = 200",
                "age_threshold = 30",
                "map_size_gb = 64",
                "",
                "[import_db]",
                "type = lmdb",
                "path = /old/db",
                "",
                "[shard_db]",
                "type = lmdb",
                "path = shards",
                "max_size_gb = 50",
                "",
                "[database_path]",
                "/var/lib/stoxumd/db",
                "",
                "[debug_logfile]",
                "log/debug.log",
                "",
                "[node_size]",
                "Medium",
                "",
                "[ledger_history]",
                "1000",
                "",
                "[fetch_depth]",
                "5",
                "",
                "[validator_token]",
                tokenA,
                tokenB,
                "",
                "[validator_key_revocation]",
                "AAEC",
                "AwQ=",
                "",
                "[node_seed]",
                TestKeys.seed(1),
                "",
                "[cluster_nodes]",
                TestKeys.nodeKey(0) + "   alpha node ",
                TestKeys.edNodeKey(1),
                "",
                "[ips]",
                "s1.stoxum.com 51235",
                "203.0.113.7:51235",
                "",
                "[ips_fixed]",
                "[2001:db8::1]:51235",
                "198.51.100.1 51235",
                "",
                "[peer_private]",
                "1",
                "",
                "[peers_max]",
                "40",
                "",
                "[overlay]",
                "public_ip = 203.0.113.9",
                "ip_limit = 3",
                "expire = 1",
                "",
                "[voting]",
                "reference_fee = 12",
                "account_reserve = 20000",
                "owner_reserve = 5000",
                "",
                "[fee_default]",
                "11",
                "[fee_account_reserve]",
                "15000",
                "[fee_owner_reserve]",
                "2500",
                "[fee_offer]",
                "9",
                "",
                "[rpc_startup]",
                "{ \"command\": \"log_level\", \"severity\": \"warning\" }",
                "{ \"command\": \"ping\" }",
                "",
                "[ssl_verify]",
                "0",
                "[ssl_verify_file]",
                "/etc/ssl/certs/ca.pem",
                "[ssl_verify_dir]",
                "certs",
                "",
                "[sntp_servers]",
                "time.example.com",
                "pool.ntp.org",
                "",
                "[insight]",
                "server = statsd",
                "address = 127.0.0.1:8125",
                "prefix = stoxumd",
                "",
                "[transaction_queue]",
                "ledgers_in_queue = 10",
                "minimum_queue_size = 1000",
                "retry_sequence_percent = 30",
                "multi_txn_percent = -50",
                "minimum_escalation_multiplier = 2560",
                "minimum_txn_in_ledger = 6",
                "minimum_txn_in_ledger_standalone = 500",
                "target_txn_in_ledger = 40",
                "maximum_txn_in_ledger = 400",
                "maximum_txn_per_account = 5",
                "minimum_last_ledger_buffer = 3",
                "zero_basefee_transaction_feelevel = 128000",
                "",
                "[amendments]",
                AMENDMENT_A.toLowerCase() + " FeeEscalation",
                "[veto_amendments]",
                AMENDMENT_B + " Tickets",
                "[features]",
                "Flow",
                "",
                "[path_search]",
                "5",
                "[path_search_fast]",
                "1",
                "[path_search_max]",
                "8",
                "[path_search_old]",
                "6",
                "",
                "[network_quorum]",
                "3",
                "[workers]",
                "6",
                "[websocket_ping_frequency]",
                "60",
                "[elb_support]",
                "1",
                "",
                "[validators]",
                TestKeys.edNodeKey(2) + " validator two",
                "[validator_keys]",
                TestKeys.edNodeKey(3),
                "[validator_list_sites]",
                "https://vl.stoxum.com",
                "[validator_list_keys]",
                PUBLISHER,
                "",
                "[validators_file]",
                "lists/validators.txt",
                "",
                "[network_profile]",
                "stoxum",
                "",
                "[validation_quorum]",
                "3",
                "[mystery]",
                "x",
                "");
        Files.writeString(dir.resolve("stoxumd.cfg"), fullText);
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/validators.txt"), String.join("\n",
                "[validators]",
                TestKeys.edNodeKey(4),
                TestKeys.edNodeKey(2) + " listed twice",
                "[validator_keys]",
                TestKeys.nodeKey(5) + " # a comment",
                "[validator_list_sites]",
                "http://backup.example.com:8080/list",
                "[validator_list_keys]",
                TestKeys.edNodeKeyHex(6).toLowerCase(),
                "[unused_here]",
                "x",
                ""));
    }

    private NodeConfig loadFull(boolean standalone) {
        ConfigEnvironment env = new ConfigEnvironment(Map.of(), dir, dir.resolve("etc"), dir.resolve("var"));
        return NodeConfigLoader.load(Optional.of("stoxumd.cfg"), standalone, env);
    }

    private static InetAddress ip(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }

    @Test
    void everySectionIsRead() {
        NodeConfig c = loadFull(false);
        assertEquals(Optional.of(dir.resolve("stoxumd.cfg")), c.file());
        assertEquals(dir, c.configDir());
        assertFalse(c.standalone());
        assertEquals(NetworkProfile.STOXUM, c.networkProfile());

        assertEquals(List.of("port_rpc", "port_ws", "port_peer", "port_wss_public"),
                c.ports().stream().map(PortConfig::name).toList());
        assertEquals(dir.resolve("db/nodes"), c.nodeDb().path());
        assertEquals(2000, c.nodeDb().onlineDelete());
        assertTrue(c.nodeDb().advisoryDelete());
        assertEquals(50, c.nodeDb().deleteBatch());
        assertEquals(200, c.nodeDb().backOffMillis());
        assertEquals(30, c.nodeDb().ageThresholdSeconds());
        assertEquals(Map.of("map_size_gb", "64"), c.nodeDb().extra());
        assertEquals(Path.of("/old/db"), c.importDb().orElseThrow().path());
        assertEquals(new ShardDbConfig(dir.resolve("shards"), 50, ShardDbConfig.DEFAULT_LEDGERS_PER_SHARD), c.shardDb().orElseThrow());
        assertEquals(Optional.of(Path.of("/var/lib/stoxumd/db")), c.databasePath());
        assertEquals(Optional.of(dir.resolve("log/debug.log")), c.debugLogfile());

        assertEquals(NodeSize.MEDIUM, c.nodeSize());
        assertEquals(1000, c.ledgerHistory());
        assertEquals(NodeConfig.MINIMUM_FETCH_DEPTH, c.fetchDepth());
        assertEquals(NodeConfig.MINIMUM_FETCH_DEPTH, c.effectiveFetchDepth());

        ValidatorToken t = c.validatorToken().orElseThrow();
        assertEquals(token, t.token());
        assertEquals(MANIFEST, t.manifest());
        assertArrayEquals(Hex.decode(SECRET_HEX), t.validationSecretKey());
        assertTrue(c.validationSeed().isEmpty());
        assertEquals(Optional.of("AAECAwQ="), c.validatorKeyRevocation());
        assertEquals(TestKeys.seed(1), c.nodeSeed().orElseThrow().text());
        assertArrayEquals(Hex.decode(TestKeys.seedHex(1)), c.nodeSeed().orElseThrow().entropy());

        assertEquals(2, c.clusterNodes().size());
        assertEquals(TestKeys.nodeKey(0), c.clusterNodes().get(0).token());
        assertEquals("alpha node", c.clusterNodes().get(0).comment());
        assertArrayEquals(Hex.decode(TestKeys.nodeKeyHex(0)), c.clusterNodes().get(0).publicKey());
        assertEquals("", c.clusterNodes().get(1).comment());

        assertEquals(List.of(new PeerEndpoint("s1.stoxum.com", 51235), new PeerEndpoint("203.0.113.7", 51235)), c.ips());
        assertEquals(List.of(new PeerEndpoint("2001:db8::1", 51235), new PeerEndpoint("198.51.100.1", 51235)), c.ipsFixed());
        assertTrue(c.peerPrivate());
        assertEquals(40, c.peersMax());
        assertEquals(new OverlayConfig(Optional.of(ip("203.0.113.9")), 3, true), c.overlay());

        assertEquals(new VotingConfig(12, 20000, 5000), c.voting());
        assertEquals(new FeeConfig(11, 15000, 2500, 9), c.fees());
        assertEquals(2, c.rpcStartup().size());
        assertEquals("log_level", c.rpcStartup().get(0).get("command").asText());
        assertEquals("warning", c.rpcStartup().get(0).get("severity").asText());

        assertFalse(c.sslVerify());
        assertEquals(Optional.of(Path.of("/etc/ssl/certs/ca.pem")), c.sslVerifyFile());
        assertEquals(Optional.of(dir.resolve("certs")), c.sslVerifyDir());
        assertEquals(List.of("time.example.com", "pool.ntp.org"), c.sntpServers());
        assertEquals(Optional.of(new InsightConfig("127.0.0.1", 8125, "stoxumd")), c.insight());
        assertEquals(new TxQueueConfig(10, 1000, 30, -50, 2560, 6, 500, 40, OptionalLong.of(400), 5, 3, 128000),
                c.transactionQueue());
        assertEquals(List.of(new AmendmentEntry(AMENDMENT_A, "FeeEscalation")), c.amendments());
        assertEquals(List.of(new AmendmentEntry(AMENDMENT_B, "Tickets")), c.vetoAmendments());
        assertEquals(List.of("Flow"), c.features());
        assertEquals(new PathSearchConfig(5, 1, 8, 6), c.pathSearch());
        assertEquals(3, c.networkQuorum());
        assertEquals(6, c.workers());
        assertEquals(Duration.ofSeconds(60), c.websocketPingFrequency());
        assertTrue(c.elbSupport());
    }

    @Test
    void portsInheritTheServerDefaultsAndKeepTheirOwnKeys() {
        NodeConfig c = loadFull(false);
        PortConfig rpc = c.ports().get(0);
        assertEquals(ip("127.0.0.1"), rpc.ip());
        assertEquals(5005, rpc.port());
        assertEquals(EnumSet.of(PortProtocol.HTTP), rpc.protocols());
        assertEquals(50, rpc.limit());
        assertEquals("alice", rpc.user());
        assertEquals("secret", rpc.password());
        assertEquals("root", rpc.adminUser());
        assertEquals("toor", rpc.adminPassword());
        assertTrue(rpc.adminAllowed(ip("127.0.0.1")));
        assertTrue(rpc.adminAllowed(ip("::1")));
        assertTrue(rpc.adminAllowed(ip("10.200.3.4")));
        assertFalse(rpc.adminAllowed(ip("11.0.0.1")));
        assertTrue(rpc.jsonRpc());
        assertFalse(rpc.secure());
        assertEquals(PortConfig.DEFAULT_SEND_QUEUE_LIMIT, rpc.sendQueueLimit());
        assertEquals(WebSocketCompression.DEFAULT, rpc.compression());

        PortConfig ws = c.ports().get(1);
        assertEquals(500, ws.sendQueueLimit());
        assertEquals(new WebSocketCompression(true, 10, 11, true, true, 9, 8), ws.compression());
        assertTrue(ws.websockets());
        assertEquals("", ws.adminUser());

        PortConfig peer = c.ports().get(2);
        assertTrue(peer.peer());
        assertTrue(peer.secure());
        assertEquals(0, peer.limit());
        assertTrue(peer.admin().isEmpty());
        assertEquals(Optional.of(peer), c.peerPort());

        PortConfig wss = c.ports().get(3);
        assertEquals(EnumSet.of(PortProtocol.HTTPS, PortProtocol.WSS), wss.protocols());
        assertTrue(wss.secureGatewayAllowed(ip("192.168.1.10")));
        assertFalse(wss.adminAllowed(ip("192.168.1.10")));
        assertEquals(Optional.of(dir.resolve("tls/key.pem")), wss.sslKey());
        assertEquals(Optional.of(Path.of("/etc/ssl/cert.pem")), wss.sslCert());
        assertEquals(Optional.of(dir.resolve("tls/chain.pem")), wss.sslChain());
        assertEquals(Optional.of("HIGH:!aNULL"), wss.sslCiphers());

        assertEquals(Optional.of(rpc), c.clientPort());
    }

    @Test
    void theValidatorsFileIsMergedAfterTheConfig() {
        ValidatorsConfig v = loadFull(false).validators();
        assertEquals(Optional.of(dir.resolve("lists/validators.txt")), v.file());
        // [validators] of the config, then of the file, then [validator_keys] of both; duplicates dropped.
        assertEquals(List.of(TestKeys.edNodeKey(2), TestKeys.edNodeKey(4), TestKeys.edNodeKey(3), TestKeys.nodeKey(5)),
                v.trusted().stream().map(NodeKeyEntry::token).toList());
        assertEquals("validator two", v.trusted().get(0).comment());
        assertEquals("# a comment", v.trusted().get(3).comment());
        assertEquals(dir.resolve("lists/validators.txt").toString(), v.trusted().get(1).source());
        assertEquals(2, v.trusted().get(1).line());
        assertEquals(List.of(URI.create("https://vl.stoxum.com"), URI.create("http://backup.example.com:8080/list")),
                v.listSites());
        assertEquals(List.of(PUBLISHER, TestKeys.edNodeKeyHex(6)), v.publisherKeys());
    }

    @Test
    void oddLinesBecomeWarnings() {
        List<String> w = loadFull(false).warnings();
        assertTrue(w.stream().anyMatch(s -> s.contains("[validation_quorum] has no effect")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("unknown section [mystery]")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("listed more than once")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("[unused_here] is not used in a validators file")), w.toString());
        assertEquals(4, w.size(), w.toString());
    }

    @Test
    void standaloneDropsPeersValidatorsAndHistory() {
        NodeConfig c = loadFull(true);
        assertTrue(c.standalone());
        assertEquals(List.of("port_rpc", "port_ws", "port_wss_public"), c.ports().stream().map(PortConfig::name).toList());
        assertTrue(c.peerPort().isEmpty());
        assertEquals(0, c.ledgerHistory());
        assertEquals(ValidatorsConfig.NONE, c.validators());
    }

    @Test
    void embeddedDefaultsAreStandAloneFriendly() {
        NodeConfig c = NodeConfigLoader.embeddedDefaults(dir, false);
        assertTrue(c.file().isEmpty());
        assertEquals(NetworkProfile.STOXUM, c.networkProfile());
        assertEquals(3, c.ports().size());
        PortConfig rpc = c.clientPort().orElseThrow();
        assertEquals(ip("127.0.0.1"), rpc.ip());
        assertEquals(EmbeddedDefaults.RPC_PORT, rpc.port());
        assertTrue(rpc.adminAllowed(ip("127.0.0.1")));
        assertFalse(rpc.adminAllowed(ip("192.0.2.1")));
        PortConfig ws = c.ports().stream().filter(PortConfig::websockets).findFirst().orElseThrow();
        assertEquals(EmbeddedDefaults.WS_PORT, ws.port());
        assertTrue(ws.adminAllowed(ip("127.0.0.1")));
        assertEquals(EmbeddedDefaults.PEER_PORT, c.peerPort().orElseThrow().port());
        assertEquals(dir.resolve("data/db"), c.nodeDb().path());
        assertEquals(Optional.of(dir.resolve("data")), c.databasePath());
        assertEquals(ValidatorsConfig.NONE, c.validators());
        assertEquals(List.of(), c.warnings());

        NodeConfig standalone = NodeConfigLoader.embeddedDefaults(dir, true);
        assertEquals(2, standalone.ports().size());
        assertEquals(Optional.of(dir.resolve("data")), standalone.databasePath());
    }

    @Test
    void defaultsOfAMinimalConfig() {
        NodeConfig c = parse(ConfigErrorsTest.MINIMAL, false);
        assertEquals(NetworkProfile.STOXUM, c.networkProfile());
        assertEquals(NodeSize.TINY, c.nodeSize());
        assertEquals(NodeConfig.DEFAULT_LEDGER_HISTORY, c.ledgerHistory());
        assertEquals(NodeConfig.FULL_HISTORY, c.fetchDepth());
        assertEquals(Optional.of(dir.resolve("data-default")), c.databasePath());
        assertTrue(c.debugLogfile().isEmpty());
        assertEquals(NodeConfig.DEFAULT_PEERS_MAX, c.peersMax());
        assertFalse(c.peerPrivate());
        assertEquals(OverlayConfig.DEFAULT, c.overlay());
        assertEquals(new VotingConfig(10, 10_000, 2_000), c.voting());
        assertEquals(new FeeConfig(10, 10_000, 2_000, 10), c.fees());
        assertEquals(TxQueueConfig.DEFAULT, c.transactionQueue());
        assertEquals(new TxQueueConfig(20, 2000, 25, -90, 128000, 5, 1000, 50, OptionalLong.empty(), 10, 2, 256000),
                c.transactionQueue());
        assertEquals(new PathSearchConfig(7, 2, 10, 7), c.pathSearch());
        assertTrue(c.sslVerify());
        assertEquals(Duration.ofMinutes(5), c.websocketPingFrequency());
        assertFalse(c.elbSupport());
        assertEquals(0, c.workers());
        assertEquals(0, c.networkQuorum());
        assertTrue(c.insight().isEmpty());
        assertTrue(c.validatorToken().isEmpty());
        assertTrue(c.importDb().isEmpty());
        assertTrue(c.shardDb().isEmpty());
        assertEquals(0, c.nodeDb().onlineDelete());
        assertFalse(c.nodeDb().advisoryDelete());
        assertEquals(100, c.nodeDb().deleteBatch());
        assertEquals(100, c.nodeDb().backOffMillis());
        assertEquals(60, c.nodeDb().ageThresholdSeconds());
        assertTrue(c.warnings().stream().anyMatch(s -> s.contains("no port carries the peer protocol")), c.warnings().toString());

        assertTrue(parse(ConfigErrorsTest.MINIMAL, true).databasePath().isEmpty(),
                "stand-alone without [database_path] keeps its SQL databases in temporary files");
    }

    @Test
    void theRippleProfileChangesAlphabetAndReserveDefaults() {
        NodeConfig c = parse(ConfigErrorsTest.MINIMAL + "[network_profile]\nRIPPLE\n[cluster_nodes]\n"
                + TestKeys.rippleNodeKey(0) + "\n[node_seed]\n" + TestKeys.rippleSeed(0) + "\n", false);
        assertEquals(NetworkProfile.RIPPLE, c.networkProfile());
        assertArrayEquals(Hex.decode(TestKeys.nodeKeyHex(0)), c.clusterNodes().get(0).publicKey());
        assertEquals(new FeeConfig(10, 200_000_000, 50_000_000, 10), c.fees());
        assertEquals(new VotingConfig(10, 20_000_000, 5_000_000), c.voting());
    }

    @Test
    void nodeSizeAcceptsNamesAndClampedNumbers() {
        assertEquals(NodeSize.HUGE, parse(ConfigErrorsTest.MINIMAL + "[node_size]\nhuge\n", false).nodeSize());
        assertEquals(NodeSize.SMALL, parse(ConfigErrorsTest.MINIMAL + "[node_size]\n1\n", false).nodeSize());
        assertEquals(NodeSize.HUGE, parse(ConfigErrorsTest.MINIMAL + "[node_size]\n9\n", false).nodeSize());
        assertEquals(NodeSize.TINY, parse(ConfigErrorsTest.MINIMAL + "[node_size]\n-3\n", false).nodeSize());
        assertEquals(24, NodeSize.MEDIUM.nodeStoreCacheMb());
        assertEquals(2048000, NodeSize.HUGE.treeCacheSize());
        assertEquals(32, NodeSize.LARGE.ledgerDbCacheMb());
    }

    @Test
    void historyWordsAndFetchDepthClamp() {
        NodeConfig full = parse(ConfigErrorsTest.MINIMAL + "[ledger_history]\nfull\n[fetch_depth]\nnone\n", false);
        assertEquals(NodeConfig.FULL_HISTORY, full.ledgerHistory());
        assertEquals(NodeConfig.MINIMUM_FETCH_DEPTH, full.fetchDepth());
        NodeConfig none = parse(ConfigErrorsTest.MINIMAL + "[ledger_history]\nNONE\n", false);
        assertEquals(0, none.ledgerHistory());
        NodeConfig rotating = parse(ConfigErrorsTest.MINIMAL.replace("path = db", "path = db\nonline_delete = 512"), false);
        assertEquals(512, rotating.effectiveFetchDepth());
    }

    @Test
    void aSingleValueSectionWithSeveralLinesIsIgnoredWithAWarning() {
        NodeConfig c = parse(ConfigErrorsTest.MINIMAL + "[node_size]\nlarge\nhuge\n", false);
        assertEquals(NodeSize.TINY, c.nodeSize());
        assertTrue(c.warnings().stream().anyMatch(s -> s.contains("[node_size] must have exactly one line")));
    }

    @Test
    void peersMaxHasAFloor() {
        assertEquals(NodeConfig.MINIMUM_PEERS_MAX, parse(ConfigErrorsTest.MINIMAL + "[peers_max]\n3\n", false).peersMax());
        assertEquals(NodeConfig.DEFAULT_PEERS_MAX, parse(ConfigErrorsTest.MINIMAL + "[peers_max]\n0\n", false).peersMax());
        assertEquals(NodeConfig.DEFAULT_PEERS_MAX, parse(ConfigErrorsTest.MINIMAL + "[peers_max]\n-5\n", false).peersMax());
    }

    @Test
    void validatorsTxtBesideTheConfigIsReadWhenNotNamed() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("beside"));
        Files.writeString(sub.resolve("validators.txt"), "[validators]\n" + TestKeys.edNodeKey(0) + "\n");
        Files.writeString(sub.resolve("stoxumd.cfg"), ConfigErrorsTest.MINIMAL);
        ConfigEnvironment env = new ConfigEnvironment(Map.of(), sub, dir.resolve("etc"), dir.resolve("var"));
        NodeConfig c = NodeConfigLoader.load(Optional.empty(), false, env);
        assertEquals(Optional.of(sub.resolve("validators.txt")), c.validators().file());
        assertEquals(TestKeys.edNodeKey(0), c.validators().trusted().get(0).token());
    }

    @Test
    void aStrayLatin1ByteInACommentDoesNotStopTheLoad() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("latin1"));
        byte[] head = "# caf\u00e9 written by an old editor: ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xE9, '\n'};
        byte[] rest = ConfigErrorsTest.MINIMAL.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(rest, 0, all, head.length + bad.length, rest.length);
        Files.write(sub.resolve("stoxumd.cfg"), all);
        ConfigEnvironment env = new ConfigEnvironment(Map.of(), sub, dir.resolve("etc"), dir.resolve("var"));
        assertEquals(5005, NodeConfigLoader.load(Optional.empty(), true, env).ports().get(0).port());
    }

    @Test
    void rpcStartupCommandsAreCopies() {
        NodeConfig c = loadFull(false);
        c.rpcStartup().get(0).put("command", "stop");
        assertEquals("log_level", c.rpcStartup().get(0).get("command").asText());
    }

    @Test
    void clusterSectionChoosesTheMediaDriver() {
        assertEquals(ClusterSectionConfig.DEFAULT, parse(ConfigErrorsTest.MINIMAL, false).clusterSection(),
                "no [cluster]: stoxumd's timers and an embedded driver");
        ClusterSectionConfig external = parse(ConfigErrorsTest.MINIMAL
                + "[cluster]\nreport_interval = 2\nstale_after = 7\nmedia_driver = External\naeron_dir = aeron/shm\n",
                false).clusterSection();
        assertEquals(new ClusterSectionConfig(Duration.ofSeconds(2), Duration.ofSeconds(7), true,
                Optional.of(dir.resolve("aeron/shm"))), external, "aeron_dir is relative to the config directory");
        ClusterSectionConfig embedded = parse(ConfigErrorsTest.MINIMAL + "[cluster]\nmedia_driver = embedded\n",
                false).clusterSection();
        assertFalse(embedded.externalDriver());
        assertTrue(embedded.aeronDir().isEmpty());
        assertEquals(ClusterSectionConfig.DEFAULT.reportInterval(), embedded.reportInterval());
    }

    NodeConfig parse(String text, boolean standalone) {
        return NodeConfigLoader.parse("test.cfg", text, Optional.of(dir.resolve("test.cfg")), dir,
                dir.resolve("data-default"), standalone);
    }
}
