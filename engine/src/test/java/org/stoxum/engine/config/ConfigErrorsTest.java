package org.stoxum.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a config can be refused: the error names the file, the line where the bad value was
 * written, and what was expected there.
 */
class ConfigErrorsTest {
    /** The smallest config a (non-stand-alone) server accepts. */
    static final String MINIMAL = String.join("\n",
            "[server]",
            "port_rpc",
            "",
            "[port_rpc]",
            "ip = 127.0.0.1",
            "port = 5005",
            "protocol = http",
            "",
            "[node_db]",
            "type = lmdb",
            "path = db",
            "");

    @TempDir
    Path dir;

    /**
     * @param name     what the case is about
     * @param text     the whole config
     * @param marker   the exact (trimmed) text of the line the error must point at; null for line 0
     * @param fragment text the message must contain
     */
    record Case(String name, String text, String marker, String fragment, boolean standalone) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case bad(String name, String extra, String marker, String fragment) {
        return new Case(name, MINIMAL + extra, marker, fragment, false);
    }

    static Case badPort(String name, String replace, String with, String marker, String fragment) {
        return new Case(name, MINIMAL.replace(replace, with), marker, fragment, false);
    }

    static Stream<Arguments> cases() {
        String token = Base64.getEncoder().encodeToString(
                "{\"manifest\":\"AA==\",\"validation_secret_key\":\"0102\"}".getBytes(StandardCharsets.UTF_8));
        String noSecret = Base64.getEncoder().encodeToString("{\"manifest\":\"AA==\"}".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                bad("node_size word", "[node_size]\nbig\n", "big", "expected tiny, small, medium, large, huge or 0..4"),
                bad("ledger_history", "[ledger_history]\nlots\n", "lots", "expected a number of ledgers, 'full' or 'none'"),
                bad("fetch_depth negative", "[fetch_depth]\n-1\n", "-1", "[fetch_depth]"),
                bad("peer_private", "[peer_private]\nyes\n", "yes", "expected 1 or 0"),
                bad("peers_max", "[peers_max]\nten\n", "ten", "[peers_max]: expected a whole number"),
                bad("profile", "[network_profile]\nbitcoin\n", "bitcoin", "expected 'stoxum' or 'ripple'"),
                bad("unknown feature", "[features]\nFlow\nNoSuchAmendment\n", "NoSuchAmendment",
                        "Unknown feature: NoSuchAmendment"),
                bad("feature by id", "[features]\n" + "12523DF04B553A0B1AD74F42DDB741DE8DC06A03FC089A0EF197E2A87F1D8107\n",
                        "12523DF04B553A0B1AD74F42DDB741DE8DC06A03FC089A0EF197E2A87F1D8107", "Unknown feature"),
                bad("validation_seed junk", "[validation_seed]\nxyz\n", "xyz", "expected a family seed in the stoxum alphabet"),
                bad("ripple seed in stoxum", "[node_seed]\n" + TestKeys.rippleSeed(0) + "\n", TestKeys.rippleSeed(0),
                        "[node_seed]: expected a family seed"),
                bad("empty seed", "[validation_seed]\n", "[validation_seed]", "[validation_seed] is empty"),
                bad("seed and token", "[validation_seed]\n" + TestKeys.seed(0) + "\n[validator_token]\n" + token + "\n",
                        "[validator_token]", "cannot both be set"),
                bad("token not base64", "[validator_token]\nnot base64!!\n", "not base64!!", "expected the base64 token"),
                bad("token without secret", "[validator_token]\n" + noSecret + "\n",
                        noSecret, "lacks a manifest or a hex validation_secret_key"),
                bad("revocation", "[validator_key_revocation]\n***\n", "[validator_key_revocation]", "base64 revocation manifest"),
                bad("ripple node key in stoxum cluster", "[cluster_nodes]\n" + TestKeys.rippleNodeKey(0) + " a\n",
                        TestKeys.rippleNodeKey(0) + " a", "is not a node public key in the stoxum alphabet"),
                bad("cluster junk", "[cluster_nodes]\n!!\n", "!!", "expected '<node public key> [comment]'"),
                bad("cluster media driver", "[cluster]\nmedia_driver = shared\n", "media_driver = shared",
                        "[cluster] media_driver: expected embedded or external, got 'shared'"),
                bad("cluster report interval", "[cluster]\nreport_interval = 0\n", "report_interval = 0",
                        "[cluster] report_interval: expected a whole number from 1"),
                bad("ips without port", "[ips]\nexample.com\n", "example.com", "expected 'host port'"),
                bad("ips port zero", "[ips]\nexample.com 0\n", "example.com 0", "port of example.com"),
                bad("ips_fixed bad port", "[ips_fixed]\nexample.com:http\n", "example.com:http", "port of example.com"),
                bad("private public_ip", "[overlay]\npublic_ip = 10.0.0.1\n", "public_ip = 10.0.0.1", "expected a public IPv4 address"),
                bad("ip_limit", "[overlay]\nip_limit = -1\n", "ip_limit = -1", "[overlay] ip_limit"),
                bad("voting negative", "[voting]\nreference_fee = -1\n", "reference_fee = -1", "[voting] reference_fee"),
                bad("txq", "[transaction_queue]\nminimum_txn_in_ledger = x\n", "minimum_txn_in_ledger = x",
                        "[transaction_queue] minimum_txn_in_ledger"),
                bad("rpc_startup not json", "[rpc_startup]\nnot json\n", "not json", "expected a JSON object"),
                bad("rpc_startup no command", "[rpc_startup]\n{\"severity\":\"x\"}\n", "{\"severity\":\"x\"}", "with a \"command\""),
                bad("insight address", "[insight]\nserver=statsd\naddress=localhost\n", "address=localhost", "expected <ip>:<port>"),
                bad("insight no address", "[insight]\nserver=statsd\n", "server=statsd", "needs address="),
                bad("amendment", "[amendments]\nABC Foo\n", "ABC Foo", "expected '<64 hex digit amendment ID> <name>'"),
                bad("amendment two words", "[veto_amendments]\n" + "A".repeat(64) + " Two Words\n", "A".repeat(64) + " Two Words",
                        "[veto_amendments]"),
                bad("fee_default", "[fee_default]\nten\n", "ten", "[fee_default] (drops)"),
                bad("fee reserve negative", "[fee_account_reserve]\n-5\n", "-5", "[fee_account_reserve] (drops)"),
                bad("database_path lines", "[database_path]\na\nb\n", "[database_path]", "exactly one line"),
                bad("ping frequency", "[websocket_ping_frequency]\n0\n", "0", "[websocket_ping_frequency]"),
                bad("workers", "[workers]\n-2\n", "-2", "[workers]"),
                bad("ssl_verify", "[ssl_verify]\nmaybe\n", "maybe", "expected 1 or 0"),
                bad("sites without keys", "[validator_list_sites]\nhttps://x.example\n", "[validator_list_sites]",
                        "needs [validator_list_keys]"),
                bad("list key", "[validator_list_keys]\n0102\n", "0102", "expected a 33-byte public key in hex"),
                bad("site scheme", "[validator_list_sites]\nftp://x.example\n[validator_list_keys]\n"
                        + NodeConfigTest.PUBLISHER + "\n", "ftp://x.example", "expected an http:// or https:// address"),
                bad("validator junk", "[validators]\nnot-a-key\n", "not-a-key", "[validators]: expected '<node public key>"),
                bad("validator wrong alphabet", "[validator_keys]\n" + TestKeys.rippleNodeKey(1) + "\n",
                        TestKeys.rippleNodeKey(1), "[validator_keys]: '" + TestKeys.rippleNodeKey(1) + "' is not a node public key"),
                bad("missing validators file", "[validators_file]\nmissing.txt\n", "missing.txt", "the file does not exist"),

                badPort("port zero", "port = 5005", "port = 0", "port = 0", "[port_rpc] port: expected a whole number from 1 to 65535"),
                badPort("port too big", "port = 5005", "port = 70000", "port = 70000", "from 1 to 65535"),
                badPort("host name", "ip = 127.0.0.1", "ip = localhost", "ip = localhost", "expected an IPv4 or IPv6 address"),
                badPort("protocol", "protocol = http", "protocol = http,ftp", "protocol = http,ftp", "unknown protocol 'ftp'"),
                badPort("admin any not alone", "protocol = http", "protocol = http\nadmin = 0.0.0.0, 127.0.0.1",
                        "admin = 0.0.0.0, 127.0.0.1", "must be the only entry"),
                badPort("admin junk", "protocol = http", "protocol = http\nadmin = somewhere", "admin = somewhere",
                        "expected IP addresses or subnets"),
                badPort("gateway any", "protocol = http", "protocol = http\nsecure_gateway = 0.0.0.0",
                        "secure_gateway = 0.0.0.0", "is not allowed here"),
                badPort("gateway is admin", "protocol = http", "protocol = http\nadmin = 10.0.0.0/8\nsecure_gateway = 10.1.2.3",
                        "secure_gateway = 10.1.2.3", "is also an admin address"),
                badPort("no ip", "ip = 127.0.0.1\n", "", "[port_rpc]", "has no 'ip'"),
                badPort("no port", "port = 5005\n", "", "[port_rpc]", "has no 'port'"),
                badPort("no protocol", "protocol = http\n", "", "[port_rpc]", "has no 'protocol'"),
                badPort("missing port section", "[port_rpc]", "[port_other]", "port_rpc", "there is no [port_rpc] section"),
                badPort("no server", "[server]\nport_rpc\n", "", null, "the required section [server] is missing"),
                badPort("send queue zero", "protocol = http", "protocol = http\nsend_queue_limit = 0", "send_queue_limit = 0",
                        "[port_rpc] send_queue_limit"),
                badPort("compress level", "protocol = http", "protocol = http\ncompress_level = 10", "compress_level = 10",
                        "from 0 to 9"),
                new Case("peer ports", MINIMAL.replace("port_rpc\n", "port_rpc\npeer_a\npeer_b\n")
                        + "[peer_a]\nip=0.0.0.0\nport=1\nprotocol=peer\n[peer_b]\nip=0.0.0.0\nport=2\nprotocol=peer\n",
                        "[server]", "more than one port carries the peer protocol", false),
                new Case("clash on wildcard", MINIMAL.replace("port_rpc\n", "port_rpc\nport_two\n")
                        + "[port_two]\nip=0.0.0.0\nport=5005\nprotocol=ws\n", "[server]", "both listen on port 5005", false),

                badPort("no node_db", "[node_db]\ntype = lmdb\npath = db\n", "", null, "the required section [node_db] is missing"),
                badPort("nudb", "type = lmdb", "type = NuDB", "type = NuDB", "type=NuDB is not available: this server keeps its node store in LMDB"),
                badPort("rocksdb", "type = lmdb", "type = RocksDB", "type = RocksDB", "type must be lmdb"),
                badPort("no type", "type = lmdb\n", "", "[node_db]", "has no type="),
                badPort("no path", "path = db\n", "", "[node_db]", "has no path="),
                badPort("online_delete small", "path = db", "path = db\nonline_delete = 100", "online_delete = 100",
                        "online_delete must be at least 256"),
                badPort("online_delete below history", "path = db", "path = db\nonline_delete = 300\n[ledger_history]\n1000",
                        "online_delete = 300", "must not be less than [ledger_history] (1000)"),
                badPort("advisory", "path = db", "path = db\nonline_delete = 300\nadvisory_delete = maybe",
                        "advisory_delete = maybe", "[node_db] advisory_delete"),
                badPort("import type", "[node_db]", "[import_db]\ntype=nudb\npath=x\n[node_db]", "type=nudb", "[import_db] type=nudb"),
                bad("shard lps outside standalone", "[shard_db]\ntype=lmdb\npath=s\nmax_size_gb=10\nledgers_per_shard=512\n",
                        "ledgers_per_shard=512", "only be changed in stand-alone mode"),
                new Case("shard lps multiple", MINIMAL + "[shard_db]\ntype=lmdb\npath=s\nmax_size_gb=10\nledgers_per_shard=300\n",
                        "ledgers_per_shard=300", "must be a multiple of 256", true),
                bad("shard size", "[shard_db]\ntype=lmdb\npath=s\nmax_size_gb=2\n", "max_size_gb=2", "from 3 to"),
                bad("shard no size", "[shard_db]\ntype=lmdb\npath=s\n", "[shard_db]", "has no max_size_gb="),
                bad("shard type", "[shard_db]\ntype=rocksdb\npath=s\nmax_size_gb=9\n", "type=rocksdb", "[shard_db] type=rocksdb"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused(Case c) {
        ConfigException e = assertThrows(ConfigException.class, () -> NodeConfigLoader.parse("test.cfg", c.text,
                Optional.of(dir.resolve("test.cfg")), dir, dir.resolve("data"), c.standalone));
        assertEquals("test.cfg", e.source());
        assertEquals(c.marker == null ? 0 : lineOf(c.text, c.marker), e.line(), e.getMessage());
        assertTrue(e.problem().contains(c.fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.cfg" + (e.line() > 0 ? ":" + e.line() + ": " : ": ")), e.getMessage());
    }

    /** The 1-based number of the last line whose trimmed text is {@code marker}. */
    static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].trim().equals(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("marker '" + marker + "' not in the config");
    }

    @Test
    void errorsInTheValidatorsFileNameThatFile() throws IOException {
        Path vf = dir.resolve("validators.txt");
        Files.writeString(vf, "# list\n[validators]\n" + TestKeys.edNodeKey(0) + "\nbogus key here\n");
        ConfigException e = assertThrows(ConfigException.class, () -> NodeConfigLoader.parse("test.cfg", MINIMAL,
                Optional.of(dir.resolve("test.cfg")), dir, dir.resolve("data"), false));
        assertEquals(vf.toString(), e.source());
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("'bogus' is not a node public key"), e.getMessage());
    }

    @Test
    void aValidatorsFileNeedsAKeySection() throws IOException {
        Path vf = dir.resolve("validators.txt");
        Files.writeString(vf, "[validator_list_sites]\nhttps://vl.example.com\n");
        ConfigException e = assertThrows(ConfigException.class, () -> NodeConfigLoader.parse("test.cfg", MINIMAL,
                Optional.of(dir.resolve("test.cfg")), dir, dir.resolve("data"), false));
        assertEquals(vf.toString(), e.source());
        assertTrue(e.problem().contains("must contain a [validators], [validator_keys] or [validator_list_keys]"));
    }

    @Test
    void aValidatorsFileThatIsADirectoryIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("vdir"));
        String text = MINIMAL + "[validators_file]\nvdir\n";
        ConfigException e = assertThrows(ConfigException.class, () -> NodeConfigLoader.parse("test.cfg", text,
                Optional.of(dir.resolve("test.cfg")), dir, dir.resolve("data"), false));
        assertEquals(lineOf(text, "vdir"), e.line());
        assertTrue(e.problem().contains("not a regular file"));
    }

    @Test
    void standaloneNeverReadsTheValidatorsFile() throws IOException {
        Files.writeString(dir.resolve("validators.txt"), "garbage\n");
        NodeConfig c = NodeConfigLoader.parse("test.cfg", MINIMAL, Optional.of(dir.resolve("test.cfg")), dir,
                dir.resolve("data"), true);
        assertEquals(ValidatorsConfig.NONE, c.validators());
    }

    @Test
    void standaloneAllowsASmallOnlineDelete() {
        NodeConfig c = NodeConfigLoader.parse("test.cfg", MINIMAL.replace("path = db", "path = db\nonline_delete = 8"),
                Optional.of(dir.resolve("test.cfg")), dir, dir.resolve("data"), true);
        assertEquals(8, c.nodeDb().onlineDelete());
    }
}
