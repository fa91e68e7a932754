package org.stoxum.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.testing.SharedVectors;

/**
 * keys/keypairs.{ripple,stoxum}.json: every seed through keys, ids, tokens and signatures, on both
 * alphabets and both secp256k1 backends.
 */
class KeypairVectorsTest {

    @TestFactory
    Stream<DynamicTest> generatedItems() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NetworkProfile profile : NetworkProfile.values()) {
            JsonNode file = SharedVectors.json("keys/keypairs." + profile.configName() + ".json");
            JsonNode items = file.get("generated");
            assertEquals(31, items.size(), "item count");
            for (Secp256k1Backend backend : Backends.all()) {
                for (JsonNode item : items) {
                    tests.add(DynamicTest.dynamicTest(profile.configName() + "/" + Backends.label(backend)
                            + "/" + item.get("id").asText(), () -> checkItem(item, profile, backend)));
                }
            }
        }
        return tests.stream();
    }

    private static void checkItem(JsonNode item, NetworkProfile profile, Secp256k1Backend backend) {
        Seed seed = Seed.fromHex(item.get("seed_hex").asText());
        if (item.has("passphrase")) {
            assertEquals(seed, Seed.fromPassphrase(item.get("passphrase").asText()));
        }
        String familySeed = item.get("family_seed").asText();
        assertEquals(familySeed, seed.toBase58(profile));
        assertEquals(seed, Seed.fromBase58(familySeed, profile));
        assertEquals(seed, Seed.parseGeneric(familySeed, profile).orElseThrow());
        assertEquals(seed, Seed.fromRfc1751(seed.toRfc1751()));

        for (KeyType type : KeyType.values()) {
            JsonNode k = item.get(type.apiName());
            checkAccount(k.get("account"), KeyPair.fromSeed(seed, type, backend), type, profile, backend);
            checkNode(k.get("node"), KeyPair.nodeFromSeed(seed, type, backend), profile);
        }
    }

    private static void checkAccount(JsonNode a, KeyPair kp, KeyType type, NetworkProfile profile,
                                     Secp256k1Backend backend) {
        assertEquals(type, kp.type());
        assertEquals(a.get("private_key_hex").asText(), Hex.encode(kp.secretKey()));
        String prefixed = (type == KeyType.ED25519 ? "ED" : "00") + Hex.encode(kp.secretKey());
        assertEquals(a.get("private_key_keypairs_hex").asText(), prefixed);
        assertEquals(a.get("public_key_hex").asText(), kp.publicKey().toString());
        assertEquals(a.get("account_id_hex").asText(), kp.accountId().toString());
        assertEquals(a.get("address").asText(), kp.accountId().toAddress(profile));
        String accountPublic = a.get("account_public_base58").asText();
        assertEquals(accountPublic, kp.publicKey().toBase58(TokenType.ACCOUNT_PUBLIC, profile));
        assertEquals(kp.publicKey(), PublicKey.fromBase58(TokenType.ACCOUNT_PUBLIC, accountPublic, profile));
        String accountSecret = a.get("account_secret_base58").asText();
        assertEquals(accountSecret, kp.secretToBase58(TokenType.ACCOUNT_SECRET, profile));
        assertEquals(kp.publicKey(),
                KeyPair.fromBase58Secret(TokenType.ACCOUNT_SECRET, accountSecret, type, profile).publicKey());

        PublicKey pk = PublicKey.of(Hex.decode(a.get("public_key_hex").asText()));
        for (JsonNode s : a.get("signatures")) {
            byte[] message = Hex.decode(s.get("message_hex").asText());
            if (s.has("message_utf8")) {
                assertArrayEquals(s.get("message_utf8").asText().getBytes(StandardCharsets.UTF_8), message);
            }
            byte[] expected = Hex.decode(s.get("signature_hex").asText());
            assertArrayEquals(expected, kp.sign(message, backend), "signature of " + s.get("message_hex"));
            assertTrue(pk.verify(message, expected, true, backend));
            assertTrue(pk.verify(message, expected, false, backend));
            if (type == KeyType.SECP256K1) {
                byte[] digest = Hex.decode(s.get("digest_hex").asText());
                assertArrayEquals(digest, Sha512Half.of(message));
                assertArrayEquals(expected, kp.signDigest(digest, backend));
                assertTrue(pk.verifyDigest(digest, expected, true, backend));
                assertEquals(EcdsaCanonicality.FULLY_CANONICAL, EcdsaCanonicality.of(expected));
            } else {
                assertFalse(pk.verifyDigest(Sha512Half.of(message), expected, false, backend));
            }
        }
        for (JsonNode n : a.get("negative")) {
            byte[] message = Hex.decode(n.get("message_hex").asText());
            byte[] sig = Hex.decode(n.get("signature_hex").asText());
            String why = n.get("why").asText();
            if (n.has("expect_valid")) {
                assertFalse(n.get("expect_valid").asBoolean());
                assertFalse(pk.verify(message, sig, false, backend), why);
                assertFalse(pk.verify(message, sig, true, backend), why);
            } else {
                assertEquals(n.get("expect_valid_when_canonical_allowed").asBoolean(),
                        pk.verify(message, sig, false, backend), why);
                assertEquals(n.get("expect_valid_when_fully_canonical_required").asBoolean(),
                        pk.verify(message, sig, true, backend), why);
                assertEquals(EcdsaCanonicality.CANONICAL, EcdsaCanonicality.of(sig));
            }
        }
    }

    private static void checkNode(JsonNode n, KeyPair kp, NetworkProfile profile) {
        assertEquals(n.get("private_key_hex").asText(), Hex.encode(kp.secretKey()));
        assertEquals(n.get("public_key_hex").asText(), kp.publicKey().toString());
        assertEquals(n.get("node_id_hex").asText(), Hex.encode(kp.publicKey().nodeId()));
        String nodePublic = n.get("node_public_base58").asText();
        assertEquals(nodePublic, kp.publicKey().toBase58(TokenType.NODE_PUBLIC, profile));
        assertEquals(kp.publicKey(), PublicKey.fromBase58(TokenType.NODE_PUBLIC, nodePublic, profile));
        String nodePrivate = n.get("node_private_base58").asText();
        assertEquals(nodePrivate, kp.secretToBase58(TokenType.NODE_PRIVATE, profile));
        assertEquals(kp.publicKey(),
                KeyPair.fromBase58Secret(TokenType.NODE_PRIVATE, nodePrivate, kp.type(), profile).publicKey());
    }

    @TestFactory
    Stream<DynamicTest> rippleKeypairsApiFixture() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NetworkProfile profile : NetworkProfile.values()) {
            JsonNode f = SharedVectors.json("keys/keypairs." + profile.configName() + ".json")
                    .get("ripple_keypairs_api_fixture");
            for (KeyType type : KeyType.values()) {
                tests.add(DynamicTest.dynamicTest(profile.configName() + "/" + type, () -> {
                    JsonNode x = f.get(type.apiName());
                    Seed seed = clientSeed(x.get("seed").asText(), type, profile);
                    KeyPair account = KeyPair.fromSeed(seed, type);
                    KeyPair validator = KeyPair.nodeFromSeed(seed, type);
                    String prefix = type == KeyType.ED25519 ? "ED" : "00";
                    assertEquals(x.get("keypair").get("privateKey").asText(), prefix + Hex.encode(account.secretKey()));
                    assertEquals(x.get("keypair").get("publicKey").asText(), account.publicKey().toString());
                    assertEquals(x.get("validatorKeypair").get("privateKey").asText(),
                            prefix + Hex.encode(validator.secretKey()));
                    assertEquals(x.get("validatorKeypair").get("publicKey").asText(), validator.publicKey().toString());
                    assertEquals(x.get("address").asText(), account.accountId().toAddress(profile));
                    byte[] message = x.get("message").asText().getBytes(StandardCharsets.UTF_8);
                    byte[] sig = Hex.decode(x.get("signature").asText());
                    assertArrayEquals(sig, account.sign(message));
                    assertTrue(account.publicKey().verify(message, sig, true));
                }));
            }
        }
        return tests.stream();
    }

    /** The fixture's ed25519 seed uses the client-only 3-byte prefix that stoxumd itself refuses. */
    private static Seed clientSeed(String token, KeyType type, NetworkProfile profile) {
        if (type == KeyType.SECP256K1) {
            return Seed.fromBase58(token, profile);
        }
        byte[] raw = Base58.of(profile).decodeChecked(token);
        assertArrayEquals(new byte[] {0x01, (byte) 0xE1, 0x4B}, Arrays.copyOf(raw, 3));
        assertTrue(Seed.parseGeneric(token, profile).isPresent(), "stoxumd hashes an sEd seed as a passphrase");
        assertFalse(Seed.parseGeneric(token, profile).orElseThrow().equals(Seed.of(Arrays.copyOfRange(raw, 3, 19))));
        return Seed.of(Arrays.copyOfRange(raw, 3, 19));
    }

    @TestFactory
    Stream<DynamicTest> stoxumdSeedTest() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NetworkProfile profile : NetworkProfile.values()) {
            JsonNode f = SharedVectors.json("keys/keypairs." + profile.configName() + ".json").get("stoxumd_seed_test");
            tests.add(DynamicTest.dynamicTest(profile.configName(), () -> {
                Seed seed = Seed.fromPassphrase(f.get("passphrase").asText());
                for (KeyType type : KeyType.values()) {
                    JsonNode x = f.get(type.apiName());
                    KeyPair node = KeyPair.nodeFromSeed(seed, type);
                    KeyPair account = KeyPair.fromSeed(seed, type);
                    assertEquals(x.get("node_public_base58").asText(), node.publicKey().toBase58(TokenType.NODE_PUBLIC, profile));
                    assertEquals(x.get("node_private_base58").asText(), node.secretToBase58(TokenType.NODE_PRIVATE, profile));
                    assertEquals(x.get("node_id_hex").asText(), Hex.encode(node.publicKey().nodeId()));
                    assertEquals(x.get("address").asText(), account.accountId().toAddress(profile));
                    assertEquals(x.get("account_public_base58").asText(),
                            account.publicKey().toBase58(TokenType.ACCOUNT_PUBLIC, profile));
                    assertEquals(x.get("account_secret_base58").asText(),
                            account.secretToBase58(TokenType.ACCOUNT_SECRET, profile));
                }
                f.get("passphrase_to_family_seed").fields().forEachRemaining(e ->
                        assertEquals(e.getValue().asText(), Seed.fromPassphrase(e.getKey()).toBase58(profile)));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> xrplGenerateAddressFixture() {
        return Arrays.stream(NetworkProfile.values()).map(profile -> DynamicTest.dynamicTest(profile.configName(), () -> {
            JsonNode f = SharedVectors.json("keys/keypairs." + profile.configName() + ".json")
                    .get("xrpl_generate_address_fixture");
            KeyType type = KeyType.fromName(f.get("key_type").asText()).orElseThrow();
            Seed seed = Seed.parseGeneric(f.get("secret").asText(), profile).orElseThrow();
            assertEquals(f.get("classicAddress").asText(), KeyPair.fromSeed(seed, type).accountId().toAddress(profile));
        }));
    }
}
