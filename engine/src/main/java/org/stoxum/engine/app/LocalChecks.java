package org.stoxum.engine.app;

import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.SerializedType;
import org.stoxum.codec.binary.TxType;

/**
 * What a node refuses to relay whatever its signature (rippled's {@code passesLocalChecks}): oversized or
 * ill-formed memos, an empty account field, and pseudo-transactions.
 */
public final class LocalChecks {
    /** Largest serialized Memos array. */
    static final int MAX_MEMOS_BYTES = 1024;
    private static final String URL_SAFE = "0123456789-._~:/?#[]@!$&'()*+,;=%"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private LocalChecks() {
    }

    /** Why {@code tx} fails the checks, or null when it passes. */
    public static String problem(STObject tx) {
        String memo = memoProblem(tx);
        if (memo != null) {
            return memo;
        }
        for (SField f : tx.fields()) {
            if (f.type() == SerializedType.ACCOUNT_ID && tx.isEmptyAccount(f)) {
                return "An account field is invalid.";
            }
        }
        int type = tx.getU16(SField.TRANSACTION_TYPE);
        if (type == TxType.ENABLE_AMENDMENT.code() || type == TxType.SET_FEE.code()) {
            return "Cannot submit pseudo transactions.";
        }
        return null;
    }

    private static String memoProblem(STObject tx) {
        if (!tx.isPresent(SField.MEMOS)) {
            return null;
        }
        STArray memos = tx.getArray(SField.MEMOS);
        STObject holder = new STObject(SField.GENERIC);
        holder.setArray(SField.MEMOS, memos);
        // The array's own field header and end marker are not counted, as rippled serializes the bare array.
        if (holder.toBytes().length - 2 > MAX_MEMOS_BYTES) {
            return "The memo exceeds the maximum allowed size.";
        }
        for (STObject memo : memos) {
            if (memo.name() != SField.MEMO) {
                return "A memo array may contain only Memo objects.";
            }
            for (SField f : memo.fields()) {
                if (f != SField.MEMO_TYPE && f != SField.MEMO_DATA && f != SField.MEMO_FORMAT) {
                    return "A memo may contain only MemoType, MemoData or MemoFormat fields.";
                }
                if (f == SField.MEMO_DATA) {
                    continue;
                }
                for (byte b : memo.getBlob(f)) {
                    if (URL_SAFE.indexOf((char) (b & 0xFF)) < 0) {
                        return "The MemoType and MemoFormat fields may only contain characters that are allowed "
                                + "in URLs under RFC 3986.";
                    }
                }
            }
        }
        return null;
    }
}
