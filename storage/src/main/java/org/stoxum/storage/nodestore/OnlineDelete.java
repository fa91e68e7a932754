package org.stoxum.storage.nodestore;

import org.stoxum.storage.ledger.LedgerHeader;

/**
 * Online delete ({@code [node_db] online_delete = N}): keeps at least the last N validated ledgers and
 * reclaims older ones while the server keeps running. rippled's rotation, with generations inside one
 * LMDB environment instead of whole backends:
 *
 * <ol>
 * <li>When the validated ledger reaches {@code lastRotated + N} (and, with advisory delete, the
 *     operator's {@code can_delete} reaches {@code lastRotated - 1}), a rotation starts: a new, empty
 *     target generation is opened, and the newest stored ledger S is chosen to seed it.</li>
 * <li>The rows (headers, transactions, account history) of ledgers below {@code lastRotated} are
 *     deleted, oldest first.</li>
 * <li>Every node of S's trees is copied into the target, children first, a batch per step. Ledgers
 *     keep being stored, wholly, into the writable generation meanwhile.</li>
 * <li>In the step that completes the copy, the target becomes writable, the writable becomes the
 *     archive (still read) and the old archive is emptied, a batch per step. {@code lastRotated}
 *     becomes the sequence after the newest stored ledger: every later ledger is stored wholly in the
 *     new writable generation; the first of them also rewrites there whatever changed since S.</li>
 * </ol>
 *
 * A ledger stored while a generation is writable lies wholly in that generation, and a generation is
 * emptied only after the rows of every ledger it alone holds (those below {@code lastRotated}) are gone,
 * so every ledger that still has a header is complete, and at least N are kept (about 2N at most). The
 * copy is a fixed amount of work, so a rotation ends however fast ledgers arrive. Each step is one
 * short LMDB write transaction, so ledger writes interleave and readers (LMDB snapshots) never wait;
 * each step persists its progress with its data, so a crash resumes where it stopped. Run
 * {@link #doWork()} from a background thread (it returns 0 when idle), or step it in tests.
 */
public final class OnlineDelete {
    /** Nodes or table entries handled per step: keeps each write transaction short. */
    public static final int BATCH = 4_096;
    /** Ledgers whose rows are deleted per step. */
    public static final int LEDGER_BATCH = 64;

    private final NodeStore store;
    private final NodeStoreSettings settings;
    private volatile long validated;
    /** Entries per step; tests shrink it to make a rotation span many steps. */
    private volatile int batch = BATCH;

    OnlineDelete(NodeStore store, NodeStoreSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    void onValidated(long seq) {
        validated = seq;
    }

    void batch(int entries) {
        batch = entries;
    }

    /**
     * rippled's lastRotated: ledgers from here on are stored wholly in the writable generation and
     * survive the next rotation, which deletes those below it (0 before the first validated ledger).
     */
    public long lastRotated() {
        return store.state().lastRotated();
    }

    /**
     * Does one bounded step of whatever online delete has to do.
     *
     * @return a measure of the work done; 0 when there was nothing to do
     */
    public int doWork() {
        if (settings.onlineDelete() == 0 || !hasWork(store.state())) {
            return 0; // decided without taking the write lock, so an idle worker never delays ledger writes
        }
        int[] work = new int[1];
        store.write(txn -> {
            StoreState s = store.state();
            if (s.droppingGen() != 0) {
                int n = store.dropping().deleteSome(txn, batch);
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
                TreeWriter writer = new TreeWriter(txn, store.target(), batch);
                LedgerHeader seed = store.tables().header(txn, s.rotationSeq());
                boolean complete = seed == null || copy(writer, seed);
                writer.finish();
                work[0] += (int) writer.appended();
                Runnable marks = writer::commitMarks;
                if (!complete) {
                    return marks;
                }
                LedgerHeader newest = store.lastDurableLedger();
                Runnable switched = adopt(txn, s.switchGenerations(newest.seq() + 1), null);
                return () -> {
                    marks.run();
                    switched.run();
                };
            }
            if (s.lastRotated() == 0) {
                work[0] = 1;
                return adopt(txn, s.withLastRotated(validated), null);
            }
            if (shouldRotate(s)) {
                work[0] = 1;
                StoreState next = s.startRotation(store.lastDurableLedger().seq());
                return adopt(txn, next, store.openGeneration(txn, next.targetGen()));
            }
            return () -> { };
        });
        return work[0];
    }

    private boolean hasWork(StoreState s) {
        return s.droppingGen() != 0 || s.rowsBelow() != 0 || s.targetGen() != 0
                || (s.lastRotated() == 0 ? validated != 0 : shouldRotate(s));
    }

    /** rippled's condition: N ledgers validated since the last rotation, and the operator allows it. */
    private boolean shouldRotate(StoreState s) {
        long canDelete = settings.advisoryDelete() ? s.canDelete() : Long.MAX_VALUE;
        return validated >= s.lastRotated() + settings.onlineDelete() && canDelete >= s.lastRotated() - 1
                && store.lastDurableLedger() != null;
    }

    /** Copies the trees of {@code ledger} into the writer's generation; false if the batch ran out. */
    private boolean copy(TreeWriter writer, LedgerHeader ledger) {
        return writer.write(store.stateMap(ledger).root()) && writer.write(store.transactionMap(ledger).root());
    }

    private Runnable adopt(org.lmdbjava.Txn<byte[]> txn, StoreState next, Generation newTarget) {
        store.saveState(txn, next);
        return () -> store.adopt(next, newTarget);
    }
}
