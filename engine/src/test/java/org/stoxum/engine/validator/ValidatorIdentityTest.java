package org.stoxum.engine.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.manifest.ConfigLines;
import org.stoxum.codec.manifest.Manifest;
import org.stoxum.codec.manifest.RecordedTokens;
import org.stoxum.codec.manifest.ValidatorToken;
import org.stoxum.engine.config.ConfigException;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;

/** The validator identity read from configs: stoxumd's ValidatorKeys_test cases and the manifest-cache start-up. */
class ValidatorIdentityTest {
    static final String BASE = String.join("\n",
            "[server]", "port_rpc", "", "[port_rpc]", "ip = 127.0.0.1", "port = 5005", "protocol = http", "",
            "[node_db]", "type = lmdb", "path = db", "");

    @TempDir
    Path dir;

    NodeConfig config(String extra) {
        return NodeConfigLoader.parse("test.cfg", BASE + extra, Optional.of(dir.resolve("test.cfg")), dir,
                dir.resolve("data"), false);
    }

    static String section(String name, List<String> lines) {
        return "[" + name + "]\n" + String.join("", lines.stream().map(l -> l.endsWith("\n") ? l : l + "\n").toList());
    }

    static String tokenSection(ValidatorToken t) {
        return section("validator_token", t.configLines());
    }

