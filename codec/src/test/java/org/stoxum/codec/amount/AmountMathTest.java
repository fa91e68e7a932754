package org.stoxum.codec.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;

/**
 * Results worked out by hand from rippled's algorithms (the steps are in the comments), asserted to
 * the last digit of mantissa and exponent.
 */
class AmountMathTest {
    static final Issue USD = new Issue(Currency.fromJson("USD", NetworkProfile.STOXUM), Json.ISSUER);
    static final Issue EUR = new Issue(Currency.fromJson("EUR", NetworkProfile.STOXUM), Json.ISSUER);
    private static final CalcSwitchover BOTH = CalcSwitchover.BOTH;

    static STAmount usd(long mantissa, int exponent) {
        return STAmount.of(USD, Math.abs(mantissa), exponent, mantissa < 0);
    }

    static void assertAmount(long mantissa, int exponent, STAmount actual) {
        assertEquals(Math.abs(mantissa), actual.mantissa(), "mantissa of " + actual);
        assertEquals(exponent, actual.exponent(), "exponent of " + actual);
        assertEquals(mantissa < 0, actual.isNegative(), "sign of " + actual);
    }

    // ------------------------------------------------------------------ add / subtract

    @Test
    void addAlignsByTruncatingTheSmallerExponent() {
        // 1 + 1e-16: the second operand loses all 16 digits while aligning to e-15
        assertAmount(1_000_000_000_000_000L, -15, usd(1, 0).add(usd(1, -16)));
        // 1.5 + 0.25 = 1.75 (0.25 = 2500000000000000e-16 -> 250000000000000e-15)
        assertAmount(1_750_000_000_000_000L, -15, usd(15, -1).add(usd(25, -2)));
        // -89.98 + -9.98003992015968 = -99.96003992015968, as in the oracle's partial payment
        STAmount sum = STAmount.fromJson(Json.iou("-89.98", "USD", Json.ISSUER.toAddress(NetworkProfile.STOXUM)),
                NetworkProfile.STOXUM).add(usd(-998003992015968L, -14));
        assertEquals("-99.96003992015968", sum.valueText());
    }

    @Test
    void sumsWithinTenUnitsOfTheLastPlaceAreZero() {
        // 1000000000000001e-15 - 1e0: aligned mantissas differ by 1 -> zero, not 1e-15
        assertTrue(usd(1_000_000_000_000_001L, -15).subtract(usd(1, 0)).isZero());
        assertTrue(usd(1_000_000_000_000_010L, -15).subtract(usd(1, 0)).isZero());
        // a difference of 11 survives: 11e-15 -> 1100000000000000e-29
        assertAmount(1_100_000_000_000_000L, -29, usd(1_000_000_000_000_011L, -15).subtract(usd(1, 0)));
        assertEquals(-100, usd(3, 0).subtract(usd(3, 0)).exponent());
    }

    @Test
    void addKeepsTheLeftIssue() {
        Issue other = new Issue(USD.currency(), AccountId.ONE);
        STAmount a = STAmount.zero(USD).add(STAmount.of(other, 5, 0, false));
        assertEquals(USD, a.issue());
        assertAmount(5_000_000_000_000_000L, -15, a);
        assertEquals(USD, usd(1, 0).add(STAmount.of(other, 1, 0, false)).issue());
    }

    @Test
    void addRefusesMixedCurrenciesAndOverflow() {
        assertThrows(CodecException.class, () -> usd(1, 0).add(STAmount.of(EUR, 1, 0, false)));
        assertThrows(CodecException.class, () -> usd(1, 0).add(STAmount.ofDrops(1)));
        STAmount max = usd(9_999_999_999_999_999L, 80);
        assertThrows(CodecException.class, () -> max.add(max));
    }

    @Test
    void nativeAdd() {
        assertEquals(-2, STAmount.ofDrops(5).add(STAmount.ofDrops(-7)).drops());
        assertEquals(12, STAmount.ofDrops(5).subtract(STAmount.ofDrops(-7)).drops());
        // zero + x rebuilds x canonically, which range-checks it
        STAmount big = STAmount.ofDrops(STAmount.MAX_NATIVE_DROPS + 1);
        assertThrows(CodecException.class, () -> STAmount.ofDrops(0).add(big));
        assertEquals(STAmount.MAX_NATIVE_DROPS + 2, STAmount.ofDrops(1).add(big).drops());
    }

