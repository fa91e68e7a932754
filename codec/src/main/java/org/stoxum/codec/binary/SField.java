package org.stoxum.codec.binary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A field name of the protocol: its type, its number within the type, and how it is serialized, signed and
 * recorded in metadata.
 *
 * <p>Every named field comes from the bundled definitions.json; the constants below give engine code
 * compile-time names ({@code SField.ACCOUNT}) and are checked against that table when this class loads.
 * Like rippled, a field header with an unnamed number of a known type (say UInt32 number 50) yields a
 * field created on first sight and named {@code "2/50"}; such fields can be carried in free objects
 * (metadata, memos) but fail every template.
 *
 * <p>Instances are unique per field code, so {@code ==} is equality.
 */
public final class SField implements Comparable<SField> {
    /** Metadata flag: never record the field. */
    public static final int META_NEVER = 0x00;
    /** Metadata flag: record the original value when it changes (PreviousFields). */
    public static final int META_CHANGE_ORIG = 0x01;
    /** Metadata flag: record the new value when it changes (FinalFields). */
    public static final int META_CHANGE_NEW = 0x02;
    /** Metadata flag: record the final value when the entry is deleted. */
    public static final int META_DELETE_FINAL = 0x04;
    /** Metadata flag: record the value when the entry is created (NewFields). */
    public static final int META_CREATE = 0x08;
    /** Metadata flag: record the value whenever the entry is affected at all. */
    public static final int META_ALWAYS = 0x10;
    /** The flags of every field rippled does not single out. */
    public static final int META_DEFAULT = META_CHANGE_ORIG | META_CHANGE_NEW | META_DELETE_FINAL | META_CREATE;

    /** Fields whose metadata rule differs from {@link #META_DEFAULT} (SField.cpp). */
    private static final Map<String, Integer> META_OVERRIDES = Map.of(
            "LedgerEntryType", META_NEVER,
            "PreviousTxnLgrSeq", META_DELETE_FINAL,
            "PreviousTxnID", META_DELETE_FINAL,
            "RootIndex", META_ALWAYS,
            "Indexes", META_NEVER);

    private static final Map<String, SField> BY_NAME = new HashMap<>();
    private static final Map<Integer, SField> BY_CODE = new HashMap<>();
    /** Known wire fields indexed by {@code type * 256 + nth}, for parsing without boxing. */
    private static final SField[] BY_WIRE_CODE = new SField[20 * 256];
    private static final Map<Integer, SField> DYNAMIC = new ConcurrentHashMap<>();

    static {
        loadDefinitions();
    }

    /** The unnamed field of top-level objects that are not yet typed (rippled's sfGeneric). */
    public static final SField GENERIC = new SField("", SerializedType.UNKNOWN, 0, false, false, false,
            META_NEVER, true);

    // Top-level and JSON-only names (never serialized)
    public static final SField LEDGER_ENTRY = known("LedgerEntry", SerializedType.LEDGER_ENTRY, 257);
    public static final SField TRANSACTION = known("Transaction", SerializedType.TRANSACTION, 257);
    public static final SField VALIDATION = known("Validation", SerializedType.VALIDATION, 257);
    public static final SField METADATA = known("Metadata", SerializedType.METADATA, 257);
    public static final SField HASH = known("hash", SerializedType.HASH256, 257);
    public static final SField INDEX = known("index", SerializedType.HASH256, 258);

    // UInt8
    public static final SField CLOSE_RESOLUTION = known("CloseResolution", SerializedType.UINT8, 1);
    public static final SField METHOD = known("Method", SerializedType.UINT8, 2);
    public static final SField TRANSACTION_RESULT = known("TransactionResult", SerializedType.UINT8, 3);
    public static final SField TICK_SIZE = known("TickSize", SerializedType.UINT8, 16);

