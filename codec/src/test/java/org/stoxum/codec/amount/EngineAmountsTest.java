package org.stoxum.codec.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;

/** {@link IOUAmount} and {@link XRPAmount}, the payment engine's amounts, with hand-worked mulRatio cases. */
class EngineAmountsTest {
    private static final int QUALITY_ONE = Rate.QUALITY_ONE;
    private static final int RATE = 1_002_000_000;

    private static void assertIou(long mantissa, int exponent, IOUAmount actual) {
        assertEquals(mantissa, actual.mantissa(), () -> "mantissa of " + actual);
        assertEquals(exponent, actual.exponent(), () -> "exponent of " + actual);
    }

    @Test
    void normalisation() {
        assertIou(1_000_000_000_000_000L, -15, IOUAmount.of(1, 0));
        assertIou(-1_234_500_000_000_000L, -18, IOUAmount.of(-12345, -7));
        assertIou(1_844_674_407_370_955L, 1, IOUAmount.of(18_446_744_073_709_551L, 0));
        assertIou(0, -100, IOUAmount.of(5, -97 - 15));
        assertThrows(CodecException.class, () -> IOUAmount.of(1, 96));
        assertEquals(IOUAmount.ZERO, IOUAmount.of(0, 7));
    }

    @Test
    void additionAndOrder() {
        IOUAmount one = IOUAmount.of(1, 0);
        assertTrue(IOUAmount.of(1_000_000_000_000_001L, -15).subtract(one).isZero());
        assertEquals("-99.96003992015968",
                IOUAmount.of(-8998, -2).add(IOUAmount.of(-998003992015968L, -14)).toString());
        assertTrue(IOUAmount.of(-2, 0).compareTo(IOUAmount.of(-1, 0)) < 0);
        assertTrue(IOUAmount.ZERO.compareTo(IOUAmount.of(1, -81)) < 0);
        assertTrue(IOUAmount.of(2, 0).compareTo(IOUAmount.of(19, -1)) > 0);
        assertEquals(0, one.compareTo(IOUAmount.of(10, -1)));
        assertEquals("1000000000000000e-96", IOUAmount.of(1, -81).toString());
    }

    @Test
    void conversionsWithSTAmount() {
        Issue usd = AmountMathTest.USD;
        STAmount a = AmountMathTest.usd(-125, -2);
        IOUAmount i = IOUAmount.of(a);
        assertIou(-1_250_000_000_000_000L, -15, i);
        assertEquals(a, i.toSTAmount(usd));
        assertEquals(STAmount.zero(usd), IOUAmount.ZERO.toSTAmount(usd));
        assertEquals(-5, XRPAmount.of(STAmount.ofDrops(-5)).drops());
        assertEquals(STAmount.ofDrops(-5), new XRPAmount(-5).toSTAmount());
        assertThrows(IllegalArgumentException.class, () -> IOUAmount.of(STAmount.ofDrops(1)));
    }

    @Test
    void iouMulRatio() {
        IOUAmount ten = IOUAmount.of(10, 0);
        // 1e24 / 1.002e9 = 998003992015968 r 6.4e7; three more digits: 998003992015968063 e-17 r 8.74e8;
        // normalised to 9980039920159680e-15: the oracle's delivered amount
        assertIou(9_980_039_920_159_680L, -15, IOUAmount.mulRatio(ten, QUALITY_ONE, RATE, false));
        assertIou(9_980_039_920_159_681L, -15, IOUAmount.mulRatio(ten, QUALITY_ONE, RATE, true));
        assertIou(-9_980_039_920_159_681L, -15, IOUAmount.mulRatio(ten.negate(), QUALITY_ONE, RATE, false));
        assertIou(-9_980_039_920_159_680L, -15, IOUAmount.mulRatio(ten.negate(), QUALITY_ONE, RATE, true));
        // exact: no rounding either way
        assertIou(2_000_000_000_000_000L, -14, IOUAmount.mulRatio(ten, 2, 1, true));
        assertIou(1_002_000_000_000_000L, -14, IOUAmount.mulRatio(ten, RATE, QUALITY_ONE, false));
        // 1e-81 / 3 underflows; rounding up gives the smallest positive amount
        IOUAmount tiny = IOUAmount.of(1, -81);
        assertTrue(IOUAmount.mulRatio(tiny, 1, 3, false).isZero());
        assertIou(1_000_000_000_000_000L, -96, IOUAmount.mulRatio(tiny, 1, 3, true));
        assertIou(-1_000_000_000_000_000L, -96, IOUAmount.mulRatio(tiny.negate(), 1, 3, false));
        assertThrows(CodecException.class, () -> IOUAmount.mulRatio(ten, 1, 0, false));
        // unsigned 32-bit operands: 0xFFFFFFFF is 4294967295
        assertIou(4_294_967_295_000_000L, -13, IOUAmount.mulRatio(ten, -1, 100_000_000, false));
        // no remainder from the division, so the 17th digit that normalising drops is not rounded up:
        // 1000000000000001 * 11 = 11000000000000011 -> 1100000000000001e1, below the exact value
        assertIou(1_100_000_000_000_001L, 1, IOUAmount.mulRatio(IOUAmount.of(1_000_000_000_000_001L, 0), 11, 1, true));
    }

