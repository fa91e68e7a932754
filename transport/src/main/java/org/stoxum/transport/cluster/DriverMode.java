package org.stoxum.transport.cluster;

/** Whether the cluster runs its own Aeron media driver or uses one the operator runs. */
public enum DriverMode {
    /** A media driver inside this process (one shared thread, small term buffers). */
    EMBEDDED,
    /** A media driver already running, found through its Aeron directory. */
    EXTERNAL
}
