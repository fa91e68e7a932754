package org.stoxum.engine.consensus;

/**
 * The increasing-sequence rule for one validator: a validation must be for a higher sequence than any it
 * sent in the last {@link ValidationParms#SET_EXPIRES_MS}. This keeps an honest node from validating two
 * ledgers at one height, and lets receivers drop a byzantine node's second validation at a height.
 */
public final class SeqEnforcer {
    private long seq;
    private long whenMs;

    /**
     * Accepts {@code s} if it beats every unexpired sequence seen, and remembers it.
     *
     * @param nowMs monotonic time
     * @return whether {@code s} may be validated
     */
    public boolean tryAdvance(long nowMs, long s) {
        if (nowMs > whenMs + ValidationParms.SET_EXPIRES_MS) {
            seq = 0;
        }
        if (s <= seq) {
            return false;
        }
        seq = s;
        whenMs = nowMs;
        return true;
    }

    /** The largest sequence accepted and not yet expired (as of the last call). */
    public long largest() {
        return seq;
    }
}
