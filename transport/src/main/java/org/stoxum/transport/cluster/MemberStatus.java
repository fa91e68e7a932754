package org.stoxum.transport.cluster;

import java.time.Duration;
import java.util.Optional;
import org.stoxum.codec.crypto.PublicKey;

/**
 * One member as the {@code peers} command's cluster section shows it.
 *
 * @param name      the configured name, else the name the member gave itself, possibly empty
 * @param status    {@link Status#UP} while its last report is fresh
 * @param loadFee   the load fee it last reported (256 = normal; 0 = its validated ledger was old)
 * @param reportAge how old its last report is (never negative), empty if it never reported
 * @param address   where it says it can be reached, empty until it reports directly
 */
public record MemberStatus(PublicKey publicKey, String name, Status status, long loadFee,
                           Optional<Duration> reportAge, String address) {

    public enum Status {
        /** Reported within the stale limit (90 s by default). */
        UP,
        /** Silent for longer than the stale limit, or never heard from. */
        STALE
    }
}
