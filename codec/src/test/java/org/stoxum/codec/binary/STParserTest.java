package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.Hash256;

/** Binary input stoxumd refuses, and the odd input it accepts, read the same way here. */
class STParserTest {
    private static final String ACCOUNT_HEX = "B5F762798A53D543A014CAF8B297CFF8F2F937E8";

    private static STObject read(String hex) {
        return BinaryCodec.readObject(Hex.decode(hex));
    }

    private static CodecException refused(String hex, String messagePart) {
        CodecException e = assertThrows(CodecException.class, () -> read(hex), hex);
        assertEquals("invalidParams", e.token());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        return e;
    }

    @Test
    void fieldHeaders() {
        refused("91", "unknown field (type 9, field 1)");
        refused("0005", "uncommon type out of range (5)");
        refused("2005", "uncommon field number out of range (5)");
        refused("00", "truncated");
        refused("F1", "array end marker (F1) inside an object");
        assertEquals(5, read("001010" + "05").getU8(SField.TICK_SIZE));
    }

    @Test
    void arraysHoldOnlyObjects() {
        refused("F9" + "E1", "object end marker (E1) inside an array");
        refused("F9" + "2200000000", "non-object field Flags");
        refused("F9" + "91", "unknown field");
        STObject o = read("F9" + "EA" + "7C01AB" + "E1" + "F1");
        assertEquals(1, o.getArray(SField.MEMOS).size());
        assertEquals(SField.MEMO, o.getArray(SField.MEMOS).get(0).name());
    }

    @Test
    void nestingDepthLimitIsTen() {
        String ten = "EA".repeat(10) + "E1".repeat(10);
        read(ten);
        refused("EA".repeat(11) + "E1".repeat(11), "maximum nesting depth (10) exceeded");
        // a leaf below the tenth level is the eleventh level
        refused("EA".repeat(10) + "2400000001" + "E1".repeat(10), "maximum nesting depth");
        // inside arrays each element adds a level: 5 arrays of one object each reach depth 10
        read("F9EA".repeat(5) + "E1F1".repeat(5));
        refused("F9EA".repeat(5) + "2400000001" + "E1F1".repeat(5), "maximum nesting depth");
    }

    @Test
    void innerTemplatesAreEnforcedOnTheWire() {
        String account = "8114" + ACCOUNT_HEX;
        refused("F3" + "E010" + account + "E1" + "F1", "malformed inner object: Signer: missing [SigningPubKey, TxnSignature]");
        refused("F4" + "EB" + account + "E1" + "F1", "SignerEntry: missing [SignerWeight]");
        refused("EB" + account + "E1", "SignerEntry: missing");
        STObject ok = read("F4" + "EB" + "130001" + account + "E1" + "F1");
        assertEquals(InnerObjectFormats.SIGNER_ENTRY, ok.getArray(SField.SIGNER_ENTRIES).get(0).template());
    }

    @Test
    void accountIds() {
        refused("8113" + ACCOUNT_HEX.substring(2), "an AccountID is 0 or 20 bytes, not 19");
        STObject empty = read("8100");
        assertTrue(empty.isEmptyAccount(SField.ACCOUNT));
        assertEquals("", empty.toJson(NetworkProfile.RIPPLE).get("Account").asText());
        assertEquals("8100", Hex.encode(empty.toBytes()));
    }

    @Test
    void pathSets() {
        refused("0112" + "00", "empty path in path set");
        refused("0112" + "01" + ACCOUNT_HEX + "FF" + "00", "empty path");
        refused("0112" + "02", "bad path element type 0x2");
        refused("0112" + "01" + ACCOUNT_HEX, "truncated");
        // a zero account loses its type bit, as in rippled; a named native currency keeps its bit
        STObject o = read("0112" + "11" + "00".repeat(20) + "00".repeat(20) + "00");
        STPathElement e = o.getPathSet(SField.PATHS).paths().get(0).get(0);
        assertEquals(STPathElement.TYPE_CURRENCY, e.type());
        assertEquals("0112" + "10" + "00".repeat(20) + "00", Hex.encode(o.toBytes()));
    }

    @Test
    void vector256KeepsWholeHashesOnly() {
        String h = "11".repeat(32);
        STObject o = read("0113" + "21" + h + "FF");
        assertEquals(List.of(Hash256.fromHex(h)), o.getVector256(SField.INDEXES));
        assertEquals("0113" + "20" + h, Hex.encode(o.toBytes()));
    }

