package org.stoxum.codec.binary;

/**
 * Transaction types stoxumd knows (TxFormats), by code and by the name JSON uses. Codes 6 (NickNameSet),
 * 9 and 19 are unassigned in stoxumd and parse as "Invalid transaction type".
 */
public enum TxType {
    PAYMENT(0, "Payment"),
    ESCROW_CREATE(1, "EscrowCreate"),
    ESCROW_FINISH(2, "EscrowFinish"),
    ACCOUNT_SET(3, "AccountSet"),
    ESCROW_CANCEL(4, "EscrowCancel"),
    SET_REGULAR_KEY(5, "SetRegularKey"),
    OFFER_CREATE(7, "OfferCreate"),
    OFFER_CANCEL(8, "OfferCancel"),
    TICKET_CREATE(10, "TicketCreate"),
    TICKET_CANCEL(11, "TicketCancel"),
    SIGNER_LIST_SET(12, "SignerListSet"),
    PAYMENT_CHANNEL_CREATE(13, "PaymentChannelCreate"),
    PAYMENT_CHANNEL_FUND(14, "PaymentChannelFund"),
    PAYMENT_CHANNEL_CLAIM(15, "PaymentChannelClaim"),
    CHECK_CREATE(16, "CheckCreate"),
    CHECK_CASH(17, "CheckCash"),
    CHECK_CANCEL(18, "CheckCancel"),
    TRUST_SET(20, "TrustSet"),
    ENABLE_AMENDMENT(100, "EnableAmendment"),
    SET_FEE(101, "SetFee");

    private static final CodedNames<TxType> INDEX = new CodedNames<>(values(), TxType::code, TxType::jsonName);

    private final int code;
    private final String jsonName;

    TxType(int code, String jsonName) {
        this.code = code;
        this.jsonName = jsonName;
    }

    /** The UInt16 TransactionType value. */
    public int code() {
        return code;
    }

    /** The name JSON uses, e.g. {@code PaymentChannelClaim}. */
    public String jsonName() {
        return jsonName;
    }

    /** The fields this type allows, common fields included. */
    public SOTemplate template() {
        return TxFormats.template(this);
    }

    /** True for the pseudo-transactions the network generates itself (EnableAmendment, SetFee). */
    public boolean isPseudo() {
        return this == ENABLE_AMENDMENT || this == SET_FEE;
    }

    /** The type with this code, or null. */
    public static TxType fromCode(int code) {
        return INDEX.byCode(code);
    }

    /** The type with this JSON name (exact spelling), or null. */
    public static TxType fromName(String name) {
        return INDEX.byName(name);
    }
}
