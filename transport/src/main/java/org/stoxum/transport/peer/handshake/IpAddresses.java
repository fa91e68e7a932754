package org.stoxum.transport.peer.handshake;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address tests of stoxumd's beast IP helpers. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * True for an address on the public internet: not private (RFC 1918 and the like), loopback,
     * link-local, unspecified or multicast.
     */
    public static boolean isPublic(InetAddress address) {
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address));
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return !(address instanceof Inet4Address) && (address.getAddress()[0] & 0xFE) == 0xFC;
    }

    /** The address of 4 or 16 raw bytes, or null for any other length. */
    public static InetAddress fromBytes(byte[] raw) {
        if (raw.length != 4 && raw.length != 16) {
            return null;
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
