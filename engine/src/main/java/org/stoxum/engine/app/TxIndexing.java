package org.stoxum.engine.app;

import java.util.Set;
import java.util.TreeSet;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.SerializedType;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.LedgerTx;

/**
 * What the history index records about a closed ledger's transaction, read from its metadata as rippled's
 * {@code TxMeta} does: its position in the ledger and every account it touched.
 */
final class TxIndexing {
    private TxIndexing() {
    }

    /** The transaction's position in its ledger ({@code TransactionIndex} of its metadata). */
    static long transactionIndex(LedgerTx tx) {
        return tx.meta().getU32(SField.TRANSACTION_INDEX);
    }

    /**
     * The accounts an account's history should list this transaction under (rippled's
     * {@code getAffectedAccounts}): every account field of each affected node's new or final fields, and
     * the issuers of its limits and offer amounts.
     */
    static Set<AccountId> affectedAccounts(LedgerTx tx) {
        Set<AccountId> out = new TreeSet<>();
        for (STObject node : tx.meta().getArray(SField.AFFECTED_NODES)) {
            SField which = node.name() == SField.CREATED_NODE ? SField.NEW_FIELDS : SField.FINAL_FIELDS;
            if (!node.isPresent(which)) {
                continue;
            }
            STObject inner = node.getObject(which);
            for (SField f : inner.fields()) {
                if (f.type() == SerializedType.ACCOUNT_ID) {
                    if (!inner.isEmptyAccount(f)) {
                        out.add(inner.getAccountId(f));
                    }
                } else if (f == SField.LOW_LIMIT || f == SField.HIGH_LIMIT || f == SField.TAKER_PAYS
                        || f == SField.TAKER_GETS) {
                    STAmount amount = inner.getAmount(f);
                    if (!amount.isNative() && !amount.issuer().equals(AccountId.ZERO)) {
                        out.add(amount.issuer());
                    }
                }
            }
        }
        return out;
    }
}
