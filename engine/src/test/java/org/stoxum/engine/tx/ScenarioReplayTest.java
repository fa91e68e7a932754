package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.tx.jtx.Env;

/**
 * Replays oracle/scenario.jsonl (the original server's longer conversation, started with --start) through
 * the engine: every submitted blob, every ledger_accept at the close time the server recorded. Up to the
 * first transaction of a type this engine does not apply yet (the first TrustSet, ledger 11), every
 * engine result, every ledger hash, every transaction's metadata and every account root must be identical.
 */
class ScenarioReplayTest {
    private static final NetworkProfile P = NetworkProfile.STOXUM;

    private final Map<Long, Long> closeTimes = new HashMap<>();
    private final Map<Long, String> ledgerHashes = new HashMap<>();
    private final Map<Long, Ledger> ours = new HashMap<>();

    @Test
    void scenarioUpToTheFirstUnsupportedTransactionIsReproducedExactly() {
        List<JsonNode> lines = readScenario();
        for (JsonNode l : lines) {
            JsonNode a = l.get("answer");
            if (a.has("date") && a.has("ledger_index")) {
                closeTimes.put(a.get("ledger_index").asLong(), a.get("date").asLong());
            }
            if (a.has("ledger_hash") && a.has("ledger_index") && a.path("validated").asBoolean()) {
                ledgerHashes.put(a.get("ledger_index").asLong(), a.get("ledger_hash").asText());
            }
        }
        long ledger3 = closeTimes.get(3L);
        Env env = new Env(Genesis.withSupportedAmendments(P), ledger3 - 1);
        int submits = 0;
        int closes = 0;
        int txChecked = 0;
        int rootsChecked = 0;
        long lastSupported = Long.MAX_VALUE;
        for (JsonNode l : lines) {
            String method = l.get("method").asText();
            JsonNode a = l.get("answer");
            if ((method.equals("submit") || method.equals("submit_multisigned")) && a.has("tx_blob")) {
                byte[] blob = Hex.decode(a.get("tx_blob").asText());
                TxType type = TxType.fromName(a.get("tx_json").get("TransactionType").asText());
                if (!Transactors.isImplemented(type) || isIssued(a.get("tx_json"))) {
                    lastSupported = env.closed().seq();
                    break;
                }
                Env.Submitted s = env.submitBlob(blob);
                assertEquals(a.get("engine_result").asText(), s.ter().token(), l.get("id").asText());
                submits++;
            } else if (method.equals("ledger_accept")) {
                long seq = env.ledger().view().seq();
                Ledger closed = env.closeAt(closeTimes.getOrDefault(seq, env.closed().closeTime() + 1));
                ours.put(seq, closed);
                assertEquals(a.get("ledger_current_index").asLong(), seq + 1);
                assertEquals(ledgerHashes.get(seq), closed.hash().toString(), "hash of ledger " + seq);
                closes++;
            } else if (method.equals("tx") && a.has("meta") && ours.containsKey(a.get("ledger_index").asLong())) {
                Ledger in = ours.get(a.get("ledger_index").asLong());
                LedgerTx stored = in.txRead(Hash256.fromHex(a.get("hash").asText()));
                assertNotNull(stored, l.get("id").asText());
                ObjectNode expected = ((ObjectNode) a.get("meta")).deepCopy();
                expected.remove("delivered_amount");
                assertEquals(expected, OracleJson.normalize(stored.meta().toJson(P)), l.get("id").asText());
                txChecked++;
            } else if (method.equals("account_info") && a.has("account_data") && a.has("ledger_index")
                    && ours.containsKey(a.get("ledger_index").asLong())) {
                Ledger in = ours.get(a.get("ledger_index").asLong());
                AccountId id = AccountId.fromAddress(a.get("account_data").get("Account").asText(), P);
                STObject root = in.read(Keylets.account(id));
                ObjectNode json = root.toJson(P);
                json.put("index", Keylets.account(id).key().toString());
                ObjectNode expected = ((ObjectNode) a.get("account_data")).deepCopy();
                expected.remove("urlgravatar");
                assertEquals(expected, OracleJson.normalize(json), l.get("id").asText());
                rootsChecked++;
            }
        }
        assertEquals(10, lastSupported, "the replay should stop at the first TrustSet, after ledger 10");
        assertEquals(29, submits);
        assertEquals(8, closes);
        assertEquals(22, txChecked, "transactions compared");
        assertEquals(42, rootsChecked, "account roots compared");
    }

    private static boolean isIssued(JsonNode txJson) {
        return txJson.has("Amount") && txJson.get("Amount").isObject();
    }

    private static List<JsonNode> readScenario() {
        List<JsonNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(SharedVectors.shared().resolve("oracle/scenario.jsonl"))) {
                if (!line.isBlank()) {
                    out.add(OracleJson.parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
