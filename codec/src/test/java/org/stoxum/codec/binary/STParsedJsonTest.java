package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stoxum.codec.binary.JsonTesting.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;

/** STParsedJSON's acceptance rules and error texts. */
class STParsedJsonTest {
    private static final NetworkProfile P = NetworkProfile.RIPPLE;
    private static final String ACCOUNT_HEX = "B5F762798A53D543A014CAF8B297CFF8F2F937E8";

    private static STObject ok(String json) {
        return STParsedJson.parse("tx_json", parse(json), P);
    }

    private static String hex(String json) {
        return Hex.encode(ok(json).toBytes());
    }

    private static void refused(String json, String message) {
        CodecException e = assertThrows(CodecException.class, () -> ok(json), json);
        assertEquals("invalidParams", e.token());
        assertEquals(message, e.getMessage());
    }

    @Test
    void objectsAndUnknownNames() {
        CodecException e = assertThrows(CodecException.class, () -> STParsedJson.parse("tx_json", parse("[]"), P));
        assertEquals("Field 'tx_json' is not a JSON object.", e.getMessage());
        refused("{\"Foo\": 1}", "Field 'tx_json.Foo' is unknown.");
        refused("{\"Zed\": 1, \"Abc\": 1}", "Field 'tx_json.Abc' is unknown.");
        refused("{\"Generic\": 1}", "Field 'tx_json.Generic' is unknown.");
        refused("{\"ObjectEndMarker\": {}}", "Field 'tx_json.ObjectEndMarker' is unknown.");
        refused("{\"2/50\": 1}", "Field 'tx_json.2/50' is unknown.");
        refused("{\"Memo\": 5}", "Field 'tx_json.Memo' is not a JSON object.");
        refused("{\"Metadata\": {}}", "Field 'tx_json.Metadata' has bad type.");
    }

    @Test
    void jsonOnlyFieldsAreCheckedThenDropped() {
        assertEquals("2400000001", hex("{\"Sequence\": 1, \"hash\": \"AB\", \"index\": \"zz\", \"Transaction\": {\"Sequence\": 2}}"));
        refused("{\"hash\": 5}", "Field 'tx_json.hash' has bad type.");
        refused("{\"Transaction\": {\"Foo\": 1}}", "Field 'tx_json.Transaction.Foo' is unknown.");
    }

    @Test
    void uint32() {
        assertEquals("2400000005", hex("{\"Sequence\": 5}"));
        assertEquals("2400000005", hex("{\"Sequence\": \"5\"}"));
        assertEquals("2400000005", hex("{\"Sequence\": \"+0005\"}"));
        assertEquals("24FFFFFFFF", hex("{\"Sequence\": 4294967295}"));
        assertEquals("24FFFFFFFF", hex("{\"Sequence\": \"4294967295\"}"));
        refused("{\"Sequence\": \"4294967296\"}", "Field 'tx_json.Sequence' has invalid data.");
        refused("{\"Sequence\": -1}", "Field 'tx_json.Sequence' has invalid data.");
        refused("{\"Sequence\": \"-1\"}", "Field 'tx_json.Sequence' has invalid data.");
        refused("{\"Sequence\": \"\"}", "Field 'tx_json.Sequence' has invalid data.");
        refused("{\"Sequence\": \" 5\"}", "Field 'tx_json.Sequence' has invalid data.");
        refused("{\"Sequence\": 1.5}", "Field 'tx_json.Sequence' has bad type.");
        refused("{\"Sequence\": true}", "Field 'tx_json.Sequence' has bad type.");
        refused("{\"Sequence\": null}", "Field 'tx_json.Sequence' has bad type.");
        refused("{\"Sequence\": 4294967296}", "Field 'tx_json.Sequence' has bad type.");
    }

    @Test
    void uint16AndTheTypeNames() {
        assertEquals("120007", hex("{\"TransactionType\": \"OfferCreate\"}"));
        assertEquals("120007", hex("{\"TransactionType\": 7}"));
        assertEquals("120006", hex("{\"TransactionType\": \"6\"}"));
        assertEquals("110072", hex("{\"LedgerEntryType\": \"RippleState\"}"));
        assertEquals("13FFFF", hex("{\"SignerWeight\": 65535}"));
        refused("{\"TransactionType\": \"NickNameSet\"}", "Field 'tx_json.TransactionType' has invalid data.");
        refused("{\"LedgerEntryType\": \"Nickname\"}", "Field 'tx_json.LedgerEntryType' has invalid data.");
        refused("{\"SignerWeight\": \"one\"}", "Field 'tx_json.SignerWeight' has invalid data.");
        refused("{\"SignerWeight\": 65536}", "Field 'tx_json.SignerWeight' has invalid data.");
        refused("{\"SignerWeight\": -1}", "Field 'tx_json.SignerWeight' has invalid data.");
        refused("{\"SignerWeight\": 3000000000}", "Field 'tx_json.SignerWeight' has invalid data.");
        refused("{\"SignerWeight\": []}", "Field 'tx_json.SignerWeight' has bad type.");
    }

