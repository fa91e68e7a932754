package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.engine.rpc.server.RpcError;

/**
 * How commands read secrets (rippled's {@code getSeedFromRPC} and {@code keypairForSignature}): exactly one
 * of {@code passphrase}, {@code seed}, {@code seed_hex} (and {@code secret} for signing), with
 * {@code key_type} choosing the key scheme.
 */
public final class Seeds {
    private static final String[] SEED_FIELDS = {"passphrase", "seed", "seed_hex"};
    private static final String[] SECRET_FIELDS = {"passphrase", "secret", "seed", "seed_hex"};

    private Seeds() {
    }

    /**
     * The seed from exactly one of passphrase, seed, seed_hex.
     *
     * @throws RpcFailure invalidParams or badSeed
     */
    public static Seed fromParams(ObjectNode params, NetworkProfile profile) {
        String field = onlyOne(params, SEED_FIELDS,
                "Exactly one of the following must be specified: passphrase, seed or seed_hex");
        return read(params, field, profile)
                .orElseThrow(() -> RpcFailure.of(RpcError.BAD_SEED));
    }

    private static Optional<Seed> read(ObjectNode params, String field, NetworkProfile profile) {
        JsonNode v = params.get(field);
        if (!v.isTextual()) {
            throw new RpcFailure(RpcError.expectedField(field, "string"));
        }
        String text = v.textValue();
        return switch (field) {
            case "seed" -> {
                try {
                    yield Optional.of(Seed.fromBase58(text, profile));
                } catch (CodecException e) {
                    yield Optional.empty();
                }
            }
            case "seed_hex" -> {
                if (text.length() != 32 || !Hex.isHex(text)) {
                    yield Optional.empty();
                }
                yield Optional.of(Seed.fromHex(text));
            }
            default -> Seed.parseGeneric(text, profile);
        };
    }

    private static String onlyOne(ObjectNode params, String[] fields, String message) {
        String found = null;
        int count = 0;
        for (String f : fields) {
            if (params.has(f)) {
                count++;
                found = f;
            }
        }
        if (count != 1) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, message);
        }
        return found;
    }

    /** The key type named by {@code key_type}, or empty when absent. */
    public static Optional<KeyType> keyType(ObjectNode params) {
        JsonNode v = params.get("key_type");
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new RpcFailure(RpcError.expectedField("key_type", "string"));
        }
        return Optional.of(KeyType.fromName(v.textValue())
                .orElseThrow(() -> new RpcFailure(RpcError.invalidField("key_type"))));
    }

    /**
     * The signing key pair of a sign or submit request.
     *
     * @throws RpcFailure invalidParams (missing, several, or secret with key_type) or badSeed
     */
    public static KeyPair signingKeys(ObjectNode params, NetworkProfile profile) {
        int count = 0;
        String field = null;
        for (String f : SECRET_FIELDS) {
            if (params.has(f)) {
                count++;
                field = f;
            }
        }
        if (count == 0) {
            throw new RpcFailure(RpcError.missingField("secret"));
        }
        if (count > 1) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "Exactly one of the following must be specified: "
                    + "passphrase, secret, seed or seed_hex");
        }
        Optional<KeyType> type = keyType(params);
        Optional<Seed> seed;
        if (type.isPresent()) {
            if (field.equals("secret")) {
                throw RpcFailure.of(RpcError.INVALID_PARAMS,
                        "The secret field is not allowed if key_type is used.");
            }
            seed = read(params, onlyOne(params, SEED_FIELDS,
                    "Exactly one of the following must be specified: passphrase, seed or seed_hex"), profile);
            if (seed.isEmpty()) {
                throw RpcFailure.of(RpcError.BAD_SEED);
            }
        } else {
            JsonNode secret = params.get("secret");
            if (secret == null || !secret.isTextual()) {
                throw new RpcFailure(RpcError.expectedField("secret", "string"));
            }
            seed = Seed.parseGeneric(secret.textValue(), profile);
            if (seed.isEmpty()) {
                throw RpcFailure.of(RpcError.BAD_SEED, "Invalid field '" + field + "'.");
            }
        }
        return KeyPair.fromSeed(seed.get(), type.orElse(KeyType.SECP256K1));
    }
}
