package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/** The in-memory object: typed access, canonical order, templates, copies, serialization rules. */
class STObjectTest {
    private static final AccountId ALICE = AccountId.of(Hex.decode("B5F762798A53D543A014CAF8B297CFF8F2F937E8"));

    @Test
    void fieldsAreKeptInCanonicalOrderWhateverTheSetOrder() {
        STObject o = new STObject(SField.GENERIC)
                .setAccountId(SField.ACCOUNT, ALICE)
                .setU8(SField.TICK_SIZE, 5)
                .setU32(SField.SEQUENCE, 7)
                .setU16(SField.TRANSACTION_TYPE, 3);
        assertEquals(List.of(SField.TRANSACTION_TYPE, SField.SEQUENCE, SField.ACCOUNT, SField.TICK_SIZE), o.fields());
        assertEquals("120003" + "2400000007" + "8114" + Hex.encode(ALICE.toBytes()) + "001010" + "05", Hex.encode(o.toBytes()));
    }

    @Test
    void typedValuesRoundTrip() {
        byte[] h160 = new byte[20];
        h160[0] = 1;
        STObject o = new STObject(SField.GENERIC)
                .setU64(SField.OWNER_NODE, -1L)
                .setU32(SField.FLAGS, 0xFFFF_FFFFL)
                .setH128(SField.EMAIL_HASH, new byte[16])
                .setH160(SField.TAKER_PAYS_CURRENCY, h160)
                .setH256(SField.LEDGER_HASH, Hash256.fromHex("AB".repeat(32)))
                .setBlob(SField.DOMAIN, new byte[] {1, 2})
                .setAmount(SField.FEE, STAmount.ofDrops(12))
                .setVector256(SField.HASHES, List.of(Hash256.ZERO));
        STObject back = BinaryCodec.readObject(o.toBytes());
        assertEquals(o, back);
        assertEquals(o.hashCode(), back.hashCode());
        assertEquals(-1L, back.getU64(SField.OWNER_NODE));
        assertEquals(0xFFFF_FFFFL, back.getU32(SField.FLAGS));
        assertArrayEquals(h160, back.getH160(SField.TAKER_PAYS_CURRENCY));
        assertEquals(2, back.getBlobLength(SField.DOMAIN));
        assertEquals(12, back.getAmount(SField.FEE).drops());
        assertEquals("FFFFFFFFFFFFFFFF", back.toJson(NetworkProfile.RIPPLE).get("OwnerNode").asText());
        assertEquals(4294967295L, back.toJson(NetworkProfile.RIPPLE).get("Flags").asLong());
    }

    @Test
    void leafValuesAreCopiedInAndOut() {
        byte[] blob = {1, 2, 3};
        STObject o = new STObject(SField.GENERIC).setBlob(SField.DOMAIN, blob);
        blob[0] = 9;
        o.getBlob(SField.DOMAIN)[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, o.getBlob(SField.DOMAIN));
    }

    @Test
    void wrongTypesAndRangesAreProgrammingErrors() {
        STObject o = new STObject(SField.GENERIC);
        assertThrows(IllegalArgumentException.class, () -> o.setU32(SField.TICK_SIZE, 1));
        assertThrows(IllegalArgumentException.class, () -> o.setU8(SField.TICK_SIZE, 256));
        assertThrows(IllegalArgumentException.class, () -> o.setU32(SField.SEQUENCE, -1));
        assertThrows(IllegalArgumentException.class, () -> o.setH256(SField.HASH, Hash256.ZERO), "JSON-only field");
        assertThrows(IllegalArgumentException.class, () -> o.setH160(SField.TAKER_PAYS_ISSUER, new byte[19]));
        assertThrows(IllegalArgumentException.class, () -> o.setAccountId(SField.ACCOUNT, null));
        assertThrows(IllegalArgumentException.class, () -> new STArray().add(new STObject(SField.GENERIC)));
    }