    @Test
    void xrpMulRatio() {
        assertEquals(10, XRPAmount.mulRatio(new XRPAmount(7), 3, 2, false).drops());
        assertEquals(11, XRPAmount.mulRatio(new XRPAmount(7), 3, 2, true).drops());
        assertEquals(-11, XRPAmount.mulRatio(new XRPAmount(-7), 3, 2, false).drops());
        assertEquals(-10, XRPAmount.mulRatio(new XRPAmount(-7), 3, 2, true).drops());
        assertEquals(12, XRPAmount.mulRatio(new XRPAmount(8), 3, 2, true).drops());
        assertEquals(1_000_000_000, XRPAmount.mulRatio(new XRPAmount(1_002_000_000), QUALITY_ONE, RATE, true).drops());
        assertThrows(CodecException.class, () -> XRPAmount.mulRatio(new XRPAmount(Long.MAX_VALUE), 2, 1, false));
        assertThrows(CodecException.class, () -> XRPAmount.mulRatio(new XRPAmount(1), 2, 0, false));
    }

    @Test
    void legalNativeAmountsDependOnTheNetwork() {
        XRPAmount stoxumTotal = new XRPAmount(NetworkProfile.STOXUM.totalDrops());
        assertTrue(stoxumTotal.isLegalAmount(NetworkProfile.STOXUM));
        assertTrue(!stoxumTotal.add(new XRPAmount(1)).isLegalAmount(NetworkProfile.STOXUM));
        assertTrue(stoxumTotal.add(new XRPAmount(1)).isLegalAmount(NetworkProfile.RIPPLE));
    }

    @Property
    void iouMulRatioStaysWithinALastPlace(@ForAll @LongRange(min = 1_000_000_000_000_000L, max = 9_999_999_999_999_999L) long m,
                                          @ForAll @IntRange(min = -60, max = 40) int e,
                                          @ForAll @IntRange(min = 1) int num, @ForAll @IntRange(min = 1) int den) {
        IOUAmount a = IOUAmount.of(m, e);
        IOUAmount down = IOUAmount.mulRatio(a, num, den, false);
        IOUAmount up = IOUAmount.mulRatio(a, num, den, true);
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(m), -e)
                .multiply(BigDecimal.valueOf(num))
                .divide(BigDecimal.valueOf(den), MathContext.DECIMAL128);
        // within one unit of the 16th digit either way (normalising truncates without rounding)
        BigDecimal ulp = BigDecimal.ONE.scaleByPowerOfTen(up.exponent());
        assertTrue(value(down).subtract(exact).abs().compareTo(ulp) <= 0, () -> exact + " down " + down);
        assertTrue(value(up).subtract(exact).abs().compareTo(ulp) <= 0, () -> exact + " up " + up);
        assertTrue(up.compareTo(down) >= 0);
        assertTrue(value(down).compareTo(exact) <= 0, () -> exact + " down " + down);
    }

    private static BigDecimal value(IOUAmount a) {
        return new BigDecimal(BigInteger.valueOf(a.mantissa()), -a.exponent());
    }
}
