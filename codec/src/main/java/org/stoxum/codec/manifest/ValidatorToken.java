package org.stoxum.codec.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;

/**
 * The {@code [validator_token]} a validator's config carries: base64 of the JSON object
 * {@code {"manifest": <base64 manifest>, "validation_secret_key": <hex>}}, printed in lines of
 * {@value ConfigLines#LINE_LENGTH} characters.
 *
 * <p>The secret is the ephemeral secp256k1 signing key the manifest vouches for; the master key stays with
 * the validator-keys tool. The token is written exactly as the 2018 validator-keys tool writes it (members
 * in name order, no spaces, upper-case hex) and read as stoxumd reads it (each line trimmed, the lines
 * joined, base64 decoded leniently).
 */
public final class ValidatorToken {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SECRET_LENGTH = 32;

    private final String manifest;
    private final byte[] secret;

    private ValidatorToken(String manifest, byte[] secret) {
        this.manifest = manifest;
        this.secret = secret;
    }

    /**
     * The token for {@code manifest}, whose signing key must be {@code signingKey}'s.
     *
     * @throws IllegalArgumentException for a revocation, a signing key that is not secp256k1 (stoxumd
     *     derives the key from the secret as secp256k1), or a key that is not the manifest's
     */
    public static ValidatorToken of(Manifest manifest, KeyPair signingKey) {
        if (signingKey.type() != KeyType.SECP256K1) {
            throw new IllegalArgumentException("a validator token's signing key must be secp256k1");
        }
        if (!manifest.signingKey().equals(Optional.of(signingKey.publicKey()))) {
            throw new IllegalArgumentException("the manifest does not name this signing key");
        }
        return new ValidatorToken(manifest.toBase64(), signingKey.secretKey());
    }

    /**
     * Reads a token from the lines of a {@code [validator_token]} section, as stoxumd's
     * {@code make_ValidatorToken}: white space around each line is dropped and the lines are joined.
     *
     * @throws CodecException {@code invalidParams} when the text is not base64 of a JSON object with string
     *     members {@code manifest} and {@code validation_secret_key}, or the secret is not 32 bytes of hex
     */
    public static ValidatorToken decode(List<String> lines) {
        StringBuilder joined = new StringBuilder();
        for (String line : lines) {
            joined.append(trim(line));
        }
        byte[] json = TolerantBase64.decode(joined);
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw CodecException.invalid("validator token: not base64 of a JSON object");
        }
        JsonNode manifest = node == null ? null : node.get("manifest");
        JsonNode secret = node == null ? null : node.get("validation_secret_key");
        if (manifest == null || !manifest.isTextual() || secret == null || !secret.isTextual()) {
            throw CodecException.invalid(
                    "validator token: expected string members \"manifest\" and \"validation_secret_key\"");
        }
        String hex = secret.asText();
        if (!Hex.isHex(hex) || hex.length() != 2 * SECRET_LENGTH) {
            throw CodecException.invalid("validator token: validation_secret_key must be "
                    + SECRET_LENGTH + " bytes of hex");
        }
        return new ValidatorToken(manifest.asText(), Hex.decode(hex));
    }

    /** Reads a token from text that may span lines (the body of a {@code [validator_token]} section). */
    public static ValidatorToken decode(String text) {
        return decode(Arrays.asList(text.split("\n", -1)));
    }

    /** rfc2616 white space, the set stoxumd trims from token lines. */
    private static String trim(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isWhite(line.charAt(start))) {
            start++;
        }
        while (end > start && isWhite(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** The manifest's base64 text as the token carries it. */
    public String manifestBase64() {
        return manifest;
    }

    /**
     * The manifest, decoded as stoxumd decodes it.
     *
     * @throws CodecException when it is not a well-formed manifest
     */
    public Manifest manifest() {
        return Manifest.fromBase64(manifest);
    }

    /** A copy of the 32 secret bytes. */
    public byte[] validationSecretKey() {
        return secret.clone();
    }

    /**
     * The secp256k1 key pair of the secret, as stoxumd derives it.
     *
     * @throws CodecException {@code badSecret} when the bytes are not a valid secp256k1 secret
     */
    public KeyPair signingKeyPair() {
        return KeyPair.fromSecret(KeyType.SECP256K1, secret);
    }

    /** The token on one line: base64 of the JSON object. */
    public String encode() {
        ObjectNode o = JSON.createObjectNode();
        o.put("manifest", manifest);
        o.put("validation_secret_key", Hex.encode(secret));
        try {
            return TolerantBase64.encode(JSON.writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a two-string JSON object", e);
        }
    }

    /** The token cut into the lines written under {@code [validator_token]}. */
    public List<String> configLines() {
        return ConfigLines.wrap(encode());
    }

    /** The secret is not printed. */
    @Override
    public String toString() {
        return "ValidatorToken[manifest=" + manifest + ", secret hidden]";
    }
}
