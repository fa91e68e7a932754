package org.stoxum.engine.net.vote;

import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.types.AccountId;

/** The flag-ledger calendar and the common shape of the pseudo-transactions voted on it. */
final class FlagLedgers {
    /** A flag ledger every this many ledgers. */
    static final long INTERVAL = 256;

    private FlagLedgers() {
    }

    /** True for a flag ledger: the ledger after it carries the voted pseudo-transactions. */
    static boolean isFlag(long seq) {
        return seq % INTERVAL == 0;
    }

    /** True for the ledger before a flag ledger, whose validations carry the votes. */
    static boolean isVoting(long seq) {
        return (seq + 1) % INTERVAL == 0;
    }

    static void requireFlag(long seq) {
        if (!isFlag(seq)) {
            throw new IllegalArgumentException("voting happens on flag ledgers only, not on " + seq);
        }
    }

    /**
     * A pseudo-transaction of {@code type} for the ledger after flag ledger {@code flagSeq}: the template's
     * required fields at their defaults (Sequence and Fee zero, SigningPubKey empty), LedgerSequence, which
     * keeps equal changes of different flag ledgers apart, and Account set to the zero account. Setting
     * it matters: stoxumd assigns it, so it is serialized as 20 zero bytes, not as the empty field a
     * never-set AccountID gives ({@code 81 00}), and the transaction id depends on it.
     */
    static STObject pseudoTx(TxType type, long flagSeq) {
        return STObject.newTransaction(type)
                .setAccountId(SField.ACCOUNT, AccountId.ZERO)
                .setU32(SField.LEDGER_SEQUENCE, flagSeq + 1);
    }
}
