package org.stoxum.storage.nodestore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.LongPredicate;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.GetOp;
import org.lmdbjava.SeekOp;
import org.lmdbjava.Txn;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;

/**
 * The per-ledger rows beside the trees: what rippled keeps in ledger.db and transaction.db.
 *
 * <pre>
 * headers        u32 seq                       -> 118-byte header
 * ledger_hashes  ledger hash                   -> u32 seq
 * txs            transaction ID                -> u32 seq, u32 index, hash of its transaction-tree leaf
 * ledger_txs     u32 seq, u32 index            -> transaction ID, affected accounts (20 bytes each)
 * account_tx     account, u32 seq, u32 index   -> transaction ID
 * </pre>
 *
 * Integers are big-endian so that key order is (ledger, index) order: an account's history is one
 * range of {@code account_tx}, read forwards or backwards. The transaction bytes are not copied here:
 * {@code txs} points at the leaf of the ledger's transaction tree, which the node tables hold anyway.
 */
final class LedgerTables {
    private static final int SEQ_INDEX = 8;

    private final Dbi<byte[]> headers;
    private final Dbi<byte[]> ledgerHashes;
    private final Dbi<byte[]> txs;
    private final Dbi<byte[]> ledgerTxs;
    private final Dbi<byte[]> accountTx;

    LedgerTables(Env<byte[]> env, Txn<byte[]> txn) {
        headers = open(env, txn, "headers");
        ledgerHashes = open(env, txn, "ledger_hashes");
        txs = open(env, txn, "txs");
        ledgerTxs = open(env, txn, "ledger_txs");
        accountTx = open(env, txn, "account_tx");
    }

    private static Dbi<byte[]> open(Env<byte[]> env, Txn<byte[]> txn, String name) {
        return env.openDbi(txn, name.getBytes(StandardCharsets.US_ASCII), null, false, DbiFlags.MDB_CREATE);
    }

    /** Writes a ledger's rows, first removing any earlier ledger stored under the same sequence. */
    void put(Txn<byte[]> txn, LedgerHeader header, Hash256 ledgerHash, List<LedgerTransaction> transactions,
             List<Hash256> leafHashes) {
        long seq = header.seq();
        delete(txn, seq);
        headers.put(txn, BigEndian.u32(seq), header.toBytes());
        ledgerHashes.put(txn, ledgerHash.toBytes(), BigEndian.u32(seq));
        for (int i = 0; i < transactions.size(); i++) {
            LedgerTransaction t = transactions.get(i);
            byte[] id = t.id().toBytes();
            byte[] seqIndex = seqIndex(seq, t.index());
            byte[] location = Arrays.copyOf(seqIndex, SEQ_INDEX + Hash256.LENGTH);
            leafHashes.get(i).writeTo(location, SEQ_INDEX);
            txs.put(txn, id, location);
            byte[] row = Arrays.copyOf(id, Hash256.LENGTH + t.accounts().size() * AccountId.LENGTH);
            for (int a = 0; a < t.accounts().size(); a++) {
                AccountId account = t.accounts().get(a);
                account.writeTo(row, Hash256.LENGTH + a * AccountId.LENGTH);
                accountTx.put(txn, accountKey(account.toBytes(), seq, t.index()), id);
            }
            ledgerTxs.put(txn, seqIndex, row);
        }
    }

    /** Removes every row of ledger {@code seq}; returns whether it was stored. */
    boolean delete(Txn<byte[]> txn, long seq) {
        byte[] key = BigEndian.u32(seq);
        byte[] header = headers.get(txn, key);
        if (header == null) {
            return false;
        }
        ledgerHashes.delete(txn, LedgerHeader.fromBytes(header).hash().toBytes());
        headers.delete(txn, key);
        try (Cursor<byte[]> c = ledgerTxs.openCursor(txn)) {
            boolean found = c.get(seqIndex(seq, 0), GetOp.MDB_SET_RANGE);
            while (found && BigEndian.getU32(c.key(), 0) == seq) {
                long index = BigEndian.getU32(c.key(), 4);
                byte[] row = c.val();
                byte[] id = Arrays.copyOf(row, Hash256.LENGTH);
                byte[] where = txs.get(txn, id);
                if (where != null && BigEndian.getU32(where, 0) == seq) {
                    txs.delete(txn, id);
                }
                for (int p = Hash256.LENGTH; p < row.length; p += AccountId.LENGTH) {
                    accountTx.delete(txn, accountKey(Arrays.copyOfRange(row, p, p + AccountId.LENGTH), seq, index));
                }
                c.delete();
                found = c.get(seqIndex(seq, 0), GetOp.MDB_SET_RANGE);
            }
        }
        return true;
    }

    /**
     * Deletes up to {@code limit} of the oldest ledgers below {@code seq}.
     *
     * @return how many were deleted; 0 when none is left below {@code seq}
     */
    int deleteBelow(Txn<byte[]> txn, long seq, int limit) {
        int done = 0;
        while (done < limit) {
            long first = firstSeq(txn);
            if (first < 0 || first >= seq) {
                break;
            }
            delete(txn, first);
            done++;
        }
        return done;
    }

    /** The smallest stored ledger sequence, or -1. */
    long firstSeq(Txn<byte[]> txn) {
        try (Cursor<byte[]> c = headers.openCursor(txn)) {
            return c.seek(SeekOp.MDB_FIRST) ? BigEndian.getU32(c.key(), 0) : -1;
        }
    }

    LedgerHeader header(Txn<byte[]> txn, long seq) {
        byte[] h = headers.get(txn, BigEndian.u32(seq));
        return h == null ? null : LedgerHeader.fromBytes(h);
    }

