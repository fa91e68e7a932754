package org.stoxum.codec.amount;

import com.fasterxml.jackson.databind.JsonNode;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;

/**
 * An amount of the native currency (whole drops) or of an issued currency (a decimal floating-point
 * number of 16 significant digits), exactly as rippled's {@code STAmount} holds it.
 *
 * <p>The mantissa is an unsigned 64-bit number kept in a {@code long}; it is only ever compared and
 * printed as unsigned. Issued amounts are canonical: zero, or mantissa in
 * [{@link #MIN_MANTISSA}, {@link #MAX_MANTISSA}] with exponent in [{@link #MIN_EXPONENT},
 * {@link #MAX_EXPONENT}]; their zero has exponent -100 so that it sorts below every positive value.
 * Native amounts have exponent 0.
 *
 * <p>Instances are immutable. {@link #equals} is structural (issuer included); rippled's own
 * {@code operator==}, which ignores the issuer, is {@link #valueEquals}.
 */
public final class STAmount implements Comparable<STAmount> {
    public static final int MIN_EXPONENT = -96;
    public static final int MAX_EXPONENT = 80;
    public static final long MIN_MANTISSA = 1_000_000_000_000_000L;
    public static final long MAX_MANTISSA = 9_999_999_999_999_999L;
    /** The most drops a JSON amount or a canonicalised native result may hold ({@code cMaxNativeN}). */
    public static final long MAX_NATIVE_DROPS = 100_000_000_000_000_000L;
    /** Exponent rippled gives every issued zero. */
    static final int ZERO_EXPONENT = -100;

    private static final long NOT_NATIVE_BIT = 0x8000_0000_0000_0000L;
    private static final long POSITIVE_BIT = 0x4000_0000_0000_0000L;
    private static final int NATIVE_LENGTH = 8;
    private static final int ISSUED_LENGTH = 48;

    private final long mantissa;
    private final int exponent;
    private final boolean negative;
    private final boolean nativeAmount;
    private final Issue issue;

    private STAmount(Issue issue, long mantissa, int exponent, boolean nativeAmount, boolean negative) {
        this.issue = issue;
        this.mantissa = mantissa;
        this.exponent = exponent;
        this.nativeAmount = nativeAmount;
        this.negative = negative;
    }

    // ------------------------------------------------------------------ construction

    /**
     * A native amount of {@code drops}, taken as is (rippled's {@code STAmount(int64)}: no range check;
     * {@link #isLegalNet} tells whether it fits the network).
     */
    public static STAmount ofDrops(long drops) {
        return new STAmount(Issue.NATIVE, drops < 0 ? -drops : drops, 0, true, drops < 0);
    }

    /**
     * The canonical amount {@code (negative ? -1 : 1) * mantissa * 10^exponent} of {@code c} issued by
     * {@code issuer}; {@code c} native gives a native amount (drops). Underflow gives zero.
     *
     * @param mantissa unsigned 64-bit
     * @throws CodecException when the value is too large to represent
     */
    public static STAmount issued(long mantissa, int exponent, boolean negative, Currency c, AccountId issuer) {
        return of(new Issue(c, issuer), mantissa, exponent, negative);
    }

    /** Zero of the issue (exponent -100 when issued, 0 when native). */
    public static STAmount zero(Currency c, AccountId issuer) {
        return zero(new Issue(c, issuer));
    }

    /** Zero of the issue (rippled's {@code STAmount(Issue)}). */
    public static STAmount zero(Issue issue) {
        return issue.isNative()
                ? new STAmount(issue, 0, 0, true, false)
                : new STAmount(issue, 0, ZERO_EXPONENT, false, false);
    }

