package org.stoxum.engine.ledger;

/**
 * Unconditional changes to a view's state (rippled's {@code RawView}): how a finished set of changes is
 * written into the view beneath, without checks or metadata.
 */
public interface RawView {
    /** Removes the entry under {@code sle}'s key. */
    void rawErase(SLE sle);

    /** Adds an entry that does not exist yet. */
    void rawInsert(SLE sle);

    /** Replaces an existing entry. */
    void rawReplace(SLE sle);

    /** Takes {@code drops} of the native currency out of existence (fees burned). */
    void rawDestroyXRP(long drops);
}
