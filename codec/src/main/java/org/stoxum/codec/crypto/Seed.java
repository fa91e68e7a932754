package org.stoxum.codec.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;

/**
 * The 16 bytes every key of a wallet or validator is derived from.
 *
 * <p>A seed is secret: {@link #toString()} does not print it. The same seed yields different keys under
 * each {@link KeyType}, which is why stoxumd's seed formats carry no key type.
 */
public final class Seed {
    /** Seed size in bytes. */
    public static final int LENGTH = 16;
    private static final String BAD_SEED = "badSeed";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private Seed(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A seed holding a copy of exactly 16 bytes. */
    public static Seed of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new CodecException(BAD_SEED, "a seed is 16 bytes, got " + bytes.length);
        }
        return new Seed(bytes.clone());
    }

    /** 16 bytes from the system's cryptographic random source. */
    public static Seed random() {
        byte[] b = new byte[LENGTH];
        RANDOM.nextBytes(b);
        return new Seed(b);
    }

    /** The first 16 bytes of SHA-512 of the passphrase's UTF-8 bytes (stoxumd {@code generateSeed}). */
    public static Seed fromPassphrase(String passphrase) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(passphrase.getBytes(StandardCharsets.UTF_8));
            return new Seed(Arrays.copyOf(digest, LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-512", e);
        }
    }

    /**
     * Exactly 32 hex digits of either case, nothing else (the {@code seed_hex} field's rule).
     *
     * @throws CodecException {@code badSeed} for any other string
     */
    public static Seed fromHex(String hex) {
        Seed s = parseHexExact(hex);
        if (s == null) {
            throw new CodecException(BAD_SEED, "seed_hex must be exactly 32 hex digits");
        }
        return s;
    }

    /**
     * A family seed token (version 0x21, 16-byte payload) in the profile's alphabet.
     *
     * @throws CodecException {@code badSeed} when it is not one
     */
    public static Seed fromBase58(String token, NetworkProfile profile) {
        try {
            return new Seed(Base58.of(profile).decodeToken(TokenType.FAMILY_SEED, token));
        } catch (CodecException e) {
            throw new CodecException(BAD_SEED, "not a family seed: " + e.getMessage(), e);
        }
    }

    /**
     * Twelve RFC 1751 words, read as stoxumd does: the decoded 16 bytes in reverse order.
     *
     * @throws CodecException {@code badSeed} naming the problem
     */
    public static Seed fromRfc1751(String words) {
        return new Seed(reversed(Rfc1751.decode(words)));
    }

    /**
     * stoxumd's {@code parseGenericSeed}: how {@code secret}, {@code passphrase} and
     * {@code validation_create}'s {@code secret} read a string.
     *
     * <p>In order: the empty string is refused; a valid account address, node or account public key,
     * node private key or account secret is refused (so a key pasted in the wrong field is not silently
     * hashed as a passphrase); 32 hex digits are the seed itself; a family seed token is decoded; twelve
     * RFC 1751 words are decoded; anything else is a passphrase.
     *
     * @return empty when the string is refused
     */
    public static Optional<Seed> parseGeneric(String s, NetworkProfile profile) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Base58 b58 = Base58.of(profile);
        if (looksLikeOtherToken(b58, s)) {
            return Optional.empty();
        }
        Seed hex = parseHexExact(s);
        if (hex != null) {
            return Optional.of(hex);
        }
        byte[] family = tryDecode(b58, TokenType.FAMILY_SEED, s);
        if (family != null) {
            return Optional.of(new Seed(family));
        }
        byte[] key = new byte[LENGTH];
        if (Rfc1751.decodeInto(s, key) == null) {
            return Optional.of(new Seed(reversed(key)));
        }
        return Optional.of(fromPassphrase(s));
    }

    /** A copy of the 16 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Upper-case hex ({@code master_seed_hex}). */
    public String toHex() {
        return Hex.encode(bytes);
    }

    /** The family seed token ({@code master_seed}) in the profile's alphabet. */
    public String toBase58(NetworkProfile profile) {
        return Base58.of(profile).encodeToken(TokenType.FAMILY_SEED, bytes);
    }

    /** The twelve words of {@code wallet_propose}'s {@code master_key}: RFC 1751 of the reversed bytes. */
    public String toRfc1751() {
        return Rfc1751.encode(reversed(bytes));
    }

    /** Read-only access for derivation inside the package, without a copy. */
    byte[] bytesUnsafe() {
        return bytes;
    }

    private static boolean looksLikeOtherToken(Base58 b58, String s) {
        if (tryDecode(b58, TokenType.ACCOUNT_ID, s) != null
                || tryDecode(b58, TokenType.NODE_PRIVATE, s) != null
                || tryDecode(b58, TokenType.ACCOUNT_SECRET, s) != null) {
            return true;
        }
        // Public key tokens count only when the payload is a typed key, as stoxumd's parser requires.
        return KeyType.ofPublicKey(tryDecode(b58, TokenType.NODE_PUBLIC, s)) != null
                || KeyType.ofPublicKey(tryDecode(b58, TokenType.ACCOUNT_PUBLIC, s)) != null;
    }

    private static byte[] tryDecode(Base58 b58, TokenType type, String s) {
        try {
            return b58.decodeToken(type, s);
        } catch (CodecException e) {
            return null;
        }
    }

    private static Seed parseHexExact(String s) {
        if (s.length() != 2 * LENGTH) {
            return null;
        }
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int hi = hexDigit(s.charAt(2 * i));
            int lo = hexDigit(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return new Seed(out);
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] reversed(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Seed s && MessageDigest.isEqual(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Deliberately opaque: seeds must not end up in logs. */
    @Override
    public String toString() {
        return "Seed[secret]";
    }
}
