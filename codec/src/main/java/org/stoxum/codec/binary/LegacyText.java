package org.stoxum.codec.binary;

/**
 * The exact (and sometimes lenient) text conversions rippled's JSON parsing relies on, so that this codec
 * accepts the same JSON spellings: {@code base_uint::SetHex}, {@code SetHexExact}, {@code strUnHex},
 * {@code uintFromHex} and beast's {@code lexicalCast} of unsigned integers.
 */
final class LegacyText {
    private LegacyText() {
    }

    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * {@code base_uint<size*8>::SetHex(s, false)} as STParsedJSON uses it for hash fields, ignoring its
     * result as rippled does: leading whitespace and a "0x" are skipped, the run of hex digits that follows
     * is read right-aligned (only its last {@code 2*size} digits if longer), and anything after it is
     * ignored. So every string gives some value; "" or "xyz" give zero.
     */
    static byte[] setHexLenient(String s, int size) {
        int i = 0;
        int n = s.length();
        while (i < n && isCSpace(s.charAt(i))) {
            i++;
        }
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            i += 2;
        }
        int begin = i;
        int end = begin;
        while (end < n && hexDigit(s.charAt(end)) >= 0) {
            end++;
        }
        if (end - begin > 2 * size) {
            begin = end - 2 * size;
        }
        byte[] out = new byte[size];
        int digits = end - begin;
        int o = size - (digits + 1) / 2;
        int p = begin;
        if ((digits & 1) != 0) {
            out[o++] = (byte) hexDigit(s.charAt(p++));
        }
        while (p < end) {
            out[o++] = (byte) ((hexDigit(s.charAt(p)) << 4) | hexDigit(s.charAt(p + 1)));
            p += 2;
        }
        return out;
    }

    /** {@code SetHexExact}: exactly {@code 2*size} hex digits of either case, else null. */
    static byte[] setHexExact(String s, int size) {
        if (s.length() != 2 * size) {
            return null;
        }
        return strUnHex(s);
    }

    /**
     * {@code strUnHex}: hex of either case; an odd length reads the first digit as a whole byte. Null for
     * any non-hex character.
     */
    static byte[] strUnHex(String s) {
        int n = s.length();
        byte[] out = new byte[(n + 1) / 2];
        int i = 0;
        int o = 0;
        if ((n & 1) != 0) {
            int d = hexDigit(s.charAt(0));
            if (d < 0) {
                return null;
            }
            out[o++] = (byte) d;
            i = 1;
        }
        for (; i < n; i += 2) {
            int hi = hexDigit(s.charAt(i));
            int lo = hexDigit(s.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[o++] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** {@code uintFromHex}: up to 16 hex digits ("" is 0); -1 is not a possible error value, so null on failure. */
    static Long uintFromHex(String s) {
        if (s.length() > 16) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = hexDigit(s.charAt(i));
            if (d < 0) {
                return null;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /**
     * beast's {@code lexicalCast} to an unsigned type with maximum {@code max}: an optional '+', then one or
     * more decimal digits, no overflow. Returns -1 when the text is not such a number.
     */
    static long parseUnsigned(String s, long max) {
        int i = 0;
        if (!s.isEmpty() && s.charAt(0) == '+') {
            i = 1;
        }
        if (i == s.length()) {
            return -1;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > max) {
                return -1;
            }
        }
        return v;
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
