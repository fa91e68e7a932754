package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.network.TestNetwork;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.LoadFeeTrack;
import org.stoxum.engine.tx.FeeTrack;
import org.stoxum.transport.resource.ResourceLogic;

/**
 * Three cluster members on 127.0.0.1 ({@code [node_seed]}, {@code [cluster_nodes]} with Aeron endpoints; gamma
 * on an external media driver the test runs): a transaction's signature checked at one member is not checked
 * again at the others, which apply it; a client dropped at one is refused at the others from its first request;
 * a member under load still applies what another relays, though it refuses the same fee from a client; a load
 * spike at one raises the cluster fee at the others; a member that stops is reported stale while the others
 * carry on.
 */
class ClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String[] NAMES = {"alpha", "beta", "gamma"};

    @TempDir
    Path dir;

    @Test
    void membersShareVerdictsBansAndLoadAndOutliveAStoppedMember() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        StringBuilder members = new StringBuilder("[cluster_nodes]\n");
        for (String name : NAMES) {
            Seed seed = Seed.random();
            seeds.add(seed);
            String key = KeyPair.nodeFromSeed(seed, KeyType.SECP256K1).publicKey()
                    .toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM);
            keys.add(key);
            members.append(key).append(' ').append(name).append(" @127.0.0.1:").append(freeUdpPort()).append('\n');
        }
        Path driverDir = dir.resolve("aeron-external");
        List<TestNodes.Node> nodes = new ArrayList<>();
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(driverDir.toString())
                .dirDeleteOnStart(true).dirDeleteOnShutdown(true)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new SleepingMillisIdleStrategy(1)))) {
            for (int i = 0; i < seeds.size(); i++) {
                String driverKeys = i == 2 ? "media_driver = external\naeron_dir = " + driverDir + "\n" : "";
                nodes.add(TestNodes.start(new LedgerStart.Genesis(true), "[node_seed]\n"
                        + seeds.get(i).toBase58(NetworkProfile.STOXUM) + "\n\n" + members
                        + "\n[cluster]\nreport_interval = 1\nstale_after = 4\n" + driverKeys, NetworkProfile.STOXUM));
            }
            TestNodes.Node alpha = nodes.get(0);
            TestNodes.Node beta = nodes.get(1);
            TestNodes.Node gamma = nodes.get(2);
            await("every member sees the others up", () -> nodes.stream().allMatch(n -> upMembers(n) == 2));
            assertTrue(Files.exists(driverDir.resolve("cnc.dat")), "gamma runs on the test's media driver");

            // peers: the other members keyed by node key, with their tag and the age of their last report.
            JsonNode cluster = beta.call("peers", null).path("cluster");
            assertEquals(Set.of(keys.get(0), keys.get(2)), fieldNames(cluster));
            assertEquals("alpha", cluster.path(keys.get(0)).path("tag").asText());
            assertEquals("gamma", cluster.path(keys.get(2)).path("tag").asText());
            assertTrue(cluster.path(keys.get(0)).path("age").isIntegralNumber(), cluster.toString());
            assertFalse(cluster.path(keys.get(0)).has("fee"), "normal load shows no fee");

            // A payment signed and submitted at alpha: checked there once, applied by all, checked nowhere else.
            String to = alpha.call("wallet_propose", null).path("account_id").asText();
            JsonNode r = pay(alpha, to, 1_000_000_000L);
            assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
            await("beta and gamma apply alpha's payment", () ->
                    currentBalance(beta, to).equals("1000000000") && currentBalance(gamma, to).equals("1000000000"));
            assertEquals(1, verifications(alpha));
            assertEquals(0, verifications(beta), "beta took alpha's verdict");
            assertEquals(0, verifications(gamma), "gamma took alpha's verdict");

            // A client that floods alpha alone is dropped there; once beta has alpha's word, the client's first
            // request to beta is refused, while another address is served.
            InetAddress abuser = InetAddress.getByName("127.0.0.2");
            await("alpha drops the abuser", () -> malformedFrom(abuser, alpha.rpcPort) == 503);
            // Each request alpha refuses charges the drop again (a thirty-second of the threshold) and tells the
            // cluster. The abuser keeps hammering, so alpha's balance climbs clear of the threshold and its
            // reports say so however late a loaded machine runs them. A request or two per poll did not: the
            // balance decays by a thirty-second a second, so it hovered at the threshold, and beta's view of it
            // crossed only between the push and the next report.
            await("beta imports alpha's charge", () -> {
                for (int i = 0; i < 10; i++) {
                    requestFrom(abuser, alpha.rpcPort, "{\"method\":\"ping\"}");
                }
                return beta.app.resourceLogic().remoteBalance(abuser.getHostAddress()) >= ResourceLogic.DROP_THRESHOLD;
            });
            assertEquals(503, requestFrom(abuser, beta.rpcPort, "{\"method\":\"ping\"}"),
                    "beta refuses the abuser's first request");
            assertEquals(200, requestFrom(InetAddress.getByName("127.0.0.3"), beta.rpcPort,
                    "{\"method\":\"ping\"}"), "other clients are served");

            relayedTransactionsPassALoadedMember(alpha, beta);

            // A load spike at alpha raises the cluster fee at beta and gamma.
            alpha.call("ledger_accept", null);
            for (int i = 0; i < 8; i++) {
                alpha.app.loadFeeTrack().raiseLocalFee();
            }
            alpha.app.cluster().orElseThrow().reportLoad(alpha.app.loadFeeTrack().localFee());
            alpha.app.cluster().orElseThrow().reportNow();
            await("beta reports a cluster load factor and alpha's fee", () -> serverInfo(beta)
                    .path("load_factor_cluster").asDouble(1) > 1
                    && beta.call("peers", null).path("cluster").path(keys.get(0)).path("fee").asDouble(1) > 1);
            await("gamma reports it too", () -> serverInfo(gamma).path("load_factor_cluster").asDouble(1) > 1);
            assertTrue(serverInfo(gamma).path("load_factor").asDouble(1) > 1, "fees scale by the cluster's load");

            // gamma stops: the others report it stale, and a payment at beta still reaches alpha.
            gamma.close();
            nodes.remove(gamma);
            await("beta reports gamma stale", () -> memberStatus(beta, "gamma").equals("stale"));
            String other = beta.call("wallet_propose", null).path("account_id").asText();
            assertEquals("tesSUCCESS", pay(beta, other, 2_000_000_000L).path("engine_result").asText());
            await("alpha applies beta's payment", () -> currentBalance(alpha, other).equals("2000000000"));
        } finally {
            for (TestNodes.Node n : nodes) {
                n.close();
            }
        }
    }

    /**
     * beta's local fee is held between one and four times normal (the load manager lowers it every second, a
     * holder raises it again): a user's base-fee transaction submitted to beta gets telINSUF_FEE_P, while one
     * with the same fee that alpha applied and relays is applied by beta, as trusted (stoxumd's SF_TRUSTED).
     */
    private static void relayedTransactionsPassALoadedMember(TestNodes.Node alpha, TestNodes.Node beta)
            throws Exception {
        LoadFeeTrack track = beta.app.loadFeeTrack();
        AtomicBoolean hold = new AtomicBoolean(true);
        Thread holder = new Thread(() -> {
            while (hold.get()) {
                if (track.localFee() < 400) {
                    track.raiseLocalFee();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "beta-load");
        holder.start();
        try {
            await("beta's local fee is raised", () -> track.localFee() >= 400);
            String to = alpha.call("wallet_propose", null).path("account_id").asText();
            String direct = signedPayment(alpha, to, 300_000_000L);
            String relayed = signedPayment(alpha, to, 400_000_000L);
            JsonRpcClient betaUser = new JsonRpcClient("127.0.0.1", beta.publicPort);
            JsonNode refused = betaUser.call("submit", JsonNodeFactory.instance.objectNode().put("tx_blob", direct));
            assertEquals("telINSUF_FEE_P", refused.path("engine_result").asText(), refused.toString());
            long fee = track.localFee();
            assertTrue(fee > FeeTrack.LOAD_BASE && fee < 4 * FeeTrack.LOAD_BASE, "fee " + fee);

            JsonNode applied = alpha.call("submit", JsonNodeFactory.instance.objectNode().put("tx_blob", relayed));
            assertEquals("tesSUCCESS", applied.path("engine_result").asText(), applied.toString());
            await("beta applies alpha's relay whatever its load", () -> currentBalance(beta, to).equals("400000000"));
            assertTrue(track.localFee() > FeeTrack.LOAD_BASE, "still loaded");
        } finally {
            hold.set(false);
            holder.join();
        }
    }

    /** A payment from the genesis account signed at {@code n} with the base fee, as a blob. */
    private static String signedPayment(TestNodes.Node n, String to, long drops) {
        ObjectNode p = genesisPayment(n, to, drops);
        ((ObjectNode) p.get("tx_json")).put("Fee", "10");
        JsonNode signed = n.call("sign", p);
        assertTrue(signed.path("tx_blob").isTextual(), signed.toString());
        return signed.path("tx_blob").asText();
    }

    private static Set<String> fieldNames(JsonNode o) {
        Set<String> names = new HashSet<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        TestNetwork.await(what, WAIT, () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static JsonNode pay(TestNodes.Node n, String to, long drops) {
        return n.call("submit", genesisPayment(n, to, drops));
    }

    /** A sign/submit request: the genesis account pays {@code drops} to {@code to}. */
    private static ObjectNode genesisPayment(TestNodes.Node n, String to, long drops) {
        JsonNode genesis = n.call("wallet_propose", passphrase());
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("secret", genesis.path("master_seed").asText());
        ObjectNode tx = p.putObject("tx_json");
        tx.put("TransactionType", "Payment");
        tx.put("Account", genesis.path("account_id").asText());
        tx.put("Destination", to);
        tx.put("Amount", Long.toString(drops));
        return p;
    }

    private static ObjectNode passphrase() {
        return JsonNodeFactory.instance.objectNode().put("passphrase", "masterpassphrase");
    }

    private static String currentBalance(TestNodes.Node n, String account) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("account", account).put("ledger_index", "current");
        return n.call("account_info", p).path("account_data").path("Balance").asText();
    }

    private static JsonNode serverInfo(TestNodes.Node n) {
        return n.call("server_info", null).path("info");
    }

    private static int upMembers(TestNodes.Node n) {
        int up = 0;
        for (JsonNode m : n.call("peers", null).path("cluster")) {
            up += m.path("status").asText().equals("up") ? 1 : 0;
        }
        return up;
    }

    private static String memberStatus(TestNodes.Node n, String tag) {
        for (JsonNode m : n.call("peers", null).path("cluster")) {
            if (m.path("tag").asText().equals(tag)) {
                return m.path("status").asText();
            }
        }
        return "";
    }

    /** The node's count of signature checks, from its metrics. */
    private static long verifications(TestNodes.Node n) throws IOException {
        try (RawSocket s = new RawSocket(n.rpcPort, 10_000)) {
            s.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            s.readStatus();
            Matcher m = Pattern.compile("(?m)^stoxumd_tx_signature_verifications_total (\\d+)")
                    .matcher(s.readBodyAfterHead());
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    /** Sends a malformed request from {@code local}; returns the HTTP status. */
    private static int malformedFrom(InetAddress local, int port) {
        int status = 0;
        for (int i = 0; i < 1000 && status != 503; i++) {
            status = requestFrom(local, port, "{\"method\":1}");
        }
        return status;
    }

    private static int requestFrom(InetAddress local, int port, String json) {
        try (RawSocket s = new RawSocket(local, port, 10_000)) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            s.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n");
            s.write(body);
            return s.readStatus();
        } catch (IOException e) {
            return -1;
        }
    }
}
