package org.stoxum.engine.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.engine.rpc.server.RpcError;

/**
 * validation_create as stoxumd's handler computes it: parseGenericSeed of {@code secret}, then the seed's
 * secp256k1 root key (no account tweak).
 */
class ValidationCreateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode params(String json) throws Exception {
        return JSON.readTree(json);
    }

    /**
     * The genesis passphrase. The seed words and seed are what the recorded stoxumd answered to wallet_propose
     * for the same passphrase (oracle start/09); the key is the seed's root key, not the account key
     * (0330E7FC...) wallet_propose shows.
     */
    @Test
    void masterpassphraseInTheStoxumProfile() throws Exception {
        ObjectNode a = ValidationCreate.answer(params("{\"secret\":\"masterpassphrase\"}"), NetworkProfile.STOXUM);
        assertEquals(List.of("validation_key", "validation_private_key", "validation_public_key", "validation_seed"),
                fieldNames(a));
        assertEquals("I IRE BOND BOW TRIO LAID SEAT GOAL HEN IBIS IBIS DARE", a.get("validation_key").asText());
        assertEquals("tErGpxZ8JPJWJmfiM7BdHLq7D4fMB", a.get("validation_seed").asText());
        // stoxumd Seed_test's node keys for this passphrase (shared key vectors, stoxum spelling).
        assertEquals("E2AXDdAbL6vVVFKa8YkWTgiBhV2sXch3kjpZGifbw6c9ePwqMi72", a.get("validation_public_key").asText());
        assertEquals("FEPESSs9PfUAqTozShW1pg1YoFMXPTnugvgTrt8XLMWDN4dFYZP", a.get("validation_private_key").asText());
        PublicKey pub = PublicKey.fromBase58(TokenType.NODE_PUBLIC, a.get("validation_public_key").asText(),
                NetworkProfile.STOXUM);
        assertNotEquals("0330E7FC9D56BB25D6893BA3F317AE5BCF33B3291BD63DB32654A313222F7FD020", pub.toString());
        // Every spelling of the same seed gives the same answer.
        for (String s : new String[] {"tErGpxZ8JPJWJmfiM7BdHLq7D4fMB", "DEDCE9CE67B451D852FD4E846FCDE31C",
                "I IRE BOND BOW TRIO LAID SEAT GOAL HEN IBIS IBIS DARE"}) {
            assertEquals(a, ValidationCreate.answer(JSON.createObjectNode().put("secret", s), NetworkProfile.STOXUM), s);
        }
    }

    /** Published rippled answers (xrpl.org validation_create and validation_seed pages), Ripple alphabet. */
    @Test
    void publishedRippleAnswers() throws Exception {
        ObjectNode fawn = ValidationCreate.answer(params("{\"secret\":\"ssZkdwURFMBXenJPbrpE14b6noJSu\"}"),
                NetworkProfile.RIPPLE);
        assertEquals("FAWN JAVA JADE HEAL VARY HER REEL SHAW GAIL ARCH BEN IRMA", fawn.get("validation_key").asText());
        assertEquals("n9Mxf6qD4J55XeLSCEpqaePW4GjoCR5U1ZeGZGJUCNe3bQa4yQbG",
                fawn.get("validation_public_key").asText());
        ObjectNode bawl = ValidationCreate.answer(
                params("{\"secret\":\"BAWL MAN JADE MOON DOVE GEM SON NOW HAD ADEN GLOW TIRE\"}"), NetworkProfile.RIPPLE);
        assertEquals("BAWL MAN JADE MOON DOVE GEM SON NOW HAD ADEN GLOW TIRE", bawl.get("validation_key").asText());
        assertEquals("snjJkyBGogTem5dFGbcRaThKq2Rt3", bawl.get("validation_seed").asText());
        assertEquals("n9Jx6RS6zSgqsgnuWJifNA9EqgjTKAywqYNReK5NRd1yLBbfC3ng",
                bawl.get("validation_public_key").asText());
    }

    /** Every generated seed of the shared key vectors, both alphabets: the answer carries its node keys. */
    @Test
    void sharedKeyVectors() {
        int checked = 0;
        for (NetworkProfile profile : NetworkProfile.values()) {
            JsonNode file = SharedVectors.json("keys/keypairs." + profile.configName() + ".json");
            for (JsonNode item : file.get("generated")) {
                String seed = item.get("family_seed").asText();
                JsonNode node = item.get("secp256k1").get("node");
                ObjectNode a = ValidationCreate.answer(JSON.createObjectNode().put("secret", seed), profile);
                String id = profile + " " + item.get("id").asText();
                assertEquals(node.get("node_public_base58").asText(), a.get("validation_public_key").asText(), id);
                assertEquals(node.get("node_private_base58").asText(), a.get("validation_private_key").asText(), id);
                assertEquals(seed, a.get("validation_seed").asText(), id);
                assertEquals(Seed.fromHex(item.get("seed_hex").asText()).toRfc1751(),
                        a.get("validation_key").asText(), id);
                ObjectNode byHex = ValidationCreate.answer(
                        JSON.createObjectNode().put("secret", item.get("seed_hex").asText()), profile);
                assertEquals(a, byHex, id);
                checked++;
            }
        }
        assertEquals(62, checked);
    }

    @Test
    void withoutSecretTheSeedIsRandom() throws Exception {
        ObjectNode a = ValidationCreate.answer(params("{}"), NetworkProfile.STOXUM);
        ObjectNode b = ValidationCreate.answer(null, NetworkProfile.STOXUM);
        assertNotEquals(a.get("validation_seed"), b.get("validation_seed"));
        Seed seed = Seed.fromBase58(a.get("validation_seed").asText(), NetworkProfile.STOXUM);
        assertEquals(seed.toRfc1751(), a.get("validation_key").asText());
        assertEquals(KeyPair.nodeFromSeed(seed, KeyType.SECP256K1).publicKey().toBase58(TokenType.NODE_PUBLIC,
                NetworkProfile.STOXUM), a.get("validation_public_key").asText());
    }

    @Test
    void secretsAreReadAsTheHandlerReadsThem() throws Exception {
        // Numbers and booleans become their text and then a passphrase.
        assertEquals(ValidationCreate.answer(params("{\"secret\":\"123\"}"), NetworkProfile.STOXUM),
                ValidationCreate.answer(params("{\"secret\":123}"), NetworkProfile.STOXUM));
        assertEquals(ValidationCreate.answer(params("{\"secret\":\"-7\"}"), NetworkProfile.STOXUM),
                ValidationCreate.answer(params("{\"secret\":-7}"), NetworkProfile.STOXUM));
        assertEquals(ValidationCreate.answer(params("{\"secret\":\"true\"}"), NetworkProfile.STOXUM),
                ValidationCreate.answer(params("{\"secret\":true}"), NetworkProfile.STOXUM));
        // Empty (or null, read as empty) and keys of other kinds are refused as badSeed.
        for (String bad : new String[] {"\"\"", "null", "\"xmB23jLgWpAxb2DingE2kNuduzABYU8WMy\"",
                "\"Xp5zVn5L6btDPMoT9L5Zxv74Ad81Nh932YchSFqfGMhvSi3XyY7Y\""}) {
            assertEquals(RpcError.BAD_SEED.make(),
                    ValidationCreate.answer(params("{\"secret\":" + bad + "}"), NetworkProfile.STOXUM), bad);
        }
        // Values Json::Value::asString cannot convert make the handler throw: "internal".
        for (String odd : new String[] {"1.5", "4294967295", "[]", "{}"}) {
            assertEquals(RpcError.INTERNAL.make(),
                    ValidationCreate.answer(params("{\"secret\":" + odd + "}"), NetworkProfile.STOXUM), odd);
        }
        assertEquals("badSeed", RpcError.BAD_SEED.make().get("error").asText());
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
