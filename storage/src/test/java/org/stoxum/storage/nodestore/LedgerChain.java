package org.stoxum.storage.nodestore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.TransactionWithMeta;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.TreeWalk;

/**
 * Test helper: a chain of random ledgers (random state edits, random transactions touching a small set
 * of accounts), and a check that a stored ledger is complete and hashes right.
 */
final class LedgerChain {
    static final List<AccountId> ACCOUNTS = new ArrayList<>();

    static {
        Random r = new Random(7);
        for (int i = 0; i < 8; i++) {
            byte[] a = new byte[AccountId.LENGTH];
            r.nextBytes(a);
            ACCOUNTS.add(AccountId.of(a));
        }
    }

    /** A ledger ready to store. */
    record Ledger(LedgerHeader header, SHAMap state, SHAMap txs, List<LedgerTransaction> index,
                  List<TransactionWithMeta> bodies) {
        void storeIn(NodeStore store) {
            store.storeLedger(header, state, txs, index);
        }
    }

    private final Random random;
    private final SHAMap state;
    /** Past this many entries the state stops growing: edits then mostly rewrite history. */
    private int stableSize = Integer.MAX_VALUE;
    private final List<Hash256> keys = new ArrayList<>();
    private LedgerHeader last;

    private LedgerChain(Random random, SHAMap state, LedgerHeader last) {
        this.random = random;
        this.state = state;
        this.last = last;
        for (SHAMapItem item : state) {
            keys.add(item.key());
        }
    }

    static LedgerChain fresh(long seed) {
        return new LedgerChain(new Random(seed), SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE), null);
    }

    /** Continues from the store's last ledger (or starts fresh if it has none). */
    static LedgerChain resume(NodeStore store, long seed) {
        LedgerHeader last = store.lastLedger();
        if (last == null) {
            return fresh(seed);
        }
        return new LedgerChain(new Random(seed ^ last.seq()), store.stateMap(last).mutableCopy(), last);
    }

    LedgerHeader last() {
        return last;
    }

    /** Keeps the state near {@code size} entries, so that most of what is stored is history. */
    LedgerChain stableAt(int size) {
        stableSize = size;
        return this;
    }

    /** The next ledger: {@code edits} state changes and {@code txCount} transactions. */
    Ledger next(int edits, int txCount) {
        for (int i = 0; i < edits; i++) {
            boolean grow = keys.size() < stableSize ? random.nextInt(4) != 0 : random.nextInt(3) == 0;
            if (keys.isEmpty() || grow) {
                Hash256 k = randomKey();
                if (state.put(k, bytes(20 + random.nextInt(80)))) {
                    keys.add(k);
                }
            } else if (random.nextBoolean()) {
                state.put(keys.get(random.nextInt(keys.size())), bytes(20 + random.nextInt(80)));
            } else {
                Hash256 k = keys.remove(random.nextInt(keys.size()));
                state.delete(k);
            }
        }
        SHAMap txs = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA);
        List<LedgerTransaction> index = new ArrayList<>();
        List<TransactionWithMeta> bodies = new ArrayList<>();
        for (int i = 0; i < txCount; i++) {
            TransactionWithMeta body = new TransactionWithMeta(bytes(60 + random.nextInt(100)), bytes(30 + random.nextInt(300)));
            Hash256 id = Hash256.wrap(Sha512Half.of(HashPrefix.TRANSACTION_ID, body.tx()));
            txs.put(id, body.toLeafData());
            Set<AccountId> touched = new LinkedHashSet<>();
            for (int a = 0; a < 1 + random.nextInt(3); a++) {
                touched.add(ACCOUNTS.get(random.nextInt(ACCOUNTS.size())));
            }
            index.add(new LedgerTransaction(id, i, touched));
            bodies.add(body);
        }
        SHAMap stateSnap = state.snapshot();
        SHAMap txSnap = txs.snapshot();
        long seq = last == null ? 1 : last.seq() + 1;
        Hash256 parent = last == null ? Hash256.ZERO : last.hash();
        long parentClose = last == null ? 0 : last.closeTime();
        LedgerHeader header = new LedgerHeader(seq, 200_000_000_000_000L - seq, parent, txSnap.hash(), stateSnap.hash(),
                parentClose, parentClose + 10, 10, 0);
        last = header;
        return new Ledger(header, stateSnap, txSnap, index, bodies);
    }

    private Hash256 randomKey() {
        byte[] k = bytes(32);
        k[0] = (byte) random.nextInt(4); // crowd the keys so that trees grow deep
        return Hash256.wrap(k);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * Loads both trees of a stored ledger node by node (each load checks the node against the hash its
     * parent recorded) and re-hashes them from their items.
     *
     * @return the number of nodes read
     */
    static int verifyComplete(NodeStore store, LedgerHeader header) {
        int[] nodes = {0};
        SHAMap state = store.stateMap(header);
        SHAMap txs = store.transactionMap(header);
        TreeWalk.nodes(state.root(), n -> nodes[0]++);
        TreeWalk.nodes(txs.root(), n -> nodes[0]++);
        SHAMap rebuiltState = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        for (SHAMapItem item : state) {
            rebuiltState.put(item.key(), item.data());
        }
        SHAMap rebuiltTxs = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA);
        for (SHAMapItem item : txs) {
            rebuiltTxs.put(item.key(), item.data());
        }
        if (!rebuiltState.hash().equals(header.accountHash()) || !rebuiltTxs.hash().equals(header.txHash())) {
            throw new AssertionError("ledger " + header.seq() + " does not re-hash to its header");
        }
        return nodes[0];
    }
}
