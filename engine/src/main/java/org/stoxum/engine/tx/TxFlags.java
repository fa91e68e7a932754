package org.stoxum.engine.tx;

/** Transaction flags and AccountSet flag numbers (rippled's {@code TxFlags.h}), protocol.md 11. */
public final class TxFlags {
    public static final long FULLY_CANONICAL_SIG = 0x8000_0000L;
    public static final long UNIVERSAL = FULLY_CANONICAL_SIG;
    /** Bits no transaction type may set beyond the universal ones. */
    public static final long UNIVERSAL_MASK = ~UNIVERSAL & 0xFFFF_FFFFL;

    // AccountSet
    public static final long REQUIRE_DEST_TAG = 0x0001_0000L;
    public static final long OPTIONAL_DEST_TAG = 0x0002_0000L;
    public static final long REQUIRE_AUTH = 0x0004_0000L;
    public static final long OPTIONAL_AUTH = 0x0008_0000L;
    public static final long DISALLOW_XRP = 0x0010_0000L;
    public static final long ALLOW_XRP = 0x0020_0000L;
    public static final long ACCOUNT_SET_MASK = ~(UNIVERSAL | REQUIRE_DEST_TAG | OPTIONAL_DEST_TAG | REQUIRE_AUTH
            | OPTIONAL_AUTH | DISALLOW_XRP | ALLOW_XRP) & 0xFFFF_FFFFL;

    // AccountSet SetFlag / ClearFlag values
    public static final long ASF_REQUIRE_DEST = 1;
    public static final long ASF_REQUIRE_AUTH = 2;
    public static final long ASF_DISALLOW_XRP = 3;
    public static final long ASF_DISABLE_MASTER = 4;
    public static final long ASF_ACCOUNT_TXN_ID = 5;
    public static final long ASF_NO_FREEZE = 6;
    public static final long ASF_GLOBAL_FREEZE = 7;
    public static final long ASF_DEFAULT_RIPPLE = 8;
    public static final long ASF_DEPOSIT_AUTH = 9;

    // Payment
    public static final long NO_RIPPLE_DIRECT = 0x0001_0000L;
    public static final long PARTIAL_PAYMENT = 0x0002_0000L;
    public static final long LIMIT_QUALITY = 0x0004_0000L;
    public static final long PAYMENT_MASK = ~(UNIVERSAL | PARTIAL_PAYMENT | LIMIT_QUALITY | NO_RIPPLE_DIRECT)
            & 0xFFFF_FFFFL;

    // TrustSet
    public static final long SETF_AUTH = 0x0001_0000L;
    public static final long SET_NO_RIPPLE = 0x0002_0000L;
    public static final long CLEAR_NO_RIPPLE = 0x0004_0000L;
    public static final long SET_FREEZE = 0x0010_0000L;
    public static final long CLEAR_FREEZE = 0x0020_0000L;
    public static final long TRUST_SET_MASK = ~(UNIVERSAL | SETF_AUTH | SET_NO_RIPPLE | CLEAR_NO_RIPPLE | SET_FREEZE
            | CLEAR_FREEZE) & 0xFFFF_FFFFL;

    // OfferCreate
    public static final long PASSIVE = 0x0001_0000L;
    public static final long IMMEDIATE_OR_CANCEL = 0x0002_0000L;
    public static final long FILL_OR_KILL = 0x0004_0000L;
    public static final long SELL = 0x0008_0000L;
    public static final long OFFER_CREATE_MASK = ~(UNIVERSAL | PASSIVE | IMMEDIATE_OR_CANCEL | FILL_OR_KILL | SELL)
            & 0xFFFF_FFFFL;

    // EnableAmendment (no flag: the amendment is enabled)
    public static final long GOT_MAJORITY = 0x0001_0000L;
    public static final long LOST_MAJORITY = 0x0002_0000L;

    private TxFlags() {
    }
}
