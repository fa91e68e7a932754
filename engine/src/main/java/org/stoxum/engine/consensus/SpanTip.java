package org.stoxum.engine.consensus;

import org.stoxum.codec.types.Hash256;

/**
 * The ledger at the end of a span of the validation trie: its sequence, ID, and access to its ancestors.
 *
 * @param seq the tip's sequence
 * @param id the tip's ID
 * @param ledger a ledger whose history contains the tip
 */
public record SpanTip(long seq, Hash256 id, TrieLedger ledger) {
    /**
     * The ID of the tip's ancestor at {@code s}.
     *
     * @throws IllegalArgumentException when {@code s} is past the tip
     */
    public Hash256 ancestor(long s) {
        if (s > seq) {
            throw new IllegalArgumentException("ancestor " + s + " of a tip at " + seq);
        }
        return ledger.ancestor(s);
    }
}
