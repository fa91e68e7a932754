package org.stoxum.engine.config;

import java.net.InetAddress;
import java.util.Optional;

/**
 * {@code [overlay]}: peer-network knobs.
 *
 * @param publicIp our public IPv4 address, checked against what peers see in the handshake
 * @param ipLimit  inbound peers allowed per public IP; 0 = automatic (2, more with many slots)
 * @param expire   stoxumd's {@code expire} switch, kept for the overlay code
 */
public record OverlayConfig(Optional<InetAddress> publicIp, int ipLimit, boolean expire) {
    /** 0 lets the peer finder choose a limit from the number of inbound slots. */
    public static final int DEFAULT_IP_LIMIT = 0;

    /** Off unless configured. */
    public static final boolean DEFAULT_EXPIRE = false;

    /** The overlay settings of a config without {@code [overlay]}. */
    public static final OverlayConfig DEFAULT = new OverlayConfig(Optional.empty(), DEFAULT_IP_LIMIT, DEFAULT_EXPIRE);
}
