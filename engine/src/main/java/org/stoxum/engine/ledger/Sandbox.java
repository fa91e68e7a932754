package org.stoxum.engine.ledger;

/**
 * Tentative changes over an editable view (rippled's {@code Sandbox}): applied into the view beneath when
 * the work succeeds, or dropped by discarding this object.
 */
public final class Sandbox extends ApplyViewBase {
    /** A sandbox over {@code base}, with its flags. */
    public Sandbox(ApplyView base) {
        super(base, base.flags());
    }

    /** A sandbox over any view, with explicit flags. */
    public Sandbox(ReadView base, int flags) {
        super(base, flags);
    }

    /** Writes the changes into {@code to} (normally the view this sandbox was made over). */
    public void apply(RawView to) {
        items.apply(to);
    }
}
