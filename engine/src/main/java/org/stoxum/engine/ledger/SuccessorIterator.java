package org.stoxum.engine.ledger;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.stoxum.codec.types.Hash256;

/** Walks a view's state entries with {@link ReadView#succ}: for views layered over others. */
final class SuccessorIterator implements Iterator<LedgerEntry> {
    private final ReadView view;
    private Hash256 next;

    SuccessorIterator(ReadView view, Hash256 after) {
        this.view = view;
        this.next = view.succ(after == null ? Hash256.ZERO : after, null);
        if (after == null && view.exists(Keylets.unchecked(Hash256.ZERO))) {
            next = Hash256.ZERO;
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public LedgerEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        Hash256 key = next;
        next = view.succ(key, null);
        return LedgerEntry.ofObject(key, view.read(Keylets.unchecked(key)));
    }
}
