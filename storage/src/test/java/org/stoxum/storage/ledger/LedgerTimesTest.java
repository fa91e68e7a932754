package org.stoxum.storage.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.codec.types.Hash256;

class LedgerTimesTest {
    @Test
    void networkTimeCountsFrom2000() {
        assertEquals(0, LedgerTimes.toNetworkTime(Instant.parse("2000-01-01T00:00:00Z")));
        assertEquals(Instant.parse("2000-01-01T00:01:00Z"), LedgerTimes.toInstant(60));
        DateTimeFormatter human = DateTimeFormatter.ofPattern("yyyy-MMM-dd HH:mm:ss", Locale.ENGLISH);
        for (String seq : new String[] {"38129", "40000", "7501326", "15202439"}) {
            JsonNode v = SharedVectors.json("ledger/ledger-" + seq + ".ripple.json");
            Instant expected = LocalDateTime.parse(v.get("close_time_human").asText().substring(0, 20), human)
                    .toInstant(ZoneOffset.UTC);
            assertEquals(expected, LedgerTimes.toInstant(v.get("close_time").asLong()), "ledger " + seq);
            assertEquals(v.get("close_time").asLong(), LedgerTimes.toNetworkTime(expected));
        }
    }

    @Test
    void closeTimesRoundToTheNearestBinHalvesUp() {
        assertEquals(0, LedgerTimes.roundCloseTime(0, 30), "no time stays no time");
        assertEquals(10, LedgerTimes.roundCloseTime(14, 10));
        assertEquals(20, LedgerTimes.roundCloseTime(15, 10));
        assertEquals(30, LedgerTimes.roundCloseTime(44, 30));
        assertEquals(60, LedgerTimes.roundCloseTime(45, 30));
        assertEquals(492_656_460, LedgerTimes.roundCloseTime(492_656_464, 10));
    }

    @Test
    void effectiveCloseTimeFollowsTheParent() {
        assertEquals(101, LedgerTimes.effectiveCloseTime(100, 30, 100));
        assertEquals(120, LedgerTimes.effectiveCloseTime(125, 30, 50));
        assertEquals(0, LedgerTimes.effectiveCloseTime(0, 30, 50));
    }

    @Test
    void resolutionRefinesEveryEighthAgreedLedgerAndCoarsensOnDisagreement() {
        assertEquals(20, LedgerTimes.nextResolution(30, true, 8));
        assertEquals(30, LedgerTimes.nextResolution(30, true, 7));
        assertEquals(10, LedgerTimes.nextResolution(10, true, 16), "finest stays");
        assertEquals(60, LedgerTimes.nextResolution(30, false, 5));
        assertEquals(90, LedgerTimes.nextResolution(60, false, 6));
        assertEquals(120, LedgerTimes.nextResolution(120, false, 7), "coarsest stays");
        assertEquals(25, LedgerTimes.nextResolution(25, false, 7), "unknown resolutions are kept");
    }

    @Test
    void headerFieldsAreRangeChecked() {
        Hash256 z = Hash256.ZERO;
        assertThrows(IllegalArgumentException.class, () -> new LedgerHeader(-1, 0, z, z, z, 0, 0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new LedgerHeader(1L << 32, 0, z, z, z, 0, 0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new LedgerHeader(1, -1, z, z, z, 0, 0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new LedgerHeader(1, 0, z, z, z, 0, 0, 256, 0));
        assertThrows(IllegalArgumentException.class, () -> new LedgerHeader(1, 0, z, z, z, 0, 1L << 32, 10, 0));
        assertThrows(org.stoxum.codec.CodecException.class, () -> LedgerHeader.fromBytes(new byte[117]));
        LedgerHeader h = new LedgerHeader(0xFFFF_FFFFL, Long.MAX_VALUE, z, z, z, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 255,
                LedgerTimes.NO_CONSENSUS_TIME);
        assertEquals(h, LedgerHeader.fromBytes(h.toBytes()));
        assertFalse(h.closeTimeAgreed());
        assertTrue(new LedgerHeader(1, 0, z, z, z, 0, 0, 10, 0).closeTimeAgreed());
    }
}
