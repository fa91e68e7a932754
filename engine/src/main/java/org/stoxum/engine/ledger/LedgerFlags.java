package org.stoxum.engine.ledger;

/** Flags of ledger entries (rippled's {@code lsf*}), protocol.md 12. */
public final class LedgerFlags {
    // AccountRoot
    public static final long PASSWORD_SPENT = 0x0001_0000L;
    public static final long REQUIRE_DEST_TAG = 0x0002_0000L;
    public static final long REQUIRE_AUTH = 0x0004_0000L;
    public static final long DISALLOW_XRP = 0x0008_0000L;
    public static final long DISABLE_MASTER = 0x0010_0000L;
    public static final long NO_FREEZE = 0x0020_0000L;
    public static final long GLOBAL_FREEZE = 0x0040_0000L;
    public static final long DEFAULT_RIPPLE = 0x0080_0000L;
    public static final long DEPOSIT_AUTH = 0x0100_0000L;
    // Offer
    public static final long PASSIVE = 0x0001_0000L;
    public static final long SELL = 0x0002_0000L;
    // RippleState
    public static final long LOW_RESERVE = 0x0001_0000L;
    public static final long HIGH_RESERVE = 0x0002_0000L;
    public static final long LOW_AUTH = 0x0004_0000L;
    public static final long HIGH_AUTH = 0x0008_0000L;
    public static final long LOW_NO_RIPPLE = 0x0010_0000L;
    public static final long HIGH_NO_RIPPLE = 0x0020_0000L;
    public static final long LOW_FREEZE = 0x0040_0000L;
    public static final long HIGH_FREEZE = 0x0080_0000L;

    private LedgerFlags() {
    }
}
