package org.stoxum.engine.tx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerHistory;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.storage.shamap.SHAMap;

/**
 * The open ledger and the last closed ledger of a node, with rippled's bookkeeping around them
 * (OpenLedger, LedgerMaster's held transactions, NetworkOPs' local transactions):
 * <ul>
 *   <li>{@link #submit} applies a transaction to the open ledger; a retriable ({@code ter}) result is
 *       held and tried again when the next ledger closes; a success releases the held transaction with
 *       the next sequence of the same account; local submissions are re-applied to every new open ledger
 *       for up to five ledgers, until they are in a ledger or their sequence has passed.</li>
 *   <li>Every submission, held and local transaction enters through the {@link TxQueue} given to
 *       {@link #useQueue} (directly when none is): with fee escalation it may wait there (terQUEUED, also
 *       held), and each new open ledger is offered the waiting ones after the carried-over transactions
 *       and before the local ones, as rippled's consensus does.</li>
 *   <li>{@link #acceptStandalone} is {@code ledger_accept}: held transactions are retried, the open
 *       ledger's transactions are re-applied to the parent in canonical order to build the closed ledger,
 *       and a new open ledger is made on top (see {@link #accept}).</li>
 * </ul>
 * Single writer: every method except {@link #current()} and {@link #lastClosed()} belongs to one thread.
 * The writer publishes a frozen view of the open ledger after every change, so readers on other threads
 * always see a consistent open ledger.
 */
public final class OpenLedger {
    /** Ledgers a local transaction is re-applied for (LocalTx::holdLedgers). */
    public static final int LOCAL_HOLD_LEDGERS = 5;

    private final EngineSetup setup;
    private volatile Ledger lastClosed;
    private OpenView view;
    private TreeMap<Hash256, STTx> viewTxs = new TreeMap<>();
    private volatile ReadView snapshot;
    private final LedgerHistory history = new LedgerHistory();
    private final CanonicalTxSet held;
    private final List<LocalTx> locals = new ArrayList<>();
    private Supplier<Ledger> settled;
    private TxQueue queue = TxQueue.DIRECT;
    /** A move to the next open ledger under way (stand-alone); null otherwise. */
    private Reopening reopening;
    /**
     * From the fixing of a stand-alone close's set to the end of its move: what the next open ledger is to
     * take, the set's transactions in id order and then every later submission in the order it came. Kept as
     * it goes, so the move needs no copy of the open ledger's thousands of transactions.
     */
    private ArrayDeque<STTx> carrying;

    private record LocalTx(STTx tx, long expire) {
    }

    /** What a submission did. */
    public record Submission(TER ter, boolean applied) {
    }

    /** An open ledger on top of {@code lastClosed} (normally the genesis ledger at start-up). */
    public OpenLedger(EngineSetup setup, Ledger lastClosed) {
        this.setup = setup;
        this.lastClosed = lastClosed;
        this.view = OpenView.openLedger(lastClosed, lastClosed.rules());
        this.held = new CanonicalTxSet(lastClosed.hash());
        this.snapshot = view.snapshot();
        this.history.add(lastClosed);
    }

    /**
     * A stand-alone server's start (rippled's {@code startGenesisLedger}): ledger 2 is made on top of
     * {@code genesis} at {@code now} and becomes the last closed ledger; the open ledger is 3.
     */
    public static OpenLedger startStandalone(EngineSetup setup, Ledger genesis, long now) {
        OpenLedger ol = new OpenLedger(setup, LedgerBuilder.successor(genesis, now));
        ol.history.add(genesis);
        return ol;
    }

    /** Every closed ledger this node made or started from, and where their transactions are. */
    public LedgerHistory history() {
        return history;
    }

    /** The last closed ledger. */
    public Ledger lastClosed() {
        return lastClosed;
    }

    /** A frozen view of the open ledger as of its last change, readable from any thread. */
    public ReadView current() {
        return snapshot;
    }

    /** The live open view (writer thread only). */
    public OpenView view() {
        return view;
    }

    /**
     * Routes every later submission, held and local transaction through {@code queue}, and lets it fill
     * each new open ledger (writer thread, before the first submission).
     */
    public void useQueue(TxQueue queue) {
        this.queue = queue;
    }

    /** Transactions held for retry at the next close. */
    public int heldCount() {
        return held.size();
    }

    /** Local transactions re-applied to new open ledgers. */
    public int localCount() {
        return locals.size();
    }

    /** The transactions submitted to this node that no closed ledger has settled yet (writer thread). */
    public List<STTx> localTransactions() {
        List<STTx> out = new ArrayList<>(locals.size());
        for (LocalTx l : locals) {
            out.add(l.tx());
        }
        return out;
    }

