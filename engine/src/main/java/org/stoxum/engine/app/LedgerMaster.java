package org.stoxum.engine.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.tx.OpenLedger;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.nodestore.LedgerTransaction;
import org.stoxum.storage.nodestore.NodeStore;

/**
 * The node's ledgers (rippled's {@code LedgerMaster}): the last closed ledger, the validated one, the open
 * ledger's current view, and every ledger of the complete range, by sequence or hash.
 *
 * <p>The ledgers the open ledger made or started from are held in memory (its {@link
 * org.stoxum.engine.ledger.LedgerHistory}); older ones, after a restart, are read back from the node store.
 * In stand-alone mode every closed ledger is validated at once.
 *
 * <p>Ledgers are queued to the node store as they are accepted: every read of the store sees one before
 * the open ledger moves on to its successor, and the store's writer makes it durable soon after. Whoever
 * must know a ledger survives a crash (the answer to {@code ledger_accept}) waits for {@link #durable}; a
 * restart with {@code --load} resumes from the last durable ledger. A write failure (a full disk) is
 * logged by the store and runs {@link #onStoreFailure}; the store then refuses new ledgers until it can
 * write the ones it holds, so the stored chain never has a gap.
 */
public final class LedgerMaster {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerMaster.class);

    private final NodeStore store;
    private volatile Ledger closed;
    private volatile Ledger validated;
    private volatile long firstComplete;
    private volatile OpenLedger open;
    private volatile Runnable onStoreFailure = () -> { };

    /**
     * @param store where accepted ledgers are written and old ones read back
     */
    public LedgerMaster(NodeStore store) {
        this.store = Objects.requireNonNull(store, "store");
        store.onWriteFailure(e -> onStoreFailure.run()); // the store has logged the error
    }

    /**
     * What to do when the node store fails to write a ledger, on the store's writer thread (the node stops,
     * so that it never serves a chain it cannot keep).
     */
    public void onStoreFailure(Runnable action) {
        onStoreFailure = Objects.requireNonNull(action, "action");
    }

    /** Completes once {@code ledger} is durable in the node store, or exceptionally if writing it failed. */
    public CompletableFuture<LedgerHeader> durable(Ledger ledger) {
        return store.durable(ledger.hash());
    }

    /**
     * Starts from the open ledger's last closed ledger: it becomes the validated ledger. Ledgers before it
     * that the open ledger holds (the genesis ledger) stay reachable without being part of the complete
     * range, as rippled answers {@code ledger 1} but reports {@code complete_ledgers} from 2.
     *
     * @param firstComplete the oldest ledger of the complete range: the start ledger's sequence for a new
     *                      chain, or the oldest stored ledger when resuming from the node store
     */
    public void start(OpenLedger openLedger, long firstComplete) {
        Ledger start = openLedger.lastClosed();
        persist(start);
        this.firstComplete = Math.min(firstComplete, start.seq());
        closed = start;
        validated = start;
        open = openLedger;
    }

    /**
     * Records a newly closed ledger: it becomes the last closed and (stand-alone) validated ledger, and is
     * queued to the node store. Called by the single writer.
     *
     * @throws org.stoxum.storage.nodestore.NodeStoreException if the store cannot take it (an earlier
     *         ledger still cannot be written); nothing is recorded then
     */
    public void accept(Ledger ledger) {
        persist(ledger);
        closed = ledger;
        validated = ledger;
        store.onValidated(ledger.seq());
    }

    /**
     * Records a ledger this node built by consensus or switched to: it becomes the last closed ledger and is
     * queued to the node store; it is not validated until a quorum of trusted validators says so.
     */
    public void setClosed(Ledger ledger) {
        persist(ledger);
        closed = ledger;
    }

    /**
     * Makes {@code ledger} (already stored) the validated ledger.
     *
     * @param continuous whether every ledger between the previous validated ledger and this one is held; when
     *                   not, the complete range restarts here (a node that joined late or fell behind)
     */
    public void setValidated(Ledger ledger, boolean continuous) {
        if (!continuous) {
            if (store.ledger(ledger.hash()) == null) {
                persist(ledger);
            }
            firstComplete = ledger.seq();
        }
        validated = ledger;
        store.onValidated(ledger.seq());
    }

    /**
     * Extends the complete range one ledger back: {@code parent}, acquired and stored, is the parent of the
     * oldest complete ledger (history back-fill).
     *
     * @return whether it joined the range
     */
    public boolean extendComplete(Ledger parent) {
        Ledger oldest = ledgerBySeq(firstComplete);
        if (oldest == null || parent.seq() != firstComplete - 1 || !oldest.parentHash().equals(parent.hash())) {
            return false;
        }
        firstComplete = parent.seq();
        return true;
    }

    /** Queues a ledger acquired from peers to the node store, with its transaction index. */
    public void save(Ledger ledger) {
        persist(ledger);
    }

    private void persist(Ledger l) {
        queue(store, l);
        LOG.debug("queued {} to the node store", l);
    }

    /**
     * Queues {@code l} to {@code store} with its transaction index, which the store's writer makes from the
     * metadata (the closing thread only counts the transactions).
     *
     * @return completes once a commit holds the ledger
     */
    public static CompletableFuture<LedgerHeader> queue(NodeStore store, Ledger l) {
        int count = 0;
        for (var it = l.txIds(); it.hasNext(); it.next()) {
            count++;
        }
        return store.queueLedger(l.header(), l.stateMap(), l.txMap(), count, () -> {
            List<LedgerTransaction> index = new ArrayList<>();
            for (var it = l.transactions(); it.hasNext(); ) {
                LedgerTx tx = it.next();
                index.add(new LedgerTransaction(tx.id(), TxIndexing.transactionIndex(tx),
                        TxIndexing.affectedAccounts(tx)));
            }
            return index;
        });
    }

    /** The node store behind this ledger history. */
    public NodeStore store() {
        return store;
    }

    /** The last closed ledger. */
    public Ledger closedLedger() {
        return closed;
    }

    /** The newest validated ledger. */
    public Ledger validatedLedger() {
        return validated;
    }

    /** A consistent view of the open ledger as it is now. */
    public ReadView currentLedger() {
        return open.current();
    }

    /** The open ledger (its mutating methods belong to the ledger writer thread). */
    public OpenLedger openLedger() {
        return open;
    }

    /** How many transactions the open ledger holds now. */
    public long openTxCount() {
        long n = 0;
        for (var it = currentLedger().transactions(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    /** The open ledger's sequence. */
    public long currentLedgerIndex() {
        return closed.seq() + 1;
    }

    /** The validated ledger's sequence. */
    public long validLedgerIndex() {
        return validated.seq();
    }

    /** The oldest ledger of the complete range. */
    public long firstCompleteLedger() {
        return firstComplete;
    }

    /** True when ledger {@code seq} is within the complete range. */
    public boolean haveLedger(long seq) {
        return seq >= firstComplete && seq <= validated.seq();
    }

    /** The complete range as server_info shows it: "empty", "5" or "2-17". */
    public String completeLedgers() {
        long last = validated.seq();
        if (last < firstComplete) {
            return "empty";
        }
        return firstComplete == last ? Long.toString(last) : firstComplete + "-" + last;
    }

    /** A closed ledger by sequence, or null when we do not have it. */
    public Ledger ledgerBySeq(long seq) {
        Ledger valid = validated;
        if (seq <= valid.seq()) {
            // The validated chain first, as rippled does: the recent history may still hold a ledger of this
            // sequence that this node built before it switched to the network's chain.
            if (seq == valid.seq()) {
                return valid;
            }
            Hash256 onChain = ancestorHash(valid, seq);
            if (onChain != null) {
                Ledger recent = open.history().byHash(onChain);
                if (recent != null) {
                    return recent;
                }
                if (!haveLedger(seq)) {
                    return null;
                }
                LedgerHeader header = store.ledger(onChain);
                return header == null ? null : load(header);
            }
        }
        Ledger l = open.history().bySeq(seq);
        if (l != null) {
            return l;
        }
        if (!haveLedger(seq)) {
            return null;
        }
        LedgerHeader header = store.ledger(seq);
        return header == null ? null : load(header);
    }

    /**
     * The hash of {@code ledger}'s ancestor {@code seq} from its skip list (the last 256 ledgers), or null:
     * on a network the node store may also hold ledgers this node built that lost, so a sequence is resolved
     * through the validated chain rather than by whichever ledger of that sequence was stored last.
     */
    private static Hash256 ancestorHash(Ledger ledger, long seq) {
        if (seq >= ledger.seq() || ledger.seq() - seq > SKIP_LIST_LENGTH) {
            return null;
        }
        STObject skip = ledger.read(Keylets.skip());
        if (skip == null) {
            return null;
        }
        List<Hash256> hashes = skip.getVector256(SField.HASHES);
        int index = (int) (hashes.size() - (ledger.seq() - seq));
        return index >= 0 && index < hashes.size() ? hashes.get(index) : null;
    }

    /** Ledger hashes a skip list keeps. */
    private static final int SKIP_LIST_LENGTH = 256;

    /** A closed ledger by hash, or null when we do not have it. */
    public Ledger ledgerByHash(Hash256 hash) {
        Ledger l = open.history().byHash(hash);
        if (l != null) {
            return l;
        }
        LedgerHeader header = store.ledger(hash);
        if (header == null || !haveLedger(header.seq())) {
            return null;
        }
        return load(header);
    }

    private Ledger load(LedgerHeader header) {
        Ledger ref = validated;
        return Ledger.of(header, store.stateMap(header), store.transactionMap(header), ref.configFees(),
                ref.presets());
    }

    /** The hash of the validated chain's ledger {@code seq}, or null. */
    public Hash256 hashBySeq(long seq) {
        Ledger l = ledgerBySeq(seq);
        return l == null ? null : l.hash();
    }

    /** The close time of ledger {@code seq} (network seconds), or -1 when unknown. */
    public long closeTimeBySeq(long seq) {
        Ledger l = ledgerBySeq(seq);
        return l == null ? -1 : l.closeTime();
    }
}