    @Test
    void variableLengths() {
        refused("72" + "FF", "invalid VL length byte");
        refused("72" + "C1", "truncated");
        refused("72" + "05" + "AABB", "truncated");
        byte[] big = new byte[12_481];
        STObject o = new STObject(SField.GENERIC).setBlob(SField.DOMAIN, big);
        byte[] bytes = o.toBytes();
        assertEquals("77F10000", Hex.encode(bytes, 0, 4));
        assertEquals(o, BinaryCodec.readObject(bytes));
        byte[] mid = new byte[193];
        assertEquals("77C100", Hex.encode(new STObject(SField.GENERIC).setBlob(SField.DOMAIN, mid).toBytes(), 0, 3));
    }

    @Test
    void truncationNamesTheFieldPath() {
        CodecException e = refused("F9" + "EA" + "7C05AB", "truncated");
        assertTrue(e.getMessage().contains("Memos.[0].Memo.MemoType"), e.getMessage());
        refused("24000000", "truncated");
        refused("61400000", "truncated");
        refused("61" + "D4838D7EA4C68000" + "00".repeat(10), "truncated");
    }

    @Test
    void badAmountsNameTheirPlace() {
        CodecException e = refused("61" + "0000000000000000", "Amount");
        assertTrue(e.getMessage().contains("offset 1"), e.getMessage());
    }

    @Test
    void unnamedFieldNumbersOfKnownTypesAreCarried() {
        STObject o = read("2032" + "00000007");
        JsonNode json = o.toJson(NetworkProfile.RIPPLE);
        assertEquals(7, json.get("2/50").asInt());
        assertEquals("203200000007", Hex.encode(o.toBytes()));
        TemplateResult r = o.applyTemplate(TxType.ACCOUNT_SET.template());
        assertEquals("2/50", r.unexpected().get(0).name());
    }

    @Test
    void duplicatesAreKeptUntilATemplateRejectsThem() {
        STObject o = read("2400000001" + "2400000002");
        assertEquals(2, o.fieldCount());
        assertEquals("2400000001", Hex.encode(o.toBytes()), "only the first copy is serialized");
        assertEquals(2, o.toJson(NetworkProfile.RIPPLE).get("Sequence").asInt(), "JSON shows the last copy");
        assertEquals(List.of(SField.SEQUENCE), o.applyTemplate(TxType.ACCOUNT_SET.template()).duplicated());
    }

    @Test
    void stoxumdLeniencies() {
        // bytes after a top-level end marker are ignored
        assertEquals(1, read("2400000001" + "E1" + "FFFF").getU32(SField.SEQUENCE));
        // a nested object or array cut off at the very end of the input is complete
        assertEquals(1, read("EA" + "7C01AB").getObject(SField.MEMO).fieldCount());
        assertEquals(1, read("F9" + "EA" + "7C01AB").getArray(SField.MEMOS).size());
        // fields out of canonical order are read and re-sorted
        assertEquals("2400000001" + "8114" + ACCOUNT_HEX, Hex.encode(read("8114" + ACCOUNT_HEX + "2400000001").toBytes()));
    }

    @Test
    void transactionsNeedSizeTypeAndTemplate() {
        CodecException small = assertThrows(CodecException.class, () -> BinaryCodec.readTransaction(Hex.decode("120000")));
        assertTrue(small.getMessage().contains("Transaction length invalid"));
        String common = "2400000001" + "68400000000000000A" + "7300" + "8114" + ACCOUNT_HEX;
        CodecException type = assertThrows(CodecException.class,
                () -> BinaryCodec.readTransaction(Hex.decode("120006" + common)));
        assertTrue(type.getMessage().contains("Invalid transaction type 6"), type.getMessage());
        CodecException noType = assertThrows(CodecException.class,
                () -> BinaryCodec.readTransaction(Hex.decode(common)));
        assertTrue(noType.getMessage().contains("Field not found: TransactionType"), noType.getMessage());
        CodecException template = assertThrows(CodecException.class,
                () -> BinaryCodec.readTransaction(Hex.decode("120000" + common)));
        assertTrue(template.getMessage().contains("missing [Destination, Amount]"), template.getMessage());
        STObject accountSet = BinaryCodec.readTransaction(Hex.decode("120003" + common));
        assertEquals(TxType.ACCOUNT_SET.template(), accountSet.template());
        assertFalse(accountSet.isPresent(SField.FLAGS));
        assertEquals(0, accountSet.getU32(SField.FLAGS), "absent template field reads as its default");
    }

    @Test
    void ledgerEntriesNeedKnownTypeAndTemplate() {
        assertThrows(CodecException.class, () -> BinaryCodec.readLedgerEntry(Hex.decode("11006E2200000000")));
        CodecException e = assertThrows(CodecException.class,
                () -> BinaryCodec.readLedgerEntry(Hex.decode("1100612200000000")));
        assertTrue(e.getMessage().contains("ledger entry not valid for type: AccountRoot: missing"), e.getMessage());
        assertThrows(CodecException.class, () -> BinaryCodec.readMetadata(Hex.decode("201C00000000")));
    }
}