    @Test
    void comparisonsIgnoreTheIssuerButNotTheCurrency() {
        STAmount a = STAmount.of(new Issue(USD.currency(), AccountId.ONE), 1, 0, false);
        assertEquals(0, a.compareTo(usd(1, 0)));
        assertTrue(a.valueEquals(usd(1, 0)));
        assertTrue(!a.equals(usd(1, 0)));
        assertTrue(usd(-1, 0).compareTo(STAmount.zero(USD)) < 0);
        assertTrue(STAmount.zero(USD).compareTo(usd(1, -81)) < 0);
        assertTrue(usd(-2, 0).compareTo(usd(-1, 0)) < 0);
        assertTrue(usd(2, 0).compareTo(usd(19, -1)) > 0);
        assertThrows(CodecException.class, () -> usd(1, 0).compareTo(STAmount.of(EUR, 1, 0, false)));
        assertAmount(1_000_000_000_000_000L, -15, STAmount.min(usd(1, 0), usd(2, 0)));
        assertAmount(-2_000_000_000_000_000L, -15, STAmount.min(usd(1, 0), usd(-2, 0)));
        assertAmount(2_000_000_000_000_000L, -15, STAmount.max(usd(1, 0), usd(2, 0)));
        assertAmount(2_000_000_000_000_000L, -15, usd(-2, 0).abs());
        assertTrue(STAmount.zero(USD).negate().equals(STAmount.zero(USD)));
    }

    // ------------------------------------------------------------------ multiply / divide

    @Test
    void multiply() {
        // 1e15 * 1e15 / 1e14 = 1e16, +7 -> 10000000000000007e-16 -> 1000000000000000e-15
        assertAmount(1_000_000_000_000_000L, -15, AmountMath.multiply(usd(1, 0), usd(1, 0), USD));
        // 3333333333333333^2 / 1e14 = 111111111111111088, +7 = ...095 at e-18 -> 1111111111111110e-16
        STAmount third = usd(3_333_333_333_333_333L, -16);
        assertAmount(1_111_111_111_111_110L, -16, AmountMath.multiply(third, third, USD));
        // 5 drops -> 5e15e-15; 5e15 * 2e15 / 1e14 = 1e17, +7 -> 1e15e-14 = 10 USD
        assertAmount(1_000_000_000_000_000L, -14, AmountMath.multiply(STAmount.ofDrops(5), usd(2, 0), USD));
        // into the native issue: 10 USD * 0.5 = 5 drops
        assertEquals(5, AmountMath.multiply(usd(10, 0), usd(5, -1), Issue.NATIVE).drops());
        assertTrue(AmountMath.multiply(usd(0, 0), usd(5, -1), EUR).isZero());
        assertEquals(EUR, AmountMath.multiply(usd(0, 0), usd(5, -1), EUR).issue());
    }

    @Test
    void nativeTimesNativeIsIntegerMultiplication() {
        assertEquals(12, AmountMath.multiply(STAmount.ofDrops(3), STAmount.ofDrops(4), Issue.NATIVE).drops());
        assertEquals(9_000_000_000_000_000_000L,
                AmountMath.multiply(STAmount.ofDrops(3_000_000_000L), STAmount.ofDrops(3_000_000_000L),
                        Issue.NATIVE).drops());
        // a negative factor reads as a huge unsigned number
        assertThrows(CodecException.class,
                () -> AmountMath.multiply(STAmount.ofDrops(-1), STAmount.ofDrops(5), Issue.NATIVE));
        assertThrows(CodecException.class,
                () -> AmountMath.multiply(STAmount.ofDrops(3_000_000_001L), STAmount.ofDrops(3_000_000_001L),
                        Issue.NATIVE));
        // (2^62 >> 32) * 1000 > 2095475792
        assertThrows(CodecException.class,
                () -> AmountMath.mulRound(STAmount.ofDrops(1000), STAmount.ofDrops(1L << 62), Issue.NATIVE, true,
                        BOTH));
    }