    LedgerHeader header(Txn<byte[]> txn, Hash256 ledgerHash) {
        byte[] seq = ledgerHashes.get(txn, ledgerHash.toBytes());
        if (seq == null) {
            return null;
        }
        LedgerHeader h = header(txn, BigEndian.getU32(seq, 0));
        return h != null && h.hash().equals(ledgerHash) ? h : null;
    }

    /** Where a transaction is: {@code {seq, index}} and the hash of its tree leaf, or null. */
    TxLocation transaction(Txn<byte[]> txn, Hash256 id) {
        byte[] where = txs.get(txn, id.toBytes());
        return where == null ? null : new TxLocation(id, BigEndian.getU32(where, 0), BigEndian.getU32(where, 4),
                Hash256.of(where, SEQ_INDEX));
    }

    record TxLocation(Hash256 id, long ledgerSeq, long index, Hash256 leafHash) {
    }

    /**
     * One page of an account's history, with rippled's rules ({@code accountTxPage}): without a marker
     * the range is {@code [minLedger, maxLedger]}; with one, the page starts exactly at the marker (an
     * empty page if that entry is gone) and the marker's own ledger is not cut by the range.
     *
     * <p>The table's entries are merged with {@code queued} (entries of ledgers not yet written, keyed
     * by {@link #position}); table entries of ledgers for which {@code replaced} holds are skipped, since
     * a queued ledger of that sequence will replace them.
     */
    List<TxLocation> accountPage(Txn<byte[]> txn, AccountId account, long minLedger, long maxLedger,
                                 boolean forward, AccountTxMarker marker, int limit, AccountTxMarker[] next,
                                 NavigableMap<Long, TxLocation> queued, LongPredicate replaced) {
        byte[] acct = account.toBytes();
        List<TxLocation> out = new ArrayList<>();
        long startSeq = marker != null ? marker.ledgerSeq() : forward ? minLedger : maxLedger;
        long startIndex = marker != null ? marker.index() : forward ? 0 : 0xFFFF_FFFFL;
        long start = position(startSeq, startIndex);
        Iterator<TxLocation> fromQueue = (forward ? queued.tailMap(start, true)
                : queued.headMap(start, true).descendingMap()).values().iterator();
        TxLocation q = fromQueue.hasNext() ? fromQueue.next() : null;
        try (Cursor<byte[]> c = accountTx.openCursor(txn)) {
            byte[] startKey = accountKey(acct, startSeq, startIndex);
            boolean at = forward ? c.get(startKey, GetOp.MDB_SET_RANGE) : seekAtOrBefore(c, startKey);
            at = skipReplaced(c, at, acct, forward, replaced);
            boolean first = true;
            while (true) {
                long tablePos = at ? position(BigEndian.getU32(c.key(), AccountId.LENGTH),
                        BigEndian.getU32(c.key(), AccountId.LENGTH + 4)) : 0;
                long queuedPos = q == null ? 0 : position(q.ledgerSeq(), q.index());
                boolean fromTable = at && (q == null || (forward ? Long.compareUnsigned(tablePos, queuedPos) < 0
                        : Long.compareUnsigned(tablePos, queuedPos) > 0));
                if (!fromTable && q == null) {
                    break;
                }
                long pos = fromTable ? tablePos : queuedPos;
                if (first && marker != null && pos != start) {
                    return out;
                }
                first = false;
                long seq = pos >>> 32;
                boolean markerLedger = marker != null && seq == marker.ledgerSeq();
                if (!markerLedger && (forward ? seq > maxLedger : seq < minLedger)) {
                    break;
                }
                if (out.size() == limit) {
                    next[0] = new AccountTxMarker(seq, pos & 0xFFFF_FFFFL);
                    break;
                }
                if (fromTable) {
                    TxLocation where = transaction(txn, Hash256.wrap(c.val()));
                    if (where != null) {
                        out.add(where);
                    }
                    at = skipReplaced(c, forward ? c.next() : c.prev(), acct, forward, replaced);
                } else {
                    out.add(q);
                    q = fromQueue.hasNext() ? fromQueue.next() : null;
                }
            }
        }
        return out;
    }

    /** A (ledger, index) pair as one number whose unsigned order is the history's order. */
    static long position(long seq, long index) {
        return seq << 32 | index;
    }

    /**
     * Moves the cursor past entries of replaced ledgers; returns whether it rests on an entry of the
     * account.
     */
    private static boolean skipReplaced(Cursor<byte[]> c, boolean at, byte[] acct, boolean forward,
                                        LongPredicate replaced) {
        while (at && Arrays.equals(acct, 0, AccountId.LENGTH, c.key(), 0, AccountId.LENGTH)) {
            if (!replaced.test(BigEndian.getU32(c.key(), AccountId.LENGTH))) {
                return true;
            }
            at = forward ? c.next() : c.prev();
        }
        return false;
    }

    private static boolean seekAtOrBefore(Cursor<byte[]> c, byte[] key) {
        if (!c.get(key, GetOp.MDB_SET_RANGE)) {
            return c.last();
        }
        return Arrays.equals(c.key(), key) || c.prev();
    }

    private static byte[] seqIndex(long seq, long index) {
        byte[] k = new byte[SEQ_INDEX];
        BigEndian.putU32(k, 0, seq);
        BigEndian.putU32(k, 4, index);
        return k;
    }

    private static byte[] accountKey(byte[] account, long seq, long index) {
        byte[] k = Arrays.copyOf(account, AccountId.LENGTH + SEQ_INDEX);
        BigEndian.putU32(k, AccountId.LENGTH, seq);
        BigEndian.putU32(k, AccountId.LENGTH + 4, index);
        return k;
    }
}
