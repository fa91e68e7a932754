package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.LoadFeeTrack;
import org.stoxum.engine.tx.FeeTrack;

/**
 * {@code sign} fills in the Fee from the node's live load, as stoxumd's TransactionSign.cpp does with the
 * server's fee track: a raised local fee raises the autofilled Fee for a user, and for an admin once the
 * local load passes four times the remote one. The load manager lowers the fee every second, so each Fee is
 * checked against the fees read just before and just after the call.
 */
class LoadScaledFeeTest {
    private static final String GENESIS = "xmB23jLgWpAxb2DingE2kNuduzABYU8WMy";
    private static final String DEST = "xJX6amHWqq2D9KDC9oZt7LRpuDqfzhA9Zf";
    private static final long BASE_FEE = 10;

    @Test
    void theAutofilledFeeFollowsTheLocalLoad() throws Exception {
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true))) {
            JsonRpcClient user = new JsonRpcClient("127.0.0.1", node.publicPort);
            LoadFeeTrack track = node.app.loadFeeTrack();
            assertEquals(BASE_FEE, fee(node.call("sign", request())), "normal load");

            for (int i = 0; i < 3; i++) {
                track.raiseLocalFee();
            }
            long before = track.localFee();
            long userFee = fee(user.call("sign", request()));
            long after = track.localFee();
            assertTrue(after > FeeTrack.LOAD_BASE, "the load manager has not yet lowered the fee to normal");
            assertTrue(userFee <= BASE_FEE * before / FeeTrack.LOAD_BASE && userFee >= BASE_FEE * after / FeeTrack.LOAD_BASE,
                    "user Fee " + userFee + " between " + before + " and " + after + " of 256");
            assertTrue(userFee > BASE_FEE);

            for (int i = 0; i < 20; i++) {
                track.raiseLocalFee();
            }
            before = track.localFee();
            long adminFee = fee(node.call("sign", request()));
            after = track.localFee();
            assertTrue(after > 4 * FeeTrack.LOAD_BASE, "still past four times the remote fee");
            assertTrue(adminFee <= BASE_FEE * before / FeeTrack.LOAD_BASE && adminFee >= BASE_FEE * after / FeeTrack.LOAD_BASE,
                    "admin Fee " + adminFee + " between " + before + " and " + after + " of 256");
        }
    }

    private static ObjectNode request() {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("secret", "masterpassphrase")
                .put("fee_mult_max", 1_000_000);
        p.putObject("tx_json").put("TransactionType", "Payment").put("Account", GENESIS)
                .put("Destination", DEST).put("Amount", "1000000000");
        return p;
    }

    private static long fee(JsonNode signed) {
        JsonNode fee = signed.path("tx_json").path("Fee");
        assertTrue(fee.isTextual(), signed.toString());
        return Long.parseLong(fee.asText());
    }
}
