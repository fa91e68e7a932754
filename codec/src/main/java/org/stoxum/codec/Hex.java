package org.stoxum.codec;

import java.nio.charset.StandardCharsets;

/** Upper-case hex, the only spelling the protocol's JSON uses for blobs and hashes. */
public final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** Built as Latin-1 bytes, which a String adopts in one copy; a char[] costs a second pass to compress. */
    public static String encode(byte[] bytes, int offset, int length) {
        byte[] out = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            out[2 * i] = (byte) DIGITS[b >>> 4];
            out[2 * i + 1] = (byte) DIGITS[b & 0x0F];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes hex of either case.
     *
     * @throws CodecException for an odd length or a non-hex character
     */
    public static byte[] decode(CharSequence hex) {
        int n = hex.length();
        if ((n & 1) != 0) {
            throw CodecException.invalid("hex string has odd length " + n);
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(hex.charAt(2 * i)) << 4) | digit(hex.charAt(2 * i + 1)));
        }
        return out;
    }

    /** True when {@code s} is non-null, even-length, and only hex digits. */
    public static boolean isHex(CharSequence s) {
        if (s == null || (s.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digit(char c) {
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw CodecException.invalid("not a hex digit: '" + c + "'");
        }
        return d;
    }
}
