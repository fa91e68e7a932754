package org.stoxum.engine.tx;

import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.ApplyViewImpl;
import org.stoxum.engine.ledger.EntryVisitor;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.STTx;

/**
 * What the apply stage works with (rippled's {@code ApplyContext}): the transaction, the preclaim result
 * and cost, and a fresh editable view over the open view that is either applied whole or discarded.
 */
public final class ApplyContext {
    private final OpenView base;
    private final STTx tx;
    private final TER preclaimResult;
    private final long baseFee;
    private final int flags;
    private final EngineSetup setup;
    private ApplyViewImpl view;

    ApplyContext(OpenView base, STTx tx, TER preclaimResult, long baseFee, int flags, EngineSetup setup) {
        this.base = base;
        this.tx = tx;
        this.preclaimResult = preclaimResult;
        this.baseFee = baseFee;
        this.flags = flags;
        this.setup = setup;
        this.view = new ApplyViewImpl(base, flags);
    }

    public STTx tx() {
        return tx;
    }

    public TER preclaimResult() {
        return preclaimResult;
    }

    /** The transaction's cost in fee units. */
    public long baseFee() {
        return baseFee;
    }

    public int flags() {
        return flags;
    }

    public EngineSetup setup() {
        return setup;
    }

    /** The editable view of this transaction's changes. */
    public ApplyViewImpl view() {
        return view;
    }

    /** Drops every change made so far (before claiming only the fee). */
    void discard() {
        view = new ApplyViewImpl(base, flags);
    }

    /** Writes the changes, the transaction and, in a closed view, its metadata into the open view. */
    void apply(TER result) {
        view.apply(tx, result);
    }

    /** The number of entries changed. */
    int size() {
        return view.size();
    }

    void visit(EntryVisitor visitor) {
        view.visit(visitor);
    }

    /** Records the amount a partial payment delivered. */
    public void deliver(STAmount amount) {
        view.deliver(amount);
    }

    void destroyXRP(long drops) {
        view.rawDestroyXRP(drops);
    }
}
