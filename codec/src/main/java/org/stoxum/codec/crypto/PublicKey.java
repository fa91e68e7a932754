package org.stoxum.codec.crypto;

import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.FixedBytes;
import org.stoxum.codec.types.AccountId;

/**
 * A 33-byte public key of either type, and the place signatures are verified.
 *
 * <p>Like stoxumd's {@code PublicKey}, constructing one checks only the type byte and length; whether
 * the bytes are a curve point is found out on first verification, whose decoded form is then kept with
 * the key (decoding is a sizeable part of a verification), so hold on to a {@code PublicKey} you verify
 * with repeatedly. Instances are immutable and thread-safe.
 */
public final class PublicKey extends FixedBytes<PublicKey> {
    /** Size of every typed public key. */
    public static final int LENGTH = 33;
    private static final String MALFORMED = "publicMalformed";
    private static final Object ED25519_DECODER = new Object();

    /**
     * Keys decoded lately, by their bytes' hash. Every parsed transaction carries a new instance of its
     * signer's key, and decoding a compressed secp256k1 key takes a square root, about a tenth of a
     * verification; an account's next transaction finds its key here. A slot is overwritten by the next
     * key that hashes to it, and a plain array suffices: a racing reader sees either instance, each
     * immutable but for its volatile decoded form, and checks the bytes before borrowing.
     */
    static final int RECENT_SLOTS = 1 << 12;
    private static final PublicKey[] RECENT = new PublicKey[RECENT_SLOTS];

    private final KeyType type;
    /** Decoded form and the decoder (backend) that produced it; value null when not a curve point. */
    private volatile Decoded decoded;

    private record Decoded(Object decoder, Object value) {
    }

    private PublicKey(byte[] bytes, KeyType type) {
        super(bytes);
        this.type = type;
    }

    /**
     * A key from its 33 bytes.
     *
     * @throws CodecException {@code publicMalformed} unless 33 bytes starting 0x02, 0x03 or 0xED
     */
    public static PublicKey of(byte[] bytes) {
        return parse(bytes).orElseThrow(() -> new CodecException(MALFORMED,
                "a public key is 33 bytes starting 0x02, 0x03 or 0xED"));
    }

    /** Like {@link #of} but empty instead of throwing. */
    public static Optional<PublicKey> parse(byte[] bytes) {
        KeyType t = KeyType.ofPublicKey(bytes);
        return t == null ? Optional.empty() : Optional.of(new PublicKey(bytes.clone(), t));
    }

    /**
     * Parses a {@code NODE_PUBLIC} or {@code ACCOUNT_PUBLIC} token in the profile's alphabet.
     *
     * @throws CodecException {@code publicMalformed} for a bad token, the other token type, or a payload
     *     that is not a typed key
     */
    public static PublicKey fromBase58(TokenType tokenType, String token, NetworkProfile profile) {
        requirePublicTokenType(tokenType);
        byte[] payload;
        try {
            payload = Base58.of(profile).decodeToken(tokenType, token);
        } catch (CodecException e) {
            throw new CodecException(MALFORMED, "not a " + tokenType + " token: " + e.getMessage(), e);
        }
        return of(payload);
    }

    public KeyType type() {
        return type;
    }

    /** The key as a {@code NODE_PUBLIC} ({@code n...}/{@code E...}) or {@code ACCOUNT_PUBLIC} token. */
    public String toBase58(TokenType tokenType, NetworkProfile profile) {
        requirePublicTokenType(tokenType);
        return Base58.of(profile).encodeToken(tokenType, bytes);
    }

    /** RIPEMD-160(SHA-256(key)): the account this key is the master key of. */
    public AccountId accountId() {
        return AccountId.fromPublicKey(bytes);
    }

    /** The node ID of a peer or validator key: the same hash as {@link #accountId()}, as 20 bytes. */
    public byte[] nodeId() {
        return accountId().toBytes();
    }

    /**
     * stoxumd's {@code verify}: secp256k1 checks {@code SHA512Half(message)}; ed25519 checks the message
     * itself. {@code requireFullyCanonical} demands low-S for secp256k1 (ed25519 signatures are always
     * held to S &lt; L). Never throws; any malformed input is simply not a valid signature.
     */
    public boolean verify(byte[] message, byte[] signature, boolean requireFullyCanonical) {
        return verify(message, signature, requireFullyCanonical, Secp256k1.backend());
    }

    /**
     * stoxumd's {@code verifyDigest}: a secp256k1 signature over a precomputed 32-byte hash (validations
     * and proposals). False for ed25519 keys, which cannot sign digests. Never throws.
     */
    public boolean verifyDigest(byte[] digest, byte[] signature, boolean requireFullyCanonical) {
        return verifyDigest(digest, signature, requireFullyCanonical, Secp256k1.backend());
    }

    /**
     * Verifies with a key given as raw bytes (a transaction's {@code SigningPubKey}, say): false for
     * anything that is not a typed key. Never throws.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature, boolean requireFullyCanonical) {
        KeyType t = KeyType.ofPublicKey(publicKey);
        if (t == null || message == null) {
            return false;
        }
        return new PublicKey(publicKey, t).verify(message, signature, requireFullyCanonical);
    }

    boolean verify(byte[] message, byte[] signature, boolean requireFullyCanonical, Secp256k1Backend backend) {
        if (message == null || signature == null) {
            return false;
        }
        if (type == KeyType.ED25519) {
            return Ed25519.verify((Ed25519Group.KeyTables) decodedBy(ED25519_DECODER, null), bytes, message, signature);
        }
        return verifyDigest(Sha512Half.of(message), signature, requireFullyCanonical, backend);
    }

    boolean verifyDigest(byte[] digest, byte[] signature, boolean requireFullyCanonical, Secp256k1Backend backend) {
        if (type != KeyType.SECP256K1) {
            return false;
        }
        return Secp256k1.verifyDigest(backend, decodedBy(backend, backend), digest, signature, requireFullyCanonical);
    }

    /**
     * The decoded key for {@code decoder}, computed once per decoder and cached; null if not a point.
     * A key decoded recently under another instance with the same bytes lends its decoded form.
     */
    private Object decodedBy(Object decoder, Secp256k1Backend backend) {
        Decoded d = decoded;
        if (d != null && d.decoder == decoder) {
            return d.value;
        }
        int slot = hashCode() & (RECENT_SLOTS - 1);
        PublicKey seen = RECENT[slot];
        Decoded lent = seen == null ? null : seen.decoded;
        if (lent != null && lent.decoder == decoder && seen.equals(this)) {
            decoded = lent;
            return lent.value;
        }
        Object value = backend == null ? Ed25519.parsePublicKey(bytes) : backend.parsePublicKey(bytes);
        decoded = new Decoded(decoder, value);
        RECENT[slot] = this;
        return value;
    }

    private static void requirePublicTokenType(TokenType t) {
        if (t != TokenType.NODE_PUBLIC && t != TokenType.ACCOUNT_PUBLIC) {
            throw new IllegalArgumentException(t + " is not a public key token type");
        }
    }
}
