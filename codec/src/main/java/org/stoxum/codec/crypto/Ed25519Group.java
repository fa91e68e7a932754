package org.stoxum.codec.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.stoxum.codec.Hex;

/**
 * Point arithmetic on edwards25519 for signature verification the way stoxumd's ed25519-donna does it.
 *
 * <p>Why not Bouncy Castle's verifier: it rejects small-order and non-canonically encoded public keys
 * and checks the verification equation after multiplying by the cofactor 8, so for a key or nonce
 * with a small-order component it accepts signatures that donna refuses (and refuses some donna
 * accepts). A signer could use that to split a mixed network. Donna decodes the key leniently (y taken
 * mod p, x = 0 allowed with either sign bit), computes {@code S*B - k*A} with no cofactor, and compares
 * the canonical encoding of the result with the signature's R bytes; this class reproduces exactly
 * that, on Bouncy Castle's field arithmetic.
 *
 * <p>Points are extended twisted Edwards coordinates (a = -1) with the unified, complete addition law,
 * so torsion points and the identity need no special cases. The accumulator keeps T = U*V unmultiplied
 * until an addition needs it. Scalars are recoded to width-w NAF; the base point's odd multiples are
 * precomputed once, a public key's when it is parsed (and then cached with the key).
 *
 * <p>Each scalar is split into its low and high 128 bits, and tables are kept for both P and 2^128 P, so
 * the shared doubling chain is 128 steps long instead of 253. Doublings are most of a verification's
 * field work, so a held key verifies about 1.6 times faster; what it costs is 128 more doublings when a key
 * is parsed, which a key seen more than once repays.
 */
final class Ed25519Group {
    /** NAF window of public-key tables: 8 odd multiples. */
    static final int KEY_WINDOW = 5;
    private static final int BASE_WINDOW = 8;
    /** Bits in each half of a split scalar. */
    private static final int HALF = 128;
    /** Bits covered by recoding a half, with room for the final carry. */
    private static final int NAF_BITS = HALF + BASE_WINDOW;

    /** d = -121665/121666 mod p, and 2d. */
    private static final int[] D = fromHex("52036CEE2B6FFE738CC740797779E89800700A4D4141D8AB75EB4DCA135978A3");
    private static final int[] D2 = fromHex("2406D9DC56DFFCE7198E80F2EEF3D13000E0149A8283B156EBD69B9426B2F159");
    private static final byte[] BASE_ENCODED = Hex.decode(
            "5866666666666666666666666666666666666666666666666666666666666666");
    private static final Cached[] BASE_TABLE = oddMultiples(decodeLenient(BASE_ENCODED), BASE_WINDOW);
    private static final Cached[] BASE_HIGH_TABLE = oddMultiples(timesTwoToTheHalf(decodeLenient(BASE_ENCODED)),
            BASE_WINDOW);

    private Ed25519Group() {
    }

