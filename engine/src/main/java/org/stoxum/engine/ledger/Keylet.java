package org.stoxum.engine.ledger;

import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;

/**
 * The key of a ledger entry together with the type the entry is expected to have (rippled's Keylet).
 * Reading through a keylet whose type does not match the stored entry yields nothing, which guards
 * against a key computed for one kind of object landing on another.
 *
 * @param type the expected entry type, or null when any type is acceptable (rippled's ltANY)
 * @param key  the 256-bit index of the entry in the state tree
 */
public record Keylet(LedgerEntryType type, Hash256 key) {
    public Keylet {
        if (key == null) {
            throw new IllegalArgumentException("a keylet needs a key");
        }
    }

    /** True when {@code sle} is of the type this keylet expects. */
    public boolean check(STObject sle) {
        return type == null || sle.getU16(SField.LEDGER_ENTRY_TYPE) == type.code();
    }
}
