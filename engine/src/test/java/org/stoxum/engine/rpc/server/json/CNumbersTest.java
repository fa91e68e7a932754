package org.stoxum.engine.rpc.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** printf("%.16g") and strtod prefix behaviour, as glibc has them. */
class CNumbersTest {

    @Test
    void formatsLikePrintfG16() {
        assertEquals("0.1", CNumbers.formatG16(0.1));
        assertEquals("0.3333333333333333", CNumbers.formatG16(1.0 / 3));
        assertEquals("1e+16", CNumbers.formatG16(1e16));
        assertEquals("1000000000000000", CNumbers.formatG16(1e15));
        assertEquals("9007199254740992", CNumbers.formatG16(9007199254740992.0));
        assertEquals("1.234567890123457e+17", CNumbers.formatG16(123456789012345678.0));
        assertEquals("1e-05", CNumbers.formatG16(1e-5));
        assertEquals("0.0001", CNumbers.formatG16(1e-4));
        assertEquals("-2.5", CNumbers.formatG16(-2.5));
        assertEquals("100", CNumbers.formatG16(100.0));
        assertEquals("0", CNumbers.formatG16(0.0));
        assertEquals("-0", CNumbers.formatG16(-0.0));
        assertEquals("inf", CNumbers.formatG16(Double.POSITIVE_INFINITY));
        assertEquals("1.797693134862316e+308", CNumbers.formatG16(Double.MAX_VALUE));
        assertEquals("4.940656458412465e-324", CNumbers.formatG16(Double.MIN_VALUE));
    }

    @Test
    void strtodTakesTheLongestPrefix() {
        assertEquals("1.5", CNumbers.strtodPrefix("1.5e"));
        assertEquals("1", CNumbers.strtodPrefix("1-2"));
        assertEquals("-.5", CNumbers.strtodPrefix("-.5"));
        assertEquals("1.", CNumbers.strtodPrefix("1."));
        assertEquals("1e+5", CNumbers.strtodPrefix("1e+5"));
        assertEquals("2", CNumbers.strtodPrefix("2e+"));
        assertNull(CNumbers.strtodPrefix("-e5"));
        assertNull(CNumbers.strtodPrefix("-."));
    }
}
