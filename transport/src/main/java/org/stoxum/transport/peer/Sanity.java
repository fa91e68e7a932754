package org.stoxum.transport.peer;

/**
 * How close a peer's ledgers are to our validated ledger (stoxumd's peer sanity): within 24 ledgers
 * is sane, more than 128 away insane. Gossip is taken only from sane peers.
 */
public enum Sanity {
    UNKNOWN, SANE, INSANE;

    /** Within this many ledgers of our validated ledger, a peer is sane. */
    public static final int SANE_LEDGER_LIMIT = 24;
    /** More than this many ledgers away, a peer is insane. */
    public static final int INSANE_LEDGER_LIMIT = 128;

    /** The sanity after a peer reports ledger {@code peerSeq} while ours is {@code validatedSeq}. */
    public Sanity after(long peerSeq, long validatedSeq) {
        long diff = Math.abs(peerSeq - validatedSeq);
        if (diff < SANE_LEDGER_LIMIT) {
            return SANE;
        }
        if (diff > INSANE_LEDGER_LIMIT) {
            return INSANE;
        }
        return this;
    }
}
