package org.stoxum.engine.tx;

import org.stoxum.codec.NetworkProfile;

/**
 * What transaction processing needs from the node (the parts of rippled's {@code Application} it uses):
 * the network profile (legal amounts) and the load factors that scale fees.
 */
public record EngineSetup(NetworkProfile profile, FeeTrack feeTrack) {
    /** The profile's setup with normal load. */
    public static EngineSetup of(NetworkProfile profile) {
        return new EngineSetup(profile, FeeTrack.NORMAL);
    }
}
