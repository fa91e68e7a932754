package org.stoxum.codec.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;

/** rippled's {@code amountFromString} and {@code getText}, including the corners read from the C++. */
class AmountTextTest {
    private static final Issue USD = new Issue(Currency.fromJson("USD", NetworkProfile.STOXUM),
            Json.ISSUER);

    private static STAmount usd(String text) {
        return AmountText.parse(USD, text);
    }

    private static STAmount drops(String text) {
        return AmountText.parse(Issue.NATIVE, text);
    }

    @ParameterizedTest(name = "{0} -> {1}e{2}")
    @CsvSource({
        "1, 1000000000000000, -15",
        "-1.5, 1500000000000000, -15",
        "1234.5678e-20, 1234567800000000, -32",
        "+10, 1000000000000000, -14",
        "0.0000000000000000000000000000001, 1000000000000000, -46",
        "18446744073709551615, 1844674407370955, 4",
        "1111111111111111.1, 1111111111111111, 0",
        "9999999999999999e80, 9999999999999999, 80",
        "1e-81, 1000000000000000, -96",
        "1E+3, 1000000000000000, -12",
    })
    void issuedParse(String text, long mantissa, int exponent) {
        STAmount a = usd(text);
        assertEquals(mantissa, a.mantissa());
        assertEquals(exponent, a.exponent());
        assertEquals(text.startsWith("-"), a.isNegative());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.0", "0e5", "1e-97", "9999999999999999e-112", "1e-2147483647",
        "1.5e-2147483647"})
    void issuedZero(String text) {
        STAmount a = usd(text);
        assertTrue(a.isZero());
        assertFalse(a.isNegative());
        assertEquals(-100, a.exponent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "01", ".5", "5.", "1e", "1e+", "--1", "+-1", "0x10", "1,5", "١",
        "NaN", "1e2147483648", "18446744073709551616", "1e96", "10000000000000000e80",
        "0.00000000000000000000000000000001", "123456789012345678901234567890123",
        // the exponent sum wraps around in 32 bits, as in the C++, and then overflows
        "1.55e-2147483647"})
    void issuedRejects(String text) {
        assertThrows(CodecException.class, () -> usd(text), text);
    }

    @ParameterizedTest(name = "{0} -> {1} drops")
    @CsvSource({
        "0, 0", "1, 1", "+7, 7", "1e3, 1000", "123e-2, 1", "1e-1, 0", "1e17, 100000000000000000",
        "100000000000000000, 100000000000000000", "1e64, 0", "1e2000000000, 0",
        // scaling wraps modulo 2^64 exactly as the C++ loop does
        "1844674407370955162e1, 4",
    })
    void nativeParse(String text, long drops) {
        assertEquals(drops, drops(text).drops());
    }

    @Test
    void nativeScaledToNothingKeepsItsSignUntilJsonRebuildsIt() {
        STAmount negativeZero = drops("-5e-1");
        assertTrue(negativeZero.isNegative());
        assertTrue(negativeZero.isZero());
        STAmount fromJson = STAmount.fromJson(Json.text("-5e-1"), NetworkProfile.STOXUM);
        assertFalse(fromJson.isNegative());
        assertEquals("4000000000000000", Hex.encode(fromJson.toBytes()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "0.5", "100000000000000001", "1e18", "18446744073709551615", "1e-0.5"})
    void nativeRejects(String text) {
        assertThrows(CodecException.class, () -> drops(text), text);
    }

    @ParameterizedTest(name = "{1}e{2} prints {0}")
    @CsvSource({
        "1, 1000000000000000, -15, false",
        "-1.5, 1500000000000000, -15, true",
        "10, 1000000000000000, -14, false",
        "1111111111111111, 1111111111111111, 0, false",
        "1000000000000000e1, 1000000000000000, 1, false",
        "1000000000000000e-4, 1000000000000000, -4, false",
        "10000000000, 1000000000000000, -5, false",
        "0.0000000001, 1000000000000000, -25, false",
        "0.0000000001234567890123456, 1234567890123456, -25, false",
        "1000000000000000e-26, 1000000000000000, -26, false",
        "-1234567800000000e-32, 1234567800000000, -32, true",
        "9999999999999999e80, 9999999999999999, 80, false",
        "99.96003992015968, 9996003992015968, -14, false",
        "0.3333333333333333, 3333333333333333, -16, false",
    })
    void issuedText(String text, long mantissa, int exponent, boolean negative) {
        STAmount a = STAmount.of(USD, mantissa, exponent, negative);
        assertEquals(text, a.valueText());
        assertEquals(a, usd(text));
    }

    @Test
    void zeroAndNativeText() {
        assertEquals("0", STAmount.zero(USD).valueText());
        assertEquals("0", STAmount.ofDrops(0).valueText());
        assertEquals("-25", STAmount.ofDrops(-25).valueText());
        assertEquals("100000000000000000", STAmount.ofDrops(100_000_000_000_000_000L).valueText());
        assertEquals("0", drops("-5e-1").valueText());
    }
}
