package org.stoxum.storage.nodestore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.TransactionWithMeta;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapInnerNode;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.SHAMapLeafNode;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/**
 * A ledger queued for the persister and not yet committed: everything the store would answer about it,
 * served from the trees it already holds in memory.
 *
 * <p>The lookups a reader may need (transactions by ID, an account's entries, tree nodes by hash) are
 * built on first use only: most queued ledgers are written before anyone asks, and building them on the
 * closing thread would put back the cost the queue takes off it.
 */
final class PendingLedger {
    final long ticket;
    final LedgerHeader header;
    final Hash256 hash;
    final SHAMap state;
    final SHAMap transactions;
    final int txCount;
    private final Supplier<Rows> makeRows;
    private Rows rows;
    /** Completes once a commit holds the ledger; fails with the write error if its commit failed. */
    final CompletableFuture<LedgerHeader> durable = new CompletableFuture<>();

    private Map<Hash256, LedgerTables.TxLocation> byId;
    private Map<AccountId, List<LedgerTables.TxLocation>> byAccount;
    private Map<Hash256, SHAMapTreeNode> unstoredNodes;

    /** The ledger's transaction rows: an entry per transaction and the hash of its leaf, in the same order. */
    record Rows(List<LedgerTransaction> index, List<Hash256> leafHashes) {
    }

    PendingLedger(long ticket, LedgerHeader header, Hash256 hash, SHAMap state, SHAMap transactions,
                  int txCount, Supplier<Rows> makeRows) {
        this.ticket = ticket;
        this.header = header;
        this.hash = hash;
        this.state = state;
        this.transactions = transactions;
        this.txCount = txCount;
        this.makeRows = makeRows;
    }

    /** The rows, made on first use (by the writer, or a read that comes first). */
    synchronized Rows rows() {
        if (rows == null) {
            rows = makeRows.get();
        }
        return rows;
    }

    long seq() {
        return header.seq();
    }

    synchronized LedgerTables.TxLocation transaction(Hash256 id) {
        if (byId == null) {
            List<LedgerTransaction> index = rows().index();
            byId = new HashMap<>(index.size() * 2);
            for (int i = 0; i < index.size(); i++) {
                byId.put(index.get(i).id(), location(i));
            }
        }
        return byId.get(id);
    }

    /** The account's entries in this ledger, in index order. */
    synchronized List<LedgerTables.TxLocation> accountEntries(AccountId account) {
        if (byAccount == null) {
            byAccount = new HashMap<>();
            List<LedgerTransaction> index = rows().index();
            for (int i = 0; i < index.size(); i++) {
                for (AccountId a : index.get(i).accounts()) {
                    byAccount.computeIfAbsent(a, k -> new ArrayList<>()).add(location(i));
                }
            }
            byAccount.values().forEach(l -> l.sort((x, y) -> Long.compare(x.index(), y.index())));
        }
        return byAccount.getOrDefault(account, List.of());
    }

    private LedgerTables.TxLocation location(int i) {
        Rows r = rows();
        LedgerTransaction t = r.index().get(i);
        return new LedgerTables.TxLocation(t.id(), seq(), t.index(), r.leafHashes().get(i));
    }

    /** A transaction of this ledger as the store returns it. */
    StoredTransaction load(LedgerTables.TxLocation where) {
        SHAMapItem item = transactions.get(where.id());
        return new StoredTransaction(where.id(), seq(), where.index(),
                TransactionWithMeta.fromLeafData(((SHAMapLeafNode) item).data()));
    }

    /**
     * A node of either tree that no commit is known to hold, or null. The walk stops at nodes carrying a
     * generation's mark (stored, with their subtrees) and at nodes not loaded (they came from the store).
     */
    synchronized SHAMapTreeNode node(Hash256 nodeHash) {
        if (unstoredNodes == null) {
            unstoredNodes = new HashMap<>();
            collect(state.root());
            collect(transactions.root());
        }
        return unstoredNodes.get(nodeHash);
    }

    private void collect(SHAMapTreeNode node) {
        if (node.storageMark() > 0 || node.hash().isZero()) {
            return;
        }
        unstoredNodes.put(node.hash(), node);
        if (node instanceof SHAMapInnerNode inner) {
            for (int i = 0; i < SHAMapInnerNode.BRANCHES; i++) {
                SHAMapTreeNode child = inner.peekChild(i);
                if (child instanceof SHAMapInnerNode || child instanceof SHAMapLeafNode) {
                    collect(child);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ledger " + seq() + " (" + hash + ")";
    }
}
