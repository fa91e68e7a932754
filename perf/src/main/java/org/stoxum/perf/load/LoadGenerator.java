package org.stoxum.perf.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.crypto.KeyPair;

/**
 * Drives a server with signed payments from a separate process: funds the accounts from genesis, pre-signs
 * every payment, streams them over WebSocket or HTTP at a fixed rate or flat out, and reports throughput and
 * latency percentiles. Against a stand-alone server it closes ledgers itself with {@code ledger_accept};
 * against a network ({@code --no-close}) consensus closes them and the generator only watches. Validation is
 * observed per ledger: each validated ledger the {@code ledger} stream announces is asked for its transaction
 * ids, and each latency ends at that announcement. With {@code --watch transactions} it is observed on the
 * {@code transactions} stream instead, matched by hash, which also loads the server with a subscriber to
 * every transaction's JSON.
 */
public final class LoadGenerator {
    private static final int FUND_BATCH = 1000;
    /** Closes with no new validation after which the final drain gives up. */
    private static final int IDLE_CLOSES = 3;
    /**
     * Without our own closes: how long the drain, or the wait for a funding batch, may see no new validation
     * before it gives up. Several consensus rounds at stock timers, so a slow round is not mistaken for a stall.
     */
    private static final long NETWORK_IDLE_NANOS = 30_000_000_000L;

    private final LoadOptions opt;
    private final PrintStream err;
    private final long deadline;
    private final LoadReport report = new LoadReport();
    private final Map<String, Long> awaitingValidation = new ConcurrentHashMap<>();
    /** Funding payments not yet seen validated, when consensus closes the ledgers. */
    private final Map<String, Boolean> fundingInFlight = new ConcurrentHashMap<>();
    private final AtomicLong lastValidated = new AtomicLong();
    private final AtomicLong lastAnswer = new AtomicLong();
    private final AtomicLong ledger = new AtomicLong();
    /** Submissions due before this instant are left out of the latency distributions (warm-up). */
    private volatile long measureFrom = Long.MIN_VALUE;
    private WsRpcClient admin;

    LoadGenerator(LoadOptions opt, PrintStream err) {
        this.opt = opt;
        this.err = err;
        this.deadline = System.nanoTime() + opt.maxSeconds() * 1_000_000_000L;
    }

