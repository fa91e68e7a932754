package org.stoxum.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.crypto.Ed25519Reference.Point;

/**
 * Ed25519 verification must accept exactly what stoxumd's ed25519-donna accepts. Honest signatures are
 * the easy part; the cases below are where RFC 8032 verifiers (Bouncy Castle's included) differ:
 * keys and nonces with a small-order component, small-order keys, non-canonical key encodings. Each is
 * built with the plain {@link Ed25519Reference} model, checked against it, and where it matters shown
 * to be judged differently by Bouncy Castle, so the test fails if someone "simplifies" verification
 * back to the library call.
 */
class Ed25519DonnaCompatibilityTest {
    private static final byte[] MESSAGE = "STX\0 a transaction".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private final Random random = new Random(20180401);
    private Point order8;

    @Test
    void referenceModelAgreesWithTheVectorsKeyDerivation() {
        KeyPair kp = KeyPair.fromSeed(Seed.fromPassphrase("masterpassphrase"), KeyType.ED25519);
        BigInteger a = clampedScalar(kp.secretKey());
        assertArrayEquals(Arrays.copyOfRange(kp.publicKey().toBytes(), 1, 33), Ed25519Reference.BASE.times(a).encode());
        byte[] sig = kp.sign(MESSAGE);
        assertTrue(Ed25519Reference.verify(key32(kp.publicKey()), MESSAGE, sig));
    }

    @Test
    void honestSignaturesAgreeEverywhere() {
        for (int i = 0; i < 20; i++) {
            KeyPair kp = KeyPair.random(KeyType.ED25519);
            byte[] m = randomBytes(i * 7);
            byte[] sig = kp.sign(m);
            assertTrue(kp.publicKey().verify(m, sig, true));
            assertTrue(Ed25519Reference.verify(key32(kp.publicKey()), m, sig));
            assertTrue(bouncyCastleVerify(kp.publicKey(), m, sig));
        }
    }

    @Test
    void keyWithSmallOrderComponentIsJudgedAsDonnaDoes() {
        Point t8 = pointOfOrder8();
        int donnaAccepted = 0;
        int bcOnly = 0;
        for (int i = 0; i < 12; i++) {
            BigInteger a = randomScalar();
            BigInteger r = randomScalar();
            byte[] pk = Ed25519Reference.BASE.times(a).add(t8).encode();
            byte[] rBytes = Ed25519Reference.BASE.times(r).encode();
            BigInteger k = Ed25519Reference.challenge(rBytes, pk, MESSAGE);
            byte[] sig = signature(rBytes, r.add(k.multiply(a)).mod(Ed25519Reference.L));
            boolean donna = Ed25519Reference.verify(pk, MESSAGE, sig);
            assertEquals(donna, ours(pk, MESSAGE, sig), "case " + i);
            // donna sees S*B - k*A = R - k*T8, which equals R only when 8 divides k.
            assertEquals(k.mod(BigInteger.valueOf(8)).signum() == 0, donna);
            donnaAccepted += donna ? 1 : 0;
            bcOnly += !donna && bouncyCastleVerify(PublicKey.of(prefixed(pk)), MESSAGE, sig) ? 1 : 0;
        }
        assertTrue(bcOnly > 0, "Bouncy Castle's cofactored check accepts what donna refuses");
        assertTrue(donnaAccepted < 12);
    }

    @Test
    void nonceWithSmallOrderComponentIsRefused() {
        Point t8 = pointOfOrder8();
        for (int i = 0; i < 8; i++) {
            BigInteger a = randomScalar();
            BigInteger r = randomScalar();
            byte[] pk = Ed25519Reference.BASE.times(a).encode();
            byte[] rBytes = Ed25519Reference.BASE.times(r).add(t8).encode();
            BigInteger k = Ed25519Reference.challenge(rBytes, pk, MESSAGE);
            byte[] sig = signature(rBytes, r.add(k.multiply(a)).mod(Ed25519Reference.L));
            assertFalse(Ed25519Reference.verify(pk, MESSAGE, sig));
            assertFalse(ours(pk, MESSAGE, sig));
            assertTrue(bouncyCastleVerify(PublicKey.of(prefixed(pk)), MESSAGE, sig),
                    "Bouncy Castle accepts a nonce with a torsion component");
        }
    }

    @Test
    void identityKeyAcceptsForgeriesAsInDonna() {
        byte[] identity = Hex.decode("0100000000000000000000000000000000000000000000000000000000000000");
        // The same identity point spelt non-canonically (y = p + 1) and with the sign bit set (x = 0).
        byte[] nonCanonical = Hex.decode("EEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7F");
        byte[] signedZero = Hex.decode("0100000000000000000000000000000000000000000000000000000000000080");
        for (byte[] pk : new byte[][] {identity, nonCanonical, signedZero}) {
            BigInteger s = randomScalar();
            byte[] sig = signature(Ed25519Reference.BASE.times(s).encode(), s);
            assertTrue(Ed25519Reference.verify(pk, MESSAGE, sig));
            assertTrue(ours(pk, MESSAGE, sig), Hex.encode(pk));
            assertFalse(bouncyCastleVerify(PublicKey.of(prefixed(pk)), MESSAGE, sig),
                    "Bouncy Castle refuses small-order and non-canonical keys");
        }
    }

