package org.stoxum.transport.peer.resource;

/**
 * What a peer pays for a message, in stoxumd's resource units (its {@code Resource::fee*} table). A
 * consumer's balance decays over 32 seconds, so these numbers only mean something relative to the
 * warning (5000) and drop (15000) thresholds.
 */
public enum Charge {
    /** A request we could not parse or that breaks the protocol's rules. */
    INVALID_REQUEST(100, "malformed request"),
    /** A request we cannot answer. */
    REQUEST_NO_REPLY(10, "unsatisfiable request"),
    /** A signature that does not verify. */
    INVALID_SIGNATURE(1000, "invalid signature"),
    /** Data we did not ask for or already have. */
    UNWANTED_DATA(150, "useless data"),
    /** Data that is well-formed but wrong. */
    BAD_DATA(200, "invalid data"),
    /** The cost of any peer message. */
    LIGHT_PEER(1, "trivial peer request"),
    /** A request that makes us do some work (pings, ledger and object queries). */
    MEDIUM_BURDEN_PEER(250, "moderate peer request"),
    /** A request that makes us do a lot of work (fetch packs). */
    HIGH_BURDEN_PEER(2000, "heavy peer request"),
    /** Added each time a consumer is warned. */
    WARNING(2000, "received warning"),
    /** Added when a consumer is dropped, so it cannot come straight back. */
    DROP(3000, "dropped");

    private final int units;
    private final String label;

    Charge(int units, String label) {
        this.units = units;
        this.label = label;
    }

    /** The cost in resource units. */
    public int units() {
        return units;
    }

    /** stoxumd's description, for logs. */
    public String label() {
        return label;
    }
}