    /** A token around any manifest bytes, for manifests ValidatorToken.of would not wrap. */
    static String rawTokenSection(byte[] manifest, KeyPair signing) {
        String json = "{\"manifest\":\"" + Base64.getEncoder().encodeToString(manifest)
                + "\",\"validation_secret_key\":\"" + Hex.encode(signing.secretKey()) + "\"}";
        return section("validator_token", ConfigLines.wrap(
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void recordedTokenGivesItsKeysInEitherAlphabet() {
        for (NetworkProfile p : NetworkProfile.values()) {
            NodeConfig c = config("[network_profile]\n" + p.configName() + "\n"
                    + section("validator_token", RecordedTokens.TOKEN_BLOB));
            ValidatorIdentity id = ValidatorIdentity.fromConfig(c);
            assertTrue(id.isValidator());
            byte[] secret = Base58.of(NetworkProfile.RIPPLE).decodeToken(TokenType.NODE_PRIVATE,
                    RecordedTokens.TOKEN_SECRET_RIPPLE);
            assertArrayEquals(secret, id.signingKey().orElseThrow().secretKey());
            assertEquals(RecordedTokens.TOKEN_MANIFEST, id.manifest().orElseThrow().toBase64());
            ManifestCache cache = new ManifestCache();
            id.loadInto(cache);
            String expected = p == NetworkProfile.RIPPLE ? RecordedTokens.TOKEN_MASTER_RIPPLE
                    : RecordedTokens.TOKEN_MASTER_STOXUM;
            assertEquals(expected, id.pubkeyValidator(cache));
            assertEquals(expected, id.masterKey().orElseThrow().toBase58(TokenType.NODE_PUBLIC, p));
            assertEquals(id.masterKey().orElseThrow(), cache.masterKey(id.signingKey().orElseThrow().publicKey()));
        }
    }

    /** [validation_seed]: the seed's secp256k1 node key signs and names the validator (shared key vectors). */
    @Test
    void validationSeedIsItsOwnMasterKey() {
        ValidatorIdentity id = ValidatorIdentity.fromConfig(config("[validation_seed]\ntErGpxZ8JPJWJmfiM7BdHLq7D4fMB\n"));
        assertTrue(id.isValidator());
        assertEquals(Optional.empty(), id.manifest());
        assertEquals(id.signingKey().orElseThrow().publicKey(), id.masterKey().orElseThrow());
        assertEquals("E2AXDdAbL6vVVFKa8YkWTgiBhV2sXch3kjpZGifbw6c9ePwqMi72", id.pubkeyValidator(new ManifestCache()));
        // stoxumd ValidatorKeys_test's seed, in the alphabet it is written in.
        ValidatorIdentity ripple = ValidatorIdentity.fromConfig(
                config("[network_profile]\nripple\n[validation_seed]\nshUwVw52ofnCUX5m7kPTKzJdr4HEH\n"));
        assertEquals(KeyPair.nodeFromSeed(Seed.fromBase58("shUwVw52ofnCUX5m7kPTKzJdr4HEH", NetworkProfile.RIPPLE),
                KeyType.SECP256K1).publicKey(), ripple.masterKey().orElseThrow());
    }

    @Test
    void withoutKeysTheServerIsNoValidator() {
        ValidatorIdentity id = ValidatorIdentity.fromConfig(config(""));
        assertFalse(id.isValidator());
        assertEquals("none", id.pubkeyValidator(new ManifestCache()));
        assertEquals("none", ValidatorIdentity.NONE.pubkeyValidator(new ManifestCache()));
        assertEquals(Optional.empty(), id.masterKey());
    }

    @Test
    void tokenAndSeedTogetherAreRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ValidatorIdentity.fromConfig(config(
                "[network_profile]\nripple\n[validation_seed]\nshUwVw52ofnCUX5m7kPTKzJdr4HEH\n"
                        + section("validator_token", RecordedTokens.TOKEN_BLOB))));
        assertTrue(e.getMessage().contains("[validation_seed]") && e.getMessage().contains("[validator_token]"),
                e.getMessage());
    }

    @Test
    void tokenWhoseSecretIsNotTheManifestsKeyIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ValidatorIdentity.fromConfig(
                config(section("validator_token", RecordedTokens.MISMATCHED_BLOB))));
        assertTrue(e.getMessage().contains("not the manifest's signing key"), e.getMessage());
    }

    @Test
    void tokensWithBadManifestsAreRefused() {
        KeyPair master = KeyPair.random(KeyType.ED25519);
        KeyPair signing = KeyPair.random(KeyType.SECP256K1);
        Manifest good = Manifest.sign(master, signing, 1);

        STObject forged = new STObject(SField.GENERIC).setU32(SField.SEQUENCE, 1)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes())
                .setBlob(SField.SIGNING_PUB_KEY, signing.publicKey().toBytes())
                .setBlob(SField.SIGNATURE, good.signature().orElseThrow())
                .setBlob(SField.MASTER_SIGNATURE, Manifest.sign(KeyPair.random(KeyType.ED25519), signing, 1)
                        .masterSignature());
        assertRefused(rawTokenSection(forged.toBytes(), signing), "do not verify");
        assertRefused(rawTokenSection(Manifest.revocation(master).serialized(), signing), "revokes");
        assertRefused(rawTokenSection("bad manifest".getBytes(StandardCharsets.US_ASCII), signing),
                "Invalid token");
        assertRefused("[validator_token]\nbadtoken\n", "validator_token");
    }

    void assertRefused(String extra, String fragment) {
        ConfigException e = assertThrows(ConfigException.class, () -> ValidatorIdentity.fromConfig(config(extra)));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void configuredRevocationIsCheckedAndLoaded() {
        KeyPair master = KeyPair.random(KeyType.ED25519);
        KeyPair signing = KeyPair.random(KeyType.SECP256K1);
        KeyPair oldMaster = KeyPair.random(KeyType.ED25519);
        Manifest revocation = Manifest.revocation(oldMaster);
        ValidatorIdentity id = ValidatorIdentity.fromConfig(config(
                tokenSection(ValidatorToken.of(Manifest.sign(master, signing, 1), signing))
                        + section("validator_key_revocation", ConfigLines.wrap(revocation.toBase64()))));
        assertEquals(Optional.of(revocation), id.revocation());
        ManifestCache cache = new ManifestCache();
        id.loadInto(cache);
        assertTrue(cache.revoked(oldMaster.publicKey()));
        assertFalse(cache.revoked(master.publicKey()));
        assertEquals(master.publicKey().toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM),
                id.pubkeyValidator(cache));

        assertRefused(section("validator_key_revocation", ConfigLines.wrap(
                Manifest.sign(oldMaster, signing, 3).toBase64())), "does not revoke");
        // The old master's revocation signature under another master key.
        STObject forged = new STObject(SField.GENERIC).setU32(SField.SEQUENCE, Manifest.REVOCATION_SEQUENCE)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes())
                .setBlob(SField.MASTER_SIGNATURE, revocation.masterSignature());
        assertRefused(section("validator_key_revocation", ConfigLines.wrap(
                Base64.getEncoder().encodeToString(forged.toBytes()))), "does not verify");
        assertRefused("[validator_key_revocation]\nYmFkIHJldm9jYXRpb24=\n", "validator_key_revocation");
    }

    /** As in stoxumd, pubkey_validator is what the cache maps the signing key to. */
    @Test
    void revokedOrSupersededLocalManifestShowsTheSigningKey() {
        KeyPair master = KeyPair.random(KeyType.ED25519);
        KeyPair signing = KeyPair.random(KeyType.SECP256K1);
        String token = tokenSection(ValidatorToken.of(Manifest.sign(master, signing, 1), signing));
        String signingBase58 = signing.publicKey().toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM);

        ValidatorIdentity revoked = ValidatorIdentity.fromConfig(config(token + section("validator_key_revocation",
                ConfigLines.wrap(Manifest.revocation(master).toBase64()))));
        ManifestCache cache = new ManifestCache();
        revoked.loadInto(cache);
        assertTrue(cache.revoked(master.publicKey()));
        assertEquals(signingBase58, revoked.pubkeyValidator(cache));

        // The wallet database already held a newer manifest of the same master key: the token's is stale.
        ManifestCache fromDb = new ManifestCache();
        assertEquals(ManifestDisposition.ACCEPTED,
                fromDb.apply(Manifest.sign(master, KeyPair.random(KeyType.SECP256K1), 2)));
        ValidatorIdentity id = ValidatorIdentity.fromConfig(config(token));
        id.loadInto(fromDb);
        assertEquals(signingBase58, id.pubkeyValidator(fromDb));
    }

    @Test
    void revocationSectionWhoseLastLineLooksLikeKeyValueIsReadWhole() {
        // Base64 "abc==" as the last wrapped line is also the config's key=value form (key abc, value =):
        // the section must still be read line by line, whole. Signed manifests vary in length (DER
        // signatures), so some end that way; such one is then refused for what it is, not as truncated.
        for (int i = 0; i < 5000; i++) {
            Manifest notARevocation = Manifest.sign(KeyPair.random(KeyType.ED25519),
                    KeyPair.random(KeyType.SECP256K1), 3);
            List<String> lines = ConfigLines.wrap(notARevocation.toBase64());
            if (lines.get(lines.size() - 1).matches("[A-Za-z][A-Za-z0-9]*==")) {
                assertRefused(section("validator_key_revocation", lines), "does not revoke");
                return;
            }
        }
        throw new AssertionError("no manifest whose last base64 line looks like key=value in 5000 tries");
    }
}