    @Test
    void divide() {
        // 1e15 * 1e17 / 3e15 = 33333333333333333, +5 -> ...338e-17 -> 3333333333333333e-16
        assertAmount(3_333_333_333_333_333L, -16, AmountMath.divide(usd(1, 0), usd(3, 0), USD));
        // 2e32 / 3e15 = 66666666666666666, +5 -> ...671e-17 -> 6666666666666667e-16
        assertAmount(6_666_666_666_666_667L, -16, AmountMath.divide(usd(2, 0), usd(3, 0), USD));
        assertAmount(-6_666_666_666_666_667L, -16, AmountMath.divide(usd(-2, 0), usd(3, 0), USD));
        assertThrows(CodecException.class, () -> AmountMath.divide(usd(1, 0), STAmount.zero(USD), USD));
        assertTrue(AmountMath.divide(STAmount.zero(USD), usd(3, 0), USD).isZero());
        // 4.6e18 drops scaled stays 4.6e18; * 1e17 / 1e15 does not fit 64 bits
        assertThrows(CodecException.class,
                () -> AmountMath.divide(STAmount.ofDrops(4_600_000_000_000_000_000L), usd(1, 0), USD));
    }

    @Test
    void roundedMultiplyAndDivide() {
        STAmount third = usd(3_333_333_333_333_333L, -16);
        // down: 111111111111111088e-18 -> 1111111111111110e-16
        assertAmount(1_111_111_111_111_110L, -16, AmountMath.mulRound(third, third, USD, false, BOTH));
        // up: ceil = 111111111111111089e-18 -> /10 = 11111111111111108e-17, +9, /10 -> 1111111111111111e-16
        assertAmount(1_111_111_111_111_111L, -16, AmountMath.mulRound(third, third, USD, true, BOTH));
        // negative result rounded down goes away from zero: 3333333333333333 * 3e15 / 1e14 = 99999999999999990
        // exactly; +9, /10 -> 9999999999999999e-16
        assertAmount(-9_999_999_999_999_999L, -16,
                AmountMath.mulRound(usd(-3_333_333_333_333_333L, -16), usd(3, 0), USD, false, BOTH));
        // 1/3 up: ceil(1e32 / 3e15) = 33333333333333334e-17, +9, /10 -> 3333333333333334e-16
        assertAmount(3_333_333_333_333_334L, -16, AmountMath.divRound(usd(1, 0), usd(3, 0), USD, true, BOTH));
        assertAmount(3_333_333_333_333_333L, -16, AmountMath.divRound(usd(1, 0), usd(3, 0), USD, false, BOTH));
        assertAmount(-3_333_333_333_333_334L, -16, AmountMath.divRound(usd(-1, 0), usd(3, 0), USD, false, BOTH));
    }

    @Test
    void roundingAwayFromZeroCanFallShort() {
        // 1000569818411116 / -1000000000001597, "down" (away from zero for a negative result):
        // ceil(1000569818411116e17 / 1000000000001597) = 100056981840951809 (18 digits) e-17; rippled first
        // truncates to 10005698184095180e-16, then adds 9 and divides: 1000569818409518e-15, which is
        // closer to zero than the exact -1.00056981840951808999...
        STAmount q = AmountMath.divRound(usd(1_000_569_818_411_116L, 0), usd(-1_000_000_000_001_597L, 0), USD,
                false, BOTH);
        assertAmount(-1_000_569_818_409_518L, -15, q);
    }

