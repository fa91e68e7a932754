package org.stoxum.codec.amount;

/**
 * rippled's forgiving hex reader for 160-bit values ({@code base_uint::SetHex} in non-strict mode).
 *
 * <p>JSON currency codes and issuers of exactly 40 characters go through it, so its quirks are
 * observable: leading white space and a {@code 0x} prefix are skipped, the run of hex digits that
 * follows is read as a right-aligned number (shorter runs leave leading zero bytes), and anything after
 * that run (other than a NUL, which ends the C string) makes the parse "fail" although the value read
 * so far is kept. Currency parsing honours the
 * failure; issuer parsing ignores it.
 */
final class LenientHex {
    /** The outcome: the value read, and whether the whole input was consumed. */
    record Result(byte[] value, boolean complete) {
    }

    private LenientHex() {
    }

    static Result read160(byte[] text) {
        int p = 0;
        while (p < text.length && isCSpace(text[p])) {
            p++;
        }
        if (p + 1 < text.length && text[p] == '0' && (text[p + 1] == 'x' || text[p + 1] == 'X')) {
            p += 2;
        }
        int begin = p;
        int end = p;
        while (end < text.length && digit(text[end]) >= 0) {
            end++;
        }
        byte[] out = new byte[20];
        if (end - begin > 40) {
            begin = end - 40;
        }
        int o = out.length - (end - begin + 1) / 2;
        int i = begin;
        if (((end - begin) & 1) != 0) {
            out[o++] = (byte) digit(text[i++]);
        }
        while (i < end) {
            out[o++] = (byte) ((digit(text[i]) << 4) | digit(text[i + 1]));
            i += 2;
        }
        // The C++ reads a NUL-terminated copy, so an embedded NUL ends the input as cleanly as its end.
        return new Result(out, end == text.length || text[end] == 0);
    }

    /** C {@code isspace} in the "C" locale. */
    private static boolean isCSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    private static int digit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
