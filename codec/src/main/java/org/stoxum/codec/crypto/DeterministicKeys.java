package org.stoxum.codec.crypto;

import java.math.BigInteger;
import org.stoxum.codec.hash.Sha512Half;

/**
 * stoxumd's secp256k1 key family derived from a seed (GenerateDeterministicKey).
 *
 * <p>The root secret is the first {@code SHA512Half(seed || u32 i)} that is a valid scalar; it is the
 * node/validator key. Account key number 0 adds to it the first valid
 * {@code SHA512Half(rootPublic33 || u32 0 || u32 j)}, mod n. (The scheme once allowed many accounts per
 * seed; only ordinal 0 is ever used.)
 */
final class DeterministicKeys {
    private static final BigInteger N = new BigInteger(1, Secp256k1.ORDER);

    private DeterministicKeys() {
    }

    static byte[] rootSecret(byte[] seed) {
        byte[] buf = new byte[Seed.LENGTH + 4];
        System.arraycopy(seed, 0, buf, 0, Seed.LENGTH);
        for (long i = 0; ; i++) {
            putU32(buf, Seed.LENGTH, i);
            byte[] k = Sha512Half.of(buf);
            if (Secp256k1.isValidScalar(k)) {
                return k;
            }
        }
    }

    static byte[] accountSecret(byte[] seed, Secp256k1Backend backend) {
        byte[] root = rootSecret(seed);
        byte[] buf = new byte[PublicKey.LENGTH + 8];
        System.arraycopy(backend.publicKey(root), 0, buf, 0, PublicKey.LENGTH);
        byte[] tweak;
        for (long j = 0; ; j++) {
            putU32(buf, PublicKey.LENGTH + 4, j);
            tweak = Sha512Half.of(buf);
            if (Secp256k1.isValidScalar(tweak)) {
                break;
            }
        }
        BigInteger sum = new BigInteger(1, root).add(new BigInteger(1, tweak)).mod(N);
        byte[] raw = sum.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        if (!Secp256k1.isValidScalar(out)) {
            // root + tweak = n: a chance of about 2^-256, and stoxumd would fail here as well.
            throw new IllegalStateException("seed yields no account key");
        }
        return out;
    }

    private static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
