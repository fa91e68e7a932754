package org.stoxum.transport.cluster;

/** What the cluster counts, readable at any time through {@link Cluster#count(ClusterCounter)}. */
public enum ClusterCounter {
    /** Frames offered to a member's link and taken by Aeron. */
    FRAMES_SENT,
    /** Frames that could not be sent (member down, back pressure); cluster traffic is best effort. */
    SEND_FAILED,
    /** Frames authenticated and taken. */
    FRAMES_ACCEPTED,
    /** Frames too short, of another schema or message, or whose content does not decode. */
    REJECTED_MALFORMED,
    /** Frames whose sender key is not a member's. */
    REJECTED_UNKNOWN_SENDER,
    /** Frames addressed to another node key. */
    REJECTED_MISADDRESSED,
    /** Frames stamped too far from our clock. */
    REJECTED_STALE,
    /** Frames not newer than one already taken from the same sender (a replay). */
    REJECTED_REPLAYED,
    /** Frames whose signature does not verify with the sender key they name. */
    REJECTED_BAD_SIGNATURE,
    /** Engine requests refused: the queue to the cluster thread was full, or a transaction too large. */
    COMMANDS_REFUSED,
    /** Load sources left out of a report because the frame was full (the largest balances are kept). */
    LOAD_SOURCES_TRUNCATED,
    /** Errors caught on the cluster thread (a listener that threw, say); each is logged. */
    ERRORS
}
