package org.stoxum.engine.tx;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.storage.ledger.LedgerTimes;

/**
 * Builds the next closed ledger from an agreed transaction set (rippled's {@code buildLCL} and
 * {@code applyTransactions}): the set is applied to a fresh view of the parent in canonical order, in up
 * to three passes so that transactions waiting on others ({@code ter}, or a tec while retries remain) can
 * still succeed; then the skip lists, header and hashes are fixed.
 */
public final class LedgerBuilder {
    /** Passes over the set (LEDGER_TOTAL_PASSES). */
    public static final int TOTAL_PASSES = 3;
    /** Passes in which a failing transaction may still be retried rather than claimed (LEDGER_RETRY_PASSES). */
    public static final int RETRY_PASSES = 1;

    private LedgerBuilder() {
    }

    /**
     * A closed ledger and what its build learned.
     *
     * @param retriable  the transactions of the set that could not be applied but may be retried
     * @param built      the finished view the ledger came from (its parsed entries can seed the next open ledger)
     * @param buildNanos how long the build took (canonical apply and rehash: the close's own work, for the
     *                   node's metrics)
     * @param txIds      the ids of the transactions the ledger holds, gathered on the building thread: whoever
     *                   carries the open ledger over asks it thousands of times, and a set answers faster than
     *                   the ledger's transaction tree
     */
    public record Result(Ledger ledger, CanonicalTxSet retriable, OpenView built, long buildNanos,
                         Set<Hash256> txIds) {
    }

    /**
     * Closes the ledger after {@code parent}.
     *
     * @param txs              the agreed transactions
     * @param setHash          the hash of the agreed transaction set: the canonical-order salt
     * @param closeTime        the effective (rounded) close time
     * @param closeTimeCorrect whether validators agreed on the close time
     * @param closeResolution  the close-time resolution of the new ledger
     */
    public static Result build(EngineSetup setup, Ledger parent, Collection<STTx> txs, Hash256 setHash,
                               long closeTime, boolean closeTimeCorrect, int closeResolution) {
        long start = System.nanoTime();
        OpenView accum = OpenView.closing(parent);
        CanonicalTxSet retriable = new CanonicalTxSet(setHash);
        for (STTx tx : txs) {
            retriable.insert(tx);
        }
        applyInPasses(retriable, (tx, retry) ->
                TxEngine.applyTransaction(setup, accum, tx, retry, ApplyFlags.NO_CHECK_SIGN));
        Ledger ledger = accum.close(closeTime, closeResolution, closeTimeCorrect);
        Set<Hash256> ids = new HashSet<>();
        ledger.txIds().forEachRemaining(ids::add);
        return new Result(ledger, retriable, accum, System.nanoTime() - start, ids);
    }

    /**
     * The ledger that follows {@code parent} with no transactions, closed outside consensus (rippled's
     * {@code Ledger(prevLedger, closeTime)} followed by {@code updateSkipList} and {@code setImmutable}):
     * how a stand-alone server makes ledger 2 on top of genesis at start-up. The close time is {@code now}
     * rounded when the parent has no close time, else the parent's plus the resolution.
     */
    public static Ledger successor(Ledger parent, long now) {
        OpenView next = OpenView.closing(parent);
        int resolution = next.closeTimeResolution();
        long closeTime = parent.closeTime() == 0
                ? LedgerTimes.roundCloseTime(now, resolution)
                : parent.closeTime() + resolution;
        return next.close(closeTime, resolution, true);
    }

    /** Applies one transaction, retrying (tec not claimed) when {@code certainRetry}. */
    @FunctionalInterface
    interface Applier {
        TxEngine.Outcome apply(STTx tx, boolean certainRetry);
    }

    /**
     * Applies {@code set} in up to {@link #TOTAL_PASSES} passes: while passes make progress, failures that
     * may be retried stay in the set; after {@link #RETRY_PASSES} retrying passes (or one without
     * progress) a final pass claims what it can. What is left in {@code set} failed retriably at the end.
     */
    static void applyInPasses(CanonicalTxSet set, Applier applier) {
        boolean certainRetry = true;
        for (int pass = 0; pass < TOTAL_PASSES; pass++) {
            int changes = 0;
            Iterator<STTx> it = set.iterator();
            while (it.hasNext()) {
                switch (applier.apply(it.next(), certainRetry)) {
                    case SUCCESS -> {
                        it.remove();
                        changes++;
                    }
                    case FAIL -> it.remove();
                    case RETRY -> {
                    }
                }
            }
            if (changes == 0 && !certainRetry) {
                return;
            }
            if (changes == 0 || pass >= RETRY_PASSES) {
                certainRetry = false;
            }
        }
    }

    /**
     * The close time a ledger records (rippled's consensus {@code effCloseTime}): rounded to the
     * resolution and at least a second after the parent's; a zero proposal means no agreement, giving the
     * parent's time plus one second and {@code closeTimeCorrect == false}.
     */
    public static long effectiveCloseTime(long rawCloseTime, int resolution, long parentCloseTime) {
        if (rawCloseTime == 0) {
            return parentCloseTime + 1;
        }
        return LedgerTimes.effectiveCloseTime(rawCloseTime, resolution, parentCloseTime);
    }

    /** The close-time resolution of the ledger after {@code parent} (rippled's {@code getNextLedgerTimeResolution}). */
    public static int nextResolution(Ledger parent) {
        return LedgerTimes.nextResolution(parent.closeTimeResolution(), parent.header().closeTimeAgreed(),
                parent.seq() + 1);
    }
}
