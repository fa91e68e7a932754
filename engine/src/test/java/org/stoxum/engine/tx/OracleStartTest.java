package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.tx.jtx.Env;

/**
 * The original server's stand-alone start recorded in oracle/{start,nostart}: ledger 2 made at start-up,
 * ledger 3 closed empty, ledger 4 holding the genesis payment. Given the recorded close times, every
 * ledger hash, tree hash and the payment's metadata must come out identical.
 */
class OracleStartTest {
    @ParameterizedTest
    @ValueSource(strings = {"start", "nostart"})
    void ledgersAndPaymentMetadataMatchTheOriginalServer(String variant) {
        Ledger genesis = variant.equals("start") ? Genesis.withSupportedAmendments(NetworkProfile.STOXUM)
                : Genesis.withoutAmendments(NetworkProfile.STOXUM);
        JsonNode ledger3 = result(variant, "12_ledger_closed_after_accept.json").get("ledger");
        JsonNode ledger4 = result(variant, "21_ledger_closed_tx_expand.json").get("ledger");
        Env env = new Env(genesis, ledger3.get("parent_close_time").asLong());
        assertEquals(ledger3.get("parent_hash").asText(), env.closed().hash().toString(), "ledger 2");

        Ledger l3 = env.closeAt(ledger3.get("close_time").asLong());
        assertHeader(ledger3, l3);

        JsonNode submit = result(variant, "15_submit_payment_genesis_to_dest.json");
        Env.Submitted s = env.submitBlob(Hex.decode(submit.get("tx_blob").asText()));
        assertEquals(TER.fromToken(submit.get("engine_result").asText()), s.ter());
        assertEquals(submit.get("tx_json").get("hash").asText(), s.tx().id().toString());

        Ledger l4 = env.closeAt(ledger4.get("close_time").asLong());
        assertHeader(ledger4, l4);

        JsonNode tx = result(variant, "19_tx_payment.json");
        LedgerTx stored = l4.txRead(s.tx().id());
        ObjectNode expected = ((ObjectNode) tx.get("meta")).deepCopy();
        expected.remove("delivered_amount");
        assertEquals(expected, OracleJson.normalize(stored.meta().toJson(NetworkProfile.STOXUM)));
        assertTrue(tx.get("validated").asBoolean());
    }

    private static void assertHeader(JsonNode expected, Ledger l) {
        assertEquals(expected.get("ledger_index").asLong(), l.seq());
        assertEquals(expected.get("account_hash").asText(), l.accountHash().toString(), "account_hash");
        assertEquals(expected.get("transaction_hash").asText(), l.txHash().toString(), "transaction_hash");
        assertEquals(expected.get("total_coins").asLong(), l.drops(), "total_coins");
        assertEquals(expected.get("close_time_resolution").asInt(), l.closeTimeResolution());
        assertEquals(expected.get("parent_close_time").asLong(), l.parentCloseTime());
        assertEquals(expected.get("close_time").asLong(), l.closeTime());
        assertEquals(expected.get("ledger_hash").asText(), l.hash().toString(), "ledger_hash");
    }

    private static JsonNode result(String variant, String file) {
        return SharedVectors.readJson(SharedVectors.shared().resolve("oracle/" + variant + "/" + file))
                .get("response").get("result");
    }
}
