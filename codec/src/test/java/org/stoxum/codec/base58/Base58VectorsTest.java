package org.stoxum.codec.base58;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.testing.SharedVectors;

/** keys/base58.{ripple,stoxum}.json: every valid token both ways, the generic case, every invalid one. */
class Base58VectorsTest {
    private static final Map<String, TokenType> TYPES = Map.of(
            "AccountID", TokenType.ACCOUNT_ID,
            "AccountPublic", TokenType.ACCOUNT_PUBLIC,
            "AccountSecret", TokenType.ACCOUNT_SECRET,
            "NodePublic", TokenType.NODE_PUBLIC,
            "NodePrivate", TokenType.NODE_PRIVATE,
            "FamilySeed", TokenType.FAMILY_SEED);
    private static final String CLIENT_ED25519_SEED = "Ed25519SeedClient";

    private static JsonNode file(NetworkProfile p) {
        return SharedVectors.json("keys/base58." + p.configName() + ".json");
    }

    @Test
    void tokenTypeTableMatchesTheVectors() {
        JsonNode types = file(NetworkProfile.STOXUM).get("token_types");
        TYPES.forEach((name, type) -> {
            assertEquals(Integer.parseInt(types.get(name).get("version_hex").asText(), 16), type.version(), name);
            assertEquals(types.get(name).get("payload_length").asInt(), type.payloadLength(), name);
        });
    }

    @TestFactory
    Stream<DynamicTest> validTokensBothWays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NetworkProfile profile : NetworkProfile.values()) {
            Base58 b58 = Base58.of(profile);
            JsonNode valid = file(profile).get("valid");
            assertEquals(31, valid.size());
            for (JsonNode v : valid) {
                String encoded = v.get("encoded").asText();
                tests.add(DynamicTest.dynamicTest(profile.configName() + "/" + v.get("type").asText() + "/" + encoded, () -> {
                    byte[] version = Hex.decode(v.get("version_hex").asText());
                    byte[] payload = Hex.decode(v.get("payload_hex").asText());
                    assertEquals(encoded, b58.encodeChecked(version, payload));
                    String typeName = v.get("type").asText();
                    if (typeName.equals(CLIENT_ED25519_SEED)) {
                        byte[] raw = b58.decodeChecked(encoded);
                        assertArrayEquals(version, Arrays.copyOf(raw, 3));
                        assertArrayEquals(payload, Arrays.copyOfRange(raw, 3, raw.length));
                        return;
                    }
                    TokenType type = TYPES.get(typeName);
                    assertEquals(encoded, b58.encodeToken(type, payload));
                    assertArrayEquals(payload, b58.decodeToken(type, encoded));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void genericBase58Check() {
        for (NetworkProfile profile : NetworkProfile.values()) {
            Base58 b58 = Base58.of(profile);
            for (JsonNode g : file(profile).get("generic")) {
                byte[] version = Hex.decode(g.get("version_hex").asText());
                byte[] payload = Hex.decode(g.get("payload_hex").asText());
                String encoded = g.get("encoded").asText();
                assertEquals(encoded, b58.encodeChecked(version, payload));
                byte[] raw = b58.decodeChecked(encoded);
                assertArrayEquals(version, Arrays.copyOf(raw, version.length));
                assertArrayEquals(payload, Arrays.copyOfRange(raw, version.length, raw.length));
            }
        }
    }

    /** Each invalid string is refused, and for the reason the reference parser gave ({@code detail}). */
    @TestFactory
    Stream<DynamicTest> invalidTokensRejectedForTheRightReason() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NetworkProfile profile : NetworkProfile.values()) {
            Base58 b58 = Base58.of(profile);
            JsonNode invalid = file(profile).get("invalid");
            assertEquals(39, invalid.size());
            for (JsonNode x : invalid) {
                String encoded = x.get("encoded").asText();
                String detail = x.get("detail").asText();
                TokenType type = TYPES.get(x.get("parse_as").asText());
                tests.add(DynamicTest.dynamicTest(profile.configName() + "/" + x.get("reason").asText()
                        + " (" + detail + ") '" + encoded + "' as " + type, () -> {
                    CodecException e = assertThrows(CodecException.class, () -> b58.decodeToken(type, encoded));
                    assertEquals(CodecException.INVALID, e.token());
                    assertEquals(detail, reasonOf(e.getMessage()), e.getMessage());
                }));
            }
        }
        return tests.stream();
    }

    /** Maps Base58's error messages onto the vectors' reason words. */
    private static String reasonOf(String message) {
        if (message.contains("empty")) {
            return "empty";
        }
        if (message.contains("not in the base58 alphabet")) {
            return "bad_character";
        }
        if (message.contains("too short")) {
            return "too_short";
        }
        if (message.contains("checksum")) {
            return "bad_checksum";
        }
        if (message.contains("version byte")) {
            return "wrong_prefix";
        }
        if (message.contains("payload must be")) {
            return "wrong_length";
        }
        fail("unclassified base58 error: " + message);
        return null;
    }

    @Test
    void leadingZeroBytesAreLeadingFirstCharacters() {
        for (NetworkProfile profile : NetworkProfile.values()) {
            Base58 b58 = Base58.of(profile);
            char zero = profile.alphabet().charAt(0);
            assertEquals(String.valueOf(zero).repeat(3) + profile.alphabet().charAt(1),
                    b58.encode(new byte[] {0, 0, 0, 1}));
            assertArrayEquals(new byte[] {0, 0, 0, 1}, b58.decode(String.valueOf(zero).repeat(3) + profile.alphabet().charAt(1)));
            assertArrayEquals(new byte[] {0, 0}, b58.decode(String.valueOf(zero).repeat(2)));
        }
    }
}
