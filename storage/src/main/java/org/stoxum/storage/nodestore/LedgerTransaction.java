package org.stoxum.storage.nodestore;

import java.util.Collection;
import java.util.List;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * What the store indexes about one transaction of a ledger being stored; its bytes come from the
 * ledger's transaction tree.
 *
 * @param id       the transaction ID (its key in the transaction tree)
 * @param index    its position in the ledger ({@code TransactionIndex} of its metadata)
 * @param accounts every account the transaction affected (rippled's {@code getAffectedAccounts}), whose
 *                 history ({@code account_tx}) lists it
 */
public record LedgerTransaction(Hash256 id, long index, List<AccountId> accounts) {
    public LedgerTransaction(Hash256 id, long index, Collection<AccountId> accounts) {
        this(id, index, List.copyOf(accounts));
    }

    public LedgerTransaction {
        if (index < 0 || index > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("transaction index out of range: " + index);
        }
        accounts = List.copyOf(accounts);
    }
}
