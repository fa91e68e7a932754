package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stoxum.codec.binary.JsonTesting.assertJsonEquals;
import static org.stoxum.codec.binary.JsonTesting.codecVectors;
import static org.stoxum.codec.binary.JsonTesting.without;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;

/** codec_fixtures: ledger entries and a transaction both ways, and the ledger header, in both profiles. */
class CodecFixturesTest {

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void accountStateEntriesEncodeAndDecode(NetworkProfile p) {
        JsonNode entries = codecVectors(p).at("/codec_fixtures/accountState");
        assertEquals(261, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonNode v = entries.get(i);
            JsonNode json = without(v.get("json"), "index");
            String binary = v.get("binary").asText();
            assertEquals(binary, Hex.encode(BinaryCodec.encode(v.get("json"), p)), "encode accountState[" + i + "]");
            assertJsonEquals(json, BinaryCodec.decode(Hex.decode(binary), p), "decode accountState[" + i + "]");
            // Every entry also passes stoxumd's ledger entry template.
            BinaryCodec.readLedgerEntry(Hex.decode(binary));
        }
    }

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void transactionsEncodeAndDecode(NetworkProfile p) {
        JsonNode txs = codecVectors(p).at("/codec_fixtures/transactions");
        assertEquals(1, txs.size());
        for (JsonNode v : txs) {
            byte[] binary = Hex.decode(v.get("binary").asText());
            assertEquals(v.get("binary").asText(), Hex.encode(BinaryCodec.encode(v.get("json"), p)));
            assertJsonEquals(v.get("json"), BinaryCodec.decode(binary, p), "decode transaction");
            BinaryCodec.readTransaction(binary);
        }
    }
}
