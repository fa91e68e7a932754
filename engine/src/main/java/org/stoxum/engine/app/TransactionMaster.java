package org.stoxum.engine.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.storage.nodestore.StoredTransaction;

/**
 * Every transaction the node has seen (rippled's {@code TransactionMaster}): those in its ledgers, found
 * through the open ledger's history or the node store, and those submitted to it that never made it into
 * a ledger, so {@code tx} finds both.
 */
public final class TransactionMaster {
    /** Submitted transactions remembered in memory. */
    static final int CACHE_SIZE = 65_536;

    /**
     * A known transaction.
     *
     * @param tx        the signed transaction
     * @param ledgerSeq the ledger holding it, or 0 when it is in none
     */
    public record Known(Hash256 id, STObject tx, byte[] bytes, long ledgerSeq) {
    }

    private final LedgerMaster ledgers;
    private final Map<Hash256, Known> submitted = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash256, Known> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public TransactionMaster(LedgerMaster ledgers) {
        this.ledgers = ledgers;
    }

    /** Records a transaction submitted to this node. */
    public synchronized void seen(Hash256 id, STObject tx, byte[] bytes) {
        submitted.putIfAbsent(id, new Known(id, tx, bytes, 0));
    }

    /** The transaction {@code id}, or null when the node does not know it. */
    public Known fetch(Hash256 id) {
        var history = ledgers.openLedger().history();
        long seq = history.ledgerOfTx(id);
        if (seq >= 0 && ledgers.haveLedger(seq)) {
            LedgerTx t = history.tx(id);
            if (t != null) {
                return new Known(id, t.tx(), t.txBytes(), seq);
            }
        }
        StoredTransaction s = ledgers.store().transaction(id);
        if (s != null && ledgers.haveLedger(s.ledgerSeq())) {
            LedgerTx t = new LedgerTx(id, s.transaction().tx(), s.transaction().meta());
            return new Known(id, t.tx(), t.txBytes(), s.ledgerSeq());
        }
        synchronized (this) {
            return submitted.get(id);
        }
    }
}
