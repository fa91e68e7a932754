package org.stoxum.codec.binary;

/**
 * The serialized type of a field ({@code SerializedTypeID} in rippled), named as definitions.json names it.
 *
 * <p>The type code is the high half of a field code, so it decides both the wire header and the canonical
 * order of fields. Codes 1..19 can appear on the wire; the 10001..10004 types only name whole top-level
 * objects and never carry a header.
 */
public enum SerializedType {
    UNKNOWN(-2, "Unknown"),
    DONE(-1, "Done"),
    NOT_PRESENT(0, "NotPresent"),
    UINT16(1, "UInt16"),
    UINT32(2, "UInt32"),
    UINT64(3, "UInt64"),
    HASH128(4, "Hash128"),
    HASH256(5, "Hash256"),
    AMOUNT(6, "Amount"),
    BLOB(7, "Blob"),
    ACCOUNT_ID(8, "AccountID"),
    OBJECT(14, "STObject"),
    ARRAY(15, "STArray"),
    UINT8(16, "UInt8"),
    HASH160(17, "Hash160"),
    PATHSET(18, "PathSet"),
    VECTOR256(19, "Vector256"),
    TRANSACTION(10001, "Transaction"),
    LEDGER_ENTRY(10002, "LedgerEntry"),
    VALIDATION(10003, "Validation"),
    METADATA(10004, "Metadata");

    private static final SerializedType[] BY_WIRE_CODE = new SerializedType[20];

    static {
        for (SerializedType t : values()) {
            if (t.isWireType()) {
                BY_WIRE_CODE[t.code] = t;
            }
        }
    }

    private final int code;
    private final String jsonName;

    SerializedType(int code, String jsonName) {
        this.code = code;
        this.jsonName = jsonName;
    }

    /** The numeric type code. */
    public int code() {
        return code;
    }

    /** The name definitions.json uses. */
    public String jsonName() {
        return jsonName;
    }

    /** True for the types a field header can carry (codes 1..19). */
    public boolean isWireType() {
        return code >= 1 && code <= 19;
    }

    /**
     * The wire type with this code, or null for a code no stoxumd type has (9..13, 0, above 19): such a
     * field header is an "Unknown field" to rippled.
     */
    public static SerializedType forWireCode(int code) {
        return code >= 0 && code < BY_WIRE_CODE.length ? BY_WIRE_CODE[code] : null;
    }

    /** The type named {@code name} in definitions.json, or null. */
    public static SerializedType forJsonName(String name) {
        for (SerializedType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
