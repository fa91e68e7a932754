package org.stoxum.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.testing.SharedVectors;

/** Ledger 1 in both variants against protocol.md 8.5 and the oracle's recorded answers. */
class GenesisTest {
    @Test
    void withoutAmendmentsMatchesTheOracle() {
        Ledger l = Genesis.withoutAmendments(NetworkProfile.STOXUM);
        JsonNode ledger = oracleLedger1("nostart");
        assertEquals("661732CBF2F585F71B9A781BAECF0C9ECCDC1747FC8B97D9EA37C6C6A6782DE4", l.accountHash().toString());
        assertEquals("3EEA15A339D9A747CB1EB9165FE738524FB1BB96D75FA788706894D23546E9D3", l.hash().toString());
        assertEquals(ledger.get("account_hash").asText(), l.accountHash().toString());
        assertEquals(ledger.get("ledger_hash").asText(), l.hash().toString());
        assertTrue(l.rules().enabled().isEmpty());
    }

    @Test
    void withSupportedAmendmentsMatchesTheOracle() {
        Ledger l = Genesis.withSupportedAmendments(NetworkProfile.STOXUM);
        JsonNode ledger = oracleLedger1("start");
        assertEquals("C5651BBFE59BF2390E19734959B974510DDFB67D84D7C3526650E3E4EDDFC11A", l.accountHash().toString());
        assertEquals("11375AC0242D1480E7F3FBB1839A69AE90C697FED466193AB4394974DDF2793A", l.hash().toString());
        assertEquals(ledger.get("ledger_hash").asText(), l.hash().toString());
        assertEquals(21, l.rules().enabled().size());
        assertTrue(l.rules().enabled(Amendments.MULTI_SIGN));
        assertFalse(l.rules().enabled(Amendments.TICKETS));
    }

    @Test
    void genesisAccountRootIsTheDocumentedBytes() {
        Ledger l = Genesis.withoutAmendments(NetworkProfile.STOXUM);
        byte[] bytes = l.readBytes(Keylets.account(Genesis.masterAccount()).key());
        assertEquals("1100612200000000240000000125000000002D00000000"
                + "55" + "0".repeat(64) + "624000B5E620F480008114B5F762798A53D543A014CAF8B297CFF8F2F937E8",
                Hex.encode(bytes));
        STObject root = l.read(Keylets.account(Genesis.masterAccount()));
        assertNotNull(root);
        assertEquals(200_000_000_000_000L, root.getAmount(SField.BALANCE).drops());
        assertNull(l.read(Keylets.signers(Genesis.masterAccount())), "wrong type or absent reads as null");
        assertNull(l.read(new Keylet(org.stoxum.codec.binary.LedgerEntryType.OFFER,
                Keylets.account(Genesis.masterAccount()).key())), "type mismatch reads as null");
        assertEquals(new Fees(10, 10, 10_000, 2_000), l.fees());
        assertEquals(1, l.seq());
        assertEquals(30, l.closeTimeResolution());
        assertFalse(l.transactions().hasNext());
    }

    @Test
    void stateWalkAndSuccessorAgree() {
        Ledger l = Genesis.withSupportedAmendments(NetworkProfile.STOXUM);
        var it = l.entries(null);
        var first = it.next();
        var second = it.next();
        assertFalse(it.hasNext());
        assertTrue(first.key().compareTo(second.key()) < 0);
        assertEquals(second.key(), l.succ(first.key(), null));
        assertNull(l.succ(first.key(), second.key()));
        assertNull(l.succ(second.key(), null));
        assertEquals(second.key(), l.entries(first.key()).next().key());
    }

    private static JsonNode oracleLedger1(String variant) {
        JsonNode r = SharedVectors.readJson(SharedVectors.shared().resolve("oracle/" + variant + "/03_ledger_1.json"));
        return r.get("response").get("result").get("ledger");
    }
}
