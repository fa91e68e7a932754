package org.stoxum.storage.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.testing.SharedVectors;

/** The codec vectors' {@code ledgerData} header: 118 bytes that decode to the stated fields and back. */
class LedgerHeaderCodecTest {
    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void ledgerDataHeaderDecodes(NetworkProfile p) {
        JsonNode headers = SharedVectors.json("codec/codec-vectors." + p.configName() + ".json")
                .at("/codec_fixtures/ledgerData");
        assertEquals(1, headers.size());
        for (JsonNode v : headers) {
            String hex = v.get("binary").asText();
            LedgerHeader h = LedgerHeader.fromBytes(Hex.decode(hex));
            JsonNode j = v.get("json");
            assertEquals(j.get("ledger_index").asLong(), h.seq());
            assertEquals(j.get("total_coins").asText(), Long.toUnsignedString(h.drops()));
            assertEquals(j.get("parent_hash").asText(), h.parentHash().toString());
            assertEquals(j.get("transaction_hash").asText(), h.txHash().toString());
            assertEquals(j.get("account_hash").asText(), h.accountHash().toString());
            assertEquals(j.get("parent_close_time").asLong(), h.parentCloseTime());
            assertEquals(j.get("close_time").asLong(), h.closeTime());
            assertEquals(j.get("close_time_resolution").asInt(), h.closeTimeResolution());
            assertEquals(j.get("close_flags").asInt(), h.closeFlags());
            assertEquals(hex, Hex.encode(h.toBytes()));
        }
    }

    @Test
    void wrongLengthIsRejected() {
        assertThrows(CodecException.class, () -> LedgerHeader.fromBytes(new byte[LedgerHeader.SIZE - 1]));
    }
}
