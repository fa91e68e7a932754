package org.stoxum.engine.config;

/**
 * The content of {@code [validator_token]}: the base64 token decodes to JSON holding the validator's
 * manifest and its ephemeral signing secret. Checking that the manifest's signing key matches the
 * secret needs key derivation and is left to the validator-keys code.
 */
public final class ValidatorToken {
    private final String token;
    private final String manifest;
    private final byte[] validationSecretKey;

    ValidatorToken(String token, String manifest, byte[] validationSecretKey) {
        this.token = token;
        this.manifest = manifest;
        this.validationSecretKey = validationSecretKey.clone();
    }

    /** The token as written, lines joined. */
    public String token() {
        return token;
    }

    /** The base64 manifest from the token. */
    public String manifest() {
        return manifest;
    }

    /** The signing secret key bytes from the token's {@code validation_secret_key}. */
    public byte[] validationSecretKey() {
        return validationSecretKey.clone();
    }

    @Override
    public String toString() {
        return "ValidatorToken[manifest=" + manifest + ", secret hidden]";
    }
}
