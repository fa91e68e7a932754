package org.stoxum.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/** Owner directories over pages of 32, with and without SortedDirectories. */
class DirectoriesTest {
    private static final AccountId OWNER = Genesis.masterAccount();

    private static List<Hash256> keys(int n) {
        List<Hash256> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Hash256.wrap(Sha512Half.of(new byte[] {(byte) i, 7})));
        }
        return out;
    }

    private static ApplyViewImpl view(Ledger base) {
        return new ApplyViewImpl(OpenView.closing(base), ApplyFlags.NONE);
    }

    @Test
    void sortedPagesFillToThirtyTwoAndChain() {
        ApplyViewImpl v = view(Genesis.withSupportedAmendments(NetworkProfile.STOXUM));
        Keylet dir = Keylets.ownerDir(OWNER);
        List<Hash256> keys = keys(70);
        for (int i = 0; i < keys.size(); i++) {
            Long page = Directories.dirAdd(v, dir, keys.get(i), false, Directories.describeOwnerDir(OWNER));
            assertEquals(i / 32, page.longValue());
        }
        STObject root = v.read(dir);
        assertEquals(2, root.getU64(SField.INDEX_PREVIOUS));
        assertEquals(1, root.getU64(SField.INDEX_NEXT));
        assertEquals(32, root.getVector256(SField.INDEXES).size());
        List<Hash256> sorted = new ArrayList<>(keys.subList(0, 32));
        sorted.sort(null);
        assertEquals(sorted, root.getVector256(SField.INDEXES), "pages are kept sorted");
        STObject page1 = v.read(Keylets.page(dir, 1));
        assertFalse(page1.isPresent(SField.INDEX_PREVIOUS), "page 1 leaves IndexPrevious at its default");
        assertEquals(2, page1.getU64(SField.INDEX_NEXT));
        assertEquals(OWNER, page1.getAccountId(SField.OWNER));
        STObject page2 = v.read(Keylets.page(dir, 2));
        assertEquals(1, page2.getU64(SField.INDEX_PREVIOUS));
        assertEquals(6, page2.getVector256(SField.INDEXES).size());

        for (Hash256 k : keys.subList(32, 64)) {
            assertEquals(TER.tesSUCCESS, Directories.dirDelete(v, false, 1, dir, k, false, false));
        }
        assertNull(v.read(Keylets.page(dir, 1)), "an emptied middle page is removed");
        assertEquals(2, v.read(dir).getU64(SField.INDEX_NEXT));
        assertEquals(0, v.read(Keylets.page(dir, 2)).getU64(SField.INDEX_PREVIOUS));
        for (Hash256 k : keys.subList(64, 70)) {
            Directories.dirDelete(v, false, 2, dir, k, false, false);
        }
        assertNull(v.read(Keylets.page(dir, 2)));
        assertFalse(Directories.dirIsEmpty(v, dir));
        for (Hash256 k : keys.subList(0, 32)) {
            Directories.dirDelete(v, false, 0, dir, k, false, false);
        }
        assertNull(v.read(dir), "the emptied directory is gone");
        assertTrue(Directories.dirIsEmpty(v, dir));
        assertEquals(TER.tefBAD_LEDGER, Directories.dirDelete(v, false, 0, dir, keys.get(0), false, false));
    }

    @Test
    void legacyDirectoriesAppendAndSwapOnRemoval() {
        ApplyViewImpl v = view(Genesis.withoutAmendments(NetworkProfile.STOXUM));
        Keylet dir = Keylets.ownerDir(OWNER);
        List<Hash256> keys = keys(34);
        for (Hash256 k : keys) {
            assertNotNull(Directories.dirAdd(v, dir, k, false, Directories.describeOwnerDir(OWNER)));
        }
        assertEquals(keys.subList(0, 32), v.read(dir).getVector256(SField.INDEXES), "insertion order");
        Directories.dirDelete(v, false, 0, dir, keys.get(0), false, false);
        List<Hash256> expected = new ArrayList<>(keys.subList(0, 32));
        expected.set(0, keys.get(31));
        expected.remove(31);
        assertEquals(expected, v.read(dir).getVector256(SField.INDEXES), "unstable removal moves the last key");
        assertEquals(TER.tesSUCCESS, Directories.dirDelete(v, false, 0, dir, keys.get(33), false, true),
                "a soft delete looks on later pages");
    }

    @Test
    void anOwnerDirectoryPageAddedOnlyGainsLinksAndGetsAnEmptyPreviousFields() {
        Ledger genesis = Genesis.withSupportedAmendments(NetworkProfile.STOXUM);
        OpenView closing = OpenView.closing(genesis);
        Keylet dir = Keylets.ownerDir(OWNER);
        List<Hash256> keys = keys(33);
        ApplyViewImpl first = new ApplyViewImpl(closing, ApplyFlags.NONE);
        for (Hash256 k : keys.subList(0, 32)) {
            Directories.dirAdd(first, dir, k, false, Directories.describeOwnerDir(OWNER));
        }
        first.apply(dummyTx(1), TER.tesSUCCESS);
        ApplyViewImpl second = new ApplyViewImpl(closing, ApplyFlags.NONE);
        Directories.dirAdd(second, dir, keys.get(32), false, Directories.describeOwnerDir(OWNER));
        STTx tx = dummyTx(2);
        second.apply(tx, TER.tesSUCCESS);
        STObject meta = closing.txRead(tx.id()).meta();
        assertEquals(1, meta.getU32(SField.TRANSACTION_INDEX));
        STObject rootNode = null;
        for (STObject n : meta.getArray(SField.AFFECTED_NODES)) {
            if (n.getH256(SField.LEDGER_INDEX).equals(dir.key())) {
                rootNode = n;
            }
        }
        assertNotNull(rootNode);
        assertEquals(SField.MODIFIED_NODE, rootNode.name());
        assertEquals(0, rootNode.getObject(SField.PREVIOUS_FIELDS).fieldCount(),
                "rippled walks template placeholders: fields that appear leave an empty PreviousFields");
        STObject finals = rootNode.getObject(SField.FINAL_FIELDS);
        assertEquals(1, finals.getU64(SField.INDEX_NEXT));
        assertEquals(1, finals.getU64(SField.INDEX_PREVIOUS));
        assertEquals(dir.key(), finals.getH256(SField.ROOT_INDEX));
        assertFalse(finals.isPresent(SField.INDEXES), "Indexes are never recorded");
        assertFalse(rootNode.isPresent(SField.PREVIOUS_TXN_ID), "directories are not threaded");
    }

    private static STTx dummyTx(long sequence) {
        STObject tx = STObject.newTransaction(org.stoxum.codec.binary.TxType.ACCOUNT_SET);
        tx.setAccountId(SField.ACCOUNT, OWNER);
        tx.setU32(SField.SEQUENCE, sequence);
        return STTx.of(tx);
    }
}
