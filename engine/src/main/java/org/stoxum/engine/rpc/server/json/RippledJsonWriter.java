package org.stoxum.engine.rpc.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Writes JSON byte for byte as the original server's compact writer does, because clients (and our
 * conformance tests) see these bytes.
 *
 * <p>The original keeps object members in a sorted map, so members always come out ordered by key
 * (byte order of their UTF-8, which is code point order), whatever order a handler put them in.
 * Strings escape only the quote, the backslash, the five named control characters and the other
 * control characters (as six-character escapes with upper-case hex); '/', DEL and non-ASCII are
 * written raw. Strings stop at their first NUL, as C strings do. Fractional numbers print as
 * {@code %.16g}.
 */
public final class RippledJsonWriter {

    private static final Comparator<String> CODE_POINT_ORDER = RippledJsonWriter::compareCodePoints;

    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Every answer and pushed message goes through here, so each thread keeps its buffer. */
    private static final ThreadLocal<Utf8Buffer> BUFFERS = ThreadLocal.withInitial(Utf8Buffer::new);

    private RippledJsonWriter() {
    }

    /** The compact form, as the server's to_string gives it. */
    public static String compact(JsonNode value) {
        Utf8Buffer out = render(value);
        return new String(out.bytes, 0, out.length, StandardCharsets.UTF_8);
    }

    /** The compact form as UTF-8 bytes. */
    public static byte[] compactBytes(JsonNode value) {
        return render(value).take();
    }

    /** The streamed form used for pushed messages: the compact form followed by a newline. */
    public static byte[] streamedBytes(JsonNode value) {
        Utf8Buffer out = render(value);
        out.put('\n');
        return out.take();
    }

    private static Utf8Buffer render(JsonNode value) {
        Utf8Buffer out = BUFFERS.get();
        out.length = 0;
        write(value, out);
        return out;
    }

    private static void write(JsonNode value, Utf8Buffer out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.ascii("null");
        } else if (value.isObject()) {
            List<String> names = new ArrayList<>(value.size());
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(CODE_POINT_ORDER);
            out.put('{');
            boolean first = true;
            for (String name : names) {
                if (!first) {
                    out.put(',');
                }
                first = false;
                quote(name, out);
                out.put(':');
                write(value.get(name), out);
            }
            out.put('}');
        } else if (value.isArray()) {
            out.put('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.put(',');
                }
                write(value.get(i), out);
            }
            out.put(']');
        } else if (value.isBoolean()) {
            out.ascii(value.booleanValue() ? "true" : "false");
        } else if (value.isIntegralNumber()) {
            out.ascii(value.canConvertToLong() ? Long.toString(value.longValue()) : value.bigIntegerValue().toString());
        } else if (value.isNumber()) {
            out.ascii(CNumbers.formatG16(value.doubleValue()));
        } else {
            quote(value.asText(), out);
        }
    }

    /**
     * Writes {@code text} quoted and escaped the way the original writer does: only the quote, the
     * backslash and control characters are escaped; the rest goes out as UTF-8 (a lone surrogate as '?',
     * as {@code getBytes} would have it).
     */
    private static void quote(String text, Utf8Buffer out) {
        int n = text.length();
        out.reserve(n + 2);
        byte[] bytes = out.bytes;
        int at = out.length;
        bytes[at++] = '"';
        int i = 0;
        // Hex, hashes, addresses and amounts are plain ASCII: copy them in one tight loop.
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            bytes[at++] = (byte) c;
        }
        out.length = at;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out.put(c);
                continue;
            }
            switch (c) {
                case 0 -> {
                    out.put('"');
                    return;
                }
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\b' -> out.ascii("\\b");
                case '\f' -> out.ascii("\\f");
                case '\n' -> out.ascii("\\n");
                case '\r' -> out.ascii("\\r");
                case '\t' -> out.ascii("\\t");
                default -> {
                    if (c < 0x20) {
                        out.ascii("\\u00");
                        out.put(HEX_UPPER[c >> 4]);
                        out.put(HEX_UPPER[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.codePoint(Character.toCodePoint(c, text.charAt(++i)));
                    } else if (Character.isSurrogate(c)) {
                        out.put('?');
                    } else {
                        out.codePoint(c);
                    }
                }
            }
        }
        out.put('"');
    }

    /** A growable UTF-8 byte buffer, reused per thread; one that grew past a large message is let go. */
    private static final class Utf8Buffer {
        private static final int INITIAL = 4096;
        private static final int KEEP_AT_MOST = 1 << 16;

        byte[] bytes = new byte[INITIAL];
        int length;

        void reserve(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void put(int asciiByte) {
            reserve(1);
            bytes[length++] = (byte) asciiByte;
        }

        void ascii(String s) {
            int n = s.length();
            reserve(n);
            for (int i = 0; i < n; i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        void codePoint(int cp) {
            reserve(4);
            if (cp < 0x800) {
                bytes[length++] = (byte) (0xC0 | (cp >> 6));
            } else if (cp < 0x10000) {
                bytes[length++] = (byte) (0xE0 | (cp >> 12));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            } else {
                bytes[length++] = (byte) (0xF0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            }
            bytes[length++] = (byte) (0x80 | (cp & 0x3F));
        }

        /** The content as its own array; the buffer stays with the thread unless it grew too large. */
        byte[] take() {
            byte[] result = Arrays.copyOf(bytes, length);
            if (bytes.length > KEEP_AT_MOST) {
                bytes = new byte[INITIAL];
            }
            return result;
        }
    }

    /** Appends {@code text} quoted and escaped the way the original writer does. */
    public static void quote(String text, StringBuilder out) {
        Utf8Buffer buffer = BUFFERS.get();
        buffer.length = 0;
        quote(text, buffer);
        out.append(new String(buffer.bytes, 0, buffer.length, StandardCharsets.UTF_8));
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
