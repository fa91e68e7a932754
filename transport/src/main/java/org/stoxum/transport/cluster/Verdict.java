package org.stoxum.transport.cluster;

/** What some member found when it checked a signature: good, bad, or nobody has said. */
public enum Verdict {
    GOOD,
    BAD,
    UNKNOWN
}
