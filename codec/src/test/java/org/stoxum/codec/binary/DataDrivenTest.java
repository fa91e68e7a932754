package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stoxum.codec.binary.JsonTesting.assertJsonEquals;
import static org.stoxum.codec.binary.JsonTesting.codecVectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;

/** data_driven_tests: type codes, field headers, whole objects field by field, Amount values. */
class DataDrivenTest {
    /** Field entries listed across the 18 whole objects. */
    private static final int FIELD_PARTS = 136;


    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void typeCodes(NetworkProfile p) {
        JsonNode types = codecVectors(p).at("/data_driven_tests/types");
        assertEquals(17, types.size());
        for (JsonNode t : types) {
            SerializedType type = SerializedType.forJsonName(t.get("name").asText());
            assertNotNull(type, t.toString());
            assertEquals(t.get("ordinal").asInt(), type.code(), t.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void everyFieldHeader(NetworkProfile p) {
        JsonNode tests = codecVectors(p).at("/data_driven_tests/fields_tests");
        assertEquals(122, tests.size());
        for (JsonNode t : tests) {
            String name = t.get("name").asText();
            int type = t.get("type").asInt();
            int nth = t.get("nth_of_type").asInt();
            String expected = t.get("expected_hex").asText();
            if (name.endsWith("EndMarker")) {
                assertEquals(expected, Hex.encode(SField.encodeHeader(type, nth)), name);
                assertEquals(Integer.parseInt(expected, 16),
                        type == 14 ? STObject.OBJECT_END : STObject.ARRAY_END, name);
                continue;
            }
            SField f = SField.forName(name);
            assertNotNull(f, name);
            assertEquals(type, f.type().code(), name);
            assertEquals(nth, f.nth(), name);
            assertEquals(t.get("type_name").asText(), f.type().jsonName(), name);
            assertEquals(expected, Hex.encode(f.header()), name);
            assertEquals(f, SField.forCode(type, nth), name);
        }
    }

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void wholeObjectsAndTheirFields(NetworkProfile p) {
        JsonNode objects = codecVectors(p).at("/data_driven_tests/whole_objects");
        assertEquals(18, objects.size());
        int fieldsChecked = 0;
        for (JsonNode o : objects) {
            String blob = o.get("blob_with_no_signing").asText();
            assertEquals(blob, Hex.encode(BinaryCodec.encode(o.get("tx_json"), p)));
            assertEquals(blob, Hex.encode(BinaryCodec.encodeForSigning(o.get("tx_json"), p)));
            assertJsonEquals(o.get("tx_json"), JsonTesting.withoutPathTypes(BinaryCodec.decode(Hex.decode(blob), p)), "decode");

            StringBuilder concatenated = new StringBuilder();
            for (JsonNode entry : o.get("fields")) {
                String name = entry.get(0).asText();
                JsonNode part = entry.get(1);
                SField f = SField.forName(name);
                StringBuilder expected = new StringBuilder(part.get("field_header").asText());
                if (part.has("vl_length")) {
                    expected.append(part.get("vl_length").asText());
                }
                for (JsonNode b : part.get("binary")) {
                    expected.append(b.asText());
                }
                if (f.type() == SerializedType.ARRAY) {
                    expected.append("F1");
                }
                assertEquals(part.get("field_header").asText(), Hex.encode(f.header()), name);
                ObjectNode single = JsonNodeFactory.instance.objectNode();
                single.set(name, part.get("json"));
                assertEquals(expected.toString(), Hex.encode(BinaryCodec.encode(single, p)), name);
                concatenated.append(expected);
                fieldsChecked++;
            }
            assertEquals(blob, concatenated.toString());
        }
        assertEquals(FIELD_PARTS, fieldsChecked);
    }

    /** Amount values through the object path agree with the amount codec, accepted or refused. */
    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void amountValuesThroughObjects(NetworkProfile p) {
        JsonNode tests = codecVectors(p).at("/data_driven_tests/values_tests");
        assertEquals(32, tests.size());
        int matchingVectorHex = 0;
        for (JsonNode t : tests) {
            ObjectNode single = JsonNodeFactory.instance.objectNode();
            single.set("Amount", t.get("test_json"));
            STAmount direct;
            try {
                direct = STAmount.fromJson(t.get("test_json"), p);
            } catch (CodecException e) {
                CodecException viaObject = assertThrows(CodecException.class, () -> BinaryCodec.encode(single, p));
                assertEquals("Field 'tx_json.Amount' has invalid data.", viaObject.getMessage());
                assertEquals("invalidParams", viaObject.token());
                continue;
            }
            String hex = Hex.encode(BinaryCodec.encode(single, p));
            assertEquals("61" + Hex.encode(direct.toBytes()), hex, t.toString());
            if (t.has("expected_hex") && hex.equals("61" + t.get("expected_hex").asText())) {
                matchingVectorHex++;
            }
        }
        // 25 of the 26 encodable vectors agree with xrpl.js; "-1" drops is accepted by rippled (and us).
        assertEquals(25, matchingVectorHex);
    }

}
