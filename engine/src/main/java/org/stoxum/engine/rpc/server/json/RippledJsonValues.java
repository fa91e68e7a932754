package org.stoxum.engine.rpc.server.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Conversions the original server applies to request values, where they differ from Jackson's.
 */
public final class RippledJsonValues {

    private RippledJsonValues() {
    }

    /**
     * The original's truth test of a value: false for null, an empty string (up to its first NUL), an
     * empty array and an empty object; true for everything else, numbers 0 and false included.
     */
    public static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            String s = value.textValue();
            return !s.isEmpty() && s.charAt(0) != 0;
        }
        if (value.isContainerNode()) {
            return value.size() > 0;
        }
        return true;
    }

    /**
     * The original's string view of a value: null is "", booleans are "true"/"false", signed 32-bit
     * integers print in decimal, strings are themselves. Other values cannot be read as strings there
     * (the original throws); here they give their compact JSON text, which names no command.
     */
    public static String asString(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        if (value.isInt()) {
            return Integer.toString(value.intValue());
        }
        return RippledJsonWriter.compact(value);
    }
}
