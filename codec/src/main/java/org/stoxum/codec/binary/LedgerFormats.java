package org.stoxum.codec.binary;

import java.util.EnumMap;
import java.util.Map;

/**
 * Ledger entry templates (LedgerFormats.cpp): LedgerIndex (optional), LedgerEntryType and Flags, then each
 * type's own fields. Loaded from the bundled definitions.json.
 */
public final class LedgerFormats {
    private static final Map<LedgerEntryType, SOTemplate> TEMPLATES = new EnumMap<>(LedgerEntryType.class);

    static {
        for (LedgerEntryType t : LedgerEntryType.values()) {
            TEMPLATES.put(t, Formats.fromDefinitions("LEDGER_ENTRY_FORMATS", t.jsonName()));
        }
    }

    private LedgerFormats() {
    }

    /** The template of a ledger entry type. */
    public static SOTemplate template(LedgerEntryType type) {
        return TEMPLATES.get(type);
    }
}
