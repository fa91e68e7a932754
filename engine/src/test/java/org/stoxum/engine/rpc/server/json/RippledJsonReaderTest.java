package org.stoxum.engine.rpc.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader must accept and refuse what the original reader does, with the same error text. */
class RippledJsonReaderTest {

    private static RippledJsonReader.Result parse(String s) {
        return RippledJsonReader.parse(s);
    }

    private static void refused(String doc, String errors) {
        RippledJsonReader.Result r = parse(doc);
        assertFalse(r.ok(), doc);
        assertEquals(errors, r.errors(), doc);
    }

    @Test
    void emptyDocumentGivesBothErrors() {
        refused("", "* Line 1, Column 1\n  Syntax error: value, object or array expected.\n"
                + "* Line 1, Column 1\n  A valid JSON document must be either an array or an object value.\n");
    }

    @Test
    void scalarRootIsRefusedWithTheDocumentError() {
        refused("123", "* Line 1, Column 1\n  A valid JSON document must be either an array or an object value.\n");
        refused("\"x\"", "* Line 1, Column 1\n  A valid JSON document must be either an array or an object value.\n");
    }

    @Test
    void truncatedObjectNamesTheMissingValue() {
        refused("{\"method\":", "* Line 1, Column 11\n  Syntax error: value, object or array expected.\n");
        refused("{\"a\":1", "* Line 1, Column 7\n  Missing ',' or '}' in object declaration\n");
        refused("[1,2", "* Line 1, Column 5\n  Missing ',' or ']' in array declaration\n");
    }

    @Test
    void duplicateKeysAreRefused() {
        refused("{\"a\":1,\"a\":2}", "* Line 1, Column 8\n  Key 'a' appears twice.\n");
    }

    @Test
    void integersMustFitThirtyTwoBits() {
        refused("{\"a\":4294967296}", "* Line 1, Column 6\n  '4294967296' exceeds the allowable range.\n");
        refused("{\"a\":-2147483649}", "* Line 1, Column 6\n  '-2147483649' exceeds the allowable range.\n");
        refused("{\"a\":--5}", "* Line 1, Column 6\n  '--5' is not a number.\n");
        refused("{\"a\":-}", "* Line 1, Column 6\n  '-' is not a valid number.\n");
        JsonNode ok = parse("{\"a\":4294967295,\"b\":-2147483648,\"c\":2147483647}").root();
        assertTrue(ok.get("a").isLong());
        assertEquals(4294967295L, ok.get("a").longValue());
        assertTrue(ok.get("b").isInt());
        assertTrue(ok.get("c").isInt());
    }

    @Test
    void fractionsTakeTheLongestNumericPrefix() {
        JsonNode r = parse("{\"a\":1.5e,\"b\":1+2,\"c\":-.5,\"d\":2E+3}").root();
        assertEquals(1.5, r.get("a").doubleValue());
        assertEquals(1.0, r.get("b").doubleValue());
        assertEquals(-0.5, r.get("c").doubleValue());
        assertEquals(2000.0, r.get("d").doubleValue());
        refused("{\"a\":-e5}", "* Line 1, Column 6\n  '-e5' is not a number.\n");
        // A '-' right after the first character is taken as part of an integer token.
        refused("{\"a\":1-2}", "* Line 1, Column 6\n  '1-2' is not a number.\n");
    }

    @Test
    void badEscapesPointAtTheirDetail() {
        refused("{\"a\":\"\\x\"}", "* Line 1, Column 6\n  Bad escape sequence in string\nSee Line 1, Column 9 for detail.\n");
        refused("{\"a\":\"\\u12\"}", "* Line 1, Column 6\n  Bad unicode escape sequence in string: four digits expected.\n"
                + "See Line 1, Column 9 for detail.\n");
    }

    @Test
    void linesAndColumnsCountNewlines() {
        refused("{\n\"a\" 1}", "* Line 2, Column 5\n  Missing ':' after object member name\n");
        refused("{\r\n\"a\" 1}", "* Line 2, Column 5\n  Missing ':' after object member name\n");
    }

    @Test
    void commentsAndTrailingGarbageAreAccepted() {
        RippledJsonReader.Result r = parse("/* c */ {\"a\" : 1 // x\n } garbage");
        assertTrue(r.ok());
        assertEquals(1, r.root().get("a").intValue());
        assertEquals("", r.errors());
    }

    @Test
    void literalsMustBeComplete() {
        refused("{\"a\":tru}", "* Line 1, Column 6\n  Syntax error: value, object or array expected.\n");
        assertTrue(parse("{\"a\":true,\"b\":false,\"c\":null}").ok());
    }

    @Test
    void trailingCommaOnlyPassesAfterAnEmptyKey() {
        assertTrue(parse("{\"\":1,}").ok());
        refused("{\"a\":1,}", "* Line 1, Column 8\n  Missing '}' or object member name\n");
        refused("[1,]", "* Line 1, Column 4\n  Syntax error: value, object or array expected.\n");
    }

    @Test
    void nestingIsLimited() {
        assertTrue(parse("[".repeat(26) + "]".repeat(26)).ok());
        refused("[".repeat(27) + "]".repeat(27), "* Line 1, Column 27\n  Syntax error: maximum nesting depth exceeded\n");
    }

    @Test
    void nulByteEndsTheDocument() {
        byte[] doc = "{\"a\"\0:1}".getBytes(StandardCharsets.UTF_8);
        RippledJsonReader.Result r = RippledJsonReader.parse(doc);
        assertFalse(r.ok());
        assertEquals("* Line 1, Column 5\n  Missing ':' after object member name\n", r.errors());
    }

    @Test
    void unicodeEscapesAndRawUtf8Decode() {
        JsonNode r = parse("{\"a\":\"\\u00e9\\ud83d\\ude00\",\"b\":\"\u00e9t\u00e9\"}").root();
        assertEquals("\u00e9\ud83d\ude00", r.get("a").textValue());
        assertEquals("\u00e9t\u00e9", r.get("b").textValue());
    }

    @Test
    void nonObjectRootsParseButAreNotObjects() {
        RippledJsonReader.Result r = parse("[1]");
        assertTrue(r.ok());
        assertEquals(null, r.object());
    }
}
