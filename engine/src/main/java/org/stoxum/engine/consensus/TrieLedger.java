package org.stoxum.engine.consensus;

import org.stoxum.codec.types.Hash256;

/**
 * A ledger as the validation trie sees it: an ID, a sequence, and the IDs of (some of) its ancestors.
 *
 * <p>Ledger histories are unique: two ledgers that agree on the ancestor at some sequence agree on every
 * earlier one. Sequence 0 is a virtual genesis that every ledger shares, with ID zero. A server ledger knows
 * only its last 256 ancestors (the skip list); ledgers further apart than that count as different chains.
 */
public interface TrieLedger {
    /** The ledger ID. */
    Hash256 id();

    /** The ledger sequence. */
    long seq();

    /** The lowest sequence whose ancestor ID {@link #ancestor} knows. */
    long minSeq();

    /**
     * The ID of this ledger's ancestor at {@code seq} ({@link #id()} at its own sequence), or zero when it is
     * unknown (below {@link #minSeq()} or above {@link #seq()}).
     */
    Hash256 ancestor(long seq);

    /**
     * The first sequence at which {@code a} and {@code b} may differ (stoxumd's RCL {@code mismatch}): one past
     * the highest common known ancestor, or 1 when their known histories share nothing.
     */
    static long mismatch(TrieLedger a, TrieLedger b) {
        long lower = Math.max(a.minSeq(), b.minSeq());
        long upper = Math.min(a.seq(), b.seq());
        long curr = upper;
        while (curr != 0 && curr >= lower && !a.ancestor(curr).equals(b.ancestor(curr))) {
            curr--;
        }
        return curr < lower ? 1 : curr + 1;
    }

    /** The virtual genesis at sequence 0 that prefixes every history. */
    TrieLedger GENESIS = new TrieLedger() {
        @Override
        public Hash256 id() {
            return Hash256.ZERO;
        }

        @Override
        public long seq() {
            return 0;
        }

        @Override
        public long minSeq() {
            return 0;
        }

        @Override
        public Hash256 ancestor(long seq) {
            return Hash256.ZERO;
        }

        @Override
        public String toString() {
            return "genesis";
        }
    };
}
