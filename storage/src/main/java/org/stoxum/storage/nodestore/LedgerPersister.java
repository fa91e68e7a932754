package org.stoxum.storage.nodestore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one ledger writer: a bounded queue of closed ledgers and the thread that commits them.
 *
 * <p><b>Group commit.</b> Each step takes every queued ledger (at most {@link #QUEUE_LEDGERS}) and writes
 * them in one LMDB write transaction: an index or table page that several of them touch is copied and
 * written once, and their index entries are inserted together in hash order. While the writer keeps up a
 * group is one ledger; when it falls behind, groups grow and each ledger costs less.
 *
 * <p><b>Push-back.</b> A caller queueing while {@link #QUEUE_LEDGERS} ledgers (or
 * {@link #QUEUE_TRANSACTIONS} transactions) wait blocks until a commit frees room, so a store slower
 * than the ledger stream slows the stream instead of filling memory.
 *
 * <p><b>Failures.</b> A failed commit (a full disk) leaves its ledgers queued and readable, fails their
 * {@link PendingLedger#durable} futures, tells the failure listener, and stops writing: no later ledger is
 * committed past the gap. The next {@link #queue} or {@link #flush} retries the queued ledgers first and,
 * if that fails again, throws without queueing anything new, which is what a synchronous store did.
 *
 * <p>Shaped as a duty cycle: {@link #doWork()} does one step. {@link #start()} runs it on a thread; a store
 * opened stepped (tests) runs it only from {@link #flush}, or when the test calls it.
 */
final class LedgerPersister {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerPersister.class);
    /**
     * Most ledgers queued and not yet committed. Each keeps alive the tree nodes its own close replaced or
     * added (the rest is shared with its neighbours), and a group of eight already shares most index pages
     * worth sharing.
     */
    static final int QUEUE_LEDGERS = 8;
    /**
     * Most transactions in the queued ledgers (a lone ledger is always admitted): bounds the memory the
     * queue keeps alive when ledgers are large (three of 10,000 transactions, about 25 MB of nodes each).
     */
    static final int QUEUE_TRANSACTIONS = 32_768;

    /** Writes a group of ledgers in one transaction (the store's {@code writeGroup}). */
    interface GroupWriter {
        void write(List<PendingLedger> group);
    }

    private final GroupWriter writer;
    private final Object lock = new Object();
    /** Queued and not yet committed, oldest first; replaced (never changed) under {@link #lock}. */
    private volatile List<PendingLedger> pending = List.of();
    private long lastTicket;
    private long durableTicket;
    private NodeStoreException failure;
    private boolean retryRequested;
    private boolean stopping;
    private volatile Consumer<NodeStoreException> failureListener = e -> { };
    /** Test seam: runs under the lock between building a ledger's entry and publishing it to readers. */
    private volatile Runnable beforePublishing = () -> { };
    private Thread thread;

    LedgerPersister(GroupWriter writer) {
        this.writer = writer;
    }

    /** Runs the writer on its own thread. */
    void start(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void onFailure(Consumer<NodeStoreException> listener) {
        failureListener = listener;
    }

    /**
     * Runs {@code hook} inside every {@link #queue} after the ledger's entry is built and before
     * {@link #pending()} holds it: the moment a reader racing the queue sees. For tests of that race.
     */
    void beforePublishing(Runnable hook) {
        beforePublishing = hook;
    }

    /** The queued, uncommitted ledgers, oldest first: an immutable snapshot. */
    List<PendingLedger> pending() {
        return pending;
    }

    /**
     * Queues a ledger; it is readable through {@link #pending()} when this returns. Blocks while the queue
     * is full.
     *
     * @param txCount how many transactions the ledger holds
     * @param make    builds the ledger's entry from its ticket
     * @throws NodeStoreException if an earlier commit failed and retrying it failed again (nothing is
     *                            queued), or the store is closing
     */
    PendingLedger queue(int txCount, LongFunction<PendingLedger> make) {
        synchronized (lock) {
            while (true) {
                if (stopping) {
                    throw new NodeStoreException("the node store is closing; the ledger was not stored");
                }
                if (failure != null) {
                    retry();
                } else if (full(txCount) && thread != null) {
                    // (a stepped store has no writer to wait for: its queue grows until flushed)
                    waitOnLock();
                } else {
                    break;
                }
            }
            PendingLedger p = make.apply(++lastTicket);
            beforePublishing.run();
            List<PendingLedger> next = new ArrayList<>(pending);
            next.add(p);
            pending = List.copyOf(next);
            lock.notifyAll();
            return p;
        }
    }

    /** Whether a ledger of {@code txCount} transactions must wait for room. */
    private boolean full(int txCount) {
        if (pending.isEmpty()) {
            return false;
        }
        long queuedTxs = txCount;
        for (PendingLedger p : pending) {
            queuedTxs += p.txCount;
        }
        return pending.size() >= QUEUE_LEDGERS || queuedTxs > QUEUE_TRANSACTIONS;
    }

    /**
     * Waits until every ledger queued so far is committed.
     *
     * @throws NodeStoreException if a commit failed and retrying it failed again
     */
    void flush() {
        if (thread == null) {
            while (doWork() > 0) {
                // stepped store: write on the caller's thread
            }
        }
        synchronized (lock) {
            long target = lastTicket;
            while (durableTicket < target) {
                if (failure != null) {
                    retry();
                } else {
                    waitOnLock();
                }
            }
        }
    }

    /** Asks for the failed ledgers to be written again and waits for the attempt; throws if it failed. */
    private void retry() {
        retryRequested = true;
        if (thread == null) {
            doWork(); // stepped store: the caller is the writer (the lock is re-entrant)
        } else {
            lock.notifyAll();
            while (retryRequested && !stopping) {
                waitOnLock();
            }
        }
        if (failure != null) {
            throw new NodeStoreException(failure.getMessage(), failure);
        }
    }

    private void waitOnLock() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeStoreException("interrupted while waiting for the node store to write", e);
        }
    }

    /**
     * Commits every queued ledger in one transaction (or retries a failed group when asked).
     *
     * @return how many ledgers were committed or attempted; 0 when idle
     */
    int doWork() {
        List<PendingLedger> group;
        synchronized (lock) {
            if (pending.isEmpty() || (failure != null && !retryRequested)) {
                return 0;
            }
            group = pending;
        }
        NodeStoreException error = null;
        try {
            writer.write(group);
        } catch (NodeStoreException e) {
            error = e;
        } catch (RuntimeException e) {
            error = new NodeStoreException("cannot store " + group.get(0) + ": " + e, e);
        }
        boolean firstFailure;
        synchronized (lock) {
            firstFailure = error != null && failure == null;
            failure = error;
            retryRequested = false;
            if (error == null) {
                pending = List.copyOf(pending.subList(group.size(), pending.size()));
                durableTicket = group.get(group.size() - 1).ticket;
            }
            lock.notifyAll();
        }
        for (PendingLedger p : group) {
            if (error == null) {
                p.durable.complete(p.header);
            } else {
                p.durable.completeExceptionally(error);
            }
        }
        if (firstFailure) {
            LOG.error("cannot store {} ledger(s) from {}: {}; no later ledger is stored until this succeeds",
                    group.size(), group.get(0), error.getMessage());
            failureListener.accept(error);
        }
        return group.size();
    }

    private void run() {
        while (true) {
            synchronized (lock) {
                while (!stopping && (pending.isEmpty() || (failure != null && !retryRequested))) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopping && (pending.isEmpty() || failure != null)) {
                    return;
                }
            }
            doWork();
        }
    }

    /**
     * Writes what is queued, then stops the thread. Ledgers that cannot be written are reported and lost.
     */
    void close() {
        try {
            flush();
        } catch (NodeStoreException e) {
            List<PendingLedger> lost = pending;
            LOG.error("closing the node store without {} ledger(s) from {}: {}", lost.size(),
                    lost.isEmpty() ? "?" : lost.get(0), e.getMessage());
        }
        Thread t;
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
            t = thread;
        }
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