    /** A point in extended coordinates with T = u*v (u, v kept from the last operation). */
    static final class Accum {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] u = X25519Field.create();
        final int[] v = X25519Field.create();
    }

    /** A point prepared for addition: (y - x, y + x, 2d*t, 2z). */
    static final class Cached {
        final int[] yMinusX = X25519Field.create();
        final int[] yPlusX = X25519Field.create();
        final int[] t2d = X25519Field.create();
        final int[] z2 = X25519Field.create();
    }

    /**
     * Decodes 32 bytes as donna does: the low 255 bits are y (reduced mod p, so non-canonical values are
     * accepted), x is the root of (y^2 - 1)/(d*y^2 + 1) whose parity is the top bit, and x = 0 is
     * accepted whatever the top bit says.
     *
     * @return null when (y^2 - 1)/(d*y^2 + 1) has no square root
     */
    static Accum decodeLenient(byte[] encoded32) {
        byte[] yBytes = Arrays.copyOf(encoded32, 32);
        int sign = (yBytes[31] & 0x80) >>> 7;
        yBytes[31] &= 0x7F;
        Accum p = new Accum();
        X25519Field.decode(yBytes, 0, p.y);
        X25519Field.normalize(p.y);
        int[] num = X25519Field.create();
        int[] den = X25519Field.create();
        X25519Field.sqr(p.y, num);
        X25519Field.mul(D, num, den);
        X25519Field.subOne(num);
        X25519Field.addOne(den);
        if (!X25519Field.sqrtRatioVar(num, den, p.x)) {
            return null;
        }
        X25519Field.normalize(p.x);
        if ((p.x[0] & 1) != sign) {
            X25519Field.negate(p.x, p.x);
            X25519Field.normalize(p.x);
        }
        X25519Field.one(p.z);
        X25519Field.copy(p.x, 0, p.u, 0);
        X25519Field.copy(p.y, 0, p.v, 0);
        return p;
    }

    /** The odd multiples of {@code -A} and of {@code -2^128 A}: what a held public key verifies with. */
    static final class KeyTables {
        final Cached[] low;
        final Cached[] high;

        private KeyTables(Cached[] low, Cached[] high) {
            this.low = low;
            this.high = high;
        }
    }

    /** The tables of {@code -p} used with {@link #doubleScalarMultEncoded}. */
    static KeyTables negatedKeyTables(Accum p) {
        Accum n = new Accum();
        X25519Field.negate(p.x, n.x);
        X25519Field.normalize(n.x);
        X25519Field.copy(p.y, 0, n.y, 0);
        X25519Field.copy(p.z, 0, n.z, 0);
        X25519Field.copy(n.x, 0, n.u, 0);
        X25519Field.copy(p.y, 0, n.v, 0);
        return new KeyTables(oddMultiples(n, KEY_WINDOW), oddMultiples(timesTwoToTheHalf(n), KEY_WINDOW));
    }

    /** {@code 2^128 p}, as a new point. */
    private static Accum timesTwoToTheHalf(Accum p) {
        Accum r = copy(p);
        for (int i = 0; i < HALF; i++) {
            pointDouble(r);
        }
        return r;
    }

    /**
     * The canonical 32-byte encoding of {@code s*B + k*Q}, where {@code q} holds Q's tables (from
     * {@link #negatedKeyTables}) and both scalars are 32 little-endian bytes below 2^253.
     */
    static byte[] doubleScalarMultEncoded(byte[] sLE, byte[] kLE, KeyTables q) {
        byte[] nafSLow = naf(sLE, 0, BASE_WINDOW);
        byte[] nafSHigh = naf(sLE, HALF / 8, BASE_WINDOW);
        byte[] nafKLow = naf(kLE, 0, KEY_WINDOW);
        byte[] nafKHigh = naf(kLE, HALF / 8, KEY_WINDOW);
        int top = NAF_BITS - 1;
        while (top >= 0 && nafSLow[top] == 0 && nafSHigh[top] == 0 && nafKLow[top] == 0 && nafKHigh[top] == 0) {
            top--;
        }
        Accum r = identity();
        int[] scratch = X25519Field.create();
        for (int i = top; i >= 0; i--) {
            pointDouble(r);
            addDigit(r, BASE_TABLE, nafSLow[i], scratch);
            addDigit(r, BASE_HIGH_TABLE, nafSHigh[i], scratch);
            addDigit(r, q.low, nafKLow[i], scratch);
            addDigit(r, q.high, nafKHigh[i], scratch);
        }
        return encode(r);
    }

    private static void addDigit(Accum r, Cached[] table, int digit, int[] scratch) {
        if (digit != 0) {
            add(r, table[Math.abs(digit) >>> 1], digit < 0, scratch);
        }
    }

    static Accum identity() {
        Accum r = new Accum();
        X25519Field.one(r.y);
        X25519Field.one(r.z);
        X25519Field.one(r.v);
        return r;
    }

    /** Canonical encoding: y little-endian with x's parity in the top bit. */
    static byte[] encode(Accum p) {
        int[] zInv = X25519Field.create();
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        X25519Field.invVar(p.z, zInv);
        X25519Field.mul(p.x, zInv, x);
        X25519Field.mul(p.y, zInv, y);
        X25519Field.normalize(x);
        X25519Field.normalize(y);
        byte[] out = new byte[32];
        X25519Field.encode(y, out, 0);
        out[31] |= (byte) ((x[0] & 1) << 7);
        return out;
    }

    /** r = 2r (dbl-2008-hwcd for a = -1). */
    static void pointDouble(Accum r) {
        int[] a = r.x;
        int[] b = r.y;
        int[] c = r.z;
        int[] e = r.u;
        int[] h = r.v;
        int[] f = a;
        int[] g = b;
        X25519Field.add(r.x, r.y, e);
        X25519Field.sqr(r.x, a);
        X25519Field.sqr(r.y, b);
        X25519Field.sqr(r.z, c);
        X25519Field.add(c, c, c);
        X25519Field.apm(a, b, h, g);   // h = A + B, g = A - B
        X25519Field.sqr(e, e);
        X25519Field.sub(h, e, e);      // e = A + B - (X + Y)^2 = -E
        X25519Field.add(c, g, f);      // f = 2Z^2 + A - B = -F
        X25519Field.carry(f);
        X25519Field.mul(f, g, r.z);    // F*G
        X25519Field.mul(f, e, r.x);    // E*F
        X25519Field.mul(g, h, r.y);    // G*H;  T = E*H = u*v with u = -E, v = A + B = -H
    }

    /** r = r + q, or r - q when {@code negate} (add-2008-hwcd-3). */
    static void add(Accum r, Cached q, boolean negate, int[] scratch) {
        int[] a = r.x;
        int[] b = r.y;
        int[] c = scratch;
        int[] d = r.z;
        int[] e = r.u;
        int[] h = r.v;
        X25519Field.apm(r.y, r.x, b, a);                            // b = Y + X, a = Y - X
        X25519Field.mul(a, negate ? q.yPlusX : q.yMinusX, a);       // A
        X25519Field.mul(b, negate ? q.yMinusX : q.yPlusX, b);       // B
        X25519Field.mul(r.u, r.v, c);                               // T1
        X25519Field.mul(c, q.t2d, c);                               // C (sign fixed below)
        X25519Field.mul(r.z, q.z2, d);                              // D
        X25519Field.apm(b, a, h, e);                                // H = B + A, E = B - A
        int[] f = a;
        int[] g = b;
        if (negate) {
            X25519Field.apm(d, c, f, g);                            // F = D + C, G = D - C
        } else {
            X25519Field.apm(d, c, g, f);                            // G = D + C, F = D - C
        }
        X25519Field.mul(f, g, r.z);
        X25519Field.mul(e, f, r.x);
        X25519Field.mul(g, h, r.y);
    }

    static Cached toCached(Accum p) {
        Cached c = new Cached();
        int[] t = X25519Field.create();
        X25519Field.mul(p.u, p.v, t);
        X25519Field.apm(p.y, p.x, c.yPlusX, c.yMinusX);
        X25519Field.carry(c.yPlusX);
        X25519Field.carry(c.yMinusX);
        X25519Field.mul(t, D2, c.t2d);
        X25519Field.add(p.z, p.z, c.z2);
        X25519Field.carry(c.z2);
        return c;
    }

    /** p, 3p, 5p, ..., (2^(w-1) - 1)p. */
    private static Cached[] oddMultiples(Accum p, int window) {
        Cached[] table = new Cached[1 << (window - 2)];
        Accum twice = copy(p);
        pointDouble(twice);
        Cached twiceCached = toCached(twice);
        Accum acc = copy(p);
        int[] scratch = X25519Field.create();
        table[0] = toCached(acc);
        for (int i = 1; i < table.length; i++) {
            add(acc, twiceCached, false, scratch);
            table[i] = toCached(acc);
        }
        return table;
    }

    private static Accum copy(Accum p) {
        Accum c = new Accum();
        X25519Field.copy(p.x, 0, c.x, 0);
        X25519Field.copy(p.y, 0, c.y, 0);
        X25519Field.copy(p.z, 0, c.z, 0);
        X25519Field.copy(p.u, 0, c.u, 0);
        X25519Field.copy(p.v, 0, c.v, 0);
        return c;
    }

    /**
     * Width-w non-adjacent form of the 128-bit little-endian number at {@code scalarLE[from..from+16)}:
     * digit i is odd in [-(2^(w-1) - 1), 2^(w-1) - 1] or zero, and the number equals the sum of
     * digit_i * 2^i.
     */
    static byte[] naf(byte[] scalarLE, int from, int window) {
        int[] words = new int[HALF / 32 + 2];
        for (int i = 0; i < HALF / 32; i++) {
            int b = from + 4 * i;
            words[i] = (scalarLE[b] & 0xFF) | (scalarLE[b + 1] & 0xFF) << 8
                    | (scalarLE[b + 2] & 0xFF) << 16 | (scalarLE[b + 3] & 0xFF) << 24;
        }
        byte[] naf = new byte[NAF_BITS];
        int carry = 0;
        int bit = 0;
        while (bit < NAF_BITS) {
            if (bits(words, bit, 1) == carry) {
                bit++;
                continue;
            }
            int now = Math.min(window, NAF_BITS - bit);
            int word = bits(words, bit, now) + carry;
            carry = (word >>> (window - 1)) & 1;
            word -= carry << window;
            naf[bit] = (byte) word;
            bit += now;
        }
        return naf;
    }

    private static int bits(int[] words, int offset, int count) {
        int index = offset >>> 5;
        int shift = offset & 31;
        long pair = (words[index] & 0xFFFFFFFFL) | ((long) words[index + 1] << 32);
        return (int) (pair >>> shift) & ((1 << count) - 1);
    }

    private static int[] fromHex(String bigEndianHex) {
        byte[] be = Hex.decode(bigEndianHex);
        byte[] le = new byte[32];
        for (int i = 0; i < 32; i++) {
            le[i] = be[31 - i];
        }
        int[] z = X25519Field.create();
        X25519Field.decode(le, 0, z);
        return z;
    }
}
