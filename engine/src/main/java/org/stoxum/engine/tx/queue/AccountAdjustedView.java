package org.stoxum.engine.tx.queue;

import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.engine.ledger.ForwardingReadView;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.ReadView;

/**
 * The open ledger as it will look when a queued transaction's turn comes: its account's root shows the
 * transaction's own sequence and the balance left after the queued transactions before it have paid their
 * fees and spent all they may. Preclaim of a later-sequence transaction runs against it (rippled builds a
 * throwaway sandbox for the same purpose), so it neither fails with terPRE_SEQ nor counts money that is
 * already promised.
 */
final class AccountAdjustedView extends ForwardingReadView {
    private final Keylet root;
    private final long sequence;
    private final long balance;

    AccountAdjustedView(ReadView base, Keylet root, long sequence, long balance) {
        super(base);
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
}
