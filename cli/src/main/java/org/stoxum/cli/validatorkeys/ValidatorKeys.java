package org.stoxum.cli.validatorkeys;

import java.util.Optional;
import org.stoxum.codec.Hex;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.manifest.Manifest;
import org.stoxum.codec.manifest.ValidatorToken;

/**
 * A validator's master key and the state kept with it in the key file: how many tokens it has signed and
 * whether it has been revoked. The master key never leaves this object except as signatures.
 *
 * <p>Behaviour of the validator-keys tool (0.2.x, 2018): master keys are made ed25519 from a random seed;
 * each token gets a fresh secp256k1 signing key, because stoxumd derives the token's public key from its
 * secret as secp256k1.
 */
public final class ValidatorKeys {
    /** The master key type {@code create_keys} uses. */
    public static final KeyType MASTER_KEY_TYPE = KeyType.ED25519;

    /** Token sequences stop below this (the tool refuses once the sequence reaches 0xFFFFFFFE). */
    static final long LAST_TOKEN_SEQUENCE = Manifest.REVOCATION_SEQUENCE - 1;

    private final KeyPair master;
    private long tokenSequence;
    private boolean revoked;

    ValidatorKeys(KeyPair master, long tokenSequence, boolean revoked) {
        if (tokenSequence < 0 || tokenSequence > Manifest.REVOCATION_SEQUENCE) {
            throw new IllegalArgumentException("token sequence out of range: " + tokenSequence);
        }
        this.master = master;
        this.tokenSequence = tokenSequence;
        this.revoked = revoked;
    }

    /** New keys: a random ed25519 master key, no token made yet. */
    public static ValidatorKeys generate() {
        return new ValidatorKeys(KeyPair.fromSeed(Seed.random(), MASTER_KEY_TYPE), 0, false);
    }

    /**
     * The next token: sequence + 1, a fresh signing key, and a manifest signed by both keys. Empty when the
     * keys are revoked or the sequence has run out; the state is then unchanged.
     */
    public Optional<ValidatorToken> createToken() {
        if (revoked || tokenSequence >= LAST_TOKEN_SEQUENCE) {
            return Optional.empty();
        }
        tokenSequence++;
        KeyPair signing = KeyPair.nodeFromSeed(Seed.random(), KeyType.SECP256K1);
        return Optional.of(ValidatorToken.of(Manifest.sign(master, signing, tokenSequence), signing));
    }

    /** Marks the keys revoked and returns the revocation manifest (the same bytes every time). */
    public Manifest revoke() {
        revoked = true;
        return Manifest.revocation(master);
    }

    /** Upper-case hex of the master key's signature over {@code data} (domain verification). */
    public String sign(byte[] data) {
        return Hex.encode(master.sign(data));
    }

    KeyPair master() {
        return master;
    }

    public long tokenSequence() {
        return tokenSequence;
    }

    public boolean revoked() {
        return revoked;
    }

    /** Shows the public key and state only. */
    @Override
    public String toString() {
        return "ValidatorKeys[" + master.publicKey() + ", sequence " + tokenSequence + (revoked ? ", revoked" : "") + "]";
    }
}