    @Test
    void uint8AndResults() {
        assertEquals("031080", hex("{\"TransactionResult\": \"tecPATH_DRY\"}"));
        assertEquals("031000", hex("{\"TransactionResult\": \"tesSUCCESS\"}"));
        assertEquals("031007", hex("{\"TransactionResult\": \"7\"}"));
        assertEquals("00101005", hex("{\"TickSize\": 5}"));
        refused("{\"TransactionResult\": \"tefFAILURE\"}", "Field 'tx_json.TransactionResult' is out of range.");
        refused("{\"TransactionResult\": \"tecNOPE\"}", "Field 'tx_json.TransactionResult' is out of range.");
        refused("{\"TickSize\": \"five\"}", "Field 'tx_json.TickSize' has bad type.");
        refused("{\"TickSize\": \"+5\"}", "Field 'tx_json.TickSize' has bad type.");
        refused("{\"TickSize\": \"256\"}", "Field 'tx_json.TickSize' has invalid data.");
        refused("{\"TickSize\": 256}", "Field 'tx_json.TickSize' is out of range.");
        refused("{\"TickSize\": -1}", "Field 'tx_json.TickSize' is out of range.");
        refused("{\"TickSize\": 3000000000}", "Field 'tx_json.TickSize' is out of range.");
    }

    @Test
    void uint64() {
        assertEquals("34FFFFFFFFFFFFFFFF", hex("{\"OwnerNode\": \"FFFFFFFFFFFFFFFF\"}"));
        assertEquals("340000000000000ABC", hex("{\"OwnerNode\": \"abc\"}"));
        assertEquals("340000000000000000", hex("{\"OwnerNode\": \"\"}"));
        assertEquals("34000000000000000A", hex("{\"OwnerNode\": 10}"));
        refused("{\"OwnerNode\": \"10000000000000000\"}", "Field 'tx_json.OwnerNode' has invalid data.");
        refused("{\"OwnerNode\": \"0x1\"}", "Field 'tx_json.OwnerNode' has invalid data.");
        refused("{\"OwnerNode\": -1}", "Field 'tx_json.OwnerNode' has invalid data.");
        refused("{\"OwnerNode\": false}", "Field 'tx_json.OwnerNode' has bad type.");
    }

    @Test
    void hashesAreReadLeniently() {
        assertEquals("55" + "00".repeat(30) + "0ABC", hex("{\"PreviousTxnID\": \"ABC\"}"));
        assertEquals("55" + "00".repeat(31) + "12", hex("{\"PreviousTxnID\": \"  0x12zz\"}"));
        assertEquals("55" + "00".repeat(32), hex("{\"PreviousTxnID\": \"not hex\"}"));
        assertEquals("55" + "22".repeat(32), hex("{\"PreviousTxnID\": \"" + "11" + "22".repeat(32) + "\"}"));
        assertEquals("41" + "00".repeat(15) + "01", hex("{\"EmailHash\": \"1\"}"));
        refused("{\"PreviousTxnID\": 1}", "Field 'tx_json.PreviousTxnID' has bad type.");
    }

    @Test
    void blobs() {
        assertEquals("7702" + "0ABC", hex("{\"Domain\": \"abc\"}"));
        assertEquals("7700", hex("{\"Domain\": \"\"}"));
        refused("{\"Domain\": \"XYZ\"}", "Field 'tx_json.Domain' has invalid data.");
        refused("{\"Domain\": 12}", "Field 'tx_json.Domain' has bad type.");
    }

    @Test
    void accounts() {
        String address = AccountId.of(Hex.decode(ACCOUNT_HEX)).toAddress(P);
        assertEquals("8114" + ACCOUNT_HEX, hex("{\"Account\": \"" + address + "\"}"));
        assertEquals("8114" + ACCOUNT_HEX, hex("{\"Account\": \"" + ACCOUNT_HEX.toLowerCase() + "\"}"));
        refused("{\"Account\": \"" + AccountId.of(Hex.decode(ACCOUNT_HEX)).toAddress(NetworkProfile.STOXUM) + "\"}",
                "Field 'tx_json.Account' has invalid data.");
        refused("{\"Account\": \"\"}", "Field 'tx_json.Account' has invalid data.");
        refused("{\"Account\": 1}", "Field 'tx_json.Account' has bad type.");
    }

    @Test
    void amounts() {
        assertEquals("614000000000000001", hex("{\"Amount\": \"1\"}"));
        refused("{\"Amount\": \"1.5\"}", "Field 'tx_json.Amount' has invalid data.");
        refused("{\"Amount\": {\"currency\": \"XRP\", \"value\": \"1\"}}", "Field 'tx_json.Amount' has invalid data.");
    }

    @Test
    void vector256() {
        assertEquals("0113" + "20" + "00".repeat(30) + "0123", hex("{\"Indexes\": [123]}"));
        assertEquals("0113" + "40" + "00".repeat(64), hex("{\"Indexes\": [null, true]}"));
        refused("{\"Indexes\": \"AB\"}", "Field 'tx_json.Indexes' must be a JSON array.");
        refused("{\"Indexes\": [3000000000]}", "Field 'tx_json.Indexes' has invalid data.");
        refused("{\"Indexes\": [[]]}", "Field 'tx_json.Indexes' has invalid data.");
    }

