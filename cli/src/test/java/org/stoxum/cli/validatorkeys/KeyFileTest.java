package org.stoxum.cli.validatorkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;

/** Reading key files: the upstream tool's ValidatorKeys_test error cases, message for message. */
class KeyFileTest {
    @TempDir
    Path dir;

    String readError(String content) throws IOException {
        Path f = dir.resolve("keys.json");
        Files.writeString(f, content);
        return assertThrows(ToolException.class, () -> KeyFile.read(f, NetworkProfile.STOXUM)).getMessage();
    }

    @Test
    void eachMissingOrBadFieldIsNamed() throws IOException {
        Path f = dir.resolve("keys.json");
        assertEquals("Failed to open key file: " + f,
                assertThrows(ToolException.class, () -> KeyFile.read(f, NetworkProfile.STOXUM)).getMessage());
        assertEquals("Unable to parse json key file: " + f, readError("{{}"));
        assertEquals("Unable to parse json key file: " + f, readError("[1]"));
        String prefix = "Key file '" + f + "' ";
        assertEquals(prefix + "is missing \"key_type\" field", readError("{\"dummy\":\"field\"}"));
        assertEquals(prefix + "is missing \"secret_key\" field", readError("{\"key_type\":\"dummy keytype\"}"));
        assertEquals(prefix + "is missing \"token_sequence\" field",
                readError("{\"key_type\":\"dummy keytype\",\"secret_key\":\"dummy secret\"}"));
        assertEquals(prefix + "is missing \"revoked\" field", readError(
                "{\"key_type\":\"dummy keytype\",\"secret_key\":\"dummy secret\",\"token_sequence\":\"dummy\"}"));
        String allDummy = "{\"key_type\":\"dummy keytype\",\"secret_key\":\"dummy secret\","
                + "\"token_sequence\":\"dummy sequence\",\"revoked\":\"dummy revoked\"}";
        assertEquals(prefix + "contains invalid \"key_type\" field: \"dummy keytype\"", readError(allDummy));
        String ed = allDummy.replace("dummy keytype", "ed25519");
        assertEquals(prefix + "contains invalid \"secret_key\" field: \"dummy secret\"", readError(ed));
        String secret = KeyPair.random(KeyType.ED25519).secretToBase58(TokenType.NODE_PRIVATE, NetworkProfile.STOXUM);
        String withSecret = ed.replace("dummy secret", secret);
        assertEquals(prefix + "contains invalid \"token_sequence\" field: \"dummy sequence\"", readError(withSecret));
        for (String seq : new String[] {"-1", "4294967296", "1.5"}) {
            assertEquals(prefix + "contains invalid \"token_sequence\" field: " + seq,
                    readError(withSecret.replace("\"dummy sequence\"", seq)));
        }
        String withSeq = withSecret.replace("\"dummy sequence\"", "4294967295");
        assertEquals(prefix + "contains invalid \"revoked\" field: \"dummy revoked\"", readError(withSeq));
        for (String revoked : new String[] {"false", "true"}) {
            Files.writeString(f, withSeq.replace("\"dummy revoked\"", revoked));
            ValidatorKeys k = KeyFile.read(f, NetworkProfile.STOXUM);
            assertEquals(Boolean.parseBoolean(revoked), k.revoked());
            assertEquals(4294967295L, k.tokenSequence());
        }
    }

    @Test
    void writtenFilesReadBackInEitherProfileAndKeyType() {
        for (NetworkProfile profile : NetworkProfile.values()) {
            for (KeyType type : KeyType.values()) {
                KeyPair key = KeyPair.random(type);
                ValidatorKeys keys = new ValidatorKeys(key, 17, true);
                Path f = dir.resolve(profile + "-" + type + "/keys.json");
                KeyFile.create(f, keys, profile);
                ValidatorKeys back = KeyFile.read(f, profile);
                assertEquals(key.publicKey(), back.master().publicKey());
                assertEquals(17, back.tokenSequence());
                assertTrue(back.revoked());
            }
        }
    }

    @Test
    void unwritablePlacesAreReported() throws IOException {
        Path f = dir.resolve("keys.json");
        KeyFile.create(f, ValidatorKeys.generate(), NetworkProfile.STOXUM);
        Path under = f.resolve("validator_keys.json");
        assertEquals("Cannot create directory: " + f, assertThrows(ToolException.class,
                () -> KeyFile.create(under, ValidatorKeys.generate(), NetworkProfile.STOXUM)).getMessage());
        Path aDir = Files.createDirectory(dir.resolve("a-dir"));
        assertEquals("Refusing to overwrite existing key file: " + aDir, assertThrows(ToolException.class,
                () -> KeyFile.create(aDir, ValidatorKeys.generate(), NetworkProfile.STOXUM)).getMessage());
        assertEquals("Cannot open key file: " + aDir, assertThrows(ToolException.class,
                () -> KeyFile.update(aDir, ValidatorKeys.generate(), NetworkProfile.STOXUM)).getMessage());
    }
}
