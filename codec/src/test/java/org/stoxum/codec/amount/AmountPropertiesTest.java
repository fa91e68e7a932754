package org.stoxum.codec.amount;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;

/** Invariants of the amount arithmetic and codecs over generated values. */
class AmountPropertiesTest {
    private static final Issue USD = AmountMathTest.USD;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<STAmount> issued() {
        Arbitrary<Long> mantissa = Arbitraries.longs().between(STAmount.MIN_MANTISSA, STAmount.MAX_MANTISSA)
                .edgeCases(c -> c.includeOnly(STAmount.MIN_MANTISSA, STAmount.MAX_MANTISSA));
        Arbitrary<Integer> exponent = Arbitraries.integers().between(STAmount.MIN_EXPONENT, STAmount.MAX_EXPONENT);
        return Combinators.combine(mantissa, exponent, Arbitraries.of(true, false))
                .as((m, e, neg) -> STAmount.of(USD, m, e, neg));
    }

    @Provide
    Arbitrary<STAmount> issuedOrZero() {
        return Arbitraries.oneOf(issued(), Arbitraries.just(STAmount.zero(USD)));
    }

    /** Issued values of middling size whose products and quotients stay in range. */
    @Provide
    Arbitrary<STAmount> moderate() {
        Arbitrary<Long> mantissa = Arbitraries.longs().between(STAmount.MIN_MANTISSA, STAmount.MAX_MANTISSA);
        Arbitrary<Integer> exponent = Arbitraries.integers().between(-40, 20);
        return Combinators.combine(mantissa, exponent, Arbitraries.of(true, false))
                .as((m, e, neg) -> STAmount.of(USD, m, e, neg));
    }

    @Provide
    Arbitrary<STAmount> drops() {
        return Arbitraries.longs().between(-STAmount.MAX_NATIVE_DROPS, STAmount.MAX_NATIVE_DROPS)
                .map(STAmount::ofDrops);
    }

    private static BigDecimal exact(STAmount a) {
        BigDecimal v = new BigDecimal(new BigInteger(Long.toUnsignedString(a.mantissa())), -a.exponent());
        return a.isNegative() ? v.negate() : v;
    }

    private static void assertCanonical(STAmount a) {
        if (a.isNative()) {
            assertEquals(0, a.exponent());
            assertTrue(a.isLegalNet());
        } else if (a.isZero()) {
            assertEquals(-100, a.exponent());
            assertTrue(!a.isNegative());
        } else {
            assertTrue(a.mantissa() >= STAmount.MIN_MANTISSA && a.mantissa() <= STAmount.MAX_MANTISSA, a::toString);
            assertTrue(a.exponent() >= STAmount.MIN_EXPONENT && a.exponent() <= STAmount.MAX_EXPONENT, a::toString);
        }
    }

    // ------------------------------------------------------------------ 128-bit helper

    @Property
    void mulDivMatchesBigInteger(@ForAll long a, @ForAll long b, @ForAll long divisor, @ForAll long rounding) {
        BigInteger exact = new BigInteger(Long.toUnsignedString(a)).multiply(new BigInteger(Long.toUnsignedString(b)))
                .add(new BigInteger(Long.toUnsignedString(rounding)));
        BigInteger d = new BigInteger(Long.toUnsignedString(divisor));
        if (d.signum() == 0 || exact.divide(d).compareTo(TWO_64) >= 0) {
            assertThrowsCodec(() -> UInt128.mulDiv(a, b, divisor, rounding));
        } else {
            assertEquals(exact.divide(d).longValue(), UInt128.mulDiv(a, b, divisor, rounding));
        }
    }

    // ------------------------------------------------------------------ codecs

    @Property
    void bytesRoundTrip(@ForAll("issuedOrZero") STAmount a) {
        byte[] bytes = a.toBytes();
        assertEquals(48, bytes.length);
        assertEquals(a, STAmount.fromBytes(bytes, 0));
    }

    @Property
    void nativeBytesRoundTrip(@ForAll("drops") STAmount a) {
        byte[] bytes = a.toBytes();
        assertEquals(STAmount.encodedLength(bytes[0]), bytes.length);
        assertEquals(a, STAmount.fromBytes(bytes, 0));
    }

    @Property
    void jsonRoundTrip(@ForAll("issuedOrZero") STAmount a, @ForAll NetworkProfile profile) {
        assertEquals(a, STAmount.fromJson(a.toJson(profile), profile));
    }

    @Property
    void nativeJsonRoundTrip(@ForAll("drops") STAmount a, @ForAll NetworkProfile profile) {
        assertEquals(a, STAmount.fromJson(a.toJson(profile), profile));
    }

    @Property
    void textIsTheExactValue(@ForAll("issued") STAmount a) {
        assertEquals(0, exact(a).compareTo(new BigDecimal(a.valueText())));
    }

