package org.stoxum.storage.nodestore;

import java.util.List;

/**
 * One page of an account's transactions in (ledger, index) order, ascending or descending.
 *
 * @param transactions the page
 * @param marker       where the next page starts, or null when the range is exhausted
 */
public record AccountTxPage(List<StoredTransaction> transactions, AccountTxMarker marker) {
    public AccountTxPage {
        transactions = List.copyOf(transactions);
    }
}
