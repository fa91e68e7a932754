package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.RpcTransportException;

/** What a caller without admin rights sees (node.md 3.1, 3.3, 4). */
class RolesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestNodes.Node node;
    private static JsonRpcClient guest;

    @BeforeAll
    static void start() throws Exception {
        node = TestNodes.start(true);
        guest = new JsonRpcClient("127.0.0.1", node.publicPort);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void pingNamesNoRoleForAGuestAndAdminForAnAdmin() throws Exception {
        assertFalse(guest.call("ping", null).has("role"));
        assertEquals("admin", node.call("ping", null).get("role").asText());
    }

    @Test
    void adminCommandsAreForbiddenAtTheTransport() {
        RpcTransportException e = assertThrows(RpcTransportException.class, () -> guest.call("wallet_propose", null));
        assertEquals(403, e.status());
        assertEquals(403, assertThrows(RpcTransportException.class, () -> guest.call("ledger_accept", null)).status());
    }

    @Test
    void aWholeLedgerNeedsAnUnlimitedCaller() throws Exception {
        JsonNode answer = guest.call("ledger", (ObjectNode) JSON.readTree("{\"ledger_index\":1,\"accounts\":true}"));
        assertEquals("noPermission", answer.get("error").asText(), answer.toString());
        assertEquals(6, answer.get("error_code").asInt());
    }

    @Test
    void serverInfoHidesAdminFieldsAndTheHostName() throws Exception {
        JsonNode info = guest.call("server_info", null).get("info");
        assertFalse(info.has("load"));
        assertFalse(info.has("pubkey_validator"));
        assertFalse(info.has("validator_list_expires"));
        String hostId = info.get("hostid").asText();
        assertTrue(hostId.matches("[A-Z]{1,4}"), "one RFC 1751 word: " + hostId);
        assertEquals(hostId, guest.call("server_info", null).get("info").get("hostid").asText(), "stable");
    }

    @Test
    void guestsMaySubmit() throws Exception {
        JsonNode answer = guest.call("submit", (ObjectNode) JSON.readTree("{\"secret\":\"masterpassphrase\","
                + "\"tx_json\":{\"TransactionType\":\"AccountSet\",\"Account\":\"xmB23jLgWpAxb2DingE2kNuduzABYU8WMy\"}}"));
        assertEquals("tesSUCCESS", answer.get("engine_result").asText(), answer.toString());
    }
}
