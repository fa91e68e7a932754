package org.stoxum.engine.ledger;

/** How a transaction is applied (rippled's {@code ApplyFlags}); combine with {@code |}. */
public final class ApplyFlags {
    public static final int NONE = 0x00;
    /** Signatures were already verified (by the intake pipeline, or consensus): do not check them again. */
    public static final int NO_CHECK_SIGN = 0x01;
    /** A later pass may retry: tec results are not claimed, so the transaction can be tried again. */
    public static final int RETRY = 0x20;
    /** Prefer queueing to applying (transaction queue). */
    public static final int PREFER_QUEUE = 0x40;
    /** An admin or trusted submission: local load does not raise its minimum fee below 4x the remote. */
    public static final int UNLIMITED = 0x400;

    private ApplyFlags() {
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
