package org.stoxum.engine.rpc.server.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The two C library number conversions the original JSON code leans on: reading a double with
 * {@code sscanf("%lf")} and printing one with {@code printf("%.16g")}. Java's own conversions differ
 * from both at the edges (prefix acceptance, trailing zeros, exponent width), so they are spelled
 * out here.
 */
public final class CNumbers {

    private static final MathContext SIXTEEN_DIGITS = new MathContext(16, RoundingMode.HALF_EVEN);

    private CNumbers() {
    }

    /**
     * The longest prefix of {@code text} that C's strtod would consume as a decimal number, or null when
     * it would consume nothing. Only decimal forms are considered: the original reader hands strtod
     * tokens made of digits, '.', 'e', 'E', '+' and '-' only.
     */
    public static String strtodPrefix(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int mantissaDigits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            mantissaDigits++;
        }
        if (i < n && text.charAt(i) == '.') {
            int afterDot = i + 1;
            int fraction = 0;
            while (afterDot + fraction < n && isDigit(text.charAt(afterDot + fraction))) {
                fraction++;
            }
            if (mantissaDigits > 0 || fraction > 0) {
                i = afterDot + fraction;
                mantissaDigits += fraction;
            }
        }
        if (mantissaDigits == 0) {
            return null;
        }
        int mantissaEnd = i;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int expDigits = 0;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
                expDigits++;
            }
            if (expDigits > 0) {
                return text.substring(0, j);
            }
        }
        return text.substring(0, mantissaEnd);
    }

    /** {@code printf("%.16g", value)} as glibc prints it (round half to even on the exact binary value). */
    public static String formatG16(double value) {
        if (Double.isNaN(value)) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-nan" : "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return (1.0 / value < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(SIXTEEN_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        String sign = rounded.signum() < 0 ? "-" : "";
        String digits = rounded.unscaledValue().abs().toString();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = stripZeros(digits.substring(0, 1) + "." + digits.substring(1));
            String exp = Integer.toString(Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
        }
        String plain = rounded.abs().setScale(Math.max(0, 15 - exponent), RoundingMode.UNNECESSARY).toPlainString();
        return sign + stripZeros(plain);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int last = s.length();
        while (s.charAt(last - 1) == '0') {
            last--;
        }
        if (s.charAt(last - 1) == '.') {
            last--;
        }
        return s.substring(0, last);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
