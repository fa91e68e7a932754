package org.stoxum.codec.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.stoxum.codec.Hex;

/**
 * Ed25519 as stoxumd uses it: 33-byte public keys (0xED then the 32-byte key), pure Ed25519 over the
 * raw message, 64-byte signatures whose S must be below the group order.
 *
 * <p>Key derivation and signing are standard RFC 8032 and use Bouncy Castle; verification uses
 * {@link Ed25519Group}, which matches ed25519-donna's acceptance rules rather than RFC 8032's.
 */
final class Ed25519 {
    /** The group order L, big-endian. */
    private static final byte[] ORDER_BE = Hex.decode(
            "1000000000000000000000000000000014DEF9DEA2F79CD65812631A5CF5D3ED");
    private static final BigInteger ORDER = new BigInteger(1, ORDER_BE);
    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-512", e);
        }
    });

    private Ed25519() {
    }

    /** 0xED || the RFC 8032 public key of a 32-byte secret. */
    static byte[] publicKey(byte[] secret) {
        byte[] pk = new byte[PublicKey.LENGTH];
        pk[0] = (byte) KeyType.ED25519_PREFIX;
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(secret, 0, pk, 1);
        return pk;
    }

    /** The deterministic 64-byte signature of {@code message}, with the key's own public half. */
    static byte[] sign(byte[] secret, byte[] publicKey33, byte[] message) {
        byte[] sig = new byte[64];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(secret, 0, publicKey33, 1, message, 0, message.length, sig, 0);
        return sig;
    }

    /** stoxumd's {@code ed25519Canonical}: 64 bytes, and S (the second half, little-endian) below L. */
    static boolean isCanonical(byte[] sig) {
        if (sig == null || sig.length != 64) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            int s = sig[63 - i] & 0xFF;
            int l = ORDER_BE[i] & 0xFF;
            if (s != l) {
                return s < l;
            }
        }
        return false;
    }

    /**
     * Decodes the key the lenient way donna does and precomputes what verification needs; null when
     * the 32 bytes are not a curve point.
     */
    static Ed25519Group.KeyTables parsePublicKey(byte[] publicKey33) {
        byte[] a = Arrays.copyOfRange(publicKey33, 1, PublicKey.LENGTH);
        Ed25519Group.Accum point = Ed25519Group.decodeLenient(a);
        return point == null ? null : Ed25519Group.negatedKeyTables(point);
    }

    /**
     * True when {@code encode(S*B - k*A)} equals the signature's R bytes, k = SHA-512(R || A || M) mod L,
     * for a canonical signature.
     */
    static boolean verify(Ed25519Group.KeyTables keyTable, byte[] publicKey33, byte[] message, byte[] sig) {
        if (keyTable == null || !isCanonical(sig)) {
            return false;
        }
        MessageDigest sha = SHA512.get();
        sha.reset();
        sha.update(sig, 0, 32);
        sha.update(publicKey33, 1, 32);
        sha.update(message);
        byte[] k = reduceLittleEndian(sha.digest());
        byte[] s = Arrays.copyOfRange(sig, 32, 64);
        byte[] expectedR = Ed25519Group.doubleScalarMultEncoded(s, k, keyTable);
        return MessageDigest.isEqual(expectedR, Arrays.copyOf(sig, 32));
    }

    /** A little-endian 512-bit hash reduced mod L, as 32 little-endian bytes. */
    private static byte[] reduceLittleEndian(byte[] hashLE) {
        byte[] be = new byte[hashLE.length];
        for (int i = 0; i < hashLE.length; i++) {
            be[i] = hashLE[hashLE.length - 1 - i];
        }
        byte[] reduced = new BigInteger(1, be).mod(ORDER).toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < reduced.length && i < 32; i++) {
            out[i] = reduced[reduced.length - 1 - i];
        }
        return out;
    }
}
