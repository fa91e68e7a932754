package org.stoxum.engine.app;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.storage.nodestore.StoredTransaction;

/**
 * Every transaction the node has seen (rippled's {@code TransactionMaster}): those submitted to it,
 * whatever became of them, and those in its ledgers, so {@code tx} finds a transaction that never made it
 * into a ledger as well as one that did. Recent ones are kept in memory; ledger transactions are also
 * found in the node store.
 */
public final class TransactionMaster {
    /** Transactions kept in memory. */
    static final int CACHE_SIZE = 65_536;

    /**
     * A known transaction.
     *
     * @param tx        the signed transaction
     * @param ledgerSeq the ledger holding it, or 0 when it is in none (yet)
     */
    public record Known(Hash256 id, STObject tx, byte[] bytes, long ledgerSeq) {
    }

    private final LedgerMaster ledgers;
    private final Map<Hash256, Known> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash256, Known> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public TransactionMaster(LedgerMaster ledgers) {
        this.ledgers = ledgers;
    }

    /** Records a transaction submitted to this node (not yet in a ledger unless it already was). */
    public synchronized void seen(Hash256 id, STObject tx, byte[] bytes) {
        cache.putIfAbsent(id, new Known(id, tx, bytes, 0));
    }

    /** Records the transactions of a closed ledger as in it. */
    public synchronized void inLedger(Ledger ledger) {
        for (Iterator<LedgerTx> it = ledger.transactions(); it.hasNext(); ) {
            LedgerTx t = it.next();
            cache.put(t.id(), new Known(t.id(), t.tx(), t.txBytes(), ledger.seq()));
        }
    }

    /** The transaction {@code id}, or null when the node does not know it. */
    public Known fetch(Hash256 id) {
        synchronized (this) {
            Known k = cache.get(id);
            if (k != null) {
                return k;
            }
        }
        StoredTransaction s = ledgers.store().transaction(id);
        if (s == null || !ledgers.haveLedger(s.ledgerSeq())) {
            return null;
        }
        LedgerTx t = new LedgerTx(id, s.transaction().tx(), s.transaction().meta());
        return new Known(id, t.tx(), t.txBytes(), s.ledgerSeq());
    }
}
