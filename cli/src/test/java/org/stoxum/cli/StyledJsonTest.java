package org.stoxum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The client's output format: jsoncpp's StyledWriter as stoxumd prints answers. */
class StyledJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String styled(String json) throws IOException {
        return StyledJson.write(JSON.readTree(json));
    }

    @Test
    void membersSortedIndentedByThreeAndEmptiesInline() throws IOException {
        assertEquals("{\n   \"a\" : 1,\n   \"b\" : [],\n   \"c\" : {},\n   \"d\" : null\n}\n",
                styled("{\"d\":null,\"c\":{},\"b\":[],\"a\":1}"));
    }

    @Test
    void shortScalarArraysStayOnOneLine() throws IOException {
        assertEquals("{\n   \"list\" : [ 1, \"two\", true, 0.5 ]\n}\n", styled("{\"list\":[1,\"two\",true,0.5]}"));
    }

    @Test
    void longArraysAndArraysOfObjectsBreak() throws IOException {
        assertEquals("[\n   {\n      \"x\" : 1\n   },\n   2\n]\n", styled("[{\"x\":1},2]"));
        String longWords = "[\"aaaaaaaaaaaaaaaaaaaa\",\"bbbbbbbbbbbbbbbbbbbb\",\"cccccccccccccccccccc\"]";
        assertEquals("[\n   \"aaaaaaaaaaaaaaaaaaaa\",\n   \"bbbbbbbbbbbbbbbbbbbb\",\n   \"cccccccccccccccccccc\"\n]\n",
                styled(longWords), "74 columns or more break the line");
    }

    @Test
    void stringsEscapeAsTheServerWritesThem() throws IOException {
        assertEquals("\"a\\\"b\\\\c/d\\n\"\n", styled("\"a\\\"b\\\\c/d\\n\""));
    }
}
