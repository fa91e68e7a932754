package org.stoxum.engine.ledger;

import java.util.Iterator;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;

/**
 * A view that answers everything from the view beneath it: subclasses override only what they change (the
 * entries of an apply view, one account root of the queue's adjusted view).
 */
public abstract class ForwardingReadView implements ReadView {
    protected final ReadView base;

    protected ForwardingReadView(ReadView base) {
        this.base = base;
    }

    @Override
    public LedgerHeader header() {
        return base.header();
    }

    @Override
    public Hash256 hash() {
        return base.hash();
    }

    @Override
    public boolean open() {
        return base.open();
    }

    @Override
    public Fees fees() {
        return base.fees();
    }

    @Override
    public Rules rules() {
        return base.rules();
    }

    @Override
    public boolean exists(Keylet k) {
        return base.exists(k);
    }

    @Override
    public Hash256 succ(Hash256 key, Hash256 last) {
        return base.succ(key, last);
    }

    @Override
    public STObject read(Keylet k) {
        return base.read(k);
    }

    @Override
    public Iterator<LedgerEntry> entries(Hash256 after) {
        return base.entries(after);
    }

    @Override
    public Iterator<LedgerTx> transactions() {
        return base.transactions();
    }

    @Override
    public Iterator<Hash256> txIds() {
        return base.txIds();
    }

    @Override
    public boolean txExists(Hash256 id) {
        return base.txExists(id);
    }

    @Override
    public LedgerTx txRead(Hash256 id) {
        return base.txRead(id);
    }
}
