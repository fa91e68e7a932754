package org.stoxum.codec.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;

/** {@code to_currency} / {@code to_string} from UintTypes.cpp. */
class CurrencyTest {
    private static final NetworkProfile STM = NetworkProfile.STOXUM;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "usd, 0000000000000000000000005553440000000000",
        "a$!, 0000000000000000000000004124210000000000",
        "stm, 00000000000000000000000053544D0000000000",
        "'   ', 0000000000000000000000002020200000000000",
        "0158415500000000c1f76ff6ecb0bac600000000, 0158415500000000C1F76FF6ECB0BAC600000000",
        // rippled's lenient hex reader: spaces and 0x are skipped, shorter digit runs are right-aligned
        "'  00000000000000000000000000000000000001', 0000000000000000000000000000000000000001",
        "0x00000000000000000000000000000000000abc, 0000000000000000000000000000000000000ABC",
        "' 0x0000000000000000000000000000000000abc', 0000000000000000000000000000000000000ABC",
        "€, 000000000000000000000000E282AC0000000000",
    })
    void parses(String text, String hex) {
        assertEquals(hex, Currency.fromJson(text, STM).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "USDT", "0158415500000000C1F76FF6ECB0BAC60000000",
        "0158415500000000C1F76FF6ECB0BAC6000000000", "0158415500000000C1F76FF6ECB0BAC60000000G",
        "0x0158415500000000C1F76FF6ECB0BAC6000000 "})
    void rejects(String text) {
        assertThrows(CodecException.class, () -> Currency.fromJson(text, STM), text);
    }

    @Test
    void nativeAndSpecialCodes() {
        assertTrue(Currency.fromJson("", STM).isNative());
        assertTrue(Currency.fromJson("STM", STM).isNative());
        assertTrue(Currency.fromJson("XRP", NetworkProfile.RIPPLE).isNative());
        assertEquals(Currency.BAD, Currency.fromJson("XRP", STM));
        assertEquals("STM", Currency.NATIVE.toJson(STM));
        assertEquals("XRP", Currency.NATIVE.toJson(NetworkProfile.RIPPLE));
        assertEquals("1", Currency.NO_CURRENCY.toJson(STM));
        assertEquals("XRP", Currency.BAD.toJson(STM));
        assertEquals(Currency.BAD.toString(), Currency.BAD.toJson(NetworkProfile.RIPPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000000000005553440000000001", "0000000000000000000000005500440000000000",
        "000000000000000000000000552B440000000000", "000000000000000000000000E282AC0000000000"})
    void unprintableIsoIsHex(String hex) {
        assertEquals(hex, Currency.of(Hex.decode(hex)).toJson(STM));
    }

    @Test
    void unsignedOrder() {
        Currency low = Currency.of(Hex.decode("0000000000000000000000005553440000000000"));
        Currency high = Currency.of(Hex.decode("8000000000000000000000000000000000000000"));
        assertTrue(low.compareTo(high) < 0);
        assertTrue(Currency.NATIVE.compareTo(Currency.NO_CURRENCY) < 0);
    }
}