    // UInt16
    public static final SField LEDGER_ENTRY_TYPE = known("LedgerEntryType", SerializedType.UINT16, 1);
    public static final SField TRANSACTION_TYPE = known("TransactionType", SerializedType.UINT16, 2);
    public static final SField SIGNER_WEIGHT = known("SignerWeight", SerializedType.UINT16, 3);

    // UInt32
    public static final SField FLAGS = known("Flags", SerializedType.UINT32, 2);
    public static final SField SOURCE_TAG = known("SourceTag", SerializedType.UINT32, 3);
    public static final SField SEQUENCE = known("Sequence", SerializedType.UINT32, 4);
    public static final SField PREVIOUS_TXN_LGR_SEQ = known("PreviousTxnLgrSeq", SerializedType.UINT32, 5);
    public static final SField LEDGER_SEQUENCE = known("LedgerSequence", SerializedType.UINT32, 6);
    public static final SField CLOSE_TIME = known("CloseTime", SerializedType.UINT32, 7);
    public static final SField PARENT_CLOSE_TIME = known("ParentCloseTime", SerializedType.UINT32, 8);
    public static final SField SIGNING_TIME = known("SigningTime", SerializedType.UINT32, 9);
    public static final SField EXPIRATION = known("Expiration", SerializedType.UINT32, 10);
    public static final SField TRANSFER_RATE = known("TransferRate", SerializedType.UINT32, 11);
    public static final SField WALLET_SIZE = known("WalletSize", SerializedType.UINT32, 12);
    public static final SField OWNER_COUNT = known("OwnerCount", SerializedType.UINT32, 13);
    public static final SField DESTINATION_TAG = known("DestinationTag", SerializedType.UINT32, 14);
    public static final SField HIGH_QUALITY_IN = known("HighQualityIn", SerializedType.UINT32, 16);
    public static final SField HIGH_QUALITY_OUT = known("HighQualityOut", SerializedType.UINT32, 17);
    public static final SField LOW_QUALITY_IN = known("LowQualityIn", SerializedType.UINT32, 18);
    public static final SField LOW_QUALITY_OUT = known("LowQualityOut", SerializedType.UINT32, 19);
    public static final SField QUALITY_IN = known("QualityIn", SerializedType.UINT32, 20);
    public static final SField QUALITY_OUT = known("QualityOut", SerializedType.UINT32, 21);
    public static final SField STAMP_ESCROW = known("StampEscrow", SerializedType.UINT32, 22);
    public static final SField BOND_AMOUNT = known("BondAmount", SerializedType.UINT32, 23);
    public static final SField LOAD_FEE = known("LoadFee", SerializedType.UINT32, 24);
    public static final SField OFFER_SEQUENCE = known("OfferSequence", SerializedType.UINT32, 25);
    public static final SField FIRST_LEDGER_SEQUENCE = known("FirstLedgerSequence", SerializedType.UINT32, 26);
    public static final SField LAST_LEDGER_SEQUENCE = known("LastLedgerSequence", SerializedType.UINT32, 27);
    public static final SField TRANSACTION_INDEX = known("TransactionIndex", SerializedType.UINT32, 28);
    public static final SField OPERATION_LIMIT = known("OperationLimit", SerializedType.UINT32, 29);
    public static final SField REFERENCE_FEE_UNITS = known("ReferenceFeeUnits", SerializedType.UINT32, 30);
    public static final SField RESERVE_BASE = known("ReserveBase", SerializedType.UINT32, 31);
    public static final SField RESERVE_INCREMENT = known("ReserveIncrement", SerializedType.UINT32, 32);
    public static final SField SET_FLAG = known("SetFlag", SerializedType.UINT32, 33);
    public static final SField CLEAR_FLAG = known("ClearFlag", SerializedType.UINT32, 34);
    public static final SField SIGNER_QUORUM = known("SignerQuorum", SerializedType.UINT32, 35);
    public static final SField CANCEL_AFTER = known("CancelAfter", SerializedType.UINT32, 36);
    public static final SField FINISH_AFTER = known("FinishAfter", SerializedType.UINT32, 37);
    public static final SField SIGNER_LIST_ID = known("SignerListID", SerializedType.UINT32, 38);
    public static final SField SETTLE_DELAY = known("SettleDelay", SerializedType.UINT32, 39);