    /** Any 48 bytes either read back to themselves or fail with the codec's error. */
    @Property(tries = 3000)
    void randomBytes(@ForAll @Size(48) byte[] bytes, @ForAll boolean nativeHeader, @ForAll boolean issuedLooking) {
        if (nativeHeader) {
            bytes[0] &= 0x7F;
        } else if (issuedLooking) {
            // sign and a plausible exponent: bits 61..54 near 97 so that range checks are reached
            bytes[0] = (byte) ((bytes[0] & 0xC0) | 0x80 | 0x14 | (bytes[0] & 0x03));
        }
        try {
            STAmount a = STAmount.fromBytes(bytes, 0);
            byte[] back = a.toBytes();
            byte[] prefix = Arrays.copyOf(bytes, back.length);
            assertArrayEquals(prefix, back);
            assertCanonicalOrRawNative(a);
        } catch (CodecException expected) {
            // the only permitted failure
        }
    }

    @Property
    void shortOrMisplacedInputFailsCleanly(@ForAll @Size(max = 60) byte[] bytes, @ForAll @IntRange(min = -2, max = 70) int offset) {
        try {
            STAmount a = STAmount.fromBytes(bytes, offset);
            assertTrue(offset >= 0 && offset + STAmount.encodedLength(bytes[offset]) <= bytes.length);
            assertCanonicalOrRawNative(a);
        } catch (CodecException expected) {
            // the only permitted failure
        }
    }

    private static void assertCanonicalOrRawNative(STAmount a) {
        if (!a.isNative()) {
            assertCanonical(a);
        }
    }

    @Property(tries = 2000)
    void randomJsonTextFailsCleanly(@ForAll @Size(max = 40) String text, @ForAll NetworkProfile profile) {
        for (String candidate : new String[] {text, "1" + text, text + "e5"}) {
            try {
                assertCanonical(STAmount.fromJson(Json.text(candidate), profile));
                assertCanonical(STAmount.fromJson(Json.iou(candidate, "USD", Json.ISSUER.toAddress(profile)), profile));
            } catch (CodecException expected) {
                // the only permitted failure
            }
        }
    }

