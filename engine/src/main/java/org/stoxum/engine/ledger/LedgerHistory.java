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
 * unchanged tree nodes, so keeping many costs only what each changed; still, each ledger's changed nodes
 * and transaction ids stay reachable while it is held, so only the newest {@link #HELD} are, and older ones
 * are read back from the node store (a node closing a ledger a second forever used to grow without bound).
 * Safe for many readers and one writer.
 */
public final class LedgerHistory {
    /** Ledgers held: as many as a skip list names, the span rippled's ledger cache aims at. */
    public static final int HELD = 256;

    private final ConcurrentSkipListMap<Long, Ledger> bySeq = new ConcurrentSkipListMap<>();
    private final Map<Hash256, Ledger> byHash = new ConcurrentHashMap<>();
    private final Map<Hash256, Long> txLedger = new ConcurrentHashMap<>();
    /** Every ledger held, oldest first; the writer's alone. */
    private final ArrayDeque<Ledger> added = new ArrayDeque<>();

    /** Records a closed ledger and the location of its transactions, forgetting the oldest beyond {@link #HELD}. */
    public void add(Ledger ledger) {
        bySeq.put(ledger.seq(), ledger);
        byHash.put(ledger.hash(), ledger);
        Long seq = ledger.seq();
        for (Iterator<Hash256> it = ledger.txIds(); it.hasNext(); ) {
            txLedger.put(it.next(), seq);
        }
        added.addLast(ledger);
        while (added.size() > HELD) {
            forget(added.removeFirst());
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
