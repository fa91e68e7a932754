package org.stoxum.engine.tx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Puts our JSON in the same node types as JSON read from the oracle's files, for equality checks. */
final class OracleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OracleJson() {
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode normalize(JsonNode node) {
        try {
            return MAPPER.readTree(node.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