    @Property
    void numericTextParsesToTheTruncatedValue(@ForAll @LongRange(min = 0) long digits, @ForAll @IntRange(min = -120, max = 100) int exp,
                                              @ForAll boolean negative) {
        String text = (negative ? "-" : "") + digits + "e" + exp;
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(digits), -exp);
        STAmount a;
        try {
            a = STAmount.fromJson(Json.iou(text, "USD", Json.ISSUER.toAddress(NetworkProfile.STOXUM)),
                    NetworkProfile.STOXUM);
        } catch (CodecException overflow) {
            assertTrue(exact.compareTo(new BigDecimal("1e96")) >= 0, text);
            return;
        }
        assertCanonical(a);
        BigDecimal truncated = exact.round(new MathContext(16, RoundingMode.DOWN));
        if (truncated.compareTo(new BigDecimal("1e-81")) < 0) {
            assertTrue(a.isZero(), text);
        } else {
            assertEquals(0, (negative ? truncated.negate() : truncated).compareTo(exact(a)), text);
        }
    }

    // ------------------------------------------------------------------ arithmetic

    @Property
    void orderMatchesTheExactValues(@ForAll("issuedOrZero") STAmount a, @ForAll("issuedOrZero") STAmount b) {
        assertEquals(Integer.signum(exact(a).compareTo(exact(b))), a.compareTo(b));
        assertEquals(a.compareTo(b), -b.compareTo(a));
    }

    @Property
    void nativeOrderMatchesDrops(@ForAll("drops") STAmount a, @ForAll("drops") STAmount b) {
        assertEquals(Long.signum(Long.compare(a.drops(), b.drops())), a.compareTo(b));
    }

    @Property
    void exactSumsUndoExactly(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long x,
                              @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long y,
                              @ForAll @IntRange(min = -60, max = 60) int e) {
        STAmount a = STAmount.of(USD, Math.abs(x), e, x < 0);
        STAmount b = STAmount.of(USD, Math.abs(y), e, y < 0);
        STAmount sum = a.add(b);
        assertCanonical(sum);
        assertEquals(0, exact(a).add(exact(b)).compareTo(exact(sum)));
        assertTrue(sum.subtract(b).valueEquals(a), () -> a + " + " + b);
        assertTrue(sum.valueEquals(b.add(a)));
    }

    @Property
    void nativeSumsUndoExactly(@ForAll("drops") STAmount a, @ForAll("drops") STAmount b) {
        STAmount sum = a.add(b);
        assertEquals(a.drops() + b.drops(), sum.drops());
        assertEquals(a.drops(), sum.subtract(b).drops());
    }

    @Property
    void sumsAreCanonicalAndClose(@ForAll("issued") STAmount a, @ForAll("issued") STAmount b) {
        STAmount sum;
        try {
            sum = a.add(b);
        } catch (CodecException overflow) {
            assertTrue(exact(a).add(exact(b)).abs().compareTo(new BigDecimal("9.999999999999999e95")) > 0);
            return;
        }
        assertCanonical(sum);
        BigDecimal error = exact(sum).subtract(exact(a).add(exact(b))).abs();
        if (sum.isZero() && error.compareTo(new BigDecimal("1e-81")) < 0) {
            return; // underflow below the smallest issued amount
        }
        BigDecimal ulp = BigDecimal.ONE.scaleByPowerOfTen(Math.max(a.exponent(), b.exponent()));
        // truncation while aligning and canonicalising loses at most a few units of the larger last place
        assertTrue(error.compareTo(ulp.multiply(BigDecimal.valueOf(12))) <= 0, () -> a + " + " + b + " = " + sum);
        assertTrue(a.negate().negate().equals(a));
        assertTrue(a.subtract(a).isZero());
    }

    @Property
    void productsAndQuotientsAreCanonicalAndAccurate(@ForAll("moderate") STAmount a, @ForAll("moderate") STAmount b,
                                                     @ForAll CalcSwitchover so) {
        BigDecimal product = exact(a).multiply(exact(b));
        BigDecimal quotient = exact(a).divide(exact(b), MathContext.DECIMAL128);
        check(product, AmountMath.multiply(a, b, USD), null);
        check(product, AmountMath.mulRound(a, b, USD, false, so), Boolean.FALSE);
        check(product, AmountMath.mulRound(a, b, USD, true, so), Boolean.TRUE);
        check(quotient, AmountMath.divide(a, b, USD), null);
        check(quotient, AmountMath.divRound(a, b, USD, false, so), Boolean.FALSE);
        check(quotient, AmountMath.divRound(a, b, USD, true, so), Boolean.TRUE);
        assertTrue(AmountMath.multiply(a, b, USD).valueEquals(AmountMath.multiply(b, a, USD)));
    }

    /**
     * Within 2 units of the 16th digit. Only truncation toward zero (positive results rounded down,
     * negative ones rounded up) is guaranteed to be on the exact value's safe side: rounding away from
     * zero first truncates an 18-digit intermediate in rippled, so it can land short (see
     * {@code AmountMathTest.roundingAwayFromZeroCanFallShort}).
     */
    private static void check(BigDecimal exactValue, STAmount result, Boolean roundUp) {
        assertCanonical(result);
        BigDecimal r = exact(result);
        BigDecimal tolerance = exactValue.abs().multiply(new BigDecimal("2e-15"));
        assertTrue(r.subtract(exactValue).abs().compareTo(tolerance) <= 0, () -> exactValue + " vs " + result);
        if (roundUp != null && (exactValue.signum() > 0) != roundUp) {
            assertTrue(r.abs().compareTo(exactValue.abs()) <= 0, () -> exactValue + " truncated to " + result);
        }
    }

    @Property
    void roundingUpNeverGivesLessThanRoundingDown(@ForAll("moderate") STAmount a, @ForAll("moderate") STAmount b,
                                                  @ForAll CalcSwitchover so) {
        assertTrue(AmountMath.mulRound(a, b, USD, true, so).compareTo(AmountMath.mulRound(a, b, USD, false, so)) >= 0);
        assertTrue(AmountMath.divRound(a, b, USD, true, so).compareTo(AmountMath.divRound(a, b, USD, false, so)) >= 0);
        if (exact(a).multiply(exact(b)).abs().compareTo(BigDecimal.valueOf(STAmount.MAX_NATIVE_DROPS)) < 0) {
            STAmount upDrops = AmountMath.mulRound(a.abs(), b.abs(), Issue.NATIVE, true, so);
            STAmount downDrops = AmountMath.mulRound(a.abs(), b.abs(), Issue.NATIVE, false, so);
            assertTrue(upDrops.drops() >= downDrops.drops());
        }
    }

    @Property
    void ratesRoundTripThroughQualities(@ForAll("issued") STAmount out, @ForAll("issued") STAmount in) {
        long rate = AmountMath.getRate(out.abs(), in.abs());
        if (rate == 0) {
            return;
        }
        STAmount r = AmountMath.amountFromQuality(rate);
        assertEquals(rate, ((long) (r.exponent() + 100) << 56) | r.mantissa());
        assertTrue(r.valueEquals(AmountMath.divide(in.abs(), out.abs(), Issue.NO_ISSUE)));
    }

    private static void assertThrowsCodec(Runnable r) {
        try {
            r.run();
        } catch (CodecException expected) {
            return;
        }
        throw new AssertionError("expected CodecException");
    }
}
