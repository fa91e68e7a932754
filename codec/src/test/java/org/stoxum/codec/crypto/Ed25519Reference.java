package org.stoxum.codec.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A deliberately plain model of ed25519-donna's verification, for checking {@link Ed25519Group}:
 * affine coordinates, BigInteger arithmetic, textbook double-and-add. Slow (milliseconds) and obviously
 * correct is the point.
 */
final class Ed25519Reference {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE);
    static final Point BASE = decode(org.stoxum.codec.Hex.decode(
            "5866666666666666666666666666666666666666666666666666666666666666"));

    record Point(BigInteger x, BigInteger y) {
        Point add(Point o) {
            BigInteger xy = x.multiply(o.y).add(y.multiply(o.x));
            BigInteger yy = y.multiply(o.y).add(x.multiply(o.x));
            BigInteger t = D.multiply(x).multiply(o.x).multiply(y).multiply(o.y).mod(P);
            BigInteger x3 = xy.multiply(BigInteger.ONE.add(t).modInverse(P)).mod(P);
            BigInteger y3 = yy.multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P)).mod(P);
            return new Point(x3, y3);
        }

        Point negate() {
            return new Point(x.negate().mod(P), y);
        }

        Point times(BigInteger k) {
            Point r = IDENTITY;
            for (int i = k.bitLength() - 1; i >= 0; i--) {
                r = r.add(r);
                if (k.testBit(i)) {
                    r = r.add(this);
                }
            }
            return r;
        }

        byte[] encode() {
            byte[] out = toLittleEndian(y);
            out[31] |= (byte) (x.testBit(0) ? 0x80 : 0);
            return out;
        }
    }

    private Ed25519Reference() {
    }

    /** donna's lenient decoding: y mod p, x with the sign bit's parity, x = 0 accepted; null if no root. */
    static Point decode(byte[] b) {
        byte[] c = b.clone();
        boolean sign = (c[31] & 0x80) != 0;
        c[31] &= 0x7F;
        BigInteger y = fromLittleEndian(c).mod(P);
        BigInteger u = y.multiply(y).subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y).multiply(y).add(BigInteger.ONE).mod(P);
        BigInteger x = u.multiply(v.modInverse(P)).mod(P)
                .modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!v.multiply(x).multiply(x).subtract(u).mod(P).equals(BigInteger.ZERO)) {
            x = x.multiply(SQRT_M1).mod(P);
            if (!v.multiply(x).multiply(x).subtract(u).mod(P).equals(BigInteger.ZERO)) {
                return null;
            }
        }
        if (x.testBit(0) != sign) {
            x = x.negate().mod(P);
        }
        return new Point(x, y);
    }

    /** donna's acceptance rule, with stoxumd's S &lt; L pre-check. */
    static boolean verify(byte[] publicKey32, byte[] message, byte[] sig) {
        if (sig.length != 64) {
            return false;
        }
        BigInteger s = fromLittleEndian(Arrays.copyOfRange(sig, 32, 64));
        if (s.compareTo(L) >= 0) {
            return false;
        }
        Point a = decode(publicKey32);
        if (a == null) {
            return false;
        }
        BigInteger k = challenge(Arrays.copyOf(sig, 32), publicKey32, message);
        Point r = BASE.times(s).add(a.negate().times(k));
        return Arrays.equals(r.encode(), Arrays.copyOf(sig, 32));
    }

    /** SHA-512(R || A || M) mod L. */
    static BigInteger challenge(byte[] r, byte[] a, byte[] m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            sha.update(r);
            sha.update(a);
            sha.update(m);
            return fromLittleEndian(sha.digest()).mod(L);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    static byte[] toLittleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }
}
