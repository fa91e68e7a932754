package org.stoxum.codec.amount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stoxum.codec.Hex;
import org.stoxum.codec.types.AccountId;

/** Small JSON builders for amount tests. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** An arbitrary non-zero issuer. */
    static final AccountId ISSUER = AccountId.of(Hex.decode("5C488AAC5813270850685FFD89F4A4A8F4C1D3AB"));

    private Json() {
    }

    static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    static ObjectNode iou(String value, String currency, String issuer) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("currency", currency);
        o.put("issuer", issuer);
        o.put("value", value);
        return o;
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