    /**
     * rippled's checked constructor: brings {@code mantissa * 10^exponent} into canonical form for the
     * issue. Native values are scaled to exponent 0 (digits below a drop are cut off) and must not
     * exceed {@link #MAX_NATIVE_DROPS}; the scaling wraps in 64 bits exactly as the C++ does.
     *
     * @param mantissa unsigned 64-bit
     * @throws CodecException for a native value above {@link #MAX_NATIVE_DROPS} or an issued value whose
     *         exponent would exceed {@link #MAX_EXPONENT}
     */
    public static STAmount of(Issue issue, long mantissa, int exponent, boolean negative) {
        if (issue.isNative()) {
            return canonicalNative(issue, mantissa, exponent, negative);
        }
        if (mantissa == 0) {
            return zero(issue);
        }
        long value = mantissa;
        int offset = exponent;
        while (Long.compareUnsigned(value, MIN_MANTISSA) < 0 && offset > MIN_EXPONENT) {
            value *= 10;
            offset--;
        }
        while (Long.compareUnsigned(value, MAX_MANTISSA) > 0) {
            if (offset >= MAX_EXPONENT) {
                throw CodecException.invalid("issued amount overflow");
            }
            value = Long.divideUnsigned(value, 10);
            offset++;
        }
        if (offset < MIN_EXPONENT || Long.compareUnsigned(value, MIN_MANTISSA) < 0) {
            return zero(issue);
        }
        if (offset > MAX_EXPONENT) {
            throw CodecException.invalid("issued amount overflow");
        }
        return new STAmount(issue, value, offset, false, negative);
    }

    private static STAmount canonicalNative(Issue issue, long mantissa, int exponent, boolean negative) {
        if (mantissa == 0) {
            return new STAmount(issue, 0, 0, true, false);
        }
        long value = mantissa;
        // Past 20 divisions any 64-bit value is 0, and past 64 multiplications by ten it is 0 modulo
        // 2^64, so the C++ loops (which may run billions of times) are cut short with the same result.
        if (exponent < 0) {
            for (long i = Math.min(20L, -(long) exponent); i > 0; i--) {
                value = Long.divideUnsigned(value, 10);
            }
        } else {
            for (int i = Math.min(64, exponent); i > 0; i--) {
                value *= 10;
            }
        }
        if (Long.compareUnsigned(value, MAX_NATIVE_DROPS) > 0) {
            throw CodecException.invalid("native amount out of range");
        }
        // A value scaled down to nothing keeps its sign, as in rippled (only JSON parsing re-canonicalises).
        return new STAmount(issue, value, 0, true, negative);
    }

    /**
     * rippled's unchecked constructor: takes the parts as they are. For conversions from values that
     * are canonical by construction (qualities, {@link IOUAmount}).
     */
    static STAmount unchecked(Issue issue, long mantissa, int exponent, boolean nativeAmount,
                              boolean negative) {
        return new STAmount(issue, mantissa, exponent, nativeAmount, negative);
    }

    // ------------------------------------------------------------------ observers

    public boolean isNative() {
        return nativeAmount;
    }

    /**
     * The signed number of drops of a native amount.
     *
     * @throws IllegalStateException for an issued amount
     */
    public long drops() {
        if (!nativeAmount) {
            throw new IllegalStateException("an issued amount has no drops");
        }
        return negative ? -mantissa : mantissa;
    }

    /** The unsigned 64-bit mantissa (drops when native). */
    public long mantissa() {
        return mantissa;
    }

    public int exponent() {
        return exponent;
    }

    public boolean isNegative() {
        return negative;
    }

    public boolean isZero() {
        return mantissa == 0;
    }

    public int signum() {
        return mantissa == 0 ? 0 : negative ? -1 : 1;
    }

    public Issue issue() {
        return issue;
    }

    public Currency currency() {
        return issue.currency();
    }

    public AccountId issuer() {
        return issue.account();
    }

    /** rippled {@code isLegalNet}: issued, or at most {@link #MAX_NATIVE_DROPS} drops. */
    public boolean isLegalNet() {
        return !nativeAmount || Long.compareUnsigned(mantissa, MAX_NATIVE_DROPS) <= 0;
    }

    /** A zero of the same issue. */
    public STAmount zeroed() {
        return zero(issue);
    }

    // ------------------------------------------------------------------ binary

    /** The length of a serialized amount given its first byte. */
    public static int encodedLength(int firstByte) {
        return (firstByte & 0x80) == 0 ? NATIVE_LENGTH : ISSUED_LENGTH;
    }

