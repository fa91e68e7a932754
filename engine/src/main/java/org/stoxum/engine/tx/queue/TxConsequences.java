package org.stoxum.engine.tx.queue;

import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.TxFlags;

/**
 * What a queued transaction may do to its account before it runs (rippled's {@code TxConsequences}): the
 * fee it pays, the most native currency it can spend besides, and whether it can change who may sign the
 * account's later transactions. Later queued transactions of the account are only accepted while the total
 * in flight stays covered, and never behind a blocker.
 */
public record TxConsequences(boolean blocker, long fee, long potentialSpend) {

    /** The consequences of a transaction that passed preflight. */
    static TxConsequences of(STTx tx) {
        STObject o = tx.object();
        return new TxConsequences(affectsSubsequentAuth(tx), o.getAmount(SField.FEE).drops(), maxSpend(tx));
    }

    /** A transaction that failed preflight: treated as a blocker that spends only its fee. */
    static TxConsequences ofFailed(STTx tx) {
        return new TxConsequences(true, tx.object().getAmount(SField.FEE).drops(), 0);
    }

    private static boolean affectsSubsequentAuth(STTx tx) {
        STObject o = tx.object();
        return switch (tx.type()) {
            case SET_REGULAR_KEY, SIGNER_LIST_SET -> true;
            case ACCOUNT_SET -> {
                long flags = o.isPresent(SField.FLAGS) ? o.getU32(SField.FLAGS) : 0;
                if ((flags & (TxFlags.REQUIRE_AUTH | TxFlags.OPTIONAL_AUTH)) != 0) {
                    yield true;
                }
                yield authFlag(o, SField.SET_FLAG) || authFlag(o, SField.CLEAR_FLAG);
            }
            case ENABLE_AMENDMENT, SET_FEE -> true;
            default -> false;
        };
    }

    private static boolean authFlag(STObject o, SField field) {
        if (!o.isPresent(field)) {
            return false;
        }
        long f = o.getU32(field);
        return f == TxFlags.ASF_REQUIRE_AUTH || f == TxFlags.ASF_DISABLE_MASTER || f == TxFlags.ASF_ACCOUNT_TXN_ID;
    }

    private static long maxSpend(STTx tx) {
        STObject o = tx.object();
        return switch (tx.type()) {
            case PAYMENT -> nativeDrops(o.getAmount(o.isPresent(SField.SEND_MAX) ? SField.SEND_MAX : SField.AMOUNT));
            case OFFER_CREATE -> nativeDrops(o.getAmount(SField.TAKER_GETS));
            case ESCROW_CREATE -> o.getAmount(SField.AMOUNT).drops();
            default -> 0;
        };
    }

    private static long nativeDrops(STAmount amount) {
        return amount.isNative() ? amount.drops() : 0;
    }
}
