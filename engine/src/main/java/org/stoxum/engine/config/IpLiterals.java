package org.stoxum.engine.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IP address literals without ever asking DNS: a config value that is not an address must be
 * an error, not a lookup that hangs start-up.
 */
public final class IpLiterals {
    private IpLiterals() {
    }

    /**
     * A dotted-quad IPv4 address (decimal, no leading zeros) or an IPv6 address (must contain a colon;
     * no zone index).
     *
     * @return empty when {@code text} is not such a literal
     */
    public static Optional<InetAddress> parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text);
    }

    private static Optional<InetAddress> parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            Long n = ConfigValues.unsigned(p, 255);
            if (n == null || p.charAt(0) == '+') {
                return Optional.empty();
            }
            bytes[i] = (byte) n.intValue();
        }
        return address(bytes);
    }

    private static Optional<InetAddress> parseV6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                return Optional.empty();
            }
        }
        if (text.charAt(0) == '.') {
            return Optional.empty();
        }
        try {
            // With a colon present and only hex digits, dots and colons, the JDK parses the literal and
            // never resolves a name.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> address(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** True for the IPv4 ranges stoxumd treats as private: 10/8, 172.16/12, 192.168/16 and loopback. */
    public static boolean isPrivateV4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            return false;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 10 || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168) || first == 127;
    }
}
