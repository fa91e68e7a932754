package org.stoxum.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.testing.SharedVectors;

/**
 * signing/signed-transactions.*.json: every single signature, every multi-signer's signature and every
 * payment-channel claim is reproduced byte for byte from the private key and the signing blob, verifies,
 * and stops verifying when one bit of the message or the signature flips. (Encoding the transaction
 * JSON into those blobs is the binary codec's test.)
 */
class SignedTransactionsTest {
    private static final long TF_FULLY_CANONICAL_SIG = 0x80000000L;

    @TestFactory
    Stream<DynamicTest> everySignature() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NetworkProfile profile : NetworkProfile.values()) {
            JsonNode vectors = SharedVectors.json("signing/signed-transactions." + profile.configName() + ".json")
                    .get("vectors");
            assertEquals(43, vectors.size());
            for (Secp256k1Backend backend : Backends.all()) {
                for (JsonNode v : vectors) {
                    String name = profile.configName() + "/" + Backends.label(backend) + "/" + v.get("id").asText();
                    boolean fullyCanonical = (v.get("tx_json").path("Flags").asLong(0) & TF_FULLY_CANONICAL_SIG) != 0;
                    if (v.path("multisigned").asBoolean(false)) {
                        int i = 0;
                        for (JsonNode signer : v.get("signers")) {
                            tests.add(DynamicTest.dynamicTest(name + "/signer-" + i++, () -> checkSignature(signer,
                                    signer.get("multisig_prefix_hex").asText() + signer.get("multisig_blob_hex").asText(),
                                    signer.get("multisig_hash_hex").asText(), signer.get("signature_hex").asText(),
                                    fullyCanonical, profile, backend)));
                        }
                    } else {
                        tests.add(DynamicTest.dynamicTest(name, () -> {
                            assertEquals(v.get("signature_hex").asText(), v.get("tx_json").get("TxnSignature").asText());
                            checkSignature(v.get("signer"),
                                    v.get("signing_prefix_hex").asText() + v.get("signing_blob_hex").asText(),
                                    v.get("signing_hash_hex").asText(), v.get("signature_hex").asText(),
                                    fullyCanonical, profile, backend);
                        }));
                    }
                    if (v.has("claim")) {
                        JsonNode c = v.get("claim");
                        tests.add(DynamicTest.dynamicTest(name + "/claim", () -> {
                            assertEquals(c.get("channel_hex").asText()
                                            + String.format("%016X", Long.parseLong(c.get("amount_drops").asText())),
                                    c.get("claim_blob_hex").asText());
                            assertEquals(c.get("claim_signature_hex").asText(), v.get("tx_json").get("Signature").asText());
                            // Payment channel claims always demand fully canonical signatures.
                            checkSignature(c.get("channel_owner"),
                                    c.get("claim_prefix_hex").asText() + c.get("claim_blob_hex").asText(),
                                    c.get("claim_hash_hex").asText(), c.get("claim_signature_hex").asText(),
                                    true, profile, backend);
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void checkSignature(JsonNode signer, String messageHex, String hashHex, String signatureHex,
                                       boolean requireFullyCanonical, NetworkProfile profile,
                                       Secp256k1Backend backend) {
        KeyType type = KeyType.fromName(signer.get("key_type").asText()).orElseThrow();
        KeyPair fromSecret = KeyPair.fromSecret(type, Hex.decode(signer.get("private_key_hex").asText()));
        assertEquals(signer.get("public_key_hex").asText(), fromSecret.publicKey().toString());

        Seed seed = Seed.fromHex(signer.get("seed_hex").asText());
        assertEquals(seed, Seed.fromBase58(signer.get("family_seed").asText(), profile));
        KeyPair fromSeed = KeyPair.fromSeed(seed, type, backend);
        assertEquals(fromSecret.publicKey(), fromSeed.publicKey());
        assertArrayEquals(fromSecret.secretKey(), fromSeed.secretKey());
        assertEquals(signer.get("account_id_hex").asText(), fromSeed.accountId().toString());
        assertEquals(signer.get("address").asText(), fromSeed.accountId().toAddress(profile));

        byte[] message = Hex.decode(messageHex);
        byte[] expected = Hex.decode(signatureHex);
        assertEquals(hashHex, Hex.encode(Sha512Half.of(message)));
        assertArrayEquals(expected, fromSeed.sign(message, backend));

        PublicKey pk = fromSeed.publicKey();
        assertTrue(pk.verify(message, expected, requireFullyCanonical, backend));
        assertTrue(PublicKey.verify(pk.toBytes(), message, expected, requireFullyCanonical));
        for (int bit : new int[] {0, 7, message.length * 4 + 3, message.length * 8 - 1}) {
            assertFalse(pk.verify(flip(message, bit), expected, false, backend), "message bit " + bit);
        }
        for (int bit = 0; bit < expected.length * 8; bit += 5) {
            assertFalse(pk.verify(message, flip(expected, bit), false, backend), "signature bit " + bit);
        }
    }

    private static byte[] flip(byte[] b, int bit) {
        byte[] c = b.clone();
        c[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return c;
    }
}
