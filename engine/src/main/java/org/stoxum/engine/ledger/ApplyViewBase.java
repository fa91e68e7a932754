package org.stoxum.engine.ledger;

import java.util.Iterator;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;

/**
 * An editable view over a base view, keeping its changes in an {@link ApplyStateTable} until they are
 * applied below (rippled's {@code ApplyViewBase}). It is also a {@link RawView}, so a nested sandbox can
 * be applied into it.
 */
public abstract class ApplyViewBase implements ApplyView, RawView {
    protected final ReadView base;
    protected final ApplyStateTable items = new ApplyStateTable();
    private final int flags;

    protected ApplyViewBase(ReadView base, int flags) {
        this.base = base;
        this.flags = flags;
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
        return items.exists(base, k);
    }

    @Override
    public Hash256 succ(Hash256 key, Hash256 last) {
        return items.succ(base, key, last);
    }

    @Override
    public STObject read(Keylet k) {
        return items.read(base, k);
    }

    @Override
    public Iterator<LedgerEntry> entries(Hash256 after) {
        return new SuccessorIterator(this, after);
    }

    @Override
    public Iterator<LedgerTx> transactions() {
        return base.transactions();
    }

    @Override
    public boolean txExists(Hash256 id) {
        return base.txExists(id);
    }

    @Override
    public LedgerTx txRead(Hash256 id) {
        return base.txRead(id);
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public SLE peek(Keylet k) {
        return items.peek(base, k);
    }

    @Override
    public void insert(SLE sle) {
        items.insert(sle);
    }

    @Override
    public void update(SLE sle) {
        items.update(sle);
    }

    @Override
    public void erase(SLE sle) {
        items.erase(sle);
    }

    @Override
    public void rawErase(SLE sle) {
        items.rawErase(sle);
    }

    @Override
    public void rawInsert(SLE sle) {
        items.insert(sle);
    }

    @Override
    public void rawReplace(SLE sle) {
        items.replace(sle);
    }

    @Override
    public void rawDestroyXRP(long drops) {
        items.destroyXRP(drops);
    }
}
