package org.stoxum.engine.rpc.server.resource;

/**
 * A cost, in resource units, billed to the endpoint that caused some work.
 *
 * @param cost  units added to the endpoint's balance
 * @param label what the charge is for, as the resource manager reports it
 */
public record Charge(int cost, String label) {

    /** An RPC request that can be seen to be invalid at once. */
    public static final Charge INVALID_RPC = new Charge(100, "malformed RPC");
    /** The default cost of an RPC request. */
    public static final Charge REFERENCE_RPC = new Charge(20, "reference RPC");
    /** An RPC request whose handler threw. */
    public static final Charge EXCEPTION_RPC = new Charge(100, "exceptioned RPC");
    /** A request of medium burden (e.g. a ledger page). */
    public static final Charge MEDIUM_BURDEN_RPC = new Charge(400, "medium RPC");
    /** A request of high burden (e.g. a full ledger, path finding). */
    public static final Charge HIGH_BURDEN_RPC = new Charge(3000, "heavy RPC");
    /** A malformed request from a peer. */
    public static final Charge INVALID_REQUEST = new Charge(100, "malformed request");
    /** A request that could not be satisfied. */
    public static final Charge REQUEST_NO_REPLY = new Charge(10, "unsatisfiable request");
    /** Data carrying a bad signature. */
    public static final Charge INVALID_SIGNATURE = new Charge(1000, "invalid signature");
    /** Data nobody asked for. */
    public static final Charge UNWANTED_DATA = new Charge(150, "useless data");
    /** Data that failed validation. */
    public static final Charge BAD_DATA = new Charge(200, "invalid data");
    /** A cheap peer request. */
    public static final Charge LIGHT_PEER = new Charge(1, "trivial peer request");
    /** A peer request of medium burden. */
    public static final Charge MEDIUM_BURDEN_PEER = new Charge(250, "moderate peer request");
    /** A peer request of high burden. */
    public static final Charge HIGH_BURDEN_PEER = new Charge(2000, "heavy peer request");
    /** Added each time an endpoint is warned, so warnings escalate. */
    public static final Charge WARNING = new Charge(2000, "received warning");
    /** Added when an endpoint is dropped, so it cannot come straight back. */
    public static final Charge DROP = new Charge(3000, "dropped");

    public Charge {
        if (cost < 0) {
            throw new IllegalArgumentException("negative charge " + cost);
        }
    }
}
