package org.stoxum.engine.tx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.STTx;

/**
 * Transactions in the order a ledger applies them (rippled's {@code CanonicalTXSet}, node.md 11): by
 * account widened to 256 bits and XORed with a salt (the transaction set's hash), then by sequence, then by
 * transaction id. The salt makes the account order unpredictable yet the same on every node.
 */
public final class CanonicalTxSet implements Iterable<STTx> {
    private final TreeMap<Key, STTx> map = new TreeMap<>();
    private Hash256 salt;

    public CanonicalTxSet(Hash256 salt) {
        this.salt = salt;
    }

    private record Key(byte[] account, long seq, Hash256 id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Arrays.compareUnsigned(account, o.account);
            if (c != 0) {
                return c;
            }
            c = Long.compare(seq, o.seq);
            return c != 0 ? c : id.compareTo(o.id);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && compareTo(k) == 0;
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    private byte[] accountKey(AccountId account) {
        byte[] k = new byte[32];
        account.writeTo(k, 0);
        for (int i = 0; i < 32; i++) {
            k[i] ^= (byte) salt.byteAt(i);
        }
        return k;
    }

    private Key key(STTx tx) {
        return new Key(accountKey(tx.account()), tx.sequence(), tx.id());
    }

    /** Adds {@code tx} (a transaction already present is kept once). */
    public void insert(STTx tx) {
        map.put(key(tx), tx);
    }

    /** Removes and returns the transactions of {@code account} with sequence {@code seq}. */
    public List<STTx> prune(AccountId account, long seq) {
        byte[] a = accountKey(account);
        List<STTx> out = new ArrayList<>();
        var range = map.subMap(new Key(a, seq, Hash256.ZERO), true, new Key(a, seq + 1, Hash256.ZERO), false);
        out.addAll(range.values());
        range.clear();
        return out;
    }

    /** Empties the set and orders later insertions by {@code newSalt}. */
    public void reset(Hash256 newSalt) {
        salt = newSalt;
        map.clear();
    }

    public int size() {
        return map.size();
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** Iterates in canonical order; {@link Iterator#remove} is supported. */
    @Override
    public Iterator<STTx> iterator() {
        return map.values().iterator();
    }
}
