package org.stoxum.engine.net.fetch;

import static org.stoxum.engine.tx.jtx.Jtx.stm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapInnerNode;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/** Test ledgers: a closed ledger with real transactions, grown to thousands of accounts, and successors. */
final class FetchLedgers {
    private FetchLedgers() {
    }

    /** A ledger closed by the test DSL (a few funded accounts, real transactions with metadata). */
    static Ledger closedWithTransactions() {
        Env env = new Env();
        env.fund(stm(10_000), Account.of("alice"), Account.of("bob"), Account.of("carol"));
        return env.close();
    }

    /** {@code base} with {@code accounts} more account roots, as the next ledger (same transactions). */
    static Ledger withAccounts(Ledger base, int accounts) {
        SHAMap state = base.stateMap().mutableCopy();
        for (int i = 0; i < accounts; i++) {
            AccountId id = account(i);
            state.put(Keylets.account(id).key(), accountRoot(id, 1_000_000L + i, 1).toBytes());
        }
        return next(base, state, base.txMap());
    }

    /** {@code base} with the balances of accounts {@code changed} (indexes as in withAccounts) moved. */
    static Ledger withChangedBalances(Ledger base, int... changed) {
        SHAMap state = base.stateMap().mutableCopy();
        for (int i : changed) {
            AccountId id = account(i);
            state.put(Keylets.account(id).key(), accountRoot(id, 5_000_000L + i, 2).toBytes());
        }
        return next(base, state, SHAMap.empty(base.txMap().leafType()));
    }

    static AccountId account(int i) {
        byte[] b = new byte[AccountId.LENGTH];
        b[0] = (byte) (i >> 24);
        b[1] = (byte) (i >> 16);
        b[2] = (byte) (i >> 8);
        b[3] = (byte) i;
        b[19] = 7;
        return AccountId.of(b);
    }

    private static STObject accountRoot(AccountId id, long drops, long seq) {
        STObject root = STObject.newLedgerEntry(LedgerEntryType.ACCOUNT_ROOT);
        root.setU32(SField.SEQUENCE, seq);
        root.setAccountId(SField.ACCOUNT, id);
        root.setAmount(SField.BALANCE, STAmount.ofDrops(drops));
        return root;
    }

    private static Ledger next(Ledger parent, SHAMap state, SHAMap txs) {
        LedgerHeader p = parent.header();
        LedgerHeader h = new LedgerHeader(p.seq() + 1, p.drops(), parent.hash(), txs.hash(), state.hash(),
                p.closeTime(), p.closeTime() + 10, p.closeTimeResolution(), 0);
        return Ledger.of(h, state, txs, parent.configFees(), parent.presets());
    }

    /** The hashes of every node of both trees. */
    static Set<Hash256> nodeHashes(Ledger l) {
        Set<Hash256> out = new HashSet<>();
        for (SHAMap m : List.of(l.stateMap(), l.txMap())) {
            if (!m.hash().isZero()) {
                collect(m.root(), out);
            }
        }
        return out;
    }

    private static void collect(SHAMapTreeNode node, Set<Hash256> out) {
        out.add(node.hash());
        if (node instanceof SHAMapInnerNode inner) {
            for (int b = 0; b < SHAMapInnerNode.BRANCHES; b++) {
                SHAMapTreeNode c = inner.child(b);
                if (c != null) {
                    collect(c, out);
                }
            }
        }
    }
}
