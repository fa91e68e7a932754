package org.stoxum.perf.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * Reads a server message into a tree, leaving out the members the generator never looks at and that make
 * up most of the bytes: a submit answer's {@code tx_json} and a stream event's {@code meta}. Those are
 * skipped token by token (still checked to be well-formed JSON), never built into nodes.
 */
final class LeanJson {
    /** Members dropped wherever they appear. */
    static final Set<String> SKIPPED = Set.of("tx_json", "meta");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LeanJson() {
    }

    static JsonNode read(byte[] bytes, int length) throws IOException {
        try (JsonParser p = RpcClient.JSON.getFactory().createParser(bytes, 0, length)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty message");
            }
            return value(p, t);
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (SKIPPED.contains(name)) {
                        p.skipChildren();
                    } else {
                        o.set(name, value(p, v));
                    }
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    a.add(value(p, v));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected " + t);
        }
    }
}
