package org.stoxum.engine.rpc.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    private RippledJsonWriter() {
    }

    /** The compact form, as the server's to_string gives it. */
    public static String compact(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** The compact form as UTF-8 bytes. */
    public static byte[] compactBytes(JsonNode value) {
        return compact(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The streamed form used for pushed messages: the compact form followed by a newline. */
    public static byte[] streamedBytes(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isObject()) {
            List<String> names = new ArrayList<>(value.size());
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(CODE_POINT_ORDER);
            out.append('{');
            boolean first = true;
            for (String name : names) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(name, out);
                out.append(':');
                write(value.get(name), out);
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(value.get(i), out);
            }
            out.append(']');
        } else if (value.isBoolean()) {
            out.append(value.booleanValue() ? "true" : "false");
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue().toString());
        } else if (value.isNumber()) {
            out.append(CNumbers.formatG16(value.doubleValue()));
        } else {
            quote(value.asText(), out);
        }
    }

    /** Appends {@code text} quoted and escaped the way the original writer does. */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 0 -> {
                    out.append('"');
                    return;
                }
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                                .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
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
