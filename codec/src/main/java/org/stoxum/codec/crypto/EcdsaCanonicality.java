package org.stoxum.codec.crypto;

/**
 * How strictly a DER secp256k1 signature is formed, per stoxumd's {@code ecdsaCanonicality}.
 *
 * <p>Every valid signature (r, s) has a twin (r, n - s); accepting both would let anyone change a
 * transaction's signature, and so its ID. "Canonical" is strict DER with 0 < r, s < n; "fully canonical"
 * also needs the low twin (s &lt;= n - s). Transactions flagged {@code tfFullyCanonicalSig}, validations,
 * manifests and payment-channel claims demand the latter.
 */
public enum EcdsaCanonicality {
    /** Not strict DER, or r or s out of range: never verifies. */
    NOT_CANONICAL,
    /** Strict DER, in range, high s. */
    CANONICAL,
    /** Strict DER, in range, low s. */
    FULLY_CANONICAL;

    /** Classifies a signature; never throws. */
    public static EcdsaCanonicality of(byte[] signature) {
        return Secp256k1.derToCompact(signature, new byte[64]);
    }
}