    /**
     * Reads an amount the way rippled's {@code STAmount(SerialIter&)} does: native amounts of any 62-bit
     * size are accepted (no network range check), everything the C++ rejects throws.
     *
     * @throws CodecException for too few bytes, a native negative zero, an issued amount of the native
     *         currency or from the zero account, a mantissa or exponent out of range, or a zero with any
     *         header other than {@code 8000000000000000}
     */
    public static STAmount fromBytes(byte[] buf, int offset) {
        if (offset < 0 || offset > buf.length - NATIVE_LENGTH) {
            throw CodecException.invalid("an amount needs 8 bytes");
        }
        long value = readLong(buf, offset);
        if ((value & NOT_NATIVE_BIT) == 0) {
            if ((value & POSITIVE_BIT) != 0) {
                return new STAmount(Issue.NATIVE, value & ~POSITIVE_BIT, 0, true, false);
            }
            if (value == 0) {
                throw CodecException.invalid("negative zero is not canonical");
            }
            return new STAmount(Issue.NATIVE, value, 0, true, true);
        }
        if (offset > buf.length - ISSUED_LENGTH) {
            throw CodecException.invalid("an issued amount needs 48 bytes");
        }
        Currency currency = Currency.of(buf, offset + NATIVE_LENGTH);
        if (currency.isNative()) {
            throw CodecException.invalid("invalid native currency");
        }
        AccountId account = AccountId.of(buf, offset + NATIVE_LENGTH + Currency.LENGTH);
        if (account.equals(AccountId.ZERO)) {
            throw CodecException.invalid("invalid native account");
        }
        Issue issue = new Issue(currency, account);
        int header = (int) (value >>> 54);
        long m = value & ~(1023L << 54);
        if (m != 0) {
            boolean isNegative = (header & 256) == 0;
            int e = (header & 255) - 97;
            if (m < MIN_MANTISSA || m > MAX_MANTISSA || e < MIN_EXPONENT || e > MAX_EXPONENT) {
                throw CodecException.invalid("invalid currency value");
            }
            return new STAmount(issue, m, e, false, isNegative);
        }
        if (header != 512) {
            throw CodecException.invalid("invalid currency value");
        }
        return zero(issue);
    }

    /**
     * Writes the 8- or 48-byte encoding.
     *
     * @return the number of bytes written
     * @throws CodecException for a native amount of 2^62 drops or more, which has no encoding (rippled
     *         would write bits that read back as something else)
     */
    public int writeTo(byte[] out, int offset) {
        if (nativeAmount) {
            if ((mantissa & (NOT_NATIVE_BIT | POSITIVE_BIT)) != 0) {
                throw CodecException.invalid("native amount too large to encode");
            }
            writeLong(out, offset, negative ? mantissa : mantissa | POSITIVE_BIT);
            return NATIVE_LENGTH;
        }
        long header;
        if (mantissa == 0) {
            header = NOT_NATIVE_BIT;
        } else {
            long bits = exponent + 512 + 97 + (negative ? 0 : 256);
            header = mantissa | (bits << 54);
        }
        writeLong(out, offset, header);
        issue.currency().writeTo(out, offset + NATIVE_LENGTH);
        issue.account().writeTo(out, offset + NATIVE_LENGTH + Currency.LENGTH);
        return ISSUED_LENGTH;
    }

