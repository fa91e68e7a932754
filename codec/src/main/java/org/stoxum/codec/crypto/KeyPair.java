package org.stoxum.codec.crypto;

import java.security.SecureRandom;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.AccountId;

/**
 * A secret key with its public key, and the one place messages are signed.
 *
 * <p>Two derivations from a seed exist and must not be confused. {@link #fromSeed} gives an account's
 * master key (secp256k1: root key plus the account tweak; ed25519: {@code SHA512Half(seed)}), as
 * {@code wallet_propose} and {@code sign} compute it. {@link #nodeFromSeed} gives the key of
 * {@code [validation_seed]}, {@code [node_seed]} and {@code validation_create}: for secp256k1 the root
 * key itself, with no tweak. For ed25519 both are the same.
 */
public final class KeyPair {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BAD_SECRET = "badSecret";

    private final PublicKey publicKey;
    private final byte[] secret;

    private KeyPair(PublicKey publicKey, byte[] secret) {
        this.publicKey = publicKey;
        this.secret = secret;
    }

    /** An account's master key pair from its seed (stoxumd {@code generateKeyPair}). */
    public static KeyPair fromSeed(Seed seed, KeyType type) {
        return fromSeed(seed, type, Secp256k1.backend());
    }

    static KeyPair fromSeed(Seed seed, KeyType type, Secp256k1Backend backend) {
        if (type == KeyType.ED25519) {
            return nodeFromSeed(seed, type, backend);
        }
        return derive(type, DeterministicKeys.accountSecret(seed.bytesUnsafe(), backend), backend);
    }

    /** A node or validator key pair from a seed (stoxumd {@code generateSecretKey}). */
    public static KeyPair nodeFromSeed(Seed seed, KeyType type) {
        return nodeFromSeed(seed, type, Secp256k1.backend());
    }

    static KeyPair nodeFromSeed(Seed seed, KeyType type, Secp256k1Backend backend) {
        byte[] secret = type == KeyType.ED25519
                ? Sha512Half.of(seed.bytesUnsafe())
                : DeterministicKeys.rootSecret(seed.bytesUnsafe());
        return derive(type, secret, backend);
    }

    /**
     * The pair of a 32-byte secret (stoxumd {@code derivePublicKey}).
     *
     * @throws CodecException {@code badSecret} for a wrong length, or a secp256k1 secret that is zero or
     *     not below the curve order
     */
    public static KeyPair fromSecret(KeyType type, byte[] secret) {
        if (secret.length != 32 || (type == KeyType.SECP256K1 && !Secp256k1.isValidScalar(secret))) {
            throw new CodecException(BAD_SECRET, "not a valid " + type + " secret key");
        }
        return derive(type, secret.clone(), Secp256k1.backend());
    }

    /**
     * The pair of a {@code NODE_PRIVATE} or {@code ACCOUNT_SECRET} token, whose type byte does not say
     * which key type it is for.
     *
     * @throws CodecException {@code badSecret} for a bad token or an invalid secret
     */
    public static KeyPair fromBase58Secret(TokenType tokenType, String token, KeyType keyType,
                                           NetworkProfile profile) {
        requireSecretTokenType(tokenType);
        byte[] secret;
        try {
            secret = Base58.of(profile).decodeToken(tokenType, token);
        } catch (CodecException e) {
            throw new CodecException(BAD_SECRET, "not a " + tokenType + " token: " + e.getMessage(), e);
        }
        return fromSecret(keyType, secret);
    }

    /** A pair from 32 fresh random bytes (stoxumd {@code randomKeyPair}), e.g. a node identity. */
    public static KeyPair random(KeyType type) {
        byte[] secret = new byte[32];
        do {
            RANDOM.nextBytes(secret);
        } while (type == KeyType.SECP256K1 && !Secp256k1.isValidScalar(secret));
        return derive(type, secret, Secp256k1.backend());
    }

    private static KeyPair derive(KeyType type, byte[] secret, Secp256k1Backend backend) {
        byte[] pub = type == KeyType.ED25519 ? Ed25519.publicKey(secret) : backend.publicKey(secret);
        return new KeyPair(PublicKey.of(pub), secret);
    }

    public KeyType type() {
        return publicKey.type();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the 32-byte secret. */
    public byte[] secretKey() {
        return secret.clone();
    }

    /** The account whose master key this is. */
    public AccountId accountId() {
        return publicKey.accountId();
    }

    /** The secret as a {@code NODE_PRIVATE} or {@code ACCOUNT_SECRET} token. */
    public String secretToBase58(TokenType tokenType, NetworkProfile profile) {
        requireSecretTokenType(tokenType);
        return Base58.of(profile).encodeToken(tokenType, secret);
    }

    /**
     * stoxumd's {@code sign}: secp256k1 signs {@code SHA512Half(message)} (RFC 6979 nonce, low-S, DER);
     * ed25519 signs the message itself (64 bytes). Both are deterministic.
     */
    public byte[] sign(byte[] message) {
        return sign(message, Secp256k1.backend());
    }

    byte[] sign(byte[] message, Secp256k1Backend backend) {
        if (type() == KeyType.ED25519) {
            return Ed25519.sign(secret, publicKey.toBytes(), message);
        }
        return Secp256k1.signDigest(backend, secret, Sha512Half.of(message));
    }

    /**
     * stoxumd's {@code signDigest}: a secp256k1 signature over a precomputed 32-byte hash, as validations
     * and proposals are signed.
     *
     * @throws CodecException for an ed25519 key or a digest that is not 32 bytes
     */
    public byte[] signDigest(byte[] digest) {
        return signDigest(digest, Secp256k1.backend());
    }

    byte[] signDigest(byte[] digest, Secp256k1Backend backend) {
        if (type() != KeyType.SECP256K1) {
            throw CodecException.invalid("digest signing needs a secp256k1 key");
        }
        if (digest.length != 32) {
            throw CodecException.invalid("a digest is 32 bytes, got " + digest.length);
        }
        return Secp256k1.signDigest(backend, secret, digest);
    }

    private static void requireSecretTokenType(TokenType t) {
        if (t != TokenType.NODE_PRIVATE && t != TokenType.ACCOUNT_SECRET) {
            throw new IllegalArgumentException(t + " is not a secret key token type");
        }
    }

    /** Shows the type and public key only. */
    @Override
    public String toString() {
        return "KeyPair[" + type() + " " + publicKey + "]";
    }
}