    @Test
    void absentFieldsOfFreeObjectsAreNotFound() {
        STObject o = new STObject(SField.GENERIC);
        CodecException e = assertThrows(CodecException.class, () -> o.getU32(SField.SEQUENCE));
        assertEquals("Field not found: Sequence", e.getMessage());
        assertEquals(0, o.getFlags());
        assertFalse(o.remove(SField.SEQUENCE));
    }

    @Test
    void templatesDefaultRequiredFieldsAndGuardSetters() {
        STObject root = STObject.newLedgerEntry(LedgerEntryType.ACCOUNT_ROOT);
        assertEquals(LedgerEntryType.ACCOUNT_ROOT.template(), root.template());
        // required fields present with defaults: an unset account serializes as an empty VL
        assertTrue(root.isEmptyAccount(SField.ACCOUNT));
        assertEquals("1100612200000000" + "2400000000" + "2500000000" + "2D00000000"
                + "55" + "00".repeat(32) + "624000000000000000" + "8100", Hex.encode(root.toBytes()));
        assertTrue(root.applyTemplate(LedgerEntryType.ACCOUNT_ROOT.template()).ok());
        assertEquals(0, root.getU8(SField.TICK_SIZE), "optional template field reads as default");
        assertFalse(root.isPresent(SField.TICK_SIZE));
        assertThrows(IllegalArgumentException.class, () -> root.setU32(SField.OFFER_SEQUENCE, 1));
        root.setAccountId(SField.ACCOUNT, ALICE);
        assertFalse(root.isEmptyAccount(SField.ACCOUNT));
    }

    @Test
    void templateChecksReportEveryKindOfProblem() {
        STObject payment = new STObject(SField.TRANSACTION)
                .setU16(SField.TRANSACTION_TYPE, TxType.PAYMENT.code())
                .setPathSet(SField.PATHS, STPathSet.EMPTY)
                .setU32(SField.OFFER_SEQUENCE, 1);
        TemplateResult r = payment.applyTemplate(TxType.PAYMENT.template());
        assertFalse(r.ok());
        assertEquals(List.of(SField.ACCOUNT, SField.SEQUENCE, SField.FEE, SField.SIGNING_PUB_KEY, SField.DESTINATION,
                SField.AMOUNT), r.missing());
        assertEquals(List.of(SField.OFFER_SEQUENCE), r.unexpected());
        assertEquals(List.of(SField.PATHS), r.explicitDefault());
        assertEquals(null, payment.template(), "a failed check does not bind");
        CodecException e = assertThrows(CodecException.class, () -> payment.requireTemplate(TxType.PAYMENT.template()));
        assertTrue(e.getMessage().contains("explicit default [Paths]"), e.getMessage());
    }

    @Test
    void copiesAreDeep() {
        STObject tx = new STObject(SField.TRANSACTION).setU32(SField.SEQUENCE, 1);
        tx.peekArray(SField.MEMOS).add(new STObject(SField.MEMO).setBlob(SField.MEMO_DATA, new byte[] {1}));
        STObject copy = tx.copy();
        assertEquals(tx, copy);
        copy.getArray(SField.MEMOS).get(0).setBlob(SField.MEMO_DATA, new byte[] {2});
        copy.setU32(SField.SEQUENCE, 2);
        assertArrayEquals(new byte[] {1}, tx.getArray(SField.MEMOS).get(0).getBlob(SField.MEMO_DATA));
        assertEquals(1, tx.getU32(SField.SEQUENCE));
        assertNotEquals(tx, copy);
    }

    @Test
    void peekCreatesAndSetObjectRenames() {
        STObject meta = new STObject(SField.METADATA);
        STArray nodes = meta.peekArray(SField.AFFECTED_NODES);
        assertSame(nodes, meta.getArray(SField.AFFECTED_NODES));
        STObject fields = new STObject(SField.GENERIC).setU32(SField.SEQUENCE, 2);
        STObject node = new STObject(SField.MODIFIED_NODE).setObject(SField.FINAL_FIELDS, fields);
        assertEquals(SField.FINAL_FIELDS, fields.name());
        nodes.add(node);
        assertEquals("F8" + "E5" + "E7" + "2400000002" + "E1" + "E1" + "F1", Hex.encode(meta.toBytes()));
        assertTrue(meta.remove(SField.AFFECTED_NODES));
        assertEquals(0, meta.fieldCount());
    }

