package org.stoxum.engine.tx.queue;

import java.util.Iterator;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.LedgerEntry;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.Rules;
import org.stoxum.storage.ledger.LedgerHeader;

/**
 * The open ledger as it will look when a queued transaction's turn comes: its account's root shows the
 * transaction's own sequence and the balance left after the queued transactions before it have paid their
 * fees and spent all they may. Preclaim of a later-sequence transaction runs against it (rippled builds a
 * throwaway sandbox for the same purpose), so it neither fails with terPRE_SEQ nor counts money that is
 * already promised.
 */
final class AccountAdjustedView implements ReadView {
    private final ReadView base;
    private final Keylet root;
    private final long sequence;
    private final long balance;

    AccountAdjustedView(ReadView base, Keylet root, long sequence, long balance) {
        this.base = base;
        this.root = root;
        this.sequence = sequence;
        this.balance = balance;
    }

    @Override
    public STObject read(Keylet k) {
        STObject sle = base.read(k);
        if (sle == null || !k.equals(root)) {
            return sle;
        }
        return sle.copy().setU32(SField.SEQUENCE, sequence).setAmount(SField.BALANCE, STAmount.ofDrops(balance));
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
    public Iterator<LedgerEntry> entries(Hash256 after) {
        return base.entries(after);
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
}
