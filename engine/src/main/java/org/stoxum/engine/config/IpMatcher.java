package org.stoxum.engine.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * One entry of a port's {@code admin} or {@code secure_gateway} list: an address, a CIDR subnet
 * ({@code 10.0.0.0/8}, an extension over stoxumd's single addresses), or the unspecified address
 * ({@code 0.0.0.0} or {@code ::}) meaning every client.
 */
public final class IpMatcher {
    private final InetAddress network;
    private final int prefixLength;
    private final boolean any;
    private final String text;

    private IpMatcher(InetAddress network, int prefixLength, boolean any, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.any = any;
        this.text = text;
    }

    /**
     * Reads {@code address} or {@code address/prefix}.
     *
     * @return empty when the text is neither
     */
    public static Optional<IpMatcher> parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> address = IpLiterals.parse(addressText);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            Long p = ConfigValues.unsigned(text.substring(slash + 1), bits);
            if (p == null || text.charAt(slash + 1) == '+') {
                return Optional.empty();
            }
            prefix = p.intValue();
        }
        boolean unspecified = address.get().isAnyLocalAddress();
        if (unspecified && slash >= 0) {
            return Optional.empty();
        }
        return Optional.of(new IpMatcher(mask(address.get().getAddress(), prefix), prefix, unspecified, text));
    }

    private static InetAddress mask(byte[] bytes, int prefix) {
        byte[] masked = Arrays.copyOf(bytes, bytes.length);
        for (int i = 0; i < masked.length * 8; i++) {
            if (i >= prefix) {
                masked[i / 8] &= (byte) ~(0x80 >>> (i % 8));
            }
        }
        try {
            return InetAddress.getByAddress(masked);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes always make an address", e);
        }
    }

    /** True for {@code 0.0.0.0} and {@code ::}: every client matches. */
    public boolean any() {
        return any;
    }

    /** True when {@code address} is this address, lies in this subnet, or this entry is {@link #any()}. */
    public boolean matches(InetAddress address) {
        if (any) {
            return true;
        }
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        for (int i = 0; i < prefixLength; i++) {
            int bit = 0x80 >>> (i % 8);
            if ((a[i / 8] & bit) != (n[i / 8] & bit)) {
                return false;
            }
        }
        return true;
    }

    /** True when some address matches both entries (used to forbid an address in admin and secure_gateway). */
    public boolean overlaps(IpMatcher other) {
        if (any || other.any) {
            return true;
        }
        return prefixLength <= other.prefixLength ? matches(other.network) : other.matches(network);
    }

    /** The entry as written in the config. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpMatcher m && m.network.equals(network) && m.prefixLength == prefixLength && m.any == any;
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + prefixLength;
    }
}