    // UInt64
    public static final SField INDEX_NEXT = known("IndexNext", SerializedType.UINT64, 1);
    public static final SField INDEX_PREVIOUS = known("IndexPrevious", SerializedType.UINT64, 2);
    public static final SField BOOK_NODE = known("BookNode", SerializedType.UINT64, 3);
    public static final SField OWNER_NODE = known("OwnerNode", SerializedType.UINT64, 4);
    public static final SField BASE_FEE = known("BaseFee", SerializedType.UINT64, 5);
    public static final SField EXCHANGE_RATE = known("ExchangeRate", SerializedType.UINT64, 6);
    public static final SField LOW_NODE = known("LowNode", SerializedType.UINT64, 7);
    public static final SField HIGH_NODE = known("HighNode", SerializedType.UINT64, 8);
    public static final SField DESTINATION_NODE = known("DestinationNode", SerializedType.UINT64, 9);

    // Hash128
    public static final SField EMAIL_HASH = known("EmailHash", SerializedType.HASH128, 1);

    // Hash160
    public static final SField TAKER_PAYS_CURRENCY = known("TakerPaysCurrency", SerializedType.HASH160, 1);
    public static final SField TAKER_PAYS_ISSUER = known("TakerPaysIssuer", SerializedType.HASH160, 2);
    public static final SField TAKER_GETS_CURRENCY = known("TakerGetsCurrency", SerializedType.HASH160, 3);
    public static final SField TAKER_GETS_ISSUER = known("TakerGetsIssuer", SerializedType.HASH160, 4);

    // Hash256
    public static final SField LEDGER_HASH = known("LedgerHash", SerializedType.HASH256, 1);
    public static final SField PARENT_HASH = known("ParentHash", SerializedType.HASH256, 2);
    public static final SField TRANSACTION_HASH = known("TransactionHash", SerializedType.HASH256, 3);
    public static final SField ACCOUNT_HASH = known("AccountHash", SerializedType.HASH256, 4);
    public static final SField PREVIOUS_TXN_ID = known("PreviousTxnID", SerializedType.HASH256, 5);
    public static final SField LEDGER_INDEX = known("LedgerIndex", SerializedType.HASH256, 6);
    public static final SField WALLET_LOCATOR = known("WalletLocator", SerializedType.HASH256, 7);
    public static final SField ROOT_INDEX = known("RootIndex", SerializedType.HASH256, 8);
    public static final SField ACCOUNT_TXN_ID = known("AccountTxnID", SerializedType.HASH256, 9);
    public static final SField BOOK_DIRECTORY = known("BookDirectory", SerializedType.HASH256, 16);
    public static final SField INVOICE_ID = known("InvoiceID", SerializedType.HASH256, 17);
    public static final SField NICKNAME = known("Nickname", SerializedType.HASH256, 18);
    public static final SField AMENDMENT = known("Amendment", SerializedType.HASH256, 19);
    public static final SField TICKET_ID = known("TicketID", SerializedType.HASH256, 20);
    public static final SField DIGEST = known("Digest", SerializedType.HASH256, 21);
    public static final SField CHANNEL = known("Channel", SerializedType.HASH256, 22);
    public static final SField CONSENSUS_HASH = known("ConsensusHash", SerializedType.HASH256, 23);
    public static final SField CHECK_ID = known("CheckID", SerializedType.HASH256, 24);

