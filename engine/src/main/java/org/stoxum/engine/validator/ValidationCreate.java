package org.stoxum.engine.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;

/**
 * The answer of the admin command {@code validation_create}: a seed (the one given as {@code secret}, read
 * as {@code parseGenericSeed} reads it, or a random one) and the secp256k1 node key stoxumd derives from it
 * for {@code [validation_seed]}.
 */
public final class ValidationCreate {
    /** rippled's error token for a {@code secret} that is no seed. */
    public static final String BAD_SEED = "badSeed";
    /** rippled's error token when the handler throws (a {@code secret} that is an object, array or real). */
    public static final String INTERNAL = "internal";

    private static final int INT_MAX = Integer.MAX_VALUE;

    private ValidationCreate() {
    }

    /**
     * The result object: {@code validation_key} (the seed in RFC 1751 words), {@code validation_private_key}
     * (node private key), {@code validation_public_key} (node public key) and {@code validation_seed}, in
     * the profile's alphabet and in the order stoxumd prints them.
     *
     * @param params the request's parameters (may be null)
     * @throws CodecException {@value #BAD_SEED} when {@code secret} is no seed, {@value #INTERNAL} when it
     *     is of a type stoxumd cannot read as a string
     */
    public static ObjectNode answer(JsonNode params, NetworkProfile profile) {
        Seed seed;
        if (params == null || !params.has("secret")) {
            seed = Seed.random();
        } else {
            seed = Seed.parseGeneric(asString(params.get("secret")), profile).orElseThrow(
                    () -> new CodecException(BAD_SEED, "Disallowed seed."));
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
     * integers stoxumd's reader stores as signed (up to 2^31-1, and negatives) in decimal; anything else
     * throws there, which the server answers with {@value #INTERNAL}.
     */
    private static String asString(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNull()) {
            return "";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "true" : "false";
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() <= INT_MAX
                && v.longValue() >= Integer.MIN_VALUE) {
            return Long.toString(v.longValue());
        }
        throw new CodecException(INTERNAL, "Type is not convertible to string");
    }
}
