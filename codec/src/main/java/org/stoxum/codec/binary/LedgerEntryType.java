package org.stoxum.codec.binary;

/**
 * Ledger entry types stoxumd knows (LedgerFormats), by UInt16 code and JSON name. Codes 0x6E (Nickname)
 * and 0x63 are reserved without a format and so are not listed.
 */
public enum LedgerEntryType {
    CHECK(0x43, "Check"),
    SIGNER_LIST(0x53, "SignerList"),
    TICKET(0x54, "Ticket"),
    ACCOUNT_ROOT(0x61, "AccountRoot"),
    DIRECTORY_NODE(0x64, "DirectoryNode"),
    AMENDMENTS(0x66, "Amendments"),
    LEDGER_HASHES(0x68, "LedgerHashes"),
    OFFER(0x6F, "Offer"),
    RIPPLE_STATE(0x72, "RippleState"),
    FEE_SETTINGS(0x73, "FeeSettings"),
    ESCROW(0x75, "Escrow"),
    PAY_CHANNEL(0x78, "PayChannel");

    private static final CodedNames<LedgerEntryType> INDEX = new CodedNames<>(values(), LedgerEntryType::code, LedgerEntryType::jsonName);

    private final int code;
    private final String jsonName;

    LedgerEntryType(int code, String jsonName) {
        this.code = code;
        this.jsonName = jsonName;
    }

    /** The UInt16 LedgerEntryType value. */
    public int code() {
        return code;
    }

    /** The name JSON uses, e.g. {@code RippleState}. */
    public String jsonName() {
        return jsonName;
    }

    /** The fields this entry type allows, common fields included. */
    public SOTemplate template() {
        return LedgerFormats.template(this);
    }

    /** The type with this code, or null. */
    public static LedgerEntryType fromCode(int code) {
        return INDEX.byCode(code);
    }

    /** The type with this JSON name (exact spelling), or null. */
    public static LedgerEntryType fromName(String name) {
        return INDEX.byName(name);
    }
}