    // Amount
    public static final SField AMOUNT = known("Amount", SerializedType.AMOUNT, 1);
    public static final SField BALANCE = known("Balance", SerializedType.AMOUNT, 2);
    public static final SField LIMIT_AMOUNT = known("LimitAmount", SerializedType.AMOUNT, 3);
    public static final SField TAKER_PAYS = known("TakerPays", SerializedType.AMOUNT, 4);
    public static final SField TAKER_GETS = known("TakerGets", SerializedType.AMOUNT, 5);
    public static final SField LOW_LIMIT = known("LowLimit", SerializedType.AMOUNT, 6);
    public static final SField HIGH_LIMIT = known("HighLimit", SerializedType.AMOUNT, 7);
    public static final SField FEE = known("Fee", SerializedType.AMOUNT, 8);
    public static final SField SEND_MAX = known("SendMax", SerializedType.AMOUNT, 9);
    public static final SField DELIVER_MIN = known("DeliverMin", SerializedType.AMOUNT, 10);
    public static final SField MINIMUM_OFFER = known("MinimumOffer", SerializedType.AMOUNT, 16);
    public static final SField RIPPLE_ESCROW = known("RippleEscrow", SerializedType.AMOUNT, 17);
    public static final SField DELIVERED_AMOUNT = known("DeliveredAmount", SerializedType.AMOUNT, 18);

    // Blob
    public static final SField PUBLIC_KEY = known("PublicKey", SerializedType.BLOB, 1);
    public static final SField SIGNING_PUB_KEY = known("SigningPubKey", SerializedType.BLOB, 3);
    public static final SField SIGNATURE = known("Signature", SerializedType.BLOB, 6);
    public static final SField MESSAGE_KEY = known("MessageKey", SerializedType.BLOB, 2);
    public static final SField TXN_SIGNATURE = known("TxnSignature", SerializedType.BLOB, 4);
    public static final SField DOMAIN = known("Domain", SerializedType.BLOB, 7);
    public static final SField FUND_CODE = known("FundCode", SerializedType.BLOB, 8);
    public static final SField REMOVE_CODE = known("RemoveCode", SerializedType.BLOB, 9);
    public static final SField EXPIRE_CODE = known("ExpireCode", SerializedType.BLOB, 10);
    public static final SField CREATE_CODE = known("CreateCode", SerializedType.BLOB, 11);
    public static final SField MEMO_TYPE = known("MemoType", SerializedType.BLOB, 12);
    public static final SField MEMO_DATA = known("MemoData", SerializedType.BLOB, 13);
    public static final SField MEMO_FORMAT = known("MemoFormat", SerializedType.BLOB, 14);
    public static final SField FULFILLMENT = known("Fulfillment", SerializedType.BLOB, 16);
    public static final SField CONDITION = known("Condition", SerializedType.BLOB, 17);
    public static final SField MASTER_SIGNATURE = known("MasterSignature", SerializedType.BLOB, 18);

    // AccountID
    public static final SField ACCOUNT = known("Account", SerializedType.ACCOUNT_ID, 1);
    public static final SField OWNER = known("Owner", SerializedType.ACCOUNT_ID, 2);
    public static final SField DESTINATION = known("Destination", SerializedType.ACCOUNT_ID, 3);
    public static final SField ISSUER = known("Issuer", SerializedType.ACCOUNT_ID, 4);
    public static final SField TARGET = known("Target", SerializedType.ACCOUNT_ID, 7);
    public static final SField REGULAR_KEY = known("RegularKey", SerializedType.ACCOUNT_ID, 8);

    // PathSet
    public static final SField PATHS = known("Paths", SerializedType.PATHSET, 1);

    // Vector256
    public static final SField INDEXES = known("Indexes", SerializedType.VECTOR256, 1);
    public static final SField HASHES = known("Hashes", SerializedType.VECTOR256, 2);
    public static final SField AMENDMENTS = known("Amendments", SerializedType.VECTOR256, 3);

