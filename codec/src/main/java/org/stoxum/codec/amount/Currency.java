package org.stoxum.codec.amount;

import java.nio.charset.StandardCharsets;

import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.FixedBytes;

/**
 * A 160-bit currency code, ordered as an unsigned number (the order of order books and trust lines).
 *
 * <p>Text follows rippled's {@code to_currency} / {@code to_string}: three characters stand for the
 * "ISO" layout (bytes 12..14, everything else zero), forty characters are raw hex, and the network's
 * native code (STM or XRP) stands for the all-zero native currency. Lengths are counted in UTF-8 bytes,
 * as the C++ counts {@code std::string} bytes.
 */
public final class Currency extends FixedBytes<Currency> {
    public static final int LENGTH = 20;
    /** All zero: the native currency. */
    public static final Currency NATIVE = new Currency(new byte[LENGTH]);
    /** Value 1: rippled's "no currency". */
    public static final Currency NO_CURRENCY;
    /** ISO code "XRP" ({@code badCurrency()}): transactors answer temBAD_CURRENCY on both networks. */
    public static final Currency BAD;

    static {
        byte[] one = new byte[LENGTH];
        one[LENGTH - 1] = 1;
        NO_CURRENCY = new Currency(one);
        byte[] bad = new byte[LENGTH];
        bad[12] = 'X';
        bad[13] = 'R';
        bad[14] = 'P';
        BAD = new Currency(bad);
    }

    private Currency(byte[] bytes) {
        super(bytes);
    }

    public static Currency of(byte[] twentyBytes) {
        return new Currency(copyExact(twentyBytes, LENGTH, "a currency"));
    }

    public static Currency of(byte[] buf, int offset) {
        return new Currency(copy(buf, offset, LENGTH, "a currency"));
    }

    /** Where the three ISO characters sit in the 20 bytes. */
    private static final int ISO_OFFSET = 12;
    private static final String ISO_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<>(){}[]|?!@#$%^&*";

    /**
     * Parses JSON currency text.
     *
     * <p>{@code ""} and the profile's native code (exact case) are native; any other three bytes are
     * upper-cased (ASCII letters only) into the ISO layout, so {@code "stm"} is an ordinary issued
     * currency; forty bytes are read as hex the lenient way rippled does.
     *
     * @throws CodecException for any other length, or forty bytes that are not hex
     */
    public static Currency fromJson(String code, NetworkProfile p) {
        if (code.isEmpty() || code.equals(p.nativeCurrency())) {
            return NATIVE;
        }
        byte[] utf8 = code.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == 3) {
            byte[] out = new byte[LENGTH];
            for (int i = 0; i < 3; i++) {
                byte b = utf8[i];
                out[ISO_OFFSET + i] = (byte) (b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b);
            }
            return new Currency(out);
        }
        if (utf8.length == 2 * LENGTH) {
            LenientHex.Result hex = LenientHex.read160(utf8);
            if (hex.complete()) {
                return new Currency(hex.value());
            }
        }
        throw CodecException.invalid("invalid currency code '" + code + "'");
    }

    /**
     * The JSON text: the profile's native code for {@link #NATIVE}, {@code "1"} for
     * {@link #NO_CURRENCY}, the three characters for a printable ISO code other than the native code,
     * else forty upper-case hex digits.
     */
    public String toJson(NetworkProfile p) {
        if (isNative()) {
            return p.nativeCurrency();
        }
        if (equals(NO_CURRENCY)) {
            return "1";
        }
        if (isIsoLayout()) {
            String iso = new String(bytes, ISO_OFFSET, 3, StandardCharsets.ISO_8859_1);
            if (!iso.equals(p.nativeCurrency()) && printable(iso)) {
                return iso;
            }
        }
        return Hex.encode(bytes);
    }

    private boolean isIsoLayout() {
        for (int i = 0; i < LENGTH; i++) {
            if (bytes[i] != 0 && (i < ISO_OFFSET || i >= ISO_OFFSET + 3)) {
                return false;
            }
        }
        return true;
    }

    private static boolean printable(String iso) {
        for (int i = 0; i < iso.length(); i++) {
            if (ISO_CHARACTERS.indexOf(iso.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    public boolean isNative() {
        return this.equals(NATIVE);
    }
}
