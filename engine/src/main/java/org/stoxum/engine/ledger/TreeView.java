package org.stoxum.engine.ledger;

import java.util.Iterator;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.shamap.SHAMap;

/**
 * A read-only view straight over two immutable trees and a header: what a closed ledger and a frozen
 * open ledger have in common. Entries are parsed on every read; views built on top keep what they parse.
 */
public abstract class TreeView implements ReadView {
    final LedgerHeader header;
    final Hash256 hash;
    final boolean open;
    final Fees fees;
    final Rules rules;
    final SHAMap state;
    final SHAMap txs;

    TreeView(LedgerHeader header, Hash256 hash, boolean open, Fees fees, Rules rules, SHAMap state, SHAMap txs) {
        this.header = header;
        this.hash = hash;
        this.open = open;
        this.fees = fees;
        this.rules = rules;
        this.state = state;
        this.txs = txs;
    }

    /**
     * The transaction tree (an immutable snapshot): a closed ledger's, with metadata; an open ledger's,
     * without, which is the node's initial consensus position.
     */
    public SHAMap txMap() {
        return txs;
    }

    @Override
    public LedgerHeader header() {
        return header;
    }

    @Override
    public Hash256 hash() {
        return hash;
    }

    @Override
    public boolean open() {
        return open;
    }

    @Override
    public Fees fees() {
        return fees;
    }

    @Override
    public Rules rules() {
        return rules;
    }

    @Override
    public boolean exists(Keylet k) {
        return state.contains(k.key());
    }

    @Override
    public Hash256 succ(Hash256 key, Hash256 last) {
        return MapReads.succ(state, key, last);
    }

    @Override
    public STObject read(Keylet k) {
        return MapReads.read(state, k);
    }

    @Override
    public Iterator<LedgerEntry> entries(Hash256 after) {
        return MapReads.entries(state, after);
    }

    @Override
    public Iterator<LedgerTx> transactions() {
        return MapReads.transactions(txs);
    }

    @Override
    public Iterator<Hash256> txIds() {
        return MapReads.txIds(txs);
    }

    @Override
    public boolean txExists(Hash256 id) {
        return txs.contains(id);
    }

    @Override
    public LedgerTx txRead(Hash256 id) {
        return MapReads.txRead(txs, id);
    }
}
