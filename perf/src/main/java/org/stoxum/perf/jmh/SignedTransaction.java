package org.stoxum.perf.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import org.stoxum.codec.Hex;
import org.stoxum.codec.testing.SharedVectors;

/**
 * One signed transaction from {@code shared/vectors/signing/signed-transactions.ripple.json}, in every
 * form a benchmark starts from. Benchmarks measure real transactions signed by real keys, never
 * synthetic bytes, so a figure means what it says; a missing vector file fails the benchmark's setup.
 *
 * @param txJson the signed transaction as a JSON tree
 * @param txJsonText the same as compact JSON text
 * @param blob the canonical serialization
 * @param signingMessage {@code STX\0} followed by the signing serialization: what the signature covers
 */
record SignedTransaction(String id, String keyType, JsonNode txJson, String txJsonText, byte[] blob,
                         String blobHex, byte[] signingMessage, byte[] signature, byte[] publicKey,
                         byte[] secretKey, String hashHex) {
    static final String FILE = "signing/signed-transactions.ripple.json";
    /** The plainest signed Payment (STM in drops), secp256k1 signer: the most common transaction. */
    static final String PAYMENT_SECP256K1 = "sv-01-payment-native-secp256k1";
    /** A Payment of an issued currency with SendMax and a two-path path set: amounts and paths at work. */
    static final String PAYMENT_ISSUED = "sv-02-payment-issued-secp256k1";
    /** The plain Payment again, signed by an ed25519 key. */
    static final String PAYMENT_ED25519 = "sv-21-payment-native-ed25519";

    /** Loads a single-signed vector by id; fails with the id when absent. */
    static SignedTransaction load(String id) {
        for (JsonNode v : SharedVectors.json(FILE).get("vectors")) {
            if (id.equals(v.path("id").asText())) {
                JsonNode signer = v.get("signer");
                return new SignedTransaction(id, v.get("key_type").asText(), v.get("tx_json"),
                        v.get("tx_json").toString(), Hex.decode(v.get("tx_blob_hex").asText()),
                        v.get("tx_blob_hex").asText(),
                        Hex.decode(v.get("signing_prefix_hex").asText() + v.get("signing_blob_hex").asText()),
                        Hex.decode(v.get("signature_hex").asText()), Hex.decode(signer.get("public_key_hex").asText()),
                        Hex.decode(signer.get("private_key_hex").asText()), v.get("hash").asText());
            }
        }
        throw new IllegalArgumentException("no single-signed vector " + id + " in " + SharedVectors.vector(FILE));
    }
}
