package org.stoxum.engine.rpc.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Output must be byte-identical to the original compact writer. */
class RippledJsonWriterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void membersComeOutSortedByKey() {
        ObjectNode o = NODES.objectNode();
        o.put("status", "success");
        o.put("b", 1);
        o.put("B", 2);
        o.put("a_b", 3);
        o.put("ab", 4);
        assertEquals("{\"B\":2,\"a_b\":3,\"ab\":4,\"b\":1,\"status\":\"success\"}", RippledJsonWriter.compact(o));
    }

    @Test
    void stringsEscapeOnlyWhatTheOriginalEscapes() {
        ObjectNode o = NODES.objectNode();
        o.put("s", "q\"b\\/\b\f\n\r\t\u0001\u001f\u007f\u00e9");
        assertEquals("{\"s\":\"q\\\"b\\\\/\\b\\f\\n\\r\\t\\u0001\\u001F\u007f\u00e9\"}", RippledJsonWriter.compact(o));
    }

    @Test
    void stringsStopAtNul() {
        assertEquals("[\"ab\"]", RippledJsonWriter.compact(NODES.arrayNode().add("ab\u0000cd")));
    }

    @Test
    void numbersPrintAsTheOriginal() {
        assertEquals("[1,-2,4294967295,0.1,1e+16,100,null,true,false]", RippledJsonWriter.compact(NODES.arrayNode()
                .add(1).add(-2).add(4294967295L).add(0.1).add(1e16).add(100.0).addNull().add(true).add(false)));
    }

    @Test
    void streamedFormEndsWithNewline() {
        assertEquals("{}\n", new String(RippledJsonWriter.streamedBytes(NODES.objectNode()),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void keysOrderByCodePointNotUtf16() {
        ObjectNode o = NODES.objectNode();
        o.put("\ud83d\ude00", 1);
        o.put("\uffff", 2);
        assertEquals("{\"\uffff\":2,\"\ud83d\ude00\":1}", RippledJsonWriter.compact(o));
    }

    @Test
    void nonAsciiGoesOutAsUtf8AndALoneSurrogateAsQuestionMark() {
        String text = "\u00e9\u20ac\ud83d\ude00\ud800x";
        byte[] bytes = RippledJsonWriter.compactBytes(NODES.arrayNode().add(text));
        assertEquals(java.util.Arrays.toString(("[\"" + text + "\"]").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.util.Arrays.toString(bytes));
    }

    @Test
    void largeMessagesAndHugeIntegersComeOutWhole() {
        com.fasterxml.jackson.databind.node.ArrayNode a = NODES.arrayNode();
        StringBuilder expected = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            a.add("member-" + i);
            expected.append(i == 0 ? "" : ",").append("\"member-").append(i).append('"');
        }
        a.add(new java.math.BigInteger("123456789012345678901234567890"));
        expected.append(",123456789012345678901234567890]");
        assertEquals(expected.toString(), RippledJsonWriter.compact(a));
        assertEquals("[1]", RippledJsonWriter.compact(NODES.arrayNode().add(1)));
    }
}
