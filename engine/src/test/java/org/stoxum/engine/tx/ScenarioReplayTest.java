package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.tx.jtx.Env;

/**
 * Replays oracle/scenario.jsonl (the original server's longer conversation, started with --start) through
 * the engine: every submitted blob, every ledger_accept at the close time the server recorded. Every
 * engine result, every ledger hash, every transaction's metadata, every account root, every owner
 * directory's objects and every ledger entry the server was asked for must be identical.
 */
class ScenarioReplayTest {
    private static final NetworkProfile P = NetworkProfile.STOXUM;

    private final Map<Long, Long> closeTimes = new HashMap<>();
    private final Map<Long, String> ledgerHashes = new HashMap<>();
    private final Map<Long, Ledger> ours = new HashMap<>();

    @Test
    void wholeScenarioIsReproducedExactly() {
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
        List<String> mismatches = new ArrayList<>();
        int submits = 0;
        int closes = 0;
        int txChecked = 0;
        int rootsChecked = 0;
        int objectsChecked = 0;
        int entriesChecked = 0;
        for (JsonNode l : lines) {
            String method = l.get("method").asText();
            String id = l.get("id").asText();
            JsonNode a = l.get("answer");
            if ((method.equals("submit") || method.equals("submit_multisigned")) && a.has("tx_blob")) {
                Env.Submitted s = env.submitBlob(Hex.decode(a.get("tx_blob").asText()));
                check(mismatches, id, a.get("engine_result").asText(), s.ter().token());
                submits++;
            } else if (method.equals("ledger_accept")) {
                long seq = env.ledger().view().seq();
                Ledger closed = env.closeAt(closeTimes.getOrDefault(seq, env.closed().closeTime() + 1));
                ours.put(seq, closed);
                check(mismatches, id, a.get("ledger_current_index").asLong(), seq + 1);
                check(mismatches, "hash of ledger " + seq, ledgerHashes.get(seq), closed.hash().toString());
                closes++;
            } else if (method.equals("tx") && a.has("meta") && ours.containsKey(a.get("ledger_index").asLong())) {
                Ledger in = ours.get(a.get("ledger_index").asLong());
                LedgerTx stored = in.txRead(Hash256.fromHex(a.get("hash").asText()));
                if (stored == null) {
                    mismatches.add(id + ": transaction missing");
                } else if (a.get("meta").isTextual()) {
                    check(mismatches, id, a.get("meta").asText(), Hex.encode(stored.metaBytes()).toUpperCase());
                } else {
                    ObjectNode expected = ((ObjectNode) a.get("meta")).deepCopy();
                    expected.remove("delivered_amount");
                    check(mismatches, id, expected, OracleJson.normalize(stored.meta().toJson(P)));
                }
                txChecked++;
            } else if (method.equals("account_info") && a.has("account_data") && a.has("ledger_index")
                    && ours.containsKey(a.get("ledger_index").asLong())) {
                Ledger in = ours.get(a.get("ledger_index").asLong());
                AccountId account = AccountId.fromAddress(a.get("account_data").get("Account").asText(), P);
                ObjectNode expected = ((ObjectNode) a.get("account_data")).deepCopy();
                expected.remove("urlgravatar");
                check(mismatches, id, expected, entryJson(in, Keylets.account(account).key()));
                rootsChecked++;
            } else if (method.equals("account_objects") && a.has("account_objects")
                    && ours.containsKey(a.get("ledger_index").asLong())) {
                Ledger in = ours.get(a.get("ledger_index").asLong());
                AccountId account = AccountId.fromAddress(a.get("account").asText(), P);
                check(mismatches, id, a.get("account_objects"), ownedObjects(in, account));
                objectsChecked++;
            } else if (method.equals("ledger_entry") && a.has("index") && ours.containsKey(a.get("ledger_index").asLong())) {
                Ledger in = ours.get(a.get("ledger_index").asLong());
                Hash256 key = Hash256.fromHex(a.get("index").asText());
                if (a.has("node_binary")) {
                    STObject sle = in.read(Keylets.unchecked(key));
                    check(mismatches, id, a.get("node_binary").asText(),
                            sle == null ? null : Hex.encode(sle.toBytes()).toUpperCase());
                } else {
                    ObjectNode expected = ((ObjectNode) a.get("node")).deepCopy();
                    expected.put("index", key.toString());
                    check(mismatches, id, expected, entryJson(in, key));
                }
                entriesChecked++;
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(43, submits, "engine results compared");
        assertEquals(13, closes, "ledgers 3 to 15 closed, each hash compared");
        assertEquals(37, txChecked, "transaction metadata compared");
        assertEquals(77, rootsChecked, "account roots compared");
        assertEquals(77, objectsChecked, "owner directories' objects compared");
        assertEquals(15, entriesChecked, "ledger entries compared");
    }

    private static void check(List<String> mismatches, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            mismatches.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** An entry as rippled's JSON shows it, with its index. */
    private static JsonNode entryJson(Ledger in, Hash256 key) {
        STObject sle = in.read(Keylets.unchecked(key));
        if (sle == null) {
            return null;
        }
        ObjectNode json = sle.toJson(P);
        json.put("index", key.toString());
        return OracleJson.normalize(json);
    }

    /** The objects of an owner directory in directory order, as account_objects lists them. */
    private static JsonNode ownedObjects(Ledger in, AccountId account) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Keylet root = Keylets.ownerDir(account);
        long page = 0;
        while (true) {
            STObject dir = in.read(Keylets.page(root, page));
            if (dir == null) {
                break;
            }
            for (Hash256 key : dir.getVector256(SField.INDEXES)) {
                out.add(entryJson(in, key));
            }
            page = dir.getU64(SField.INDEX_NEXT);
            if (page == 0) {
                break;
            }
        }
        return OracleJson.normalize(out);
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