    public static void main(String[] args) throws IOException {
        LoadOptions opt;
        try {
            opt = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.print(runAndReport(opt, System.err));
        System.exit(0);
    }

    /**
     * Runs every phase and answers the plain-text report (also written as markdown when the options ask);
     * progress goes to {@code err}.
     */
    public static String runAndReport(LoadOptions opt, PrintStream err) throws IOException {
        LoadGenerator gen = new LoadGenerator(opt, err);
        String closing = !opt.closeLedgers() ? "closed by consensus"
                : opt.closeEvery() > 0 ? "close every " + opt.closeEvery() + " accepted"
                : "close every " + opt.closeIntervalMs() + " ms";
        String title = String.format("%s, %,d accounts, %,d payments, rate %s, %s, %d connection(s)",
                opt.transport().name(), opt.accounts(), opt.payments(),
                opt.rate() == 0 ? "max" : opt.rate() + "/s", closing, opt.connections())
                + (opt.warmupSeconds() > 0 ? ", latency of payments due after the first " + opt.warmupSeconds() + " s" : "");
        double[] secs = gen.run();
        if (opt.markdownOut() != null) {
            Files.writeString(Path.of(opt.markdownOut()), gen.report.format(true, title, secs[0], secs[1]));
        }
        return gen.report.format(false, title, secs[0], secs[1]);
    }

    /** Runs every phase; answers the submit and validation spans in seconds. */
    double[] run() {
        admin = WsRpcClient.open(opt.wsUrl(), this::onStreamEvent);
        try {
            KeyPair[] accounts = derive();
            if (!opt.closeLedgers()) {
                // Funding waits for validation too, and the ledger stream feeds the progress line.
                watchValidation();
            }
            fund(accounts);
            long[] sequences = sequences(accounts);
            List<List<PaymentSigner.Signed>> lanes = presign(accounts, sequences);
            if (opt.closeLedgers()) {
                watchValidation();
            }
            return stream(lanes);
        } finally {
            admin.close();
        }
    }

    private void watchValidation() {
        if (opt.watch() == LoadOptions.Watch.TRANSACTIONS) {
            subscribe("transactions", "ledger");
        } else {
            subscribe("ledger");
        }
    }

    private void subscribe(String... streams) {
        ArrayNode names = RpcClient.JSON.createArrayNode();
        for (String s : streams) {
            names.add(s);
        }
        require(admin.callAndWait(RpcClient.command("subscribe").set("streams", names)), "subscribe");
    }

    private KeyPair[] derive() {
        Progress p = new Progress(err, "keys", opt.accounts());
        KeyPair[] out = PaymentSigner.accounts(opt.accounts(), p);
        p.finish();
        return out;
    }

    /**
     * Phase 1: genesis pays each account, a batch per ledger so the open ledger never grows too big: after
     * each batch the generator closes the ledger, or (network) waits until consensus validated the batch.
     */
    private void fund(KeyPair[] accounts) {
        KeyPair genesis = PaymentSigner.genesis();
        long seq = accountSequence(genesis);
        if (seq < 0) {
            throw new IllegalStateException("the genesis account is not in the ledger: is the server stand-alone?");
        }
        Progress p = new Progress(err, "fund", accounts.length);
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        p.with(() -> failures.isEmpty() ? "" : "failed " + failures);
        for (int from = 0; from < accounts.length; from += FUND_BATCH) {
            checkDeadline("funding");
            int to = Math.min(accounts.length, from + FUND_BATCH);
            long base = seq + from;
            int start = from;
            PaymentSigner.Signed[] batch = new PaymentSigner.Signed[to - from];
            IntStream.range(0, batch.length).parallel().forEach(i -> batch[i] = PaymentSigner.sign(genesis,
                    accounts[start + i].accountId(), base + i, opt.fundDrops()));
            List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
            for (PaymentSigner.Signed s : batch) {
                if (!opt.closeLedgers()) {
                    fundingInFlight.put(s.hash(), Boolean.TRUE);
                }
                answers.add(admin.call(RpcClient.submit(s.blobHex())).whenComplete((r, e) -> {
                    String code = code(r, e);
                    if (!code.equals("tesSUCCESS")) {
                        failures.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
                        fundingInFlight.remove(s.hash());
                    }
                    p.tick();
                }));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
            if (opt.closeLedgers()) {
                closeLedger();
            } else {
                awaitFundingValidated();
            }
        }
        p.finish();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("funding payments failed: " + failures);
        }
    }

    /** Waits until consensus validated every funding payment in flight; fails when validations stop coming. */
    private void awaitFundingValidated() {
        int left = fundingInFlight.size();
        long lastProgress = System.nanoTime();
        while (!fundingInFlight.isEmpty()) {
            checkDeadline("waiting for the funding to validate");
            if (System.nanoTime() - lastProgress > NETWORK_IDLE_NANOS) {
                throw new IllegalStateException(String.format("%,d funding payments not validated after %d s "
                        + "without progress (last ledger seen %d)", fundingInFlight.size(),
                        NETWORK_IDLE_NANOS / 1_000_000_000L, ledger.get()));
            }
            LockSupport.parkNanos(100_000_000L);
            if (fundingInFlight.size() < left) {
                left = fundingInFlight.size();
                lastProgress = System.nanoTime();
            }
        }
    }

    /** Each account's next sequence, asked of the server (accounts may survive from an earlier run). */
    private long[] sequences(KeyPair[] accounts) {
        Progress p = new Progress(err, "seqs", accounts.length);
        long[] out = new long[accounts.length];
        Semaphore window = new Semaphore(opt.window());
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < accounts.length; i++) {
            int index = i;
            window.acquireUninterruptibly();
            answers.add(admin.call(accountInfo(accounts[i])).whenComplete((r, e) -> {
                window.release();
                out[index] = r == null ? -1 : r.path("account_data").path("Sequence").asLong(-1);
                p.tick();
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        p.finish();
        for (int i = 0; i < out.length; i++) {
            if (out[i] < 0) {
                throw new IllegalStateException("account " + i + " was not funded");
            }
        }
        return out;
    }

    /**
     * Phase 2: signs payment k from account k mod M to the next account, on every core. Payments of one
     * account all go to the same lane (connection) so their sequences arrive in order.
     */
    private List<List<PaymentSigner.Signed>> presign(KeyPair[] accounts, long[] sequences) {
        int m = accounts.length;
        Progress p = new Progress(err, "sign", opt.payments());
        PaymentSigner.Signed[] all = new PaymentSigner.Signed[opt.payments()];
        IntStream.range(0, all.length).parallel().forEach(k -> {
            int from = k % m;
            all[k] = PaymentSigner.sign(accounts[from], accounts[(from + 1) % m].accountId(),
                    sequences[from] + k / m, 1);
            p.tick();
        });
        p.finish();
        List<List<PaymentSigner.Signed>> lanes = new ArrayList<>();
        for (int c = 0; c < opt.connections(); c++) {
            lanes.add(new ArrayList<>());
        }
        for (int k = 0; k < all.length; k++) {
            lanes.get((k % m) % opt.connections()).add(all[k]);
        }
        return lanes;
    }

    /** Phase 3: one sender thread per connection, a closer, then closes until everything accepted validated. */
    private double[] stream(List<List<PaymentSigner.Signed>> lanes) {
        Progress p = new Progress(err, "submit", opt.payments()).with(() -> String.format(
                "accepted %,d validated %,d ledger %d", report.accepted(), report.validatedCount(), ledger.get()));
        long start = System.nanoTime();
        measureFrom = start + opt.warmupSeconds() * 1_000_000_000L;
        List<RpcClient> clients = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (List<PaymentSigner.Signed> lane : lanes) {
            RpcClient c = opt.transport() == LoadOptions.Transport.WS ? WsRpcClient.open(opt.wsUrl(), m -> { })
                    : new HttpRpcClient(opt.httpUrl());
            clients.add(c);
            senders.add(new Thread(() -> send(c, lane, start, p), "sender-" + clients.size()));
        }
        Thread closer = new Thread(this::closeWhileSending, "closer");
        closer.setDaemon(true);
        senders.forEach(Thread::start);
        if (opt.closeLedgers()) {
            closer.start();
        }
        senders.forEach(LoadGenerator::joinQuietly);
        closer.interrupt();
        joinQuietly(closer);
        p.finish();
        drain();
        clients.forEach(RpcClient::close);
        return new double[] {(lastAnswer.get() - start) / 1e9, (lastValidated.get() - start) / 1e9};
    }

    private void send(RpcClient client, List<PaymentSigner.Signed> lane, long start, Progress p) {
        // HTTP/1.1 answers in order on one connection: one request at a time per client.
        Semaphore window = new Semaphore(opt.transport() == LoadOptions.Transport.WS ? opt.window() : 1);
        double gapNanos = opt.rate() == 0 ? 0 : 1e9 * opt.connections() / opt.rate();
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        for (int j = 0; j < lane.size() && System.nanoTime() < deadline; j++) {
            long intended = start + (long) (j * gapNanos);
            if (gapNanos > 0) {
                for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            window.acquireUninterruptibly();
            PaymentSigner.Signed tx = lane.get(j);
            // At a fixed rate the clock starts when the payment was due, so a stalled server is not hidden.
            long t0 = gapNanos > 0 ? intended : System.nanoTime();
            awaitingValidation.put(tx.hash(), t0);
            answers.add(client.call(RpcClient.submit(tx.blobHex())).whenComplete((r, e) -> {
                long now = System.nanoTime();
                window.release();
                String code = code(r, e);
                report.result(code, (now - t0) / 1000, t0 >= measureFrom);
                if (!code.equals("tesSUCCESS") && !code.equals("terQUEUED")) {
                    awaitingValidation.remove(tx.hash());
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                p.tick();
            }));
        }
        answers.forEach(f -> f.exceptionally(e -> null).join());
    }

    /** Closes a ledger every K newly accepted payments, or every T ms, until interrupted. */
    private void closeWhileSending() {
        long closedAt = 0;
        while (!Thread.currentThread().isInterrupted()) {
            if (opt.closeEvery() > 0) {
                long accepted = report.accepted();
                if (accepted - closedAt >= opt.closeEvery()) {
                    closedAt = accepted;
                    closeLedger();
                } else {
                    LockSupport.parkNanos(200_000);
                }
            } else {
                try {
                    Thread.sleep(opt.closeIntervalMs());
                } catch (InterruptedException e) {
                    return;
                }
                closeLedger();
            }
        }
    }

    /**
     * Closes ledgers until every accepted payment was seen validated, or closes stop helping; on a network,
     * waits for consensus instead, until validations stop coming for a while.
     */
    private void drain() {
        Progress p = new Progress(err, "drain", awaitingValidation.size());
        int idle = 0;
        long lastGain = System.nanoTime();
        while (!awaitingValidation.isEmpty() && idle < IDLE_CLOSES && System.nanoTime() < deadline) {
            long before = report.validatedCount();
            if (opt.closeLedgers()) {
                closeLedger();
            }
            LockSupport.parkNanos(300_000_000L);
            long gained = report.validatedCount() - before;
            p.add(gained);
            if (opt.closeLedgers()) {
                idle = gained == 0 ? idle + 1 : 0;
            } else if (gained > 0) {
                lastGain = System.nanoTime();
            } else if (System.nanoTime() - lastGain > NETWORK_IDLE_NANOS) {
                break;
            }
        }
        p.finish();
        if (!awaitingValidation.isEmpty()) {
            err.printf("%,d accepted payments never seen validated%n", awaitingValidation.size());
        }
    }

    private void onStreamEvent(JsonNode msg) {
        String type = msg.path("type").asText();
        if ("ledgerClosed".equals(type)) {
            long index = msg.path("ledger_index").asLong();
            ledger.set(index);
            if (opt.watch() == LoadOptions.Watch.LEDGERS && msg.path("txn_count").asInt() > 0) {
                long at = System.nanoTime();
                // Answered on this connection's reader thread, so it is asked, never waited for, here.
                admin.call(RpcClient.command("ledger").put("ledger_index", index).put("transactions", true))
                        .whenComplete((r, e) -> {
                            if (r != null && r.has("ledger")) {
                                r.path("ledger").path("transactions").forEach(id -> validated(id.asText(), at));
                            } else {
                                // Its payments would only show as never validated: say why.
                                err.printf("%ncannot read ledger %d's transactions: %s%n", index,
                                        e != null ? e : r.path("error").asText());
                            }
                        });
            }
        } else if ("transaction".equals(type) && msg.path("validated").asBoolean()) {
            validated(msg.path("transaction").path("hash").asText(), System.nanoTime());
        }
    }

    private void validated(String hash, long at) {
        fundingInFlight.remove(hash);
        Long t0 = awaitingValidation.remove(hash);
        if (t0 != null) {
            report.validated((at - t0) / 1000, t0 >= measureFrom);
            lastValidated.accumulateAndGet(at, Math::max);
        }
    }

    private void closeLedger() {
        JsonNode r = admin.callAndWait(RpcClient.command("ledger_accept"));
        require(r, "ledger_accept");
        ledger.set(r.path("ledger_current_index").asLong() - 1);
    }

    private long accountSequence(KeyPair keys) {
        JsonNode r = admin.callAndWait(accountInfo(keys));
        return r.path("account_data").path("Sequence").asLong(-1);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode accountInfo(KeyPair keys) {
        return RpcClient.command("account_info").put("account", keys.accountId().toAddress(NetworkProfile.STOXUM));
    }

    /** The engine result of a submit, or its RPC error token, or the exception's class when none came. */
    static String code(JsonNode r, Throwable e) {
        if (e != null) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            return "exception:" + c.getClass().getSimpleName();
        }
        if (r.has("engine_result")) {
            return r.get("engine_result").asText();
        }
        return r.path("error").asText("noResult");
    }

    private void checkDeadline(String phase) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("--max-seconds " + opt.maxSeconds() + " reached while " + phase);
        }
    }

    private static void require(JsonNode r, String what) {
        if (r.has("error")) {
            throw new IllegalStateException(what + " failed: " + r);
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
