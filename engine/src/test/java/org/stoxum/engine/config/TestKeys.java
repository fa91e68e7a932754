package org.stoxum.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.stoxum.codec.testing.SharedVectors;

/** Real keys and seeds from the shared key vectors, so configs in tests hold tokens stoxumd accepts. */
final class TestKeys {
    private static final JsonNode STOXUM = SharedVectors.json("keys/keypairs.stoxum.json").get("generated");
    private static final JsonNode RIPPLE = SharedVectors.json("keys/keypairs.ripple.json").get("generated");

    private TestKeys() {
    }

    /** The i-th generated item's secp256k1 node public key, stoxum alphabet. */
    static String nodeKey(int i) {
        return STOXUM.get(i).get("secp256k1").get("node").get("node_public_base58").asText();
    }

    /** The i-th generated item's ed25519 node public key (an {@code Em...} master key), stoxum alphabet. */
    static String edNodeKey(int i) {
        return STOXUM.get(i).get("ed25519").get("node").get("node_public_base58").asText();
    }

    /** Hex of the i-th ed25519 node public key. */
    static String edNodeKeyHex(int i) {
        return STOXUM.get(i).get("ed25519").get("node").get("public_key_hex").asText();
    }

    /** Hex of the i-th secp256k1 node public key. */
    static String nodeKeyHex(int i) {
        return STOXUM.get(i).get("secp256k1").get("node").get("public_key_hex").asText();
    }

    /** The same key as {@link #nodeKey(int)} in the ripple alphabet. */
    static String rippleNodeKey(int i) {
        return RIPPLE.get(i).get("secp256k1").get("node").get("node_public_base58").asText();
    }

    /** The i-th family seed, stoxum alphabet. */
    static String seed(int i) {
        return STOXUM.get(i).get("family_seed").asText();
    }

    /** The i-th seed's 16 bytes in hex. */
    static String seedHex(int i) {
        return STOXUM.get(i).get("seed_hex").asText();
    }

    /** The i-th family seed, ripple alphabet. */
    static String rippleSeed(int i) {
        return RIPPLE.get(i).get("family_seed").asText();
    }

    /** The i-th secp256k1 account address, stoxum alphabet. */
    static String address(int i) {
        return STOXUM.get(i).get("secp256k1").get("account").get("address").asText();
    }
}
