package org.stoxum.engine.ledger;

import java.util.Iterator;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;

/**
 * An editable view over a base view, keeping its changes in an {@link ApplyStateTable} until they are
 * applied below (rippled's {@code ApplyViewBase}). It is also a {@link RawView}, so a nested sandbox can
 * be applied into it.
 */
public abstract class ApplyViewBase extends ForwardingReadView implements ApplyView, RawView {
    protected final ApplyStateTable items = new ApplyStateTable();
    private final int flags;

    protected ApplyViewBase(ReadView base, int flags) {
        super(base);
        this.flags = flags;
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
