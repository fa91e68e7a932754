package org.stoxum.codec.manifest;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Base64 as stoxumd reads and writes it for manifests and validator tokens (beast's {@code base64_decode}
 * and {@code base64_encode}).
 *
 * <p>Encoding is the standard padded alphabet. Decoding never fails: it takes characters up to the first
 * {@code '='} or the first character outside the alphabet, turns each full group of four into three bytes
 * and a trailing group of two or three into one or two bytes, and ignores the rest. A config whose token has
 * a stray character therefore decodes to a shorter text that then fails as JSON or as a manifest, which is
 * where stoxumd reports it too.
 */
final class TolerantBase64 {
    private static final int[] INVERSE = new int[128];

    static {
        java.util.Arrays.fill(INVERSE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            INVERSE[alphabet.charAt(i)] = i;
        }
    }

    private TolerantBase64() {
    }

    static String encode(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    static byte[] decode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
        int[] group = new int[4];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int v = c < 128 ? INVERSE[c] : -1;
            if (v < 0) {
                break;
            }
            group[n++] = v;
            if (n == 4) {
                emit(group, 3, out);
                n = 0;
            }
        }
        if (n > 1) {
            emit(group, n - 1, out);
        }
        return out.toByteArray();
    }

    private static void emit(int[] g, int count, ByteArrayOutputStream out) {
        int bits = (g[0] << 18) | (g[1] << 12) | (count > 1 ? g[2] << 6 : 0) | (count > 2 ? g[3] : 0);
        for (int k = 0; k < count; k++) {
            out.write((bits >>> (16 - 8 * k)) & 0xFF);
        }
    }
}
