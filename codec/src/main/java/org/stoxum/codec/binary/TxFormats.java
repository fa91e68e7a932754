package org.stoxum.codec.binary;

import java.util.EnumMap;
import java.util.Map;

/**
 * Transaction templates (TxFormats.cpp): the common fields every transaction has, then each type's own.
 * Loaded from the bundled definitions.json.
 */
public final class TxFormats {
    private static final Map<TxType, SOTemplate> TEMPLATES = new EnumMap<>(TxType.class);

    static {
        for (TxType t : TxType.values()) {
            TEMPLATES.put(t, Formats.fromDefinitions("TRANSACTION_FORMATS", t.jsonName()));
        }
    }

    private TxFormats() {
    }

    /** The template of a transaction type. */
    public static SOTemplate template(TxType type) {
        return TEMPLATES.get(type);
    }
}