    @Test
    void roundingIntoDrops() {
        // 2 USD * 1e7 into drops, up: 2e16e-9; eight divisions -> 2e8e-1, +9, /10 -> 20000000
        STAmount rate = AmountMath.amountFromQuality(0x5C038D7EA4C68000L);
        assertEquals(20_000_000, AmountMath.mulRound(usd(2, 0), rate, Issue.NATIVE, true, BOTH).drops());
        // 1.5 drops' worth: 15e-1 USD * 1 -> 1.5e16e-16: up gives 2, down gives 1
        STAmount one = usd(1, 0);
        assertEquals(2, AmountMath.mulRound(usd(15, -1), one, Issue.NATIVE, true, BOTH).drops());
        assertEquals(1, AmountMath.mulRound(usd(15, -1), one, Issue.NATIVE, false, BOTH).drops());
        // exactly 1 drop, 1e16e-16: fifteen divisions give 10e-1, +9 (loops >= 2), /10 -> 1
        assertEquals(1, AmountMath.mulRound(usd(1, 0), one, Issue.NATIVE, true, BOTH).drops());
        // exactly 1e15 drops, 1e16e-1: no division loop, so rippled adds 10, not 9 -> 1000000000000001
        assertEquals(1_000_000_000_000_001L,
                AmountMath.mulRound(one, usd(1, 15), Issue.NATIVE, true, BOTH).drops());
        // 0.1 * 1e15 = 1e16e-2: one division loop -> 1e15e-1, still +10, /10 -> 100000000000001
        assertEquals(100_000_000_000_001L,
                AmountMath.mulRound(usd(1, -1), usd(1, 15), Issue.NATIVE, true, BOTH).drops());
        // 0.01 * 1e15 = 1e16e-3: two loops -> +9 -> exactly 10000000000000
        assertEquals(10_000_000_000_000L,
                AmountMath.mulRound(usd(1, -2), usd(1, 15), Issue.NATIVE, true, BOTH).drops());
    }

    @Test
    void switchoversDecideWhatATinyRoundedUpResultBecomes() {
        STAmount tiny = usd(1, -81); // 1000000000000000e-96
        // product 1e16e-178 -> rounded 1e15e-177 -> below the range -> zero
        assertTrue(AmountMath.mulRound(tiny, tiny, USD, true, CalcSwitchover.NONE).isZero());
        assertAmount(1_000_000_000_000_000L, -96, AmountMath.mulRound(tiny, tiny, USD, true, CalcSwitchover.FIRST));
        assertAmount(1_000_000_000_000_000L, -96, AmountMath.mulRound(tiny, tiny, USD, true, BOTH));
        assertTrue(AmountMath.mulRound(tiny, tiny, USD, false, BOTH).isZero());
        // into drops: 176 divisions leave 0, +9, /10 -> 0
        assertTrue(AmountMath.mulRound(tiny, tiny, Issue.NATIVE, true, CalcSwitchover.NONE).isZero());
        assertTrue(AmountMath.mulRound(tiny, tiny, Issue.NATIVE, true, CalcSwitchover.FIRST).isZero());
        assertEquals(1, AmountMath.mulRound(tiny, tiny, Issue.NATIVE, true, BOTH).drops());
        assertEquals(1, AmountMath.divRound(tiny, usd(1, 80), Issue.NATIVE, true, BOTH).drops());
        assertTrue(AmountMath.divRound(tiny, usd(1, 80), USD, true, CalcSwitchover.NONE).isZero());
        assertAmount(1_000_000_000_000_000L, -96, AmountMath.divRound(tiny, usd(1, 80), USD, true, BOTH));
    }

    @Test
    void switchoverTimes() {
        assertEquals(CalcSwitchover.NONE, CalcSwitchover.forCloseTime(0));
        assertEquals(CalcSwitchover.NONE, CalcSwitchover.forCloseTime(504_640_800L));
        assertEquals(CalcSwitchover.FIRST, CalcSwitchover.forCloseTime(504_640_801L));
        assertEquals(CalcSwitchover.FIRST, CalcSwitchover.forCloseTime(509_864_400L));
        assertEquals(CalcSwitchover.BOTH, CalcSwitchover.forCloseTime(509_864_401L));
    }

    // ------------------------------------------------------------------ rates and qualities

    @Test
    void offerRates() {
        // 50000000 drops for 5 USD (the oracle's offer, quality "10000000")
        STAmount five = usd(5, 0);
        assertEquals(0x5C038D7EA4C68000L, AmountMath.getRate(five, STAmount.ofDrops(50_000_000)));
        // 30000000 drops for 2 USD: its BookDirectory ends in 5C05543DF729C000
        assertEquals(0x5C05543DF729C000L, AmountMath.getRate(usd(2, 0), STAmount.ofDrops(30_000_000)));
        // rippled's uRateOne
        assertEquals(0x55038D7EA4C68000L, AmountMath.getRate(STAmount.ofDrops(1), STAmount.ofDrops(1)));
        assertEquals("10000000", AmountMath.amountFromQuality(0x5C038D7EA4C68000L).valueText());
        assertEquals(Issue.NO_ISSUE, AmountMath.amountFromQuality(0x5C038D7EA4C68000L).issue());
        assertEquals(0, AmountMath.getRate(STAmount.zero(USD), five));
        assertEquals(0, AmountMath.getRate(five, STAmount.zero(USD)));
        // 9999999999999999e80 / 1000000000000000e-96 overflows: rate 0
        assertEquals(0, AmountMath.getRate(usd(1, -81), usd(9_999_999_999_999_999L, 80)));
        assertTrue(AmountMath.amountFromQuality(0).isZero());
    }