    /**
     * What a stop would lose (writer thread, or once the writer has ended): the open ledger's transactions in
     * the order a close would apply them, then the local transactions it does not hold (held for a later
     * sequence, say), in submission order.
     */
    public List<STTx> pendingTransactions() {
        CanonicalTxSet open = new CanonicalTxSet(view.parentHash());
        viewTxs.values().forEach(open::insert);
        Map<Hash256, STTx> out = new LinkedHashMap<>();
        open.forEach(tx -> out.put(tx.id(), tx));
        for (LocalTx l : locals) {
            out.putIfAbsent(l.tx().id(), l.tx());
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Applies {@code tx} to the open ledger as NetworkOPs does for a submission.
     *
     * @param flags    {@link ApplyFlags}: NO_CHECK_SIGN when the signature was verified upstream, UNLIMITED
     *                 for admin submissions
     * @param local    submitted to this node (re-applied to later open ledgers; held when retriable)
     * @param failHard the submitter asked for fail_hard: a retriable result is not held or kept
     */
    public Submission submit(STTx tx, int flags, boolean local, boolean failHard) {
        ApplyResult r = applyToOpen(view, viewTxs, tx, flags);
        if (r.applied()) {
            snapshot = view.snapshot();
            if (carrying != null) {
                carrying.add(tx);
            }
        }
        boolean addLocal = local;
        if (r.ter() == TER.tesSUCCESS) {
            for (STTx next : held.prune(tx.account(), tx.sequence() + 1)) {
                submit(next, flags, false, false);
            }
        } else if (r.ter() == TER.terQUEUED) {
            held.insert(tx);
        } else if (r.ter().isTer()) {
            if (failHard) {
                addLocal = false;
            } else {
                held.insert(tx);
            }
        }
        if (addLocal) {
            long expire = view.seq() + LOCAL_HOLD_LEDGERS;
            STObject o = tx.object();
            if (o.isPresent(SField.LAST_LEDGER_SEQUENCE)) {
                expire = Math.min(expire, o.getU32(SField.LAST_LEDGER_SEQUENCE) + 1);
            }
            locals.add(new LocalTx(tx, expire));
        }
        return new Submission(r.ter(), r.applied());
    }

    /** Applies {@code tx} to {@code target} through the queue; {@code targetTxs} lists what the view holds. */
    private ApplyResult applyToOpen(OpenView target, Map<Hash256, STTx> targetTxs, STTx tx, int flags) {
        ApplyResult r = queue.apply(setup, target, tx, flags);
        if (r.applied()) {
            targetTxs.put(tx.id(), tx);
        }
        return r;
    }

    /**
     * {@code ledger_accept} in stand-alone mode: one simulated consensus round with this node's own
     * close time.
     *
     * @param now   the node's network time (seconds since 2000) when the ledger closes
     * @param store keeps the new ledger before the open ledger moves on to its successor; when it throws
     *              (a full disk), the open ledger stays as it was, so no ledger is skipped in the stored chain
     * @return the new last closed ledger
     */
    public Ledger acceptStandalone(long now, Consumer<Ledger> store) {
        StandaloneClose close = beginStandaloneClose(now);
        LedgerBuilder.Result built;
        try {
            built = buildStandaloneClose(close, store);
        } catch (RuntimeException e) {
            abandonStandaloneClose();
            throw e;
        }
        finishStandaloneClose(built);
        return built.ledger();
    }

    /**
     * The middle of {@link #acceptStandalone}, on any thread (the closing thread, while the writer goes on):
     * builds {@code close}, hands the ledger to {@code store}, and adds it to {@link #history()}, whose one
     * writer in stand-alone mode this is.
     */
    public LedgerBuilder.Result buildStandaloneClose(StandaloneClose close, Consumer<Ledger> store) {
        LedgerBuilder.Result built = close.build();
        store.accept(built.ledger());
        history.add(built.ledger());
        return built;
    }

    /**
     * The first half of {@link #acceptStandalone}, on the writer: held transactions are retried and the open
     * ledger's transactions are fixed as the set to close. The returned close builds on any thread, while
     * the writer goes on applying submissions to this open ledger, as rippled's open ledger takes them during
     * a consensus round; {@link #finishStandaloneClose} then carries those over to the new open ledger.
     */
    public StandaloneClose beginStandaloneClose(long now) {
        applyHeldTransactions();
        Ledger parent = lastClosed;
        int resolution = LedgerBuilder.nextResolution(parent);
        List<STTx> txs = new ArrayList<>(viewTxs.values());
        carrying = new ArrayDeque<>(txs);
        return new StandaloneClose(setup, parent, txs, view.txSet(),
                LedgerBuilder.effectiveCloseTime(now, resolution, parent.closeTime()), now != 0, resolution);
    }

    /** A stand-alone close failed (its ledger could not be stored): this open ledger simply goes on. */
    public void abandonStandaloneClose() {
        carrying = null;
    }

    /**
     * The last part of {@link #acceptStandalone}, on the writer, once {@link #buildStandaloneClose} has
     * stored {@code built} and recorded it: the new open ledger starts from the built ledger's state and takes
     * the transactions that arrived meanwhile.
     */
    public void finishStandaloneClose(LedgerBuilder.Result built) {
        beginStandaloneReopen(built);
        continueReopen(Long.MAX_VALUE);
    }

    /**
     * {@link #finishStandaloneClose} a slice at a time, so that submissions are not held up while hundreds of
     * transactions are carried over (writer thread). Until {@link #continueReopen} says it is done, this open
     * ledger goes on taking submissions, as it did while the closed ledger was built, and they are carried
     * over after the others, in the order they came.
     */
    public void beginStandaloneReopen(LedgerBuilder.Result built) {
        reopening = beginReopen(built, built.built().openSuccessor(built.ledger(), built.ledger().rules()),
                Objects.requireNonNull(carrying, "no stand-alone close was begun"));
    }

    /**
     * Carries transactions over to the next open ledger until {@code deadlineNanos} ({@link System#nanoTime}),
     * and makes it the open ledger once none is left. Each call carries at least one, and at least twice as
     * many as were submitted since the last call: flat out, submissions never pause, and a slice bounded by
     * time alone carried fewer than came in between, so the move never ended.
     *
     * @return whether the next open ledger took over
     */
    public boolean continueReopen(long deadlineNanos) {
        Reopening r = reopening;
        // What was submitted since the last slice went onto the end of the pending queue.
        int due = 2 * (r.pending.size() - r.leftAfterSlice);
        int carried = 0;
        while (!r.pending.isEmpty()) {
            STTx tx = r.pending.poll();
            if (!r.inNewClosed.contains(tx.id()) && retry(r.next, r.nextTxs, tx, true) == TxEngine.Outcome.RETRY) {
                r.retries.insert(tx);
            }
            if (++carried >= due && System.nanoTime() >= deadlineNanos) {
                break;
            }
        }
        if (!r.pending.isEmpty()) {
            r.leftAfterSlice = r.pending.size();
            return false;
        }
        reopening = null;
        carrying = null;
        completeReopen(r);
        return true;
    }

    /** What a stand-alone close fixed on the writer: the ledger it builds depends on nothing else. */
    public record StandaloneClose(EngineSetup setup, Ledger parent, List<STTx> txs, SHAMap txSet, long closeTime,
                                  boolean closeTimeCorrect, int resolution) {
        /** Builds the closed ledger (any thread; the set's hash is computed here, off the writer). */
        public LedgerBuilder.Result build() {
            return LedgerBuilder.build(setup, parent, txs, txSet.hash(), closeTime, closeTimeCorrect, resolution);
        }
    }

    /** Re-applies the held transactions to the open ledger, then starts holding afresh (LedgerMaster). */
    private void applyHeldTransactions() {
        for (STTx tx : held) {
            applyToOpen(view, viewTxs, tx, ApplyFlags.NO_CHECK_SIGN);
        }
        held.reset(view.parentHash());
    }

    /**
     * Makes {@code newClosed} the last closed ledger and opens the next ledger on it (rippled's
     * {@code OpenLedger::accept}): the old open ledger's transactions that did not make it into
     * {@code newClosed} are re-applied in id order, then {@code retries} (the set's leftovers plus those
     * that failed retriably just now) in passes, then the local transactions; finally the local list
     * drops what the new ledger settled. On a network, after consensus: {@code built} is the agreed set's
     * ledger.
     */
    public void accept(LedgerBuilder.Result built) {
        history.add(built.ledger());
        reopening = beginReopen(built, OpenView.openLedger(built.ledger(), built.ledger().rules()),
                new ArrayDeque<>(viewTxs.values()));
        continueReopen(Long.MAX_VALUE);
    }

    /**
     * The next open ledger, {@code next} on top of {@code built}, and what is to be carried over into it:
     * {@code pending}, the transactions of this open ledger (those {@code built} holds are skipped when their
     * turn comes). The fee metrics move to {@code built} first, as rippled's consensus does before its
     * {@code OpenLedger::accept}.
     */
    private Reopening beginReopen(LedgerBuilder.Result built, OpenView next, ArrayDeque<STTx> pending) {
        queue.processClosedLedger(setup, built.ledger(), false);
        return new Reopening(built.ledger(), built.retriable(), next, built.txIds(), pending);
    }

    /** The carried-over transactions are in: the retries, the queue's and the local transactions follow. */
    private void completeReopen(Reopening r) {
        OpenView next = r.next;
        LedgerBuilder.applyInPasses(r.retries, (tx, retry) -> retry(next, r.nextTxs, tx, retry));
        queue.accept(setup, next, tx -> r.nextTxs.put(tx.id(), tx));
        CanonicalTxSet localSet = new CanonicalTxSet(Hash256.ZERO);
        for (LocalTx l : locals) {
            // One the new ledger holds has used its sequence, and one carried over above is in the new open
            // ledger already: applying either again could only end in tefPAST_SEQ, which changes nothing, so
            // it is not tried (the first is swept below).
            if (!r.inNewClosed.contains(l.tx().id()) && !r.nextTxs.containsKey(l.tx().id())) {
                localSet.insert(l.tx());
            }
        }
        for (STTx tx : localSet) {
            applyToOpen(next, r.nextTxs, tx, ApplyFlags.NO_CHECK_SIGN);
        }
        view = next;
        viewTxs = r.nextTxs;
        lastClosed = r.newClosed;
        snapshot = next.snapshot();
        if (settled == null) {
            sweepLocals(r.newClosed, r.inNewClosed::contains, r.nextTxs::containsKey);
        } else {
            Ledger ledger = settled.get();
            sweepLocals(ledger, ledger::txExists, r.nextTxs::containsKey);
        }
    }

    /** A move to the next open ledger: what is still to be carried over into {@code next}. */
    private static final class Reopening {
        final Ledger newClosed;
        final CanonicalTxSet retries;
        final OpenView next;
        /** The ids of the transactions {@code newClosed} holds, as its build gathered them. */
        final Set<Hash256> inNewClosed;
        final ArrayDeque<STTx> pending;
        /** What {@code next} holds so far. */
        final TreeMap<Hash256, STTx> nextTxs = new TreeMap<>();
        /** How many were pending when the last slice ended: submissions since then are the growth. */
        int leftAfterSlice;

        Reopening(Ledger newClosed, CanonicalTxSet retries, OpenView next, Set<Hash256> inNewClosed,
                  ArrayDeque<STTx> pending) {
            this.newClosed = newClosed;
            this.retries = retries;
            this.next = next;
            this.inNewClosed = inNewClosed;
            this.pending = pending;
            this.leftAfterSlice = pending.size();
        }
    }

    /**
     * Sweeps local transactions against {@code ledger} instead of each newly closed ledger: on a network,
     * the validated one. A closed ledger may still lose to the network's, and a local transaction it held
     * must then go into the network's next ledger, so it stays local until a validated ledger settles it.
     */
    public void settleLocalsBy(Supplier<Ledger> ledger) {
        this.settled = ledger;
    }

    /**
     * Carries a transaction over into the new open ledger (rippled's {@code OpenLedger::apply_one}): through
     * the queue, preferring to wait there; one the queue cannot take is applied directly; a queued one
     * counts as carried over.
     */
    private TxEngine.Outcome retry(OpenView target, Map<Hash256, STTx> targetTxs, STTx tx, boolean retry) {
        int flags = ApplyFlags.NO_CHECK_SIGN | (retry ? ApplyFlags.RETRY : 0);
        ApplyResult r;
        try {
            r = queue.apply(setup, target, tx, flags | ApplyFlags.PREFER_QUEUE);
            if (r.ter() == TER.telCAN_NOT_QUEUE) {
                r = TxEngine.apply(setup, target, tx, flags);
            }
        } catch (RuntimeException e) {
            return TxEngine.Outcome.FAIL;
        }
        if (r.applied()) {
            targetTxs.put(tx.id(), tx);
            return TxEngine.Outcome.SUCCESS;
        }
        TER t = r.ter();
        if (t == TER.terQUEUED) {
            return TxEngine.Outcome.SUCCESS;
        }
        return t.isTef() || t.isTem() || t.isTel() ? TxEngine.Outcome.FAIL : TxEngine.Outcome.RETRY;
    }

    /**
     * Drops local transactions that expired, are in {@code ledger}, or whose sequence the account passed.
     * One the new open ledger holds ({@code inOpen}) applied on top of {@code ledger}'s state, so its account
     * has not passed its sequence there: it is kept without reading the account (under load nearly every
     * local transaction is such a one, and the reads were a sixth of the move to the next open ledger).
     */
    private void sweepLocals(Ledger ledger, Predicate<Hash256> inLedger, Predicate<Hash256> inOpen) {
        locals.removeIf(l -> {
            if (ledger.seq() > l.expire()) {
                return true;
            }
            if (inLedger.test(l.tx().id())) {
                return true;
            }
            if (inOpen.test(l.tx().id())) {
                return false;
            }
            STObject root = ledger.read(Keylets.account(l.tx().account()));
            return root != null && root.getU32(SField.SEQUENCE) > l.tx().sequence();
        });
    }
}
