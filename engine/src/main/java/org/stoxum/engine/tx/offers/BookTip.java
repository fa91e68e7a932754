package org.stoxum.engine.tx.offers;

import java.util.List;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.paths.Book;

/**
 * Walks the offers of a book from the best quality down, deleting each offer from the view when it
 * moves past it (rippled's {@code BookTip}). Every entry found is presented: missing, expired and
 * unfunded ones included.
 */
public final class BookTip {
    private final ApplyView view;
    private final Hash256 end;
    private boolean valid;
    private Hash256 book;
    private Hash256 dir;
    private Hash256 index;
    private SLE entry;
    private Quality quality;

    public BookTip(ApplyView view, Book book) {
        this.view = view;
        Keylet base = Keylets.book(book.in(), book.out());
        this.book = base.key();
        this.end = Keylets.next(base).key();
    }

    /** The page (root key of the quality directory) holding the current offer. */
    public Hash256 dir() {
        return dir;
    }

    /** The key of the current offer. */
    public Hash256 index() {
        return index;
    }

    public Quality quality() {
        return quality;
    }

    /** The current offer peeked from the view, or null when the directory names a missing entry. */
    public SLE entry() {
        return entry;
    }

    /** Deletes the current offer (if any) and moves to the next; false when the book is exhausted. */
    public boolean step() {
        if (valid && entry != null) {
            Views.offerDelete(view, entry);
            entry = null;
        }
        while (true) {
            Hash256 firstPage = view.succ(book, end);
            if (firstPage == null) {
                return false;
            }
            Hash256 first = firstEntry(firstPage);
            if (first != null) {
                index = first;
                entry = view.peek(Keylets.offer(index));
                quality = new Quality(Keylets.quality(firstPage));
                valid = true;
                book = decrement(firstPage);
                return true;
            }
            book = firstPage;
        }
    }

    /**
     * The first entry of the directory rooted at {@code root}, following pages past empty ones (rippled's
     * {@code dirFirst}); sets {@link #dir} to the page it was found in. Null when there is none.
     */
    private Hash256 firstEntry(Hash256 root) {
        SLE node = view.peek(Keylets.page(root, 0));
        while (true) {
            List<Hash256> indexes = node.object().getVector256(SField.INDEXES);
            if (!indexes.isEmpty()) {
                dir = node.key();
                return indexes.get(0);
            }
            long next = node.object().getU64(SField.INDEX_NEXT);
            if (next == 0) {
                return null;
            }
            node = view.peek(Keylets.page(root, next));
            if (node == null) {
                return null;
            }
        }
    }

    /** {@code key - 1} as a 256-bit number, so that the next successor search finds {@code key} again. */
    private static Hash256 decrement(Hash256 key) {
        byte[] b = key.toBytes();
        int i = b.length - 1;
        while (i >= 0 && b[i]-- == 0) {
            i--;
        }
        return Hash256.wrap(b);
    }
}