    public byte[] toBytes() {
        byte[] out = new byte[nativeAmount ? NATIVE_LENGTH : ISSUED_LENGTH];
        writeTo(out, 0);
        return out;
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static void writeLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    // ------------------------------------------------------------------ JSON and text

    /**
     * rippled's {@code amountFromJson}: a native amount as a string of drops (or a JSON integer), an
     * issued amount as {@code {"currency","issuer","value"}}; also the legacy array form
     * {@code [value, currency, issuer]} and the string form {@code "value/currency/issuer"}.
     *
     * @throws CodecException for anything rippled rejects
     */
    public static STAmount fromJson(JsonNode n, NetworkProfile p) {
        return AmountJson.parse(n, p);
    }

    /** rippled's {@code getJson}: drops as a string, or an object with value in {@link #valueText} form. */
    public JsonNode toJson(NetworkProfile p) {
        return AmountJson.write(this, p);
    }

    /** rippled's {@code STAmount::getText}: plain decimal where it fits, else {@code mantissa e exponent}. */
    public String valueText() {
        return AmountText.format(this);
    }

    // ------------------------------------------------------------------ arithmetic and order

    /** True when rippled would add or compare the two: both native, or both issued in one currency. */
    public boolean isComparableWith(STAmount o) {
        return nativeAmount == o.nativeAmount && issue.currency().equals(o.issue.currency());
    }

    private void requireComparable(STAmount o, String what) {
        if (!isComparableWith(o)) {
            throw CodecException.invalid("can't " + what + " amounts that aren't comparable");
        }
    }

    /**
     * rippled {@code operator+}: the result has this amount's issue. Issued sums are aligned to the larger
     * exponent by truncation, and a sum within 10 units of the last place of zero is zero.
     *
     * @throws CodecException when the currencies differ or the result overflows
     */
    public STAmount add(STAmount o) {
        requireComparable(o, "add");
        if (o.signum() == 0) {
            return this;
        }
        if (signum() == 0) {
            return of(issue, o.mantissa, o.exponent, o.negative);
        }
        if (nativeAmount) {
            // 64-bit wrap-around and the default native issue, as rippled's STAmount(int64) gives.
            return ofDrops(signedMantissa() + o.signedMantissa());
        }
        int e1 = exponent;
        int e2 = o.exponent;
        long v1 = signedMantissa();
        long v2 = o.signedMantissa();
        while (e1 < e2) {
            v1 /= 10;
            e1++;
        }
        while (e2 < e1) {
            v2 /= 10;
            e2++;
        }
        long sum = v1 + v2;
        if (sum >= -10 && sum <= 10) {
            return zero(issue);
        }
        return of(issue, sum < 0 ? -sum : sum, e1, sum < 0);
    }

    /** rippled {@code operator-}: {@code this + (-o)}. */
    public STAmount subtract(STAmount o) {
        return add(o.negate());
    }

    /** The same magnitude with the other sign; zero stays as it is. */
    public STAmount negate() {
        if (mantissa == 0) {
            return this;
        }
        return new STAmount(issue, mantissa, exponent, nativeAmount, !negative);
    }

    public STAmount abs() {
        return negative ? negate() : this;
    }

    private long signedMantissa() {
        return negative ? -mantissa : mantissa;
    }

    /**
     * rippled {@code operator<}, as a three-way comparison. The issuer plays no part.
     *
     * @throws CodecException when the amounts are not {@linkplain #isComparableWith comparable}
     */
    @Override
    public int compareTo(STAmount o) {
        requireComparable(o, "compare");
        if (lessThan(this, o)) {
            return -1;
        }
        return lessThan(o, this) ? 1 : 0;
    }

    private static boolean lessThan(STAmount l, STAmount r) {
        if (l.negative != r.negative) {
            return l.negative;
        }
        if (l.mantissa == 0) {
            return !r.negative && r.mantissa != 0;
        }
        if (r.mantissa == 0) {
            return false;
        }
        if (l.exponent != r.exponent) {
            return (l.exponent > r.exponent) == l.negative;
        }
        int c = Long.compareUnsigned(l.mantissa, r.mantissa);
        if (c == 0) {
            return false;
        }
        return (c > 0) == l.negative;
    }

    /** {@code std::min} over rippled's order: {@code a} unless {@code b < a}. */
    public static STAmount min(STAmount a, STAmount b) {
        return b.compareTo(a) < 0 ? b : a;
    }

    /** {@code std::max} over rippled's order: {@code a} unless {@code a < b}. */
    public static STAmount max(STAmount a, STAmount b) {
        return a.compareTo(b) < 0 ? b : a;
    }

    /**
     * rippled {@code operator==}: comparable (same nativeness and currency) and the same sign, exponent
     * and mantissa. The issuer is not compared.
     */
    public boolean valueEquals(STAmount o) {
        return isComparableWith(o) && negative == o.negative && exponent == o.exponent
                && mantissa == o.mantissa;
    }

    /** Structural equality: value, nativeness and the whole issue (issuer included). */
    @Override
    public boolean equals(Object o) {
        return o instanceof STAmount a && valueEquals(a) && issue.equals(a.issue);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(mantissa) * 31 + exponent) * 31 + (negative ? 1 : 0) + 7 * issue.hashCode();
    }

    /** rippled {@code getFullText}-like: value, currency and issuer (hex), for logs and test failures. */
    @Override
    public String toString() {
        if (nativeAmount) {
            return valueText() + "/native";
        }
        return valueText() + "/" + issue.currency().toJson(NetworkProfile.DEFAULT) + "/"
                + Hex.encode(issue.account().toBytes());
    }
}
