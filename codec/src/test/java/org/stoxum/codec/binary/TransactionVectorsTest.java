package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.codec.binary.JsonTesting.assertJsonEquals;
import static org.stoxum.codec.binary.JsonTesting.codecVectors;
import static org.stoxum.codec.binary.JsonTesting.without;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;

/** tx_fixtures and ledger_transactions: transactions and their metadata, both ways, with IDs. */
class TransactionVectorsTest {
    /** Members the API wraps around a transaction that are not protocol fields. */
    private static final String[] WRAPPERS = {"hash", "ledger_index", "date", "inLedger", "validated", "meta"};

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void txFixtures(NetworkProfile p) {
        JsonNode fixtures = codecVectors(p).get("tx_fixtures");
        assertEquals(8, fixtures.size());
        int metas = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = fixtures.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode f = e.getValue();
            JsonNode tx = f.get("tx");
            JsonNode txJson = without(tx, WRAPPERS);
            byte[] binary = Hex.decode(f.get("binary").asText());

            assertEquals(f.get("binary").asText(), Hex.encode(BinaryCodec.encode(txJson, p)), name);
            assertJsonEquals(txJson, BinaryCodec.decode(binary, p), name + " decode");
            if (tx.has("hash")) {
                assertEquals(tx.get("hash").asText(), BinaryCodec.transactionId(binary).toString(), name);
            }
            if (f.has("meta_binary")) {
                byte[] meta = Hex.decode(f.get("meta_binary").asText());
                assertEquals(f.get("meta_binary").asText(), Hex.encode(BinaryCodec.encode(tx.get("meta"), p)), name);
                assertJsonEquals(tx.get("meta"), BinaryCodec.decode(meta, p), name + " meta decode");
                BinaryCodec.readMetadata(meta);
                metas++;
            }
            // The template verdict agrees with the vector's notes on what stoxumd would still require.
            TemplateResult r = BinaryCodec.readObject(binary).applyTemplate(TxType.fromName(
                    tx.get("TransactionType").asText()).template());
            List<String> expectedNotes = new ArrayList<>();
            f.path("stoxumd_template_notes").forEach(n -> expectedNotes.add(n.asText()));
            List<String> notes = new ArrayList<>();
            r.missing().forEach(m -> notes.add("required " + m.name() + " missing"));
            assertEquals(expectedNotes, notes, name);
            assertTrue(r.unexpected().isEmpty() && r.duplicated().isEmpty() && r.explicitDefault().isEmpty(), name);
            if (expectedNotes.isEmpty()) {
                BinaryCodec.readTransaction(binary);
            } else {
                assertThrows(CodecException.class, () -> BinaryCodec.readTransaction(binary), name);
            }
        }
        assertEquals(2, metas);
    }

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void ledgerTransactions(NetworkProfile p) {
        JsonNode txs = codecVectors(p).get("ledger_transactions");
        assertEquals(25, txs.size());
        for (JsonNode t : txs) {
            String label = t.get("ledger").asText() + " " + t.get("hash").asText();
            byte[] txBlob = Hex.decode(t.get("tx_blob").asText());
            byte[] metaBlob = Hex.decode(t.get("meta_blob").asText());

            assertEquals(t.get("tx_blob").asText(), Hex.encode(BinaryCodec.encode(t.get("tx_json"), p)), label);
            assertEquals(t.get("meta_blob").asText(), Hex.encode(BinaryCodec.encode(t.get("meta_json"), p)), label);
            assertEquals(t.get("hash").asText(), BinaryCodec.transactionId(txBlob).toString(), label);

            assertJsonEquals(t.get("tx_json"), BinaryCodec.decode(txBlob, p), label + " tx decode");
            assertJsonEquals(t.get("meta_json"), BinaryCodec.decode(metaBlob, p), label + " meta decode");

            STObject tx = BinaryCodec.readTransaction(txBlob);
            assertEquals(t.get("hash").asText(), BinaryCodec.transactionId(tx).toString(), label);
            assertFalse(BinaryCodec.readMetadata(metaBlob).fields().isEmpty());
        }
    }
}
