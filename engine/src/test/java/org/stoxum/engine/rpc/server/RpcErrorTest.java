package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.engine.rpc.server.json.RippledJsonWriter;

/** The error table against the node spec and the oracle's answers. */
class RpcErrorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyNumberedTokenOfTheSpecTableMatches() throws IOException {
        List<String> lines = Files.readAllLines(SharedVectors.shared().resolve("spec/node.md"));
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("### 3.5")).findFirst().orElseThrow());
        Pattern cell = Pattern.compile("\\|\\s*(−?-?\\d+)\\s*\\|\\s*([^|]*?)\\s*(?=\\|)");
        int checked = 0;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("###") || line.startsWith("---")) {
                break;
            }
            Matcher m = cell.matcher(line);
            while (m.find()) {
                int number = Integer.parseInt(m.group(1).replace('−', '-'));
                String token = m.group(2).split(" ")[0];
                if (token.startsWith("(")) {
                    continue;
                }
                RpcError error = RpcError.fromNumber(number).orElseThrow(() -> new AssertionError("no error " + number));
                assertEquals(token, error.token(), "error " + number);
                assertEquals(number, error.code());
                checked++;
            }
        }
        assertEquals(72, checked, "tokens in the spec table (1..72 less 49, and -1)");
    }

    @Test
    void oracleErrorAnswersUseTheTable() throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(SharedVectors.shared().resolve("oracle/scenario.jsonl"))) {
            JsonNode answer = JSON.readTree(line).get("answer");
            if (!answer.has("error_code")) {
                continue;
            }
            RpcError error = RpcError.fromToken(answer.get("error").asText()).orElseThrow();
            assertEquals(answer.get("error_code").intValue(), error.code());
            if (answer.get("error_message").asText().equals(error.message())) {
                assertEquals(RippledJsonWriter.compact(error.make()), RippledJsonWriter.compact(JSON.createObjectNode()
                        .put("error", error.token()).put("error_code", error.code()).put("error_message", error.message())));
            }
            checked++;
        }
        assertTrue(checked > 40, "oracle error answers checked: " + checked);
    }

    @Test
    void triplesAreWrittenAsTheOriginal() {
        assertEquals("{\"error\":\"slowDown\",\"error_code\":10,\"error_message\":\"You are placing too much load on the server.\"}",
                RippledJsonWriter.compact(RpcError.SLOW_DOWN.make()));
        assertEquals("{\"error\":\"tooBusy\",\"error_code\":9,\"error_message\":\"The server is too busy to help you now.\"}",
                RippledJsonWriter.compact(RpcError.TOO_BUSY.make()));
        assertEquals("{\"error\":\"invalidParams\",\"error_code\":31,\"error_message\":\"Missing field 'account'.\"}",
                RippledJsonWriter.compact(RpcError.missingField("account")));
        assertEquals("Invalid field 'limit', not unsigned integer.",
                RpcError.expectedField("limit", "unsigned integer").get("error_message").asText());
        assertEquals("Invalid field 'tx_json', not object.", RpcError.objectField("tx_json").get("error_message").asText());
        assertEquals("Invalid field 'marker'.", RpcError.invalidField("marker").get("error_message").asText());
    }

    @Test
    void theUnregisteredCodeAnswersAsUnknown() {
        assertEquals(49, RpcError.DST_AMT_MISSING.number());
        assertEquals("{\"error\":\"unknown\",\"error_code\":-1,\"error_message\":\"An unknown error code.\"}",
                RippledJsonWriter.compact(RpcError.DST_AMT_MISSING.make()));
        assertTrue(RpcError.isError(RpcError.GENERAL.make()));
    }
}
