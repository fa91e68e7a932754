package org.stoxum.engine.tx;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;

/** Reads a SignerEntries array of a transaction or a SignerList (rippled's {@code SignerEntries}). */
final class SignerEntries {
    private SignerEntries() {
    }

    /** One signer: an account and its weight. Ordered and compared by account alone, as rippled does. */
    record Entry(AccountId account, int weight) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return account.compareTo(o.account);
        }
    }

    /** The entries in stored order, or a failure. */
    record Parsed(List<Entry> entries, TER ter) {
    }

    static Parsed deserialize(STObject obj) {
        if (!obj.isPresent(SField.SIGNER_ENTRIES)) {
            return new Parsed(List.of(), TER.temMALFORMED);
        }
        List<Entry> out = new ArrayList<>();
        for (STObject e : obj.getArray(SField.SIGNER_ENTRIES)) {
            if (e.name() != SField.SIGNER_ENTRY) {
                return new Parsed(List.of(), TER.temMALFORMED);
            }
            out.add(new Entry(e.getAccountId(SField.ACCOUNT), e.getU16(SField.SIGNER_WEIGHT)));
        }
        return new Parsed(out, TER.tesSUCCESS);
    }
}
