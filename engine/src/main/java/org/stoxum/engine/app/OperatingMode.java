package org.stoxum.engine.app;

import java.util.Locale;

/** How far the node is in step with the network (rippled's {@code NetworkOPs::OperatingMode}). */
public enum OperatingMode {
    /** Not enough peers. */
    DISCONNECTED,
    /** Peers, but not in step. */
    CONNECTED,
    /** Catching up with a recent validated ledger. */
    SYNCING,
    /** Following the network's last closed ledger. */
    TRACKING,
    /** In step and able to take part; stand-alone servers are always here. */
    FULL;

    /** The name server_info shows. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
