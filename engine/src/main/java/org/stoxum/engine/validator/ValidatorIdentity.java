package org.stoxum.engine.validator;

import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.manifest.Manifest;
import org.stoxum.engine.config.ConfigException;
import org.stoxum.engine.config.ConfiguredSeed;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.ValidatorToken;

/**
 * Who this server validates as, read once from its config (stoxumd's {@code ValidatorKeys} plus the
 * config half of {@code ManifestCache::load}).
 *
 * <p>With {@code [validator_token]}, validations are signed with the token's ephemeral secp256k1 secret,
 * and the validator is known by the master key of the token's manifest. With the older
 * {@code [validation_seed]}, the seed's secp256k1 node key both signs and names the validator; there is no
 * manifest. Without either the server does not validate. Everything that stoxumd treats as a fatal config
 * error fails here, at start-up, with a {@link ConfigException} saying what to fix.
 */
public final class ValidatorIdentity {
    /** A server that does not validate. */
    public static final ValidatorIdentity NONE =
            new ValidatorIdentity(NetworkProfile.DEFAULT, null, null, null, null);

    /** server_info's {@code pubkey_validator} when the server does not validate. */
    public static final String NO_VALIDATOR = "none";

    private final NetworkProfile profile;
    private final KeyPair signingKey;
    private final PublicKey masterKey;
    private final Manifest manifest;
    private final Manifest revocation;

    private ValidatorIdentity(NetworkProfile profile, KeyPair signingKey, PublicKey masterKey, Manifest manifest,
                              Manifest revocation) {
        this.profile = profile;
        this.signingKey = signingKey;
        this.masterKey = masterKey;
        this.manifest = manifest;
        this.revocation = revocation;
    }

    /**
     * The identity a config describes.
     *
     * @throws ConfigException when both {@code [validator_token]} and {@code [validation_seed]} are set; when
     *     the token's manifest is malformed, revoked, not correctly signed, or names another signing key than
     *     the token's secret; or when {@code [validator_key_revocation]} is not a correctly signed revocation
     */
    public static ValidatorIdentity fromConfig(NodeConfig config) {
        String source = config.file().map(Object::toString).orElse("<embedded defaults>");
        NetworkProfile profile = config.networkProfile();
        Manifest revocation = config.validatorKeyRevocation().map(r -> revocation(source, r)).orElse(null);
        Optional<ValidatorToken> token = config.validatorToken();
        Optional<ConfiguredSeed> seed = config.validationSeed();
        if (token.isPresent() && seed.isPresent()) {
            throw new ConfigException(source, 0,
                    "Cannot specify both [validation_seed] and [validator_token]: keep the token");
        }
        if (token.isPresent()) {
            return fromToken(source, profile, token.get(), revocation);
        }
        if (seed.isPresent()) {
            KeyPair key = KeyPair.nodeFromSeed(Seed.of(seed.get().entropy()), KeyType.SECP256K1);
            return new ValidatorIdentity(profile, key, key.publicKey(), null, revocation);
        }
        return new ValidatorIdentity(profile, null, null, null, revocation);
    }

    private static ValidatorIdentity fromToken(String source, NetworkProfile profile, ValidatorToken token,
                                               Manifest revocation) {
        String problem = "Invalid token specified in [validator_token]: ";
        Manifest m;
        KeyPair key;
        try {
            m = Manifest.fromBase64(token.manifest());
            key = KeyPair.fromSecret(KeyType.SECP256K1, token.validationSecretKey());
        } catch (CodecException e) {
            throw new ConfigException(source, 0, problem + e.getMessage());
        }
        if (m.revoked()) {
            throw new ConfigException(source, 0, problem + "its manifest revokes the master key "
                    + m.masterKey().toBase58(TokenType.NODE_PUBLIC, profile) + "; make new keys and a new token");
        }
        if (!m.signingKey().orElseThrow().equals(key.publicKey())) {
            throw new ConfigException(source, 0, problem + "the validation secret key is not the manifest's "
                    + "signing key (lines from two different tokens?)");
        }
        if (!m.verify()) {
            throw new ConfigException(source, 0, problem + "the manifest's signatures do not verify");
        }
        return new ValidatorIdentity(profile, key, m.masterKey(), m, revocation);
    }

    private static Manifest revocation(String source, String base64) {
        String problem = "Invalid validator key revocation in [validator_key_revocation]: ";
        Manifest m;
        try {
            m = Manifest.fromBase64(base64);
        } catch (CodecException e) {
            throw new ConfigException(source, 0, problem + e.getMessage());
        }
        if (!m.revoked()) {
            throw new ConfigException(source, 0, problem + "the manifest does not revoke its master key "
                    + "(a token's manifest pasted in the wrong section?)");
        }
        if (!m.verify()) {
            throw new ConfigException(source, 0, problem + "its master signature does not verify");
        }
        return m;
    }

    /** True when the server has a key to validate with. */
    public boolean isValidator() {
        return signingKey != null;
    }

    /** The key validations and proposals are signed with: the token's ephemeral key, or the seed's key. */
    public Optional<KeyPair> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    /** The key the validator is known and trusted by: the manifest's master key, or the seed's key. */
    public Optional<PublicKey> masterKey() {
        return Optional.ofNullable(masterKey);
    }

    /** The token's manifest, sent to peers so they can map our signing key to our master key. */
    public Optional<Manifest> manifest() {
        return Optional.ofNullable(manifest);
    }

    /** The {@code [validator_key_revocation]} manifest, if configured. */
    public Optional<Manifest> revocation() {
        return Optional.ofNullable(revocation);
    }

    /**
     * Puts the configured manifests in {@code cache}, after those loaded from the wallet database, as
     * stoxumd does at start-up: the token's manifest, then the revocation. Either may be stale (the
     * database knew a newer one); both were checked when the config was read, so neither is invalid.
     */
    public void loadInto(ManifestCache cache) {
        if (manifest != null) {
            cache.apply(manifest);
        }
        if (revocation != null) {
            cache.apply(revocation);
        }
    }

    /**
     * server_info's {@code pubkey_validator}: the master key the cache maps our signing key to, in the
     * profile's alphabet, or {@value #NO_VALIDATOR}. Asking the cache (as stoxumd does) matters when the
     * local master key is revoked or the database held a newer manifest: then the signing key is shown.
     */
    public String pubkeyValidator(ManifestCache cache) {
        if (signingKey == null) {
            return NO_VALIDATOR;
        }
        return cache.masterKey(signingKey.publicKey()).toBase58(TokenType.NODE_PUBLIC, profile);
    }

    @Override
    public String toString() {
        return signingKey == null ? "ValidatorIdentity[none]"
                : "ValidatorIdentity[master=" + masterKey.toBase58(TokenType.NODE_PUBLIC, profile)
                        + (manifest == null ? ", from [validation_seed]" : ", manifest sequence " + manifest.sequence())
                        + "]";
    }
}
