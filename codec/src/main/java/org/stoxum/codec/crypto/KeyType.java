package org.stoxum.codec.crypto;

import java.util.Optional;

/**
 * The two signature schemes of the protocol.
 *
 * <p>A public key announces its own scheme through its first byte, so a signature can always be checked
 * without being told the type; the type must be named only when keys are derived from a seed, because
 * the same seed gives different keys under each scheme.
 */
public enum KeyType {
    SECP256K1("secp256k1"),
    ED25519("ed25519");

    /** First byte of every 33-byte Ed25519 public key; secp256k1 keys start 0x02 or 0x03. */
    public static final int ED25519_PREFIX = 0xED;

    private final String apiName;

    KeyType(String apiName) {
        this.apiName = apiName;
    }

    /** The spelling used by the API's {@code key_type} field. */
    public String apiName() {
        return apiName;
    }

    /**
     * The key type a {@code key_type} field names. Matching is exact (case-sensitive), as in stoxumd;
     * the empty result lets each caller answer with its own error.
     */
    public static Optional<KeyType> fromName(String name) {
        if (SECP256K1.apiName.equals(name)) {
            return Optional.of(SECP256K1);
        }
        if (ED25519.apiName.equals(name)) {
            return Optional.of(ED25519);
        }
        return Optional.empty();
    }

    /**
     * The scheme of a serialized public key: 33 bytes starting 0xED, or 33 bytes starting 0x02/0x03.
     * Anything else (including 65-byte uncompressed keys) has no type and can never verify.
     */
    public static Optional<KeyType> fromPublicKey(byte[] publicKey) {
        KeyType t = ofPublicKey(publicKey);
        return t == null ? Optional.empty() : Optional.of(t);
    }

    /** Like {@link #fromPublicKey} without the wrapper, for hot paths; null when untyped. */
    static KeyType ofPublicKey(byte[] publicKey) {
        if (publicKey == null || publicKey.length != PublicKey.LENGTH) {
            return null;
        }
        int first = publicKey[0] & 0xFF;
        if (first == ED25519_PREFIX) {
            return ED25519;
        }
        if (first == 0x02 || first == 0x03) {
            return SECP256K1;
        }
        return null;
    }

    @Override
    public String toString() {
        return apiName;
    }
}
