package org.stoxum.transport.peer.finder;

import java.time.Duration;

/**
 * The peer finder's settings, after stoxumd's {@code PeerFinder::Config::applyTuning}.
 *
 * @param maxPeers         total peer slots, fixed and cluster peers not counted (at least 10)
 * @param outPeers         outbound share: max(15% of maxPeers, 10)
 * @param wantIncoming     false under {@code [peer_private]} or without a peer port
 * @param autoConnect      false under {@code [peer_private]}: only fixed peers are dialled
 * @param listeningPort    our peer port, announced in gossip (0 = none)
 * @param ipLimit          inbound peers allowed per public IP
 * @param backoffUnit      unit of the fixed-peer back-off (stoxumd: one minute)
 * @param oneNodePerHost   stoxumd's rule that an address (port ignored) is one node: duplicate checks
 *                         and recent-attempt squelches compare addresses only. False compares ports
 *                         too, for several nodes on one host.
 * @param privateEndpoints accept and pass on non-public addresses in gossip (stoxumd drops them)
 * @param endpointsInterval how often we send ENDPOINTS (stoxumd: 5 s)
 */
public record FinderConfig(int maxPeers, double outPeers, boolean wantIncoming, boolean autoConnect,
                           int listeningPort, int ipLimit, Duration backoffUnit, boolean oneNodePerHost,
                           boolean privateEndpoints, Duration endpointsInterval) {
    /** The default of {@code [peers_max]}. */
    public static final int DEFAULT_MAX_PEERS = 21;
    /** The fewest outbound slots, and so the fewest slots. */
    public static final int MIN_OUT_COUNT = 10;
    /** Outbound share of the slots, in percent. */
    public static final int OUT_PERCENT = 15;

    /**
     * Settings from the configured values, tuned as stoxumd tunes them.
     *
     * @param peersMax    {@code [peers_max]}, 0 for the default
     * @param peerPrivate {@code [peer_private]}
     * @param ipLimit     {@code [overlay] ip_limit}, 0 for automatic
     */
    public static FinderConfig tuned(int peersMax, boolean peerPrivate, int listeningPort, int ipLimit,
                                     Duration backoffUnit, boolean oneNodePerHost, boolean privateEndpoints,
                                     Duration endpointsInterval) {
        int max = Math.max(peersMax == 0 ? DEFAULT_MAX_PEERS : peersMax, MIN_OUT_COUNT);
        double out = Math.max(max * OUT_PERCENT * 0.01, MIN_OUT_COUNT);
        double in = max - out;
        int limit = ipLimit;
        if (limit == 0) {
            limit = 2;
            if (in > DEFAULT_MAX_PEERS) {
                limit += Math.min(5, (int) (in / DEFAULT_MAX_PEERS));
            }
        }
        limit = Math.max(1, Math.min(limit, (int) (in / 2)));
        return new FinderConfig(max, out, !peerPrivate && listeningPort != 0, !peerPrivate, listeningPort, limit,
                backoffUnit, oneNodePerHost, privateEndpoints, endpointsInterval);
    }
}
