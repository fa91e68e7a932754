package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.testing.SharedVectors;

/** JSON helpers for the binary codec tests: vector files per profile, order- and number-type-blind equality. */
final class JsonTesting {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Numbers compare by value (an IntNode 0 equals a LongNode 0); other leaves by equals. */
    private static final Comparator<JsonNode> LEAVES = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonTesting() {
    }

    /** The codec vector file of a profile. */
    static JsonNode codecVectors(NetworkProfile p) {
        return SharedVectors.json("codec/codec-vectors." + p.configName() + ".json");
    }

    static JsonNode signedTransactions(NetworkProfile p) {
        return SharedVectors.json("signing/signed-transactions." + p.configName() + ".json");
    }

    static boolean jsonEquals(JsonNode expected, JsonNode actual) {
        return expected.equals(LEAVES, actual);
    }

    static void assertJsonEquals(JsonNode expected, JsonNode actual, String what) {
        if (!jsonEquals(expected, actual)) {
            fail(what + "\nexpected: " + expected + "\nactual:   " + actual);
        }
    }

    /** A copy of {@code o} without the named members. */
    static ObjectNode without(JsonNode o, String... names) {
        ObjectNode copy = ((ObjectNode) o).deepCopy();
        copy.remove(List.of(names));
        return copy;
    }

    /**
     * {@code decoded} without the {@code type}/{@code type_hex} members rippled prints on path steps, for
     * comparing with vectors made by xrpl.js, which leaves them out.
     */
    static JsonNode withoutPathTypes(JsonNode decoded) {
        JsonNode paths = decoded.get("Paths");
        if (paths != null) {
            for (JsonNode path : paths) {
                for (JsonNode step : path) {
                    ((ObjectNode) step).remove(List.of("type", "type_hex"));
                }
            }
        }
        return decoded;
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
