package org.stoxum.engine.ledger;

import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.TER;

/**
 * The view a transactor works in (rippled's {@code ApplyViewImpl}): changes over an {@link OpenView},
 * applied in one piece together with the transaction (and its metadata when the view is closed), or
 * dropped by discarding this object.
 */
public final class ApplyViewImpl extends ApplyViewBase {
    private final OpenView openBase;
    private STAmount deliver;

    public ApplyViewImpl(OpenView base, int flags) {
        super(base, flags);
        this.openBase = base;
    }

    /** Records the amount a partial payment delivered, for the metadata's DeliveredAmount. */
    public void deliver(STAmount amount) {
        deliver = amount;
    }

    /** Writes the changes and {@code tx} with result {@code result} into the base view. */
    public void apply(STTx tx, TER result) {
        items.apply(openBase, tx, result, deliver);
    }

    /** The number of entries changed so far. */
    public int size() {
        return items.size();
    }

    /** Walks the changed entries with their state before (null when created) and after. */
    public void visit(EntryVisitor visitor) {
        items.visit(openBase, visitor);
    }
}
