package org.stoxum.codec.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.testing.SharedVectors;

/**
 * The shared Amount vectors (data_driven_tests.values_tests, from xrpl.js) against our codec, in both
 * profiles.
 *
 * <p>Four vectors describe xrpl.js, not rippled, whose {@code amountFromJson} we follow. For those the
 * test asserts what rippled 0.90.1 does, so a change in either direction is noticed.
 */
class AmountVectorsTest {
    /** "native:" or "iou:" and the value text -> rippled's outcome: the hex, or "" for "rejected". */
    private static final Map<String, String> RIPPLED_DIFFERS = Map.of(
            // a native value may be negative in rippled's amountFromJson (preflight rejects it later)
            "native:-1", "0000000000000001",
            // rippled truncates a 17th digit instead of refusing it
            "iou:1111111111111111.1", "D843F28CB71571C7" + "0000000000000000000000005553440000000000"
                    + "0000000000000000000000000000000000000001",
            // more than 32 digits are "overlong" for rippled
            "iou:0.000000000000000000000000000000000000000000000000000000000000000000000000001", "",
            "iou:100000000000000000000000000000000000000000000000000000000000000000000000000000", "");

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void valuesTests(NetworkProfile profile) {
        JsonNode tests = SharedVectors.json("codec/codec-vectors." + profile.configName() + ".json")
                .path("data_driven_tests").path("values_tests");
        assertEquals(32, tests.size());
        int encoded = 0;
        int rejected = 0;
        int differing = 0;
        for (JsonNode t : tests) {
            JsonNode json = t.get("test_json");
            String key = json.isTextual() ? "native:" + json.textValue() : "iou:" + json.path("value").textValue();
            if (RIPPLED_DIFFERS.containsKey(key)) {
                differing++;
                String hex = RIPPLED_DIFFERS.get(key);
                if (hex.isEmpty()) {
                    assertThrows(CodecException.class, () -> STAmount.fromJson(json, profile), key);
                } else {
                    assertEquals(hex, Hex.encode(STAmount.fromJson(json, profile).toBytes()), key);
                }
            } else if (t.has("expected_hex")) {
                String expected = t.get("expected_hex").textValue();
                STAmount a = STAmount.fromJson(json, profile);
                assertEquals(expected, Hex.encode(a.toBytes()), json.toString());
                STAmount back = STAmount.fromBytes(Hex.decode(expected), 0);
                assertEquals(a, back);
                assertEquals(STAmount.fromJson(back.toJson(profile), profile), a);
                encoded++;
            } else {
                assertTrue(t.has("error"));
                assertThrows(CodecException.class, () -> STAmount.fromJson(json, profile), json.toString());
                rejected++;
            }
        }
        assertEquals(32, encoded + rejected + differing);
        assertEquals(4, differing);
        assertEquals(25, encoded);
        assertEquals(3, rejected);
    }

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void currencyCodes(NetworkProfile profile) {
        JsonNode cases = SharedVectors.json("codec/currency-codes.json").get(profile.configName());
        assertEquals(5, cases.size());
        for (JsonNode c : cases) {
            String json = c.get("json").textValue();
            String hex = c.get("hex").textValue();
            assertEquals(hex, Hex.encode(Currency.fromJson(json, profile).toBytes()), json);
            assertEquals(json, Currency.of(Hex.decode(hex)).toJson(profile), hex);
        }
    }

    /** The worked examples of protocol.md 7.4. */
    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void protocolExamples(NetworkProfile profile) {
        assertEquals("4000000000000000", nativeHex("0", profile));
        assertEquals("4000000000000001", nativeHex("1", profile));
        assertEquals("40000000000F4240", nativeHex("1000000", profile));
        assertThrows(CodecException.class, () -> STAmount.fromBytes(Hex.decode("0000000000000000"), 0));
        assertEquals("D4838D7EA4C68000", issuedHeader("1", profile));
        assertEquals("9485543DF729C000", issuedHeader("-1.5", profile));
        assertEquals("D04462D5372B8E00", issuedHeader("1234.5678e-20", profile));
        assertEquals("8000000000000000", issuedHeader("0", profile));
        assertEquals("0000000000000000000000005852500000000000", Currency.BAD.toString());
    }

    private static String nativeHex(String drops, NetworkProfile p) {
        return Hex.encode(STAmount.fromJson(Json.text(drops), p).toBytes());
    }

    private static String issuedHeader(String value, NetworkProfile p) {
        STAmount a = STAmount.fromJson(Json.iou(value, "USD", Json.ISSUER.toAddress(p)), p);
        return Hex.encode(a.toBytes()).substring(0, 16);
    }
}
