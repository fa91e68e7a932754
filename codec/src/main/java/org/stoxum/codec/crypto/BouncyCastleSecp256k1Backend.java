package org.stoxum.codec.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Pure-Java secp256k1 for platforms where the native library cannot load.
 *
 * <p>Bouncy Castle's HMAC-SHA256 k-calculator is RFC 6979 exactly as libsecp256k1 implements it (the
 * digest reduced mod n, no extra entropy), so signatures are the same bytes once s is moved to the low
 * half. The parsed key form is a validated {@link ECPublicKeyParameters}.
 */
final class BouncyCastleSecp256k1Backend implements Secp256k1Backend {
    static final BouncyCastleSecp256k1Backend INSTANCE = new BouncyCastleSecp256k1Backend();

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    private BouncyCastleSecp256k1Backend() {
    }

    @Override
    public String name() {
        return "Bouncy Castle (pure Java)";
    }

    @Override
    public byte[] publicKey(byte[] secret) {
        ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), new BigInteger(1, secret));
        return q.normalize().getEncoded(true);
    }

    @Override
    public byte[] signCompact(byte[] secret, byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, secret), DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? DOMAIN.getN().subtract(rs[1]) : rs[1];
        byte[] out = new byte[64];
        putUnsigned(rs[0], out, 0);
        putUnsigned(s, out, 32);
        return out;
    }

    @Override
    public Object parsePublicKey(byte[] compressed) {
        try {
            return new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(compressed), DOMAIN);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean verifyCompact(Object parsedKey, byte[] digest, byte[] compactSignature) {
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, (ECPublicKeyParameters) parsedKey);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(compactSignature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(compactSignature, 32, 64));
        return signer.verifySignature(digest, r, s);
    }

    private static void putUnsigned(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int skip = b.length > 32 ? b.length - 32 : 0;
        System.arraycopy(b, skip, out, offset + 32 - (b.length - skip), b.length - skip);
    }
}
