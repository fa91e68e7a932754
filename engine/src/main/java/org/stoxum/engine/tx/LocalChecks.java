package org.stoxum.engine.tx;

import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.Serializer;
import org.stoxum.engine.ledger.STTx;

/**
 * The checks a node makes on a transaction before taking it from a client or a peer, which are not rules
 * of the ledger (rippled's {@code passesLocalChecks}): memos well formed and small, no empty account
 * field, no pseudo-transaction.
 */
public final class LocalChecks {
    /** Largest serialized Memos array. */
    public static final int MAX_MEMOS_BYTES = 1024;

    private static final String URL_SYMBOLS = "-._~:/?#[]@!$&'()*+,;=%";

    private LocalChecks() {
    }

    /** Null when the transaction passes, else rippled's reason. */
    public static String check(STTx tx) {
        STObject o = tx.object();
        String memo = memoProblem(o);
        if (memo != null) {
            return memo;
        }
        for (SField f : o.fields()) {
            if (f.type() == org.stoxum.codec.binary.SerializedType.ACCOUNT_ID && o.isEmptyAccount(f)) {
                return "An account field is invalid.";
            }
        }
        if (tx.type().isPseudo()) {
            return "Cannot submit pseudo transactions.";
        }
        return null;
    }

    private static String memoProblem(STObject o) {
        if (!o.isPresent(SField.MEMOS)) {
            return null;
        }
        STArray memos = o.getArray(SField.MEMOS);
        Serializer s = new Serializer(2048);
        for (STObject m : memos) {
            s.addFieldHeader(m.name());
            m.writeTo(s, true);
            s.add8(0xE1);
        }
        if (s.length() > MAX_MEMOS_BYTES) {
            return "The memo exceeds the maximum allowed size.";
        }
        for (STObject m : memos) {
            if (m.name() != SField.MEMO) {
                return "A memo array may contain only Memo objects.";
            }
            for (SField f : m.fields()) {
                if (f != SField.MEMO_TYPE && f != SField.MEMO_DATA && f != SField.MEMO_FORMAT) {
                    return "A memo may contain only MemoType, MemoData or MemoFormat fields.";
                }
                if (f == SField.MEMO_DATA) {
                    continue;
                }
                for (byte b : m.getBlob(f)) {
                    if (!urlCharacter((char) (b & 0xFF))) {
                        return "The MemoType and MemoFormat fields may only contain characters that are allowed in URLs under RFC 3986.";
                    }
                }
            }
        }
        return null;
    }

    private static boolean urlCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || URL_SYMBOLS.indexOf(c) >= 0;
    }
}
