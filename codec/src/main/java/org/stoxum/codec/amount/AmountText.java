package org.stoxum.codec.amount;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stoxum.codec.CodecException;

/** rippled's decimal text for amount values: {@code amountFromString} and {@code STAmount::getText}. */
final class AmountText {
    /** Sign, integer part without leading zeros, optional fraction, optional exponent. */
    private static final Pattern NUMBER =
            Pattern.compile("([-+]?)(0|[1-9][0-9]*)(\\.([0-9]+))?([eE]([+-]?)([0-9]+))?");
    /** Digits (integer and fraction together) rippled accepts before calling a number overlong. */
    private static final int MAX_DIGITS = 32;
    /** Zeros padded before and after the digits when printing plainly (same as the C++). */
    private static final int PAD_PREFIX = 27;
    private static final int PAD_SUFFIX = 23;

    private AmountText() {
    }

    /**
     * Parses a value for the issue. Native values may not have a fraction but may have an exponent
     * ({@code "1e3"} is 1000 drops, {@code "1e-3"} is 0). The result is canonical for the issue, except
     * that a negative native value scaled down to nothing stays "negative zero", as in rippled.
     *
     * @throws CodecException when the text does not match, has more than 32 digits, a native value has a
     *         fraction, a part overflows its integer type, or the value is out of range
     */
    static STAmount parse(Issue issue, String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            throw CodecException.invalid("Number '" + text + "' is not valid");
        }
        String integer = m.group(2);
        String fraction = m.group(4);
        if (integer.length() + (fraction == null ? 0 : fraction.length()) > MAX_DIGITS) {
            throw CodecException.invalid("Number '" + text + "' is overlong");
        }
        boolean negative = "-".equals(m.group(1));
        if (issue.isNative() && m.group(3) != null) {
            throw CodecException.invalid("native amounts must be given in integral drops");
        }
        long mantissa;
        int exponent;
        if (fraction == null) {
            mantissa = parseUnsigned64(integer);
            exponent = 0;
        } else {
            mantissa = parseUnsigned64(integer + fraction);
            exponent = -fraction.length();
        }
        if (m.group(5) != null) {
            int e = parseInt32(m.group(7));
            // int arithmetic wraps on overflow just as the C++ build does
            exponent = "-".equals(m.group(6)) ? exponent - e : exponent + e;
        }
        return STAmount.of(issue, mantissa, exponent, negative);
    }

    private static long parseUnsigned64(String digits) {
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw CodecException.invalid("number '" + digits + "' does not fit 64 bits");
        }
    }

    private static int parseInt32(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw CodecException.invalid("exponent '" + digits + "' does not fit 32 bits");
        }
    }

    /**
     * Prints like {@code STAmount::getText}: {@code "0"} for zero; drops for native; issued values with
     * exponent 0 or in -25..-5 as plain decimals without superfluous zeros, others as
     * {@code <mantissa>e<exponent>}.
     */
    static String format(STAmount a) {
        if (a.signum() == 0) {
            return "0";
        }
        String raw = Long.toUnsignedString(a.mantissa());
        StringBuilder out = new StringBuilder(40);
        if (a.isNegative()) {
            out.append('-');
        }
        int exponent = a.exponent();
        boolean scientific = exponent != 0 && (exponent < -25 || exponent > -5);
        if (a.isNative() || scientific) {
            out.append(raw);
            if (scientific) {
                out.append('e').append(exponent);
            }
            return out.toString();
        }
        String padded = "0".repeat(PAD_PREFIX) + raw + "0".repeat(PAD_SUFFIX);
        int point = exponent + 43;
        int intFrom = 0;
        int fracTo = padded.length();
        if (point > PAD_PREFIX) {
            intFrom = PAD_PREFIX;
        }
        while (intFrom < point && padded.charAt(intFrom) == '0') {
            intFrom++;
        }
        if (fracTo - point > PAD_SUFFIX) {
            fracTo -= PAD_SUFFIX;
        }
        while (fracTo > point && padded.charAt(fracTo - 1) == '0') {
            fracTo--;
        }
        if (intFrom == point) {
            out.append('0');
        } else {
            out.append(padded, intFrom, point);
        }
        if (fracTo != point) {
            out.append('.').append(padded, point, fracTo);
        }
        return out.toString();
    }
}
