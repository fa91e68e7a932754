package org.stoxum.engine.consensus;

/**
 * When validations go stale or expire (stoxumd's {@code ValidationParms}). Protocol numbers: changing them
 * changes which validations a server counts.
 */
public final class ValidationParms {
    /** NetClock seconds a validation stays current after its signing time. */
    public static final long CURRENT_WALL_S = 5 * 60;
    /** NetClock seconds a validation stays current after we first saw it. */
    public static final long CURRENT_LOCAL_S = 3 * 60;
    /** NetClock seconds before our time that a validation's signing time may lie. */
    public static final long CURRENT_EARLY_S = 3 * 60;
    /**
     * Milliseconds (monotonic) a ledger's set of validations is kept after it was last used; also how long
     * a validator's highest sequence blocks lower ones (the increasing-sequence rule).
     */
    public static final long SET_EXPIRES_MS = 10 * 60 * 1000L;

    private ValidationParms() {
    }

    /**
     * Whether a validation is current: signed within (now - early, now + wall) and, if we have seen it, seen
     * before now + local. Written to avoid overflow on hostile signing times.
     *
     * @param now our network time
     * @param signTime the validation's signing time
     * @param seenTime when we first saw it, or 0 if never
     */
    public static boolean isCurrent(long now, long signTime, long seenTime) {
        return signTime > now - CURRENT_EARLY_S && signTime < now + CURRENT_WALL_S
                && (seenTime == 0 || seenTime < now + CURRENT_LOCAL_S);
    }
}
