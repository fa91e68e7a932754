package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.rpc.server.ServerOptions;

/**
 * Twice the rate the node sustains, offered open-loop: {@value #CLIENTS} WebSocket clients without admin
 * rights, each from its own loopback address (so per-address abuse control is not what stops them) and
 * each sending distinct payments of its own account, pre-signed. The capacity is measured first with the
 * same clients closed-loop. An admin closes a ledger every second, as a network would. Under twice that
 * load the node sheds ({@code tooBusy}, {@code slowDown}, or a fee the load raised: {@code telINSUF_FEE_P}
 * or a full queue) and server_info's {@code load_factor} rises above 1; the admin's server_info answers
 * within a bound all along; once the load stops, {@code load_factor} comes back to 1 and the same clients
 * (the same addresses) have payments applied again.
 */
class OverloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NetworkProfile PROFILE = NetworkProfile.STOXUM;
    private static final int CLIENTS = 16;
    /** Requests one client keeps in flight while the capacity is measured (half the server's session cap). */
    private static final int WINDOW = 16;
    private static final long MEASURE_MILLIS = 2_000;
    private static final long OVERLOAD_MILLIS = 5_000;
    private static final long CLOSE_EVERY_MILLIS = 1_000;
    /** Liveness, not performance: an admin call waits at most this long even under overload. */
    private static final long ADMIN_BOUND_MILLIS = 5_000;
    private static final long RECOVERY_MILLIS = 30_000;

    @Test
    void twiceTheSustainableRateIsShedWhileAdminsAreServedAndTheSameClientsAreServedAfter() throws Exception {
        Path dir = Files.createTempDirectory("stoxumd-overload");
        int rpc = TestNodes.freePort();
        int ws = TestNodes.freePort();
        int pub = TestNodes.freePort();
        int pubWs = TestNodes.freePort();
        String text = TestNodes.configText(dir, rpc, ws, pub).replace("[server]\n", "[server]\nport_public_ws\n")
                + "\n[port_public_ws]\nip = 127.0.0.1\nport = " + pubWs + "\nprotocol = ws\n";
        NodeConfig config = NodeConfigLoader.parse("overload config", text, Optional.empty(), dir,
                dir.resolve("data"), true);
        Application app = Application.start(config, new LedgerStart.Genesis(true), LogLevels.Severity.WARNING,
                ServerOptions.defaults());
        List<Client> clients = new ArrayList<>();
        AtomicBoolean adminStop = new AtomicBoolean();
        Thread adminThread = null;
        try {
            JsonRpcClient admin = new JsonRpcClient("127.0.0.1", rpc);
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new Client(InetAddress.getByName("127.0.0." + (2 + i)), "overload client " + i));
            }
            fund(admin, clients);

            Admin watch = new Admin(admin);
            adminThread = new Thread(() -> watch.run(adminStop), "overload-admin");
            adminThread.start();

            Map<String, LongAdder> measured = new ConcurrentHashMap<>();
            for (Client c : clients) {
                c.sign(admin, 2 * WINDOW + (int) (4_000 * MEASURE_MILLIS / 1000 / CLIENTS));
                c.connect(pubWs, measured);
            }
            double capacity = closedLoop(clients, MEASURE_MILLIS) * 1000.0 / MEASURE_MILLIS;
            double offered = 2 * capacity;
            for (Client c : clients) {
                c.close();
            }
            // The measurement left queued and unapplied payments: start the overload from a drained node and
            // from each account's sequence as it is now.
            assertEquals(1.0, awaitUnloaded(admin), "load_factor came back to 1 after the measurement");
            watch.resetLoad();

            Map<String, LongAdder> overload = new ConcurrentHashMap<>();
            int perClient = (int) Math.ceil(offered * OVERLOAD_MILLIS / 1000 / CLIENTS) + 1;
            for (Client c : clients) {
                c.restartSequence();
                c.sign(admin, perClient);
                c.connect(pubWs, overload);
            }
            long sent = openLoop(clients, offered / CLIENTS, OVERLOAD_MILLIS);
            long answeredUnderLoad = total(overload);
            double peakLoad = watch.peakLoadFactor();
            for (Client c : clients) {
                c.close();
            }
            System.out.printf("overload: %d clients sustain %.0f payments/s closed-loop (%s); offered %.0f/s for "
                    + "%d ms open-loop, %d sent, answers %s; peak load_factor %.2f; slowest admin server_info "
                    + "%d ms%n", CLIENTS, capacity, new TreeMap<>(measured), offered, OVERLOAD_MILLIS, sent,
                    new TreeMap<>(overload), peakLoad, watch.worstMillis.get());

            long shed = overload.entrySet().stream().filter(e -> isShed(e.getKey()))
                    .mapToLong(e -> e.getValue().sum()).sum();
            assertTrue(shed > 0, "the node shed load: " + overload);
            assertTrue(peakLoad > 1, "server_info's load_factor rose under overload: " + peakLoad);
            assertTrue(answeredUnderLoad > 0, "the node kept answering under overload");
            assertEquals(List.of(), watch.failures, "admin server_info failed under overload");
            assertTrue(watch.worstMillis.get() < ADMIN_BOUND_MILLIS,
                    "admin server_info took " + watch.worstMillis.get() + " ms under overload");

            adminStop.set(true);
            adminThread.join(30_000);
            double load = awaitUnloaded(admin);
            assertEquals(1.0, load, "load_factor came back to 1 within " + RECOVERY_MILLIS + " ms of the load");
            for (Client c : clients) {
                String result = c.payOnce(admin, pubWs);
                assertEquals("tesSUCCESS", result, c.address + " is served again after the load");
            }
        } finally {
            adminStop.set(true);
            if (adminThread != null) {
                adminThread.join(30_000);
            }
            for (Client c : clients) {
                c.close();
            }
            app.close();
            TestNodes.delete(dir);
        }
    }

    /** What counts as shedding: refusals for load, never a transaction's own failure. */
    private static boolean isShed(String answer) {
        return answer.equals("tooBusy") || answer.equals("slowDown") || answer.equals("telINSUF_FEE_P")
                || answer.startsWith("telCAN_NOT_QUEUE");
    }

    private static long total(Map<String, LongAdder> answers) {
        return answers.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Each client keeps {@link #WINDOW} payments in flight for {@code millis}; how many were answered. */
    private static long closedLoop(List<Client> clients, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<Thread> senders = new ArrayList<>();
        for (Client c : clients) {
            senders.add(start("closed-loop " + c.address, () -> {
                try {
                    while (System.nanoTime() < end && c.hasNext()) {
                        if (c.window.tryAcquire(100, TimeUnit.MILLISECONDS) && !c.sendNext()) {
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : senders) {
            t.join();
        }
        return clients.stream().mapToLong(c -> c.answered.get()).sum();
    }

    /** Each client sends {@code rate} payments a second whatever the answers; how many were sent in all. */
    private static long openLoop(List<Client> clients, double rate, long millis) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicLong sent = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (Client c : clients) {
            senders.add(start("open-loop " + c.address, () -> {
                long mine = 0;
                while (System.nanoTime() < end && c.hasNext()) {
                    long due = (long) (rate * (System.nanoTime() - start) / 1e9);
                    if (mine >= due) {
                        sleep(1);
                        continue;
                    }
                    if (!c.sendNext()) {
                        return; // the server closed this client (slowDown)
                    }
                    mine++;
                    sent.incrementAndGet();
                }
            }));
        }
        for (Thread t : senders) {
            t.join(millis + 30_000);
        }
        return sent.get();
    }

    /** Closes ledgers until server_info's load_factor is 1 again, or the recovery time is up; the last one. */
    private static double awaitUnloaded(JsonRpcClient admin) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECOVERY_MILLIS);
        double load;
        do {
            admin.call("ledger_accept", null);
            load = admin.call("server_info", null).get("info").get("load_factor").asDouble();
            if (load == 1.0) {
                return load;
            }
            sleep(500);
        } while (System.nanoTime() < end);
        return load;
    }

    /** The genesis account pays each client's account its reserve and more, in one ledger. */
    private static void fund(JsonRpcClient admin, List<Client> clients) throws Exception {
        for (Client c : clients) {
            ObjectNode tx = JSON.createObjectNode().put("TransactionType", "Payment")
                    .put("Account", PaymentLoad.GENESIS).put("Destination", c.account)
                    .put("Amount", "10000000000");
            ObjectNode params = JSON.createObjectNode().put("secret", "masterpassphrase");
            params.set("tx_json", tx);
            JsonNode r = admin.call("submit", params);
            assertEquals("tesSUCCESS", r.path("engine_result").asText(), r.toString());
        }
        admin.call("ledger_accept", null);
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The admin: a ledger close every second, server_info every 100 ms, timed, its load_factor kept. */
    private static final class Admin {
        final JsonRpcClient rpc;
        final AtomicLong worstMillis = new AtomicLong();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private volatile double peakLoad = 1;

        Admin(JsonRpcClient rpc) {
            this.rpc = rpc;
        }

        void run(AtomicBoolean stop) {
            long lastClose = System.nanoTime();
            while (!stop.get()) {
                long start = System.nanoTime();
                try {
                    JsonNode r = rpc.call("server_info", null);
                    if (!r.has("info")) {
                        failures.add(r.toString());
                    } else {
                        peakLoad = Math.max(peakLoad, r.get("info").get("load_factor").asDouble());
                    }
                    if (start - lastClose >= TimeUnit.MILLISECONDS.toNanos(CLOSE_EVERY_MILLIS)) {
                        lastClose = start;
                        JsonNode closed = rpc.call("ledger_accept", null);
                        if (!closed.has("ledger_current_index")) {
                            failures.add(closed.toString());
                        }
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
                worstMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                sleep(100);
            }
        }

        /** The highest load_factor server_info reported since the last reset. */
        double peakLoadFactor() {
            return peakLoad;
        }

        void resetLoad() {
            peakLoad = 1;
        }
    }

    /**
     * One client: its own loopback address, its own account, payments pre-signed with consecutive
     * sequences, and a WebSocket session whose reader counts the answers by error or engine result.
     */
    private static final class Client {
        final InetAddress address;
        final KeyPair keys;
        final String account;
        final Semaphore window = new Semaphore(WINDOW);
        final AtomicLong answered = new AtomicLong();
        private final ArrayDeque<byte[]> signed = new ArrayDeque<>();
        private long nextSequence = -1;
        private RawSocket socket;
        private Thread reader;

        Client(InetAddress address, String passphrase) {
            this.address = address;
            this.keys = KeyPair.fromSeed(Seed.fromPassphrase(passphrase), KeyType.SECP256K1);
            this.account = AccountId.fromPublicKey(keys.publicKey().toBytes()).toAddress(PROFILE);
        }

        /** Signs {@code count} more payments to the genesis account, continuing the sequence. */
        void sign(JsonRpcClient admin, int count) throws Exception {
            if (nextSequence < 0) {
                nextSequence = admin.call("account_info", JSON.createObjectNode().put("account", account)
                        .put("ledger_index", "current")).get("account_data").get("Sequence").asLong();
            }
            signed.clear();
            for (int i = 0; i < count; i++) {
                signed.add(payment(nextSequence++));
            }
        }

        private byte[] payment(long sequence) {
            ObjectNode json = JSON.createObjectNode().put("TransactionType", "Payment").put("Account", account)
                    .put("Destination", PaymentLoad.GENESIS).put("Amount", "1000000").put("Fee", "10")
                    .put("Sequence", sequence).put("SigningPubKey", Hex.encode(keys.publicKey().toBytes()));
            STObject tx = BinaryCodec.fromJson(json, PROFILE);
            tx.setBlob(SField.TXN_SIGNATURE, keys.sign(BinaryCodec.signingData(tx)));
            return tx.toBytes();
        }

        boolean hasNext() {
            return !signed.isEmpty();
        }

        void connect(int port, Map<String, LongAdder> answers) throws IOException {
            socket = new RawSocket(address, port, 60_000);
            if (!socket.upgrade()) {
                throw new IOException(address + " got no WebSocket session");
            }
            answered.set(0);
            window.drainPermits();
            window.release(WINDOW);
            RawSocket s = socket;
            reader = start("answers " + address, () -> {
                try {
                    for (String a = s.readText(); a != null; a = s.readText()) {
                        answers.computeIfAbsent(key(a), k -> new LongAdder()).increment();
                        answered.incrementAndGet();
                        window.release();
                    }
                    answers.computeIfAbsent("closed by the server", k -> new LongAdder()).increment();
                } catch (IOException e) {
                    // closed by this test
                }
            });
        }

        /** Sends the next payment; false when the session is gone. */
        boolean sendNext() {
            String message = "{\"command\":\"submit\",\"tx_blob\":\"" + Hex.encode(signed.poll()) + "\"}";
            try {
                socket.write(RawSocket.frame(0x81, message.getBytes(StandardCharsets.UTF_8), message.length()));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** The next payments signed continue from the account's sequence in the open ledger. */
        void restartSequence() {
            nextSequence = -1;
        }

        /** A new session from the same address submits one new payment and waits; its engine result. */
        String payOnce(JsonRpcClient admin, int port) throws Exception {
            restartSequence();
            sign(admin, 1);
            String message = "{\"command\":\"submit\",\"tx_blob\":\"" + Hex.encode(signed.poll()) + "\"}";
            try (RawSocket s = new RawSocket(address, port, 30_000)) {
                if (!s.upgrade()) {
                    return "no WebSocket session";
                }
                s.write(RawSocket.frame(0x81, message.getBytes(StandardCharsets.UTF_8), message.length()));
                String answer = s.readText();
                return answer == null ? "closed" : key(answer);
            }
        }

        void close() throws IOException, InterruptedException {
            if (socket != null) {
                socket.close();
                reader.join(10_000);
                socket = null;
            }
        }

        /** An answer's error token, else its engine result. */
        private static String key(String answer) {
            try {
                JsonNode n = JSON.readTree(answer);
                if (n.has("error")) {
                    return n.get("error").asText();
                }
                return n.path("result").path("engine_result").asText("answered");
            } catch (IOException e) {
                return "unreadable";
            }
        }
    }
}
