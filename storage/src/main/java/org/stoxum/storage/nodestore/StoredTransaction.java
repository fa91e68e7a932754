package org.stoxum.storage.nodestore;

import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.TransactionWithMeta;

/**
 * A transaction found in a stored ledger.
 *
 * @param id          the transaction ID
 * @param ledgerSeq   the ledger that holds it
 * @param index       its position in that ledger
 * @param transaction the signed transaction and its metadata
 */
public record StoredTransaction(Hash256 id, long ledgerSeq, long index, TransactionWithMeta transaction) {
}