    @Test
    void paths() {
        String address = AccountId.of(Hex.decode(ACCOUNT_HEX)).toAddress(P);
        assertEquals("0112" + "01" + ACCOUNT_HEX + "00",
                hex("{\"Paths\": [[{\"account\": \"" + address + "\", \"type\": 99, \"type_hex\": \"junk\"}]]}"));
        assertEquals("0112" + "10" + "00".repeat(20) + "00", hex("{\"Paths\": [[{\"currency\": \"XRP\", \"account\": \"\"}]]}"));
        assertEquals("0112" + "30" + "0000000000000000000000005553440000000000" + ACCOUNT_HEX + "FF" + "01" + ACCOUNT_HEX + "00",
                hex("{\"Paths\": [[{\"currency\": \"USD\", \"issuer\": \"" + ACCOUNT_HEX + "\"}], [{\"account\": \"" + address + "\"}]]}"));
        // an all-zero account given explicitly is dropped, as rippled's element constructor does
        assertEquals("0112" + "00" + "00", hex("{\"Paths\": [[{\"account\": \"" + "0".repeat(40) + "\"}]]}"));
        assertEquals("0112" + "00", hex("{\"Paths\": []}"));
        refused("{\"Paths\": {}}", "Field 'tx_json.Paths' must be a JSON array.");
        refused("{\"Paths\": [5]}", "Field 'tx_json.Paths[0]' must be a JSON array.");
        refused("{\"Paths\": [[5]]}", "Field 'tx_json.Paths[0][0]' is not a JSON object.");
        refused("{\"Paths\": [[{\"account\": 5}]]}", "Field 'tx_json.Paths[0][0].account' must be a string.");
        refused("{\"Paths\": [[{\"issuer\": \"nope\"}]]}", "Field 'tx_json.Paths[0][0].issuer' has invalid data.");
        refused("{\"Paths\": [[{\"currency\": \"TOOLONG\"}]]}", "Field 'tx_json.Paths[0][0].currency' has invalid data.");
        refused("{\"Paths\": [[{\"currency\": 1}]]}", "Field 'tx_json.Paths[0][0].currency' must be a string.");
    }

    @Test
    void arraysOfObjects() {
        assertEquals("F9" + "EA" + "7C01AB" + "E1" + "F1", hex("{\"Memos\": [{\"Memo\": {\"MemoType\": \"AB\"}}]}"));
        refused("{\"Memos\": {}}", "Field 'tx_json.Memos' is not a JSON array.");
        refused("{\"Memos\": [5]}", "Field 'tx_json.Memos[0]' must be an object with a single key/object value.");
        refused("{\"Memos\": [{\"Memo\": {}, \"Signer\": {}}]}",
                "Field 'tx_json.Memos[0]' must be an object with a single key/object value.");
        refused("{\"Memos\": [{\"Nope\": {}}]}", "Field 'tx_json.Memos.Nope' is unknown.");
        refused("{\"Memos\": [{\"Account\": {}}]}",
                "Item 'tx_json.Memos.[0].Account' at index 0 is not an object.  Arrays may only contain objects.");
        refused("{\"Memos\": [{\"Memo\": 5}]}",
                "Error at 'tx_json.Memos.[0].Memo'. Field 'tx_json.Memos.[0].Memo' is not a JSON object.");
        refused("{\"Memos\": [{\"Memo\": {\"MemoType\": 5}}]}",
                "Error at 'tx_json.Memos.[0].Memo'. Field 'tx_json.Memos.[0].Memo.MemoType' has bad type.");
        refused("{\"Signers\": [{\"Signer\": {\"Account\": \"" + ACCOUNT_HEX + "\"}}]}",
                "Error at 'tx_json.Signers.[0].Signer'. Object 'Signer' contents did not meet requirements for that type.");
        refused("{\"SignerEntry\": {\"SignerWeight\": 1}}",
                "Object 'SignerEntry' contents did not meet requirements for that type.");
    }

    @Test
    void nestingLimit() {
        StringBuilder deep = new StringBuilder();
        int levels = 70;
        for (int i = 0; i < levels; i++) {
            deep.append("{\"Memo\": ");
        }
        deep.append("{}");
        deep.append("}".repeat(levels));
        CodecException e = assertThrows(CodecException.class, () -> ok(deep.toString()));
        assertFalse(e.getMessage().isEmpty());
        assertEquals(true, e.getMessage().endsWith("exceeds nesting depth limit."), e.getMessage());
    }

    @Test
    void stoxumProfileSpellsNativeAsStm() {
        JsonNode tx = parse("{\"Amount\": \"1\", \"Paths\": [[{\"currency\": \"STM\"}]]}");
        STObject o = STParsedJson.parse("tx_json", tx, NetworkProfile.STOXUM);
        assertEquals("STM", o.toJson(NetworkProfile.STOXUM).at("/Paths/0/0/currency").asText());
        assertEquals("XRP", o.toJson(NetworkProfile.RIPPLE).at("/Paths/0/0/currency").asText());
    }
}
