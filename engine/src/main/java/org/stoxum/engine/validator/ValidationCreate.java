package org.stoxum.engine.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.engine.rpc.server.RpcError;

/**
 * The answer of the admin command {@code validation_create}: a seed (the one given as {@code secret}, read
 * as {@code parseGenericSeed} reads it, or a random one) and the secp256k1 node key stoxumd derives from it
 * for {@code [validation_seed]}.
 */
public final class ValidationCreate {
    private ValidationCreate() {
    }

    /**
     * The result object: {@code validation_key} (the seed in RFC 1751 words), {@code validation_private_key}
     * (node private key), {@code validation_public_key} (node public key) and {@code validation_seed}, in
     * the profile's alphabet and in the order stoxumd prints them. Errors come back as the handler's answer
     * does: {@code badSeed} when {@code secret} is no seed, and {@code internal} when it is of a type
     * stoxumd cannot read as a string (its handler throws, and the dispatcher answers so).
     *
     * @param params the request's parameters (may be null)
     */
    public static ObjectNode answer(JsonNode params, NetworkProfile profile) {
        Seed seed;
        if (params == null || !params.has("secret")) {
            seed = Seed.random();
        } else {
            Optional<String> secret = asString(params.get("secret"));
            if (secret.isEmpty()) {
                return RpcError.INTERNAL.make();
            }
            Optional<Seed> parsed = Seed.parseGeneric(secret.get(), profile);
            if (parsed.isEmpty()) {
                return RpcError.BAD_SEED.make();
            }
            seed = parsed.get();
        }
        KeyPair key = KeyPair.nodeFromSeed(seed, KeyType.SECP256K1);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("validation_key", seed.toRfc1751());
        out.put("validation_private_key", key.secretToBase58(TokenType.NODE_PRIVATE, profile));
        out.put("validation_public_key", key.publicKey().toBase58(TokenType.NODE_PUBLIC, profile));
        out.put("validation_seed", seed.toBase58(profile));
        return out;
    }

    /**
     * Json::Value::asString as the handler calls it: strings as they are, null as empty, booleans as words,
     * integers stoxumd's reader stores as signed (up to 2^31-1, and negatives) in decimal; empty for anything
     * else, where stoxumd throws.
     */
    private static Optional<String> asString(JsonNode v) {
        if (v.isTextual()) {
            return Optional.of(v.textValue());
        }
        if (v.isNull()) {
            return Optional.of("");
        }
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue() ? "true" : "false");
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() <= Integer.MAX_VALUE
                && v.longValue() >= Integer.MIN_VALUE) {
            return Optional.of(Long.toString(v.longValue()));
        }
        return Optional.empty();
    }
}
