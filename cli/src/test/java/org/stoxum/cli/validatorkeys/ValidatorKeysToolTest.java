package org.stoxum.cli.validatorkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.manifest.Manifest;
import org.stoxum.codec.manifest.ValidatorToken;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.validator.ManifestCache;
import org.stoxum.engine.validator.ManifestDisposition;
import org.stoxum.engine.validator.ValidatorIdentity;

/** The tool end to end through its files: keys, tokens, revocation, and the server reading what it prints. */
class ValidatorKeysToolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE_CONFIG = String.join("\n",
            "[server]", "port_rpc", "", "[port_rpc]", "ip = 127.0.0.1", "port = 5005", "protocol = http", "",
            "[node_db]", "type = lmdb", "path = db", "");

    @TempDir
    Path home;

    Path keyFile() {
        return home.resolve("deep/er/keys.json");
    }

    JsonNode readKeyFile() throws IOException {
        return JSON.readTree(Files.readAllBytes(keyFile()));
    }

    NodeConfig config(NetworkProfile profile, String sections) {
        return NodeConfigLoader.parse("test.cfg", BASE_CONFIG + "[network_profile]\n" + profile.configName() + "\n"
                + sections, Optional.of(home.resolve("test.cfg")), home, home.resolve("data"), false);
    }

    static String section(String name, List<String> lines) {
        return "[" + name + "]\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void keysTokenAndServerAgree() throws IOException {
        for (NetworkProfile profile : NetworkProfile.values()) {
            Path file = home.resolve(profile.configName()).resolve("keys.json");
            String kf = "--keyfile=" + file;
            String p = "--profile=" + profile.configName();
            ToolRun created = ToolRun.run(home, kf, p, "create_keys");
            assertEquals(0, created.status(), created.err());
            assertEquals("Validator keys stored in " + file
                    + "\n\nThis file should be stored securely and not shared.\n\n", created.out());
            JsonNode keys = JSON.readTree(Files.readAllBytes(file));
            assertEquals("ed25519", keys.get("key_type").asText());
            assertEquals(0, keys.get("token_sequence").asInt());
            assertFalse(keys.get("revoked").asBoolean());
            PublicKey master = PublicKey.fromBase58(TokenType.NODE_PUBLIC, keys.get("public_key").asText(), profile);
            assertEquals(KeyType.ED25519, master.type());
            assertEquals(master, KeyPair.fromBase58Secret(TokenType.NODE_PRIVATE, keys.get("secret_key").asText(),
                    KeyType.ED25519, profile).publicKey());

            Manifest previous = null;
            for (int seq = 1; seq <= 2; seq++) {
                ToolRun t = ToolRun.run(home, kf, p, "create_token");
                assertEquals(0, t.status(), t.err());
                String server = profile == NetworkProfile.STOXUM ? "stoxumd" : "rippled";
                assertTrue(t.out().startsWith("Update " + server + ".cfg file with these values and restart "
                        + server + ":\n\n# validator public key: " + keys.get("public_key").asText()
                        + "\n\n[validator_token]\n"), t.out());
                assertTrue(t.out().endsWith("\n\n"));
                List<String> lines = t.section("validator_token");
                lines.subList(0, lines.size() - 1).forEach(l -> assertEquals(72, l.length()));
                ValidatorToken token = ValidatorToken.decode(lines);
                Manifest m = token.manifest();
                assertTrue(m.verify());
                assertEquals(seq, m.sequence());
                assertEquals(master, m.masterKey());
                assertEquals(KeyType.SECP256K1, m.signingKey().orElseThrow().type());
                assertEquals(m.signingKey().orElseThrow(), token.signingKeyPair().publicKey());
                assertEquals(seq, JSON.readTree(Files.readAllBytes(file)).get("token_sequence").asInt());
                if (previous != null) {
                    assertNotEquals(previous.signingKey(), m.signingKey(), "a fresh signing key per token");
                }
                previous = m;

                ValidatorIdentity id = ValidatorIdentity.fromConfig(config(profile, section("validator_token", lines)));
                assertEquals(Optional.of(master), id.masterKey());
                assertArrayEquals(token.validationSecretKey(), id.signingKey().orElseThrow().secretKey());
                ManifestCache cache = new ManifestCache();
                id.loadInto(cache);
                assertEquals(t.publicKeyLine(), id.pubkeyValidator(cache));
            }
        }
    }

    @Test
    void keyFileIsOwnerOnlyAndNeverOverwritten() throws IOException {
        String kf = "--keyfile=" + keyFile();
        assertEquals(0, ToolRun.run(home, kf, "create_keys").status());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().getParent())));
        byte[] before = Files.readAllBytes(keyFile());

        ToolRun again = ToolRun.run(home, kf, "create_keys");
        assertEquals(1, again.status());
        assertEquals("Refusing to overwrite existing key file: " + keyFile() + "\n", again.err());
        assertArrayEquals(before, Files.readAllBytes(keyFile()));

        assertEquals(0, ToolRun.run(home, kf, "create_token").status());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
        try (var files = Files.list(keyFile().getParent())) {
            assertEquals(List.of(keyFile()), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void keyFileHasTheToolsLayout() throws IOException {
        assertEquals(0, ToolRun.run(home, "--keyfile", keyFile().toString(), "create_keys").status());
        JsonNode k = readKeyFile();
        assertEquals("{\n"
                + "   \"key_type\" : \"ed25519\",\n"
                + "   \"public_key\" : \"" + k.get("public_key").asText() + "\",\n"
                + "   \"revoked\" : false,\n"
                + "   \"secret_key\" : \"" + k.get("secret_key").asText() + "\",\n"
                + "   \"token_sequence\" : 0\n"
                + "}\n", Files.readString(keyFile()));
        assertTrue(k.get("public_key").asText().startsWith("Em"), "stoxum ed25519 node keys read Em...");
        assertTrue(k.get("secret_key").asText().startsWith("F"));
    }

    @Test
    void revokedKeysMakeNoMoreTokens() throws IOException {
        String kf = "--keyfile=" + keyFile();
        assertEquals(0, ToolRun.run(home, kf, "create_keys").status());
        ToolRun t = ToolRun.run(home, kf, "create_token");
        Manifest tokenManifest = ValidatorToken.decode(t.section("validator_token")).manifest();

        ToolRun r = ToolRun.run(home, kf, "revoke_keys");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("WARNING: This will revoke your validator keys!\n\n"
                + "Update stoxumd.cfg file with these values and restart stoxumd:\n\n# validator public key: "), r.out());
        Manifest revocation = Manifest.fromBase64(String.join("", r.section("validator_key_revocation")));
        assertTrue(revocation.revoked());
        assertTrue(revocation.verify());
        assertEquals(tokenManifest.masterKey(), revocation.masterKey());
        assertTrue(readKeyFile().get("revoked").asBoolean());

        ToolRun refused = ToolRun.run(home, kf, "create_token");
        assertEquals(1, refused.status());
        assertEquals("Validator keys have been revoked.\n", refused.err());
        assertEquals(1, readKeyFile().get("token_sequence").asInt());

        ToolRun twice = ToolRun.run(home, kf, "revoke_keys");
        assertTrue(twice.out().startsWith("WARNING: Validator keys have already been revoked!\n\n"));
        assertEquals(r.section("validator_key_revocation"), twice.section("validator_key_revocation"));

        ManifestCache cache = new ManifestCache();
        assertEquals(ManifestDisposition.ACCEPTED, cache.apply(tokenManifest));
        assertEquals(ManifestDisposition.ACCEPTED, cache.apply(revocation));
        assertTrue(cache.revoked(revocation.masterKey()));
        assertEquals(ManifestDisposition.STALE, cache.apply(tokenManifest));
        PublicKey signing = tokenManifest.signingKey().orElseThrow();
        assertEquals(signing, cache.masterKey(signing), "the revoked key's signing key no longer maps to it");

        // The server given the token and the revocation starts, but no longer claims the master key.
        ValidatorIdentity id = ValidatorIdentity.fromConfig(config(NetworkProfile.STOXUM,
                section("validator_token", t.section("validator_token"))
                        + section("validator_key_revocation", r.section("validator_key_revocation"))));
        ManifestCache serverCache = new ManifestCache();
        id.loadInto(serverCache);
        assertEquals(signing.toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM), id.pubkeyValidator(serverCache));
    }

    @Test
    void tokenSequenceStopsBelowTheRevocationSequence() throws IOException {
        KeyPair master = KeyPair.random(KeyType.ED25519);
        write(master, 0xFFFF_FFFEL, false, NetworkProfile.STOXUM);
        ToolRun full = ToolRun.run(home, "--keyfile", keyFile().toString(), "create_token");
        assertEquals(1, full.status());
        assertEquals("Maximum number of tokens have already been generated.\n"
                + "Revoke validator keys if previous token has been compromised.\n", full.err());

        write(master, 0xFFFF_FFFDL, false, NetworkProfile.STOXUM);
        ToolRun last = ToolRun.run(home, "--keyfile", keyFile().toString(), "create_token");
        assertEquals(0, last.status(), last.err());
        assertEquals(0xFFFF_FFFEL, ValidatorToken.decode(last.section("validator_token")).manifest().sequence());
        assertEquals(0xFFFF_FFFEL, readKeyFile().get("token_sequence").asLong());
    }

    void write(KeyPair master, long seq, boolean revoked, NetworkProfile profile) throws IOException {
        Files.createDirectories(keyFile().getParent());
        Files.writeString(keyFile(), KeyFile.format(new ValidatorKeys(master, seq, revoked), profile));
    }

    /** validator-keys ValidatorKeys_test testSign: the key of seed "test", data "data to sign". */
    @Test
    void signMatchesTheUpstreamVectors() throws IOException {
        String[][] cases = {
            {"ed25519", "2EE541D6825791BF5454C571D2B363EAB3F01C73159B1F237AC6D38663A82B9D5EAD262D5F776B916E68247A1F"
                    + "082090F3BAE7ABC939C8F29B0DC759FD712300"},
            {"secp256k1", "3045022100F142C27BF83D8D4541C7A4E759DE64A67251A388A422DFDA6F4B470A2113ABC4022002DA56695F3A"
                    + "805F62B55E7CC8D555438D64A229CD0B4BA2AE33402443B20409"}};
        for (String[] c : cases) {
            KeyType type = KeyType.fromName(c[0]).orElseThrow();
            KeyPair key = KeyPair.nodeFromSeed(org.stoxum.codec.crypto.Seed.fromPassphrase("test"), type);
            for (NetworkProfile profile : NetworkProfile.values()) {
                write(key, 1, false, profile);
                ToolRun s = ToolRun.run(home, "--profile", profile.configName(), "--keyfile", keyFile().toString(),
                        "sign", "data to sign");
                assertEquals(0, s.status(), s.err());
                assertEquals(c[1] + "\n\n", s.out());
            }
        }
        write(KeyPair.nodeFromSeed(org.stoxum.codec.crypto.Seed.fromPassphrase("test"), KeyType.ED25519), 1, true,
                NetworkProfile.STOXUM);
        ToolRun revoked = ToolRun.run(home, "--keyfile", keyFile().toString(), "sign", "data to sign");
        assertEquals("WARNING: Validator keys have been revoked!\n\n" + cases[0][1] + "\n\n", revoked.out());
        ToolRun empty = ToolRun.run(home, "--keyfile", keyFile().toString(), "sign", "");
        assertEquals(1, empty.status());
        assertEquals("Syntax error: Must specify data string to sign\n", empty.err());
    }

    /** A key file written by the upstream tool (Ripple alphabet) is read with --profile ripple, and only then. */
    @Test
    void upstreamKeyFilesNeedTheRippleProfile() throws IOException {
        KeyPair key = KeyPair.nodeFromSeed(org.stoxum.codec.crypto.Seed.fromPassphrase("test"), KeyType.ED25519);
        write(key, 3, false, NetworkProfile.RIPPLE);
        assertTrue(Files.readString(keyFile()).contains("\"public_key\" : \"nH"));
        ToolRun wrong = ToolRun.run(home, "--keyfile", keyFile().toString(), "create_token");
        assertEquals(1, wrong.status());
        assertTrue(wrong.err().contains("contains invalid \"secret_key\" field")
                && wrong.err().contains("--profile ripple"), wrong.err());
        ToolRun right = ToolRun.run(home, "--keyfile", keyFile().toString(), "--profile", "ripple", "create_token");
        assertEquals(0, right.status(), right.err());
        assertEquals(key.publicKey().toBase58(TokenType.NODE_PUBLIC, NetworkProfile.RIPPLE), right.publicKeyLine());
        assertEquals(4, ValidatorToken.decode(right.section("validator_token")).manifest().sequence());
        assertTrue(Files.readString(keyFile()).contains("\"public_key\" : \"nH"), "stays in its alphabet");
    }
}