    // STObject
    public static final SField TRANSACTION_META_DATA = known("TransactionMetaData", SerializedType.OBJECT, 2);
    public static final SField CREATED_NODE = known("CreatedNode", SerializedType.OBJECT, 3);
    public static final SField DELETED_NODE = known("DeletedNode", SerializedType.OBJECT, 4);
    public static final SField MODIFIED_NODE = known("ModifiedNode", SerializedType.OBJECT, 5);
    public static final SField PREVIOUS_FIELDS = known("PreviousFields", SerializedType.OBJECT, 6);
    public static final SField FINAL_FIELDS = known("FinalFields", SerializedType.OBJECT, 7);
    public static final SField NEW_FIELDS = known("NewFields", SerializedType.OBJECT, 8);
    public static final SField TEMPLATE_ENTRY = known("TemplateEntry", SerializedType.OBJECT, 9);
    public static final SField MEMO = known("Memo", SerializedType.OBJECT, 10);
    public static final SField SIGNER_ENTRY = known("SignerEntry", SerializedType.OBJECT, 11);
    public static final SField SIGNER = known("Signer", SerializedType.OBJECT, 16);
    public static final SField MAJORITY = known("Majority", SerializedType.OBJECT, 18);

    // STArray
    public static final SField SIGNERS = known("Signers", SerializedType.ARRAY, 3);
    public static final SField SIGNER_ENTRIES = known("SignerEntries", SerializedType.ARRAY, 4);
    public static final SField TEMPLATE = known("Template", SerializedType.ARRAY, 5);
    public static final SField NECESSARY = known("Necessary", SerializedType.ARRAY, 6);
    public static final SField SUFFICIENT = known("Sufficient", SerializedType.ARRAY, 7);
    public static final SField AFFECTED_NODES = known("AffectedNodes", SerializedType.ARRAY, 8);
    public static final SField MEMOS = known("Memos", SerializedType.ARRAY, 9);
    public static final SField MAJORITIES = known("Majorities", SerializedType.ARRAY, 16);

    private final String name;
    private final SerializedType type;
    private final int nth;
    private final int code;
    private final boolean serialized;
    private final boolean signing;
    private final boolean vlEncoded;
    private final int meta;
    private final boolean known;
    private final byte[] header;

    private SField(String name, SerializedType type, int nth, boolean serialized, boolean signing,
                   boolean vlEncoded, int meta, boolean known) {
        this.name = name;
        this.type = type;
        this.nth = nth;
        this.code = (type.code() << 16) | nth;
        this.serialized = serialized;
        this.signing = signing;
        this.vlEncoded = vlEncoded;
        this.meta = meta;
        this.known = known;
        this.header = serialized ? encodeHeader(type.code(), nth) : null;
    }

    private static void loadDefinitions() {
        for (JsonNode entry : Definitions.section("FIELDS")) {
            String name = entry.get(0).asText();
            JsonNode info = entry.get(1);
            SerializedType type = SerializedType.forJsonName(info.get("type").asText());
            int nth = info.get("nth").asInt();
            boolean marker = nth == 1 && (type == SerializedType.OBJECT || type == SerializedType.ARRAY);
            if (type == null || type == SerializedType.UNKNOWN || marker) {
                // Generic/Invalid are unnamed in stoxumd; the end markers are framing, not fields.
                continue;
            }
            SField f = new SField(name, type, nth, info.get("isSerialized").asBoolean(),
                    info.get("isSigningField").asBoolean(), info.get("isVLEncoded").asBoolean(),
                    META_OVERRIDES.getOrDefault(name, META_DEFAULT), true);
            if (BY_NAME.put(name, f) != null || BY_CODE.put(f.code, f) != null) {
                throw new IllegalStateException("definitions.json names field " + name + " or its code twice");
            }
            if (f.serialized) {
                BY_WIRE_CODE[type.code() * 256 + nth] = f;
            }
        }
    }

