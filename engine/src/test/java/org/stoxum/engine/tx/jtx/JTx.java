package org.stoxum.engine.tx.jtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.STPathElement;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TxType;

/**
 * A transaction being written in a test: its fields plus how to finish it (fee, sequence, who signs).
 * Anything not set explicitly is filled in by {@link Env#submit} as rippled's jtx autofill does.
 */
public final class JTx {
    final STObject tx;
    final Account account;
    Long fee;
    Long sequence;
    Account signer;
    List<Account> multiSigners;
    boolean unsigned;

    JTx(TxType type, Account account) {
        this.tx = STObject.newTransaction(type);
        this.account = account;
        tx.setAccountId(SField.ACCOUNT, account.id());
    }

    /** Sets a field of the transaction directly. */
    public JTx with(Consumer<STObject> edit) {
        edit.accept(tx);
        return this;
    }

    public JTx fee(long drops) {
        this.fee = drops;
        return this;
    }

    public JTx fee(STAmount amount) {
        return fee(amount.drops());
    }

    public JTx seq(long sequence) {
        this.sequence = sequence;
        return this;
    }

    /** Adds {@code flags} to Flags (tfFullyCanonicalSig is always set). */
    public JTx flags(long flags) {
        tx.setFlag(flags);
        return this;
    }

    /** Signs with {@code key}'s master key instead of the account's own (a regular key, a wrong key). */
    public JTx sig(Account key) {
        this.signer = key;
        return this;
    }

    /** Multi-signs with {@code signers} (sorted by account as the protocol requires). */
    public JTx msig(Account... signers) {
        List<Account> list = new ArrayList<>(Arrays.asList(signers));
        list.sort((a, b) -> a.id().compareTo(b.id()));
        this.multiSigners = list;
        return this;
    }

    public JTx sendmax(STAmount amount) {
        tx.setAmount(SField.SEND_MAX, amount);
        return this;
    }

    public JTx deliverMin(STAmount amount) {
        tx.setAmount(SField.DELIVER_MIN, amount);
        return this;
    }

    /** Sets the payment's paths (see {@link Jtx#path}). */
    @SafeVarargs
    public final JTx paths(List<STPathElement>... paths) {
        tx.setPathSet(SField.PATHS, STPathSet.of(Arrays.asList(paths)));
        return this;
    }

    /** Leaves the transaction without a signature (for engines told signatures were checked). */
    public JTx unsigned() {
        this.unsigned = true;
        return this;
    }
}
