package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TxType;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.STTx;

/** The local (non-ledger) checks a node makes before taking a transaction. */
class LocalChecksTest {
    private static STObject accountSet() {
        STObject tx = STObject.newTransaction(TxType.ACCOUNT_SET);
        tx.setAccountId(SField.ACCOUNT, Genesis.masterAccount());
        tx.setU32(SField.SEQUENCE, 1);
        return tx;
    }

    private static STObject memo(String type, int dataBytes) {
        STObject m = new STObject(SField.MEMO);
        m.setBlob(SField.MEMO_TYPE, type.getBytes(StandardCharsets.US_ASCII));
        m.setBlob(SField.MEMO_DATA, new byte[dataBytes]);
        return m;
    }

    @Test
    void memosMustBeSmallAndUrlSafe() {
        STObject ok = accountSet();
        ok.setArray(SField.MEMOS, STArray.of(java.util.List.of(memo("text/plain", 10))));
        assertNull(LocalChecks.check(STTx.of(ok)));

        STObject big = accountSet();
        big.setArray(SField.MEMOS, STArray.of(java.util.List.of(memo("t", 1020))));
        assertEquals("The memo exceeds the maximum allowed size.", LocalChecks.check(STTx.of(big)));

        STObject space = accountSet();
        space.setArray(SField.MEMOS, STArray.of(java.util.List.of(memo("text plain", 1))));
        assertEquals("The MemoType and MemoFormat fields may only contain characters that are allowed in URLs "
                + "under RFC 3986.", LocalChecks.check(STTx.of(space)));

        STObject wrong = accountSet();
        STObject m = memo("a", 1);
        STObject holder = new STObject(SField.GENERIC);
        holder.setObject(SField.SIGNER, m);
        wrong.setArray(SField.MEMOS, STArray.of(java.util.List.of(m)));
        assertEquals("A memo array may contain only Memo objects.", LocalChecks.check(STTx.of(wrong)));
    }

    @Test
    void pseudoTransactionsCannotBeSubmitted() {
        STObject fee = STObject.newTransaction(TxType.SET_FEE);
        fee.setAccountId(SField.ACCOUNT, org.stoxum.codec.types.AccountId.ZERO);
        assertEquals("Cannot submit pseudo transactions.", LocalChecks.check(STTx.of(fee)));
    }
}