    private static SField known(String name, SerializedType type, int nth) {
        SField f = BY_NAME.get(name);
        if (f == null || f.type != type || f.nth != nth) {
            throw new IllegalStateException("definitions.json disagrees with SField constant " + name
                    + " (" + type + " " + nth + "): found " + f);
        }
        return f;
    }

    /** The field with this JSON name, or null; dynamic "type/nth" names are not accepted, as in a fresh stoxumd. */
    public static SField forName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * The field a wire header names: a known field, or a field of a known wire type created on first use
     * (rippled's {@code SField::getField(int)}). Returns null where rippled answers {@code sfInvalid}: a type
     * without a binary encoding or a field number above 255.
     */
    public static SField forCode(int typeCode, int nth) {
        SerializedType type = SerializedType.forWireCode(typeCode);
        if (type == null || nth <= 0 || nth > 255) {
            return null;
        }
        SField f = BY_WIRE_CODE[typeCode * 256 + nth];
        if (f != null) {
            return f;
        }
        int code = (typeCode << 16) | nth;
        return DYNAMIC.computeIfAbsent(code, c -> new SField(typeCode + "/" + nth, type, nth, true, true,
                type == SerializedType.BLOB || type == SerializedType.ACCOUNT_ID
                        || type == SerializedType.VECTOR256, META_DEFAULT, false));
    }

    /** Every field named in definitions.json (not the dynamic ones), in no particular order. */
    public static Collection<SField> knownFields() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }

    /** The JSON name: the definitions.json name, or "type/nth" for a dynamic field. */
    public String name() {
        return name;
    }

    public SerializedType type() {
        return type;
    }

    /** The field number within its type. */
    public int nth() {
        return nth;
    }

    /** {@code (type << 16) | nth}: the canonical serialization order. */
    public int fieldCode() {
        return code;
    }

    /** True when the field goes on the wire (false for hash, index and the top-level names). */
    public boolean isSerialized() {
        return serialized;
    }

    /** True when the field is covered by signatures (false for TxnSignature, Signature, MasterSignature, Signers). */
    public boolean isSigningField() {
        return signing;
    }

    /** True when the value carries a VL length prefix (Blob, AccountID, Vector256). */
    public boolean isVLEncoded() {
        return vlEncoded;
    }

    /** The metadata flags ({@code META_*}). */
    public int meta() {
        return meta;
    }

    /** True when any of the metadata flags {@code mask} is set for this field. */
    public boolean shouldMeta(int mask) {
        return (meta & mask) != 0;
    }

    /** True for a field named in definitions.json, false for a dynamic "type/nth" field. */
    public boolean isKnown() {
        return known;
    }

    /**
     * True for a field that exists only in JSON (number above 256, e.g. hash, index): templates drop it
     * silently instead of calling it unexpected.
     */
    public boolean isDiscardable() {
        return nth > 256;
    }

    /** Length of the field header in bytes (1..3); 0 for a field that is never serialized. */
    public int headerLength() {
        return header == null ? 0 : header.length;
    }

    /** Writes the field header into {@code out} at {@code offset} and returns its length. */
    int writeHeader(byte[] out, int offset) {
        System.arraycopy(header, 0, out, offset, header.length);
        return header.length;
    }

    /** A copy of the header bytes of a serialized field. */
    public byte[] header() {
        if (header == null) {
            throw new IllegalStateException(name + " is never serialized");
        }
        return header.clone();
    }

    /** The 1..3 header bytes for a type and field number, both 1..255. */
    static byte[] encodeHeader(int type, int nth) {
        if (type < 16) {
            return nth < 16 ? new byte[] {(byte) ((type << 4) | nth)} : new byte[] {(byte) (type << 4), (byte) nth};
        }
        return nth < 16 ? new byte[] {(byte) nth, (byte) type} : new byte[] {0, (byte) type, (byte) nth};
    }

    @Override
    public int compareTo(SField o) {
        return Integer.compare(code, o.code);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? "Generic" : name;
    }
}
