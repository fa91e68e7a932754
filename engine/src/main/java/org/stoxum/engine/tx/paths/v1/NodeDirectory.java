package org.stoxum.engine.tx.paths.v1;

import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;

/**
 * Where a book node stands in its order book (rippled's {@code NodeDirectory}): the quality directory
 * being read and the end of the book. It survives passes, so a later pass resumes at the same quality
 * unless it may take several qualities, in which case it starts the book again.
 */
final class NodeDirectory {
    /** What {@link #advance} did. */
    enum Advance { NO_ADVANCE, NEW_QUALITY, END_ADVANCE }

    /** The quality directory being read (its low 64 bits are the quality); null before the first read. */
    Hash256 current;
    /** One past the worst quality of the book. */
    Hash256 next;
    boolean advanceNeeded;
    boolean restartNeeded;
    /** The directory page being read; pages are only read, never changed, by the payment. */
    STObject ledgerEntry;

    /** Starts the book again (several qualities allowed) or re-reads the current quality. */
    void restart(boolean multiQuality) {
        if (multiQuality) {
            current = null;
        } else {
            restartNeeded = true;
        }
    }

    /** Points at the book's base the first time; true when a directory sits there. */
    boolean initialize(Issue in, Issue out, ReadView view) {
        if (current != null) {
            return false;
        }
        Keylet base = Keylets.book(in, out);
        current = base.key();
        next = Keylets.next(base).key();
        ledgerEntry = view.read(Keylets.page(current, 0));
        advanceNeeded = ledgerEntry == null;
        restartNeeded = false;
        return ledgerEntry != null;
    }

    /** Moves to the next quality when needed, or re-reads the current one after a restart. */
    Advance advance(ReadView view) {
        if (!(advanceNeeded || restartNeeded)) {
            return Advance.NO_ADVANCE;
        }
        if (advanceNeeded) {
            current = view.succ(current, next);
        }
        advanceNeeded = false;
        restartNeeded = false;
        if (current == null) {
            return Advance.END_ADVANCE;
        }
        ledgerEntry = view.read(Keylets.page(current, 0));
        return Advance.NEW_QUALITY;
    }
}
