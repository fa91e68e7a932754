package org.stoxum.storage.nodestore;

/**
 * Where a page of an account's history resumes: the (ledger, index) of the first entry not yet
 * returned (rippled's {@code {ledger, seq}} marker).
 */
public record AccountTxMarker(long ledgerSeq, long index) {
}
