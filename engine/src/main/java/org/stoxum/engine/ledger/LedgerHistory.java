package org.stoxum.engine.ledger;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.stoxum.codec.types.Hash256;

/**
 * The closed ledgers a node holds in memory, by sequence and by hash, and where each of their
 * transactions is (what rippled keeps in LedgerHistory and its transaction database). Closed ledgers share
 * unchanged tree nodes, so keeping many costs only what each changed; still, each ledger's changed nodes,
 * transactions and metadata stay reachable while it is held. So only the newest ledgers are held, at most
 * {@link #HELD} of them and at most {@link #HELD_TXS} transactions (the newest ledger whatever its size),
 * and older ones are read back from the node store. Holding every ledger grew a node under load without
 * bound; holding 256 ledgers of several thousand payments each filled a 3 GB heap with metadata, and the
 * collector's work grew with it.
 * Safe for many readers and one writer.
 */
public final class LedgerHistory {
    /** Ledgers held at most: as many as a skip list names, the span rippled's ledger cache aims at. */
    public static final int HELD = 256;
    /** Transactions held at most, with their metadata: about 100 MB of heap. */
    static final int HELD_TXS = 100_000;

    private final ConcurrentSkipListMap<Long, Ledger> bySeq = new ConcurrentSkipListMap<>();
    private final Map<Hash256, Ledger> byHash = new ConcurrentHashMap<>();
    private final Map<Hash256, Long> txLedger = new ConcurrentHashMap<>();
    private final int maxLedgers;
    private final long maxTxs;
    /** Every ledger held, oldest first, with its transaction count; the writer's alone. */
    private final ArrayDeque<Held> added = new ArrayDeque<>();
    private long heldTxs;

    private record Held(Ledger ledger, int txs) {
    }

    /** A history with the stock bounds, {@link #HELD} ledgers and {@link #HELD_TXS} transactions. */
    public LedgerHistory() {
        this(HELD, HELD_TXS);
    }

    /** A history holding at most {@code maxLedgers} ledgers and {@code maxTxs} transactions (the newest ledger always). */
    public LedgerHistory(int maxLedgers, long maxTxs) {
        this.maxLedgers = maxLedgers;
        this.maxTxs = maxTxs;
    }

    /** Records a closed ledger and the location of its transactions, forgetting the oldest beyond the bounds. */
    public void add(Ledger ledger) {
        bySeq.put(ledger.seq(), ledger);
        byHash.put(ledger.hash(), ledger);
        Long seq = ledger.seq();
        int txs = 0;
        for (Iterator<Hash256> it = ledger.txIds(); it.hasNext(); txs++) {
            txLedger.put(it.next(), seq);
        }
        added.addLast(new Held(ledger, txs));
        heldTxs += txs;
        while (added.size() > maxLedgers || (added.size() > 1 && heldTxs > maxTxs)) {
            Held old = added.removeFirst();
            heldTxs -= old.txs();
            forget(old.ledger());
        }
    }

    private void forget(Ledger old) {
        bySeq.remove(old.seq(), old);
        byHash.remove(old.hash(), old);
        Long seq = old.seq();
        for (Iterator<Hash256> it = old.txIds(); it.hasNext(); ) {
            txLedger.remove(it.next(), seq);
        }
    }

    /** The ledger with this sequence, or null. */
    public Ledger bySeq(long seq) {
        return bySeq.get(seq);
    }

    /** The ledger with this hash, or null. */
    public Ledger byHash(Hash256 hash) {
        return byHash.get(hash);
    }

    /** The newest ledger held, or null. */
    public Ledger latest() {
        Map.Entry<Long, Ledger> e = bySeq.lastEntry();
        return e == null ? null : e.getValue();
    }

    /** The lowest sequence held, or -1 when empty (for complete_ledgers). */
    public long firstSeq() {
        return bySeq.isEmpty() ? -1 : bySeq.firstKey();
    }

    /** The sequence of the ledger holding transaction {@code id}, or -1. */
    public long ledgerOfTx(Hash256 id) {
        Long seq = txLedger.get(id);
        return seq == null ? -1 : seq;
    }

    /** The transaction {@code id} with its metadata, or null when no held ledger has it. */
    public LedgerTx tx(Hash256 id) {
        long seq = ledgerOfTx(id);
        Ledger l = seq < 0 ? null : bySeq(seq);
        return l == null ? null : l.txRead(id);
    }
}
