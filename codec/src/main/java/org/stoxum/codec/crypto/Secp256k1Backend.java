package org.stoxum.codec.crypto;

/**
 * One implementation of the secp256k1 operations the protocol needs. Two exist, native libsecp256k1
 * and Bouncy Castle, and must agree bit for bit; {@link Secp256k1#backend()} picks one at start-up.
 *
 * <p>Inputs are already checked by the caller (secret in [1, n-1], 32-byte digest, r and s in
 * [1, n-1] with s in the low half), so implementations only compute.
 */
interface Secp256k1Backend {
    /** Short name for logs and test names. */
    String name();

    /** The 33-byte compressed public key of a valid secret. */
    byte[] publicKey(byte[] secret);

    /** ECDSA over a 32-byte digest with the RFC 6979 (HMAC-SHA256) nonce; returns r || s with low s. */
    byte[] signCompact(byte[] secret, byte[] digest);

    /**
     * Decodes a 33-byte compressed key into whatever form makes verification cheapest, or returns null
     * when it is not a point of the curve. The result is immutable and may be cached by the caller.
     */
    Object parsePublicKey(byte[] compressed);

    /** Verifies r || s (both in [1, n-1], s low) over a 32-byte digest with a key from {@link #parsePublicKey}. */
    boolean verifyCompact(Object parsedKey, byte[] digest, byte[] compactSignature);
}
