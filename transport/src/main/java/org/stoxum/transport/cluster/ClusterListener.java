package org.stoxum.transport.cluster;

import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;

/**
 * What the cluster hands to the engine. Every call comes on the cluster's own thread and must return
 * quickly: publish to the engine's queue, don't work inline. A listener that throws has the error logged
 * and counted; the cluster carries on.
 */
public interface ClusterListener {
    /** A member checked the signature of {@code hash} (a transaction ID or a proposal's signing hash). */
    default void onVerdict(Hash256 hash, Verdict verdict, PublicKey from) {
    }

    /**
     * A member relays a serialized transaction; don't relay it to the cluster again, since every member
     * relays to every other. One the member applied to its open ledger comes from a trusted server: apply it
     * as trusted and unlimited (fee not raised by local load up to four times normal). One it only held
     * ({@code deferred}, stoxumd's terQUEUED relay) is applied like any peer's transaction, as stoxumd does
     * not trust a deferred relay.
     */
    default void onTransaction(byte[] rawTransaction, boolean deferred, PublicKey from) {
    }

    /**
     * Add {@code delta} to the remote balance of the inbound endpoint {@code address} (rippled's
     * {@code remote_balance}). Imports raise it and later take it back: when a member's next report drops
     * the endpoint, when an import is older than the import expiry (30 s), and when the cluster stops.
     */
    default void onRemoteBalance(String address, long delta) {
    }
}
