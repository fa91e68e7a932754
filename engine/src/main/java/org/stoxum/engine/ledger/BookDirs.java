package org.stoxum.engine.ledger;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;

/**
 * The offers of one order book in a read-only view, best quality first and, within a quality, in the
 * order they were placed (rippled's {@code BookDirs}). Each quality is its own directory, rooted at the
 * book's base key with the quality in the low 64 bits, so walking the keys between the base and the next
 * book visits the qualities in order. Entries are presented as stored: missing offers are skipped,
 * unfunded and expired ones are not.
 */
public final class BookDirs implements Iterable<BookDirs.Entry> {
    private final ReadView view;
    private final Hash256 root;
    private final Hash256 end;

    /** An offer of the book with the key it is stored under and the quality page it sits in. */
    public record Entry(Hash256 key, Hash256 qualityDir, STObject offer) {
        /** The quality (rate) of the page: the low 64 bits of its key. */
        public long quality() {
            return Keylets.quality(qualityDir);
        }
    }

    /** The book that takes {@code in} and gives {@code out}. */
    public BookDirs(ReadView view, Issue in, Issue out) {
        Keylet base = Keylets.book(in, out);
        this.view = view;
        this.root = base.key();
        this.end = Keylets.next(base).key();
    }

    @Override
    public Iterator<Entry> iterator() {
        return new Iterator<>() {
            private Hash256 qualityDir = view.succ(root, end);
            private long page;
            private List<Hash256> indexes = qualityDir == null ? List.of() : load();
            private int at;
            private Entry next = advance();

            private List<Hash256> load() {
                STObject node = view.read(Keylets.page(qualityDir, page));
                return node == null ? List.of() : node.getVector256(SField.INDEXES);
            }

            private Entry advance() {
                while (qualityDir != null) {
                    while (at < indexes.size()) {
                        Hash256 key = indexes.get(at++);
                        STObject offer = view.read(Keylets.offer(key));
                        if (offer != null) {
                            return new Entry(key, qualityDir, offer);
                        }
                    }
                    STObject node = view.read(Keylets.page(qualityDir, page));
                    long nextPage = node == null ? 0 : node.getU64(SField.INDEX_NEXT);
                    if (nextPage != 0) {
                        page = nextPage;
                    } else {
                        qualityDir = view.succ(qualityDir, end);
                        page = 0;
                    }
                    at = 0;
                    indexes = qualityDir == null ? List.of() : load();
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Entry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Entry e = next;
                next = advance();
                return e;
            }
        };
    }
}