    @Test
    void transferRates() {
        Rate rate = new Rate(1_002_000_000);
        STAmount ten = usd(10, 0);
        // 1e32 / 1.002e15 = 99800399201596806.38; down -> 9980039920159680e-15, the oracle's delivered amount
        assertEquals("9.98003992015968", rate.divideRound(ten, false, BOTH).valueText());
        assertEquals("9.980039920159681", rate.divideRound(ten, true, BOTH).valueText());
        // plain divide adds 5 before dropping the last digit: ...806 + 5 -> 9980039920159681
        assertEquals("9.980039920159681", rate.divide(ten).valueText());
        // 1e15 * 1.002e15 / 1e14 = 1.002e16, +7 -> 1002000000000000e-14
        assertEquals("10.02", rate.multiply(ten).valueText());
        assertEquals("10.02", rate.multiplyRound(ten, true, BOTH).valueText());
        // into drops, up: 1.002e16e-15; fourteen divisions truncate to 100e-1, +9, /10 -> 10 (not 11)
        assertEquals(10, rate.multiplyRound(ten, Issue.NATIVE, true, BOTH).drops());
        assertSame(ten, Rate.PARITY.multiply(ten));
        assertSame(ten, Rate.PARITY.divideRound(ten, true, BOTH));
        assertAmount(1_002_000_000_000_000L, -15, rate.asAmount());
        assertTrue(new Rate(0xFFFF_FFFF).compareTo(rate) > 0);
    }

    @Test
    void qualities() {
        Quality q = new Quality(0x5C038D7EA4C68000L);
        Quality one = new Quality(0x55038D7EA4C68000L);
        assertEquals(q, Quality.composed(q, one, BOTH));
        assertTrue(q.higher().compareTo(q) > 0);
        assertTrue(q.lower().compareTo(q) < 0);
        assertTrue(one.compareTo(q) > 0);
        // 1234567890123456 to 5 digits, upwards: 1234600000000000
        Quality raw = new Quality((90L << 56) | 1_234_567_890_123_456L);
        assertEquals((90L << 56) | 1_234_600_000_000_000L, raw.round(5).value());
        assertEquals(raw, raw.round(16));
        assertEquals(q, Quality.of(usd(5, 0), STAmount.ofDrops(50_000_000)));

        Amounts offer = new Amounts(STAmount.ofDrops(50_000_000), usd(5, 0));
        // out limited to 2 USD: in = 2 USD * 1e7 rounded up into drops = 20000000
        Amounts out = q.ceilOut(offer, usd(2, 0), BOTH);
        assertEquals(20_000_000, out.in().drops());
        assertAmount(2_000_000_000_000_000L, -15, out.out());
        // in limited to 30000000 drops: out = 3e15e-8 * 1e17 / 1e15e-8 rounded up -> 3 USD
        Amounts in = q.ceilIn(offer, STAmount.ofDrops(30_000_000), BOTH);
        assertAmount(3_000_000_000_000_000L, -15, in.out());
        assertSame(offer, q.ceilIn(offer, STAmount.ofDrops(50_000_000), BOTH));
        assertTrue(new Amounts(STAmount.ofDrops(0), usd(1, 0)).empty());
        assertTrue(!offer.empty());
    }

    @Test
    void rippledIssuesAndBadCurrency() {
        assertEquals("0000000000000000000000000000000000000001", Issue.NO_ISSUE.currency().toString());
        assertEquals("0000000000000000000000000000000000000001", Issue.NO_ISSUE.account().toString());
        assertEquals(Hex.encode(new byte[20]), Issue.NATIVE.account().toString());
    }
}
