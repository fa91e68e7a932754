package org.stoxum.storage.nodestore;

import java.util.List;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapLeafType;

/**
 * Online delete ({@code [node_db] online_delete = N}): keeps at least the last N validated ledgers and
 * reclaims older ones while the server keeps running. rippled's rotation, with generations inside one
 * LMDB environment instead of whole backends:
 *
 * <ol>
 * <li>When the validated ledger V reaches {@code lastRotated + N} (and, with advisory delete, the
 *     operator's {@code can_delete} reaches {@code lastRotated - 1}), a rotation starts: a new, empty
 *     target generation is opened.</li>
 * <li>The rows (headers, transactions, account history) of ledgers below {@code lastRotated} are
 *     deleted, oldest first.</li>
 * <li>Every node of V's trees, and of each ledger stored since, is copied into the target, children
 *     first, a batch per step. Ledgers keep being stored into the writable generation meanwhile.</li>
 * <li>In the step that finds nothing left to copy, the target becomes writable, the writable becomes
 *     the archive (still read), and the old archive is emptied, a batch per step.
 *     {@code lastRotated} becomes V.</li>
 * </ol>
 *
 * Every ledger from the previous {@code lastRotated} on stays complete (in the writable generation or the
 * archive), so at least N and at most about 2N ledgers are kept. Each step is one short LMDB write
 * transaction, so ledger writes interleave and readers (LMDB snapshots) never wait. Every step persists
 * its progress with its data, so a crash resumes where it stopped. Run {@link #doWork()} from a
 * background thread (it returns 0 when idle), or step it in tests.
 */
public final class OnlineDelete {
    /** Nodes or table entries handled per step: keeps each write transaction short. */
    public static final int BATCH = 4_096;
    /** Ledgers whose rows are deleted per step. */
    public static final int LEDGER_BATCH = 64;

    private final NodeStore store;
    private final NodeStoreSettings settings;
    private volatile long validated;

    OnlineDelete(NodeStore store, NodeStoreSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    void onValidated(long seq) {
        validated = seq;
    }

    /** The ledger of the last rotation: ledgers from the one before it on are kept. */
    public long lastRotated() {
        return store.state().lastRotated();
    }

    /**
     * Does one bounded step of whatever online delete has to do.
     *
     * @return a measure of the work done; 0 when there was nothing to do
     */
    public int doWork() {
        if (settings.onlineDelete() == 0) {
            return 0;
        }
        int[] work = new int[1];
        store.write(txn -> {
            StoreState s = store.state();
            if (s.droppingGen() != 0) {
                int n = store.dropping().deleteSome(txn, BATCH);
                work[0] = Math.max(n, 1);
                return n > 0 ? () -> { } : adopt(txn, s.dropped(), null);
            }
            if (s.rowsBelow() != 0) {
                int n = store.tables().deleteBelow(txn, s.rowsBelow(), LEDGER_BATCH);
                work[0] = Math.max(n, 1);
                return n > 0 ? () -> { } : adopt(txn, s.rowsDeleted(), null);
            }
            if (s.targetGen() != 0) {
                work[0] = 1;
                TreeWriter writer = new TreeWriter(txn, store.target(), BATCH);
                boolean complete = copy(writer, store.tables().headersFrom(txn, s.rotationSeq()));
                work[0] += (int) writer.appended();
                Runnable marks = writer::commitMarks;
                if (!complete) {
                    return marks;
                }
                Runnable switched = adopt(txn, s.switchGenerations(), null);
                return () -> {
                    marks.run();
                    switched.run();
                };
            }
            long v = validated;
            if (s.lastRotated() == 0) {
                if (v == 0) {
                    return () -> { };
                }
                work[0] = 1;
                return adopt(txn, s.withLastRotated(v), null);
            }
            long canDelete = settings.advisoryDelete() ? s.canDelete() : Long.MAX_VALUE;
            if (v >= s.lastRotated() + settings.onlineDelete() && canDelete >= s.lastRotated() - 1
                    && store.tables().header(txn, v) != null) {
                work[0] = 1;
                StoreState next = s.startRotation(v);
                return adopt(txn, next, store.openGeneration(txn, next.targetGen()));
            }
            return () -> { };
        });
        return work[0];
    }

    /** Copies the trees of {@code ledgers} into the writer's generation; false if the batch ran out. */
    private boolean copy(TreeWriter writer, List<LedgerHeader> ledgers) {
        for (LedgerHeader h : ledgers) {
            SHAMap state = SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, h.accountHash(), store);
            SHAMap txs = SHAMap.load(SHAMapLeafType.TRANSACTION_WITH_METADATA, h.txHash(), store);
            if (!writer.write(state.root()) || !writer.write(txs.root())) {
                return false;
            }
        }
        return true;
    }

    private Runnable adopt(org.lmdbjava.Txn<byte[]> txn, StoreState next, Generation newTarget) {
        store.saveState(txn, next);
        return () -> store.adopt(next, newTarget);
    }
}
