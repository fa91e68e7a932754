package org.stoxum.engine.config;

import java.util.Locale;

/**
 * Text-to-number and text-to-boolean rules of stoxumd's config reader (beast::lexicalCast): digits
 * only, an optional sign, no spaces, no hex, no overflow.
 */
final class ConfigValues {
    private ConfigValues() {
    }

    /**
     * An integer in {@code [0, max]}, written as digits with an optional leading {@code +}.
     *
     * @return null when the text is not such a number
     */
    static Long unsigned(String text, long max) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        return digits(digits, false, max);
    }

    /**
     * An integer in {@code [min, max]}, digits with an optional leading {@code +} or {@code -};
     * {@code min} must be greater than {@code Long.MIN_VALUE}.
     *
     * @return null when the text is not such a number
     */
    static Long signed(String text, long min, long max) {
        if (text.startsWith("-")) {
            Long n = digits(text.substring(1), true, -min);
            return n == null ? null : -n;
        }
        return unsigned(text, max);
    }

    private static Long digits(String digits, boolean negative, long limit) {
        if (digits.isEmpty()) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            int d = c - '0';
            if (value > limit / 10 || value * 10 > limit - d) {
                return null;
            }
            value = value * 10 + d;
        }
        return negative && value == 0 ? Long.valueOf(0) : value;
    }

    /**
     * {@code 1}/{@code true} or {@code 0}/{@code false} in any case.
     *
     * @return null for anything else
     */
    static Boolean bool(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("1") || t.equals("true")) {
            return Boolean.TRUE;
        }
        if (t.equals("0") || t.equals("false")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
