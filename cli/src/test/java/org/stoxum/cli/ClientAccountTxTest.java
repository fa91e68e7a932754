package org.stoxum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;

/**
 * {@code stoxumd account_tx ...} in client mode: the command line builds the old form's request (offset,
 * count, descending), which the server must answer as stoxumd's AccountTxOld does.
 */
class ClientAccountTxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";
    private static TestNodes.Node node;
    private static Path conf;

    @BeforeAll
    static void start() throws IOException {
        node = TestNodes.start(true);
        conf = node.writeConfig();
        for (String amount : new String[] {"1000000000", "2000000"}) {
            JsonNode r = node.call("submit", JSON.readTree("{\"secret\":\"masterpassphrase\",\"tx_json\":{"
                    + "\"TransactionType\":\"Payment\",\"Account\":\"" + GENESIS + "\",\"Destination\":\"" + DEST
                    + "\",\"Amount\":\"" + amount + "\"}}"));
            assertEquals("tesSUCCESS", r.get("engine_result").asText(), r.toString());
            node.call("ledger_accept", null);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JsonNode run(String... words) throws IOException {
        String[] args = new String[words.length + 3];
        args[0] = "--conf";
        args[1] = conf.toString();
        args[2] = "-q";
        System.arraycopy(words, 0, args, 3, words.length);
        MainTest.Run r = MainTest.run(args);
        assertEquals(0, r.status(), r.out() + r.err());
        return r.json();
    }

    @Test
    void limitAndOffsetPageTheHistoryOldestFirst() throws IOException {
        JsonNode second = run("account_tx", GENESIS, "-1", "-1", "1", "1", "count");
        assertEquals("success", second.get("status").asText());
        assertEquals(1, second.get("offset").asLong());
        assertEquals(1, second.get("limit").asLong());
        assertEquals(1, second.get("count").asLong());
        assertEquals(1, second.get("transactions").size());
        assertEquals("2000000", second.get("transactions").get(0).get("tx").get("Amount").asText());
        assertTrue(second.get("validated").asBoolean());
    }

    @Test
    void descendingWordListsNewestFirst() throws IOException {
        JsonNode answer = run("account_tx", GENESIS, "-1", "-1", "descending");
        assertEquals(2, answer.get("transactions").size(), answer.toString());
        assertEquals("2000000", answer.get("transactions").get(0).get("tx").get("Amount").asText());
        assertEquals(0, answer.get("offset").asLong(), "the old form's answer");
    }

    @Test
    void aBareRangeUsesTheNewForm() throws IOException {
        JsonNode answer = run("account_tx", GENESIS, "-1", "-1");
        assertEquals(2, answer.get("transactions").size());
        assertEquals("2000000", answer.get("transactions").get(0).get("tx").get("Amount").asText(), "newest first");
        assertFalse(answer.has("offset"));
    }
}