    @Test
    void orderTwoKeyAcceptsForgeriesWhenTheChallengeIsEven() {
        byte[] pk = Hex.decode("ECFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7F");
        int accepted = 0;
        int refused = 0;
        while (accepted < 3 || refused < 3) {
            BigInteger s = randomScalar();
            byte[] sig = signature(Ed25519Reference.BASE.times(s).encode(), s);
            boolean even = !Ed25519Reference.challenge(Arrays.copyOf(sig, 32), pk, MESSAGE).testBit(0);
            assertEquals(even, Ed25519Reference.verify(pk, MESSAGE, sig));
            assertEquals(even, ours(pk, MESSAGE, sig));
            accepted += even ? 1 : 0;
            refused += even ? 0 : 1;
        }
    }

    @Test
    void malformedSignaturesAndKeysAgreeWithTheModel() {
        KeyPair kp = KeyPair.fromSeed(Seed.fromPassphrase("otherpassphrase"), KeyType.ED25519);
        byte[] good = kp.sign(MESSAGE);
        byte[] pk = key32(kp.publicKey());
        // S = S + L: same value mod L, refused by the S < L rule.
        byte[] sPlusL = signature(Arrays.copyOf(good, 32),
                Ed25519Reference.fromLittleEndian(Arrays.copyOfRange(good, 32, 64)).add(Ed25519Reference.L));
        assertFalse(ours(pk, MESSAGE, sPlusL));
        assertFalse(Ed25519Reference.verify(pk, MESSAGE, sPlusL));
        for (int i = 0; i < 24; i++) {
            byte[] randomKey = randomBytes(32);
            byte[] randomSig = randomBytes(64);
            randomSig[63] &= 0x0F;
            assertEquals(Ed25519Reference.verify(randomKey, MESSAGE, randomSig), ours(randomKey, MESSAGE, randomSig));
            boolean decodes = Ed25519Reference.decode(randomKey) != null;
            assertEquals(decodes, Ed25519.parsePublicKey(prefixed(randomKey)) != null, Hex.encode(randomKey));
        }
    }

    @Test
    void fastPathMatchesTheModelOnRandomMultiples() {
        // The fast path splits scalars at bit 128: the edges of both halves besides random values.
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        BigInteger max = BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE);
        List<BigInteger> edges = List.of(BigInteger.ZERO, BigInteger.ONE, two128.subtract(BigInteger.ONE), two128,
                two128.add(BigInteger.ONE), max, max.subtract(two128));
        for (int i = 0; i < 24; i++) {
            BigInteger s = i < edges.size() ? edges.get(i) : randomScalar();
            BigInteger k = i < edges.size() ? edges.get(edges.size() - 1 - i) : randomScalar();
            Point q = Ed25519Reference.BASE.times(randomScalar()).add(i % 2 == 0 ? pointOfOrder8() : Ed25519Reference.IDENTITY);
            Ed25519Group.Accum decoded = Ed25519Group.decodeLenient(q.encode());
            assertNotNull(decoded);
            byte[] fast = Ed25519Group.doubleScalarMultEncoded(Ed25519Reference.toLittleEndian(s),
                    Ed25519Reference.toLittleEndian(k), Ed25519Group.negatedKeyTables(decoded));
            byte[] slow = Ed25519Reference.BASE.times(s).add(q.negate().times(k)).encode();
            assertArrayEquals(slow, fast, "case " + i);
        }
    }

    private boolean ours(byte[] pk32, byte[] m, byte[] sig) {
        return PublicKey.of(prefixed(pk32)).verify(m, sig, true);
    }

    private static boolean bouncyCastleVerify(PublicKey pk, byte[] m, byte[] sig) {
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, pk.toBytes(), 1, m, 0, m.length);
    }

    /** A point of order exactly 8: L times a random curve point, kept once it is not of order 1, 2 or 4. */
    private Point pointOfOrder8() {
        if (order8 != null) {
            return order8;
        }
        while (true) {
            Point p = Ed25519Reference.decode(randomBytes(32));
            if (p == null) {
                continue;
            }
            Point t = p.times(Ed25519Reference.L);
            if (!t.times(BigInteger.valueOf(4)).equals(Ed25519Reference.IDENTITY)) {
                order8 = t;
                return t;
            }
        }
    }

    private BigInteger randomScalar() {
        return new BigInteger(256, random).mod(Ed25519Reference.L);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] signature(byte[] r, BigInteger s) {
        byte[] sig = Arrays.copyOf(r, 64);
        System.arraycopy(Ed25519Reference.toLittleEndian(s), 0, sig, 32, 32);
        return sig;
    }

    private static byte[] key32(PublicKey pk) {
        return Arrays.copyOfRange(pk.toBytes(), 1, 33);
    }

    private static byte[] prefixed(byte[] pk32) {
        byte[] out = new byte[33];
        out[0] = (byte) 0xED;
        System.arraycopy(pk32, 0, out, 1, 32);
        return out;
    }

    private static BigInteger clampedScalar(byte[] secret) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-512").digest(secret);
            h[0] &= (byte) 248;
            h[31] &= 127;
            h[31] |= 64;
            return Ed25519Reference.fromLittleEndian(Arrays.copyOf(h, 32));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
