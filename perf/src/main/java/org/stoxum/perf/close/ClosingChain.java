package org.stoxum.perf.close;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.CanonicalTxSet;
import org.stoxum.engine.tx.EngineSetup;
import org.stoxum.engine.tx.LedgerBuilder;
import org.stoxum.engine.tx.TxEngine;
import org.stoxum.perf.load.PaymentSigner;
import org.stoxum.storage.nodestore.NodeStore;
import org.stoxum.storage.nodestore.NodeStoreSettings;

/**
 * A chain of ledger closes over a large state, each split into its steps so they can be timed apart:
 * <b>apply</b> (the transactions, in canonical order, to a view of the parent, which writes the changed
 * entries into the new state tree), <b>rehash</b> (the view's close: skip lists, both tree hashes, the
 * header) and <b>enqueue</b> (the new ledger handed to the node store's writer with its transaction rows,
 * as the ledger master does; readable from then on). The writer's commit follows in the background;
 * {@link #flush()} waits for it. Each close builds on the previous one, so every ledger's nodes are new to
 * the store, as in a running server.
 *
 * <p>Payments are signed before the clock starts ({@link #prepare()}, or {@link #sign()} ahead for many
 * closes in a row); the close skips signature checks as consensus does. Payment {@code i} of a round goes
 * from signer {@code i} to a random account.
 */
public final class ClosingChain implements AutoCloseable {
    private final EngineSetup setup = EngineSetup.of(NetworkProfile.STOXUM);
    private final KeyPair[] signers;
    private final AccountId[] accounts;
    private final int txCount;
    private final Random random;
    private final Path dir;
    private final NodeStore store;
    private Ledger parent;
    private long round;

    private Round current;
    private OpenView accum;
    private Ledger closed;

    /**
     * Builds ledger 2 with {@code accounts} accounts and stores it in a fresh node store in a temporary
     * directory.
     */
    public ClosingChain(int accounts, int txCount, long seed) throws IOException {
        AccountsLedger base = AccountsLedger.build(accounts, txCount, seed);
        this.signers = base.signers();
        this.accounts = base.accounts();
        this.txCount = txCount;
        this.random = new Random(seed + 1);
        this.dir = Files.createTempDirectory("close-bench");
        this.store = NodeStore.open(NodeStoreSettings.at(dir.resolve("db")), NetworkProfile.STOXUM);
        this.parent = base.ledger();
        queue(parent);
        flush();
    }

    /** One close's signed payments and the (random) hash of its transaction set. */
    public record Round(List<STTx> txs, Hash256 setHash) {
    }

    /** Signs the next round's payments (untimed) and makes it the current round. */
    public void prepare() {
        current = sign();
    }

    /** Makes a round signed earlier the current one; rounds must be used in the order they were signed. */
    public void use(Round r) {
        current = r;
    }

    /** Signs the next round's payments without using them yet. */
    public Round sign() {
        round++;
        long sequence = round; // every signer starts at sequence 1 in ledger 2 and sends once per ledger
        AccountId[] to = new AccountId[txCount];
        for (int i = 0; i < txCount; i++) {
            AccountId d;
            do {
                d = accounts[random.nextInt(accounts.length)];
            } while (d.equals(signers[i].accountId()));
            to[i] = d;
        }
        STTx[] signed = new STTx[txCount];
        IntStream.range(0, txCount).parallel().forEach(i -> signed[i] = STTx.fromBytes(Hex.decode(
                PaymentSigner.sign(signers[i], to[i], sequence, 1_000 + round).blobHex())));
        byte[] h = new byte[Hash256.LENGTH];
        random.nextBytes(h);
        return new Round(List.of(signed), Hash256.wrap(h));
    }

    /** The whole close through the engine's entry point ({@link LedgerBuilder#build}), then enqueue. */
    public Ledger closeAndEnqueue() {
        int resolution = LedgerBuilder.nextResolution(parent);
        LedgerBuilder.Result r = LedgerBuilder.build(setup, parent, current.txs(), current.setHash(),
                closeTime(resolution), true, resolution);
        if (!r.retriable().isEmpty()) {
            throw new IllegalStateException(r.retriable().size() + " payments did not apply");
        }
        closed = r.ledger();
        return enqueue();
    }

    /** Step 1: applies the round's payments in canonical order; every one must succeed. */
    public OpenView apply() {
        accum = OpenView.closing(parent);
        CanonicalTxSet set = new CanonicalTxSet(current.setHash());
        for (STTx tx : current.txs()) {
            set.insert(tx);
        }
        for (STTx tx : set) {
            TxEngine.Outcome o = TxEngine.applyTransaction(setup, accum, tx, true, ApplyFlags.NO_CHECK_SIGN);
            if (o != TxEngine.Outcome.SUCCESS) {
                throw new IllegalStateException("payment " + tx.id() + " did not apply: " + o);
            }
        }
        return accum;
    }

    /** Step 2: closes the view, hashing both trees. */
    public Ledger rehash() {
        int resolution = accum.closeTimeResolution();
        closed = accum.close(closeTime(resolution), resolution, true);
        accum = null;
        return closed;
    }

    /**
     * Step 3: queues the closed ledger to the node store, which becomes the parent of the next round.
     * Blocks only while the store's queue is full.
     */
    public Ledger enqueue() {
        queue(closed);
        parent = closed;
        closed = null;
        return parent;
    }

    /** Step 3 made durable: {@link #enqueue()}, then waits until the store has committed it. */
    public Ledger persist() {
        enqueue();
        flush();
        return parent;
    }

    /** Waits until every queued ledger is committed. */
    public void flush() {
        store.flush();
    }

    private long closeTime(int resolution) {
        return parent.closeTime() + resolution;
    }

    private void queue(Ledger l) {
        LedgerMaster.queue(store, l);
    }

    public Ledger parent() {
        return parent;
    }

    public NodeStore store() {
        return store;
    }

    @Override
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
