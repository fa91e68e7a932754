package org.stoxum.engine.ledger;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.TransactionWithMeta;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.SHAMapLeafType;

/** Reading state entries and transactions straight out of trees, for the views that own trees. */
final class MapReads {
    private MapReads() {
    }

    /** The parsed entry under {@code k} if it has {@code k}'s type, else null. */
    static STObject read(SHAMap state, Keylet k) {
        SHAMapItem item = state.get(k.key());
        if (item == null) {
            return null;
        }
        STObject sle = BinaryCodec.readLedgerEntry(item.data());
        return k.check(sle) ? sle : null;
    }

    static Hash256 succ(SHAMap state, Hash256 key, Hash256 last) {
        SHAMapItem item = state.successor(key);
        if (item == null || (last != null && item.key().compareTo(last) >= 0)) {
            return null;
        }
        return item.key();
    }

    /** State entries after {@code after} (null: from the first), in key order. */
    static Iterator<LedgerEntry> entries(SHAMap state, Hash256 after) {
        return new Iterator<>() {
            private SHAMapItem next = after == null ? first(state) : state.successor(after);

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public LedgerEntry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                SHAMapItem item = next;
                next = state.successor(item.key());
                return LedgerEntry.ofBytes(item.key(), item.data());
            }
        };
    }

    private static SHAMapItem first(SHAMap map) {
        Iterator<SHAMapItem> it = map.iterator();
        return it.hasNext() ? it.next() : null;
    }

    /** The keys of a transaction tree, which are its transactions' ids, in order. */
    static Iterator<Hash256> txIds(SHAMap txs) {
        return mapped(txs.iterator(), SHAMapItem::key);
    }

    /** Transactions in id order, with metadata when the tree holds it. */
    static Iterator<LedgerTx> transactions(SHAMap txs) {
        return mapped(txs.iterator(), item -> toTx(txs.leafType(), item));
    }

    private static <T> Iterator<T> mapped(Iterator<SHAMapItem> items, Function<SHAMapItem, T> as) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public T next() {
                return as.apply(items.next());
            }
        };
    }

    /** The transaction {@code id}, or null. */
    static LedgerTx txRead(SHAMap txs, Hash256 id) {
        SHAMapItem item = txs.get(id);
        return item == null ? null : toTx(txs.leafType(), item);
    }

    private static LedgerTx toTx(SHAMapLeafType type, SHAMapItem item) {
        if (type == SHAMapLeafType.TRANSACTION_NO_METADATA) {
            return new LedgerTx(item.key(), item.data(), null);
        }
        TransactionWithMeta twm = TransactionWithMeta.fromLeafData(item.data());
        return new LedgerTx(item.key(), twm.tx(), twm.meta());
    }
}
