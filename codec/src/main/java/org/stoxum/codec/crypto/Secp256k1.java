package org.stoxum.codec.crypto;

import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.Hex;

/**
 * The secp256k1 rules shared by both backends: which backend runs, DER signature shape and
 * canonicality, low-S normalisation, and the order checks on secrets.
 *
 * <p>Signatures travel as DER but backends work on 64-byte r || s, so parsing happens here once, under
 * stoxumd's exact rules, and a high-S signature that is allowed is moved to its low twin before it
 * reaches the backend (libsecp256k1 verifies low-S only; the result is the same for Bouncy Castle).
 */
final class Secp256k1 {
    private static final Logger LOG = LoggerFactory.getLogger(Secp256k1.class);

    /** The group order n, big-endian. */
    static final byte[] ORDER = Hex.decode("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
    /** (n - 1) / 2: the largest fully canonical s. */
    private static final byte[] HALF_ORDER = Hex.decode("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0");
    private static final int MIN_DER = 8;
    private static final int MAX_DER = 72;

    private static final Optional<Secp256k1Backend> NATIVE = loadNative();
    private static final Secp256k1Backend ACTIVE = chooseAndLog();

    private Secp256k1() {
    }

    /** The backend in use: native when it loaded, else Bouncy Castle. */
    static Secp256k1Backend backend() {
        return ACTIVE;
    }

    /** The native backend if this platform can load it (tests run both paths with this). */
    static Optional<Secp256k1Backend> nativeBackend() {
        return NATIVE;
    }

    /** The pure-Java backend, always available. */
    static Secp256k1Backend bouncyCastle() {
        return BouncyCastleSecp256k1Backend.INSTANCE;
    }

    /** 32 bytes with 0 < k < n: a usable secret key or tweak. */
    static boolean isValidScalar(byte[] k) {
        if (k.length != 32 || Arrays.compareUnsigned(k, ORDER) >= 0) {
            return false;
        }
        for (byte b : k) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** ECDSA over a 32-byte digest: RFC 6979 nonce, low s, minimal DER. */
    static byte[] signDigest(Secp256k1Backend backend, byte[] secret, byte[] digest) {
        return compactToDer(backend.signCompact(secret, digest));
    }

    /**
     * stoxumd's {@code verifyDigest}: shape and range rules first, low-S if demanded, then the curve
     * check with the key's cached parsed form. Never throws.
     */
    static boolean verifyDigest(Secp256k1Backend backend, Object parsedKey, byte[] digest, byte[] der,
                                boolean requireFullyCanonical) {
        if (parsedKey == null || digest == null || digest.length != 32) {
            return false;
        }
        byte[] compact = new byte[64];
        EcdsaCanonicality c = derToCompact(der, compact);
        if (c == EcdsaCanonicality.NOT_CANONICAL
                || (requireFullyCanonical && c != EcdsaCanonicality.FULLY_CANONICAL)) {
            return false;
        }
        if (c == EcdsaCanonicality.CANONICAL) {
            negateS(compact);
        }
        return backend.verifyCompact(parsedKey, digest, compact);
    }

    /**
     * Checks {@code der} under stoxumd's rules and, unless it is not canonical, writes r and s
     * right-aligned into {@code out[0..32)} and {@code out[32..64)}.
     */
    static EcdsaCanonicality derToCompact(byte[] der, byte[] out) {
        if (der == null || der.length < MIN_DER || der.length > MAX_DER
                || (der[0] & 0xFF) != 0x30 || (der[1] & 0xFF) != der.length - 2) {
            return EcdsaCanonicality.NOT_CANONICAL;
        }
        int afterR = readInteger(der, 2, out, 0);
        if (afterR < 0) {
            return EcdsaCanonicality.NOT_CANONICAL;
        }
        int afterS = readInteger(der, afterR, out, 32);
        if (afterS != der.length) {
            return EcdsaCanonicality.NOT_CANONICAL;
        }
        if (Arrays.compareUnsigned(out, 0, 32, ORDER, 0, 32) >= 0
                || Arrays.compareUnsigned(out, 32, 64, ORDER, 0, 32) >= 0) {
            return EcdsaCanonicality.NOT_CANONICAL;
        }
        return Arrays.compareUnsigned(out, 32, 64, HALF_ORDER, 0, 32) > 0
                ? EcdsaCanonicality.CANONICAL
                : EcdsaCanonicality.FULLY_CANONICAL;
    }

    /**
     * Reads {@code 02 len value} at {@code pos}: 1..33 bytes, not negative, no superfluous leading zero,
     * not zero, at most 256 bits. Returns the position after it, or -1.
     */
    private static int readInteger(byte[] der, int pos, byte[] out, int outOffset) {
        if (der.length - pos < 3 || der[pos] != 0x02) {
            return -1;
        }
        int len = der[pos + 1] & 0xFF;
        int start = pos + 2;
        if (len < 1 || len > 33 || len > der.length - start) {
            return -1;
        }
        if ((der[start] & 0x80) != 0) {
            return -1;
        }
        if (der[start] == 0 && (len == 1 || (der[start + 1] & 0x80) == 0)) {
            return -1;
        }
        int valueStart = der[start] == 0 ? start + 1 : start;
        int valueLen = start + len - valueStart;
        if (valueLen > 32) {
            return -1;
        }
        Arrays.fill(out, outOffset, outOffset + 32, (byte) 0);
        System.arraycopy(der, valueStart, out, outOffset + 32 - valueLen, valueLen);
        return start + len;
    }

    /** Replaces s (bytes 32..64) with n - s. */
    static void negateS(byte[] compact) {
        int borrow = 0;
        for (int i = 31; i >= 0; i--) {
            int d = (ORDER[i] & 0xFF) - (compact[32 + i] & 0xFF) - borrow;
            borrow = d < 0 ? 1 : 0;
            compact[32 + i] = (byte) d;
        }
    }

    /** Minimal DER of r || s, as libsecp256k1 serialises it. */
    static byte[] compactToDer(byte[] compact) {
        int rLen = derIntegerLength(compact, 0);
        int sLen = derIntegerLength(compact, 32);
        byte[] der = new byte[6 + rLen + sLen];
        der[0] = 0x30;
        der[1] = (byte) (4 + rLen + sLen);
        writeInteger(compact, 0, rLen, der, 2);
        writeInteger(compact, 32, sLen, der, 4 + rLen);
        return der;
    }

    private static int derIntegerLength(byte[] compact, int offset) {
        int first = offset;
        while (first < offset + 31 && compact[first] == 0) {
            first++;
        }
        int len = offset + 32 - first;
        return (compact[first] & 0x80) != 0 ? len + 1 : len;
    }

    private static void writeInteger(byte[] compact, int offset, int len, byte[] der, int pos) {
        der[pos] = 0x02;
        der[pos + 1] = (byte) len;
        int copy = Math.min(len, 32);
        System.arraycopy(compact, offset + 32 - copy, der, pos + 2 + len - copy, copy);
    }

    private static Optional<Secp256k1Backend> loadNative() {
        try {
            return Optional.of(NativeSecp256k1Backend.load());
        } catch (RuntimeException | LinkageError t) {
            LOG.warn("native secp256k1 unavailable ({}); falling back to Bouncy Castle", t.toString());
            return Optional.empty();
        }
    }

    private static Secp256k1Backend chooseAndLog() {
        Secp256k1Backend chosen = NATIVE.orElse(BouncyCastleSecp256k1Backend.INSTANCE);
        LOG.info("secp256k1 backend: {}", chosen.name());
        return chosen;
    }
}
