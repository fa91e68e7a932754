package org.stoxum.engine.tx;

import java.util.EnumMap;
import java.util.Map;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;

/**
 * The transactor of each transaction type. Types whose logic is not written yet (tickets, escrows, payment
 * channels, checks) answer their amendment's {@link TER#temDISABLED} when it is not
 * enabled, as rippled does first, and otherwise {@link TER#temUNKNOWN} ("requires logic that is not
 * implemented yet") from preflight, so they never touch a ledger.
 */
public final class Transactors {
    private static final Map<TxType, TransactorType> TYPES = new EnumMap<>(TxType.class);

    static {
        TYPES.put(TxType.PAYMENT, Payment.TYPE);
        TYPES.put(TxType.ACCOUNT_SET, SetAccount.TYPE);
        TYPES.put(TxType.SET_REGULAR_KEY, SetRegularKey.TYPE);
        TYPES.put(TxType.SIGNER_LIST_SET, SetSignerList.TYPE);
        TYPES.put(TxType.ENABLE_AMENDMENT, Change.TYPE);
        TYPES.put(TxType.SET_FEE, Change.TYPE);
        TYPES.put(TxType.TRUST_SET, SetTrust.TYPE);
        TYPES.put(TxType.OFFER_CREATE, CreateOffer.TYPE);
        TYPES.put(TxType.OFFER_CANCEL, CancelOffer.TYPE);
        notImplemented(TxType.TICKET_CREATE, Amendments.TICKETS);
        notImplemented(TxType.TICKET_CANCEL, Amendments.TICKETS);
        notImplemented(TxType.ESCROW_CREATE, Amendments.ESCROW);
        notImplemented(TxType.ESCROW_FINISH, Amendments.ESCROW);
        notImplemented(TxType.ESCROW_CANCEL, Amendments.ESCROW);
        notImplemented(TxType.PAYMENT_CHANNEL_CREATE, Amendments.PAY_CHAN);
        notImplemented(TxType.PAYMENT_CHANNEL_FUND, Amendments.PAY_CHAN);
        notImplemented(TxType.PAYMENT_CHANNEL_CLAIM, Amendments.PAY_CHAN);
        notImplemented(TxType.CHECK_CREATE, Amendments.CHECKS);
        notImplemented(TxType.CHECK_CASH, Amendments.CHECKS);
        notImplemented(TxType.CHECK_CANCEL, Amendments.CHECKS);
    }

    private Transactors() {
    }

    private static void notImplemented(TxType type, Hash256 amendment) {
        TYPES.put(type, TransactorType.of(ctx -> amendment != null && !ctx.rules().enabled(amendment)
                ? TER.temDISABLED : TER.temUNKNOWN, ctx -> {
                    throw new IllegalStateException(type + " cannot be applied");
                }));
    }

    /** The transactor of {@code type}. */
    public static TransactorType of(TxType type) {
        return TYPES.get(type);
    }

    /** True when transactions of {@code type} are applied by this engine (not answered temUNKNOWN). */
    public static boolean isImplemented(TxType type) {
        return switch (type) {
            case PAYMENT, ACCOUNT_SET, SET_REGULAR_KEY, SIGNER_LIST_SET, TRUST_SET, OFFER_CREATE, OFFER_CANCEL -> true;
            default -> false;
        };
    }
}