    @Test
    void typeBlindAccessForMetadata() {
        STObject before = new STObject(SField.LEDGER_ENTRY).setU32(SField.SEQUENCE, 1).setU32(SField.OWNER_COUNT, 0)
                .setBlob(SField.DOMAIN, new byte[] {1});
        before.peekArray(SField.MEMOS).add(new STObject(SField.MEMO).setBlob(SField.MEMO_DATA, new byte[] {1}));
        STObject after = new STObject(SField.LEDGER_ENTRY).setU32(SField.SEQUENCE, 2);
        assertTrue(before.isDefault(SField.OWNER_COUNT));
        assertFalse(before.isDefault(SField.SEQUENCE));
        assertFalse(before.isDefault(SField.FLAGS), "absent is not default");
        assertFalse(before.sameValue(SField.SEQUENCE, after));
        assertTrue(before.sameValue(SField.FLAGS, after));
        assertFalse(before.sameValue(SField.DOMAIN, after));
        after.copyFieldFrom(before, SField.DOMAIN).copyFieldFrom(before, SField.MEMOS).copyFieldFrom(before, SField.SEQUENCE);
        assertTrue(after.sameValue(SField.DOMAIN, before) && after.sameValue(SField.MEMOS, before));
        after.getArray(SField.MEMOS).clear();
        assertEquals(1, before.getArray(SField.MEMOS).size(), "containers are copied deeply");
        after.copyFieldFrom(new STObject(SField.GENERIC), SField.DOMAIN);
        assertFalse(after.isPresent(SField.DOMAIN));
    }

    @Test
    void flags() {
        STObject o = new STObject(SField.GENERIC);
        o.clearFlag(1);
        assertFalse(o.isPresent(SField.FLAGS));
        o.setFlag(0x8000_0000L).setFlag(1);
        assertTrue(o.isFlag(0x8000_0001L));
        o.clearFlag(1);
        assertEquals(0x8000_0000L, o.getFlags());
    }

    @Test
    void signingSerializationDropsOnlyTopLevelNonSigningFields() {
        STObject memo = new STObject(SField.MEMO).setBlob(SField.TXN_SIGNATURE, new byte[] {7});
        STObject tx = new STObject(SField.TRANSACTION)
                .setU32(SField.SEQUENCE, 1)
                .setBlob(SField.TXN_SIGNATURE, new byte[] {1})
                .setArray(SField.MEMOS, STArray.of(List.of(memo)));
        tx.peekArray(SField.SIGNERS).add(new STObject(SField.SIGNER));
        assertEquals("2400000001" + "740101" + "F3E010E1F1" + "F9EA740107E1F1", Hex.encode(tx.toBytes()));
        assertEquals("2400000001" + "F9EA740107E1F1", Hex.encode(tx.toSigningBytes()));
        assertEquals(BinaryCodec.transactionId(tx.toBytes()), tx.hash(HashPrefix.TRANSACTION_ID));
    }

    @Test
    void unknownResultsAndTypesPrintAsNumbers() {
        STObject o = new STObject(SField.GENERIC)
                .setU8(SField.TRANSACTION_RESULT, 99)
                .setU16(SField.TRANSACTION_TYPE, 6)
                .setU16(SField.LEDGER_ENTRY_TYPE, 0x6E);
        var json = o.toJson(NetworkProfile.RIPPLE);
        assertEquals(99, json.get("TransactionResult").asInt());
        assertEquals(6, json.get("TransactionType").asInt());
        assertEquals(0x6E, json.get("LedgerEntryType").asInt());
        assertEquals("tecCLAIM", o.setU8(SField.TRANSACTION_RESULT, 100).toJson(NetworkProfile.RIPPLE)
                .get("TransactionResult").asText());
    }
}
