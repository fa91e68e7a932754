package org.stoxum.codec.binary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * Entry points of the binary codec: JSON to bytes and back, signing data, transaction IDs, and the
 * typed readers that apply stoxumd's checks for transactions, ledger entries and metadata.
 *
 * <p>Blobs here carry no hash prefix unless the method says so: {@link #encodeForSigning} returns the
 * bytes after {@code STX\0}, {@link #signingData} the whole message a single signature covers.
 */
public final class BinaryCodec {
    /** How JSON errors name the top-level object, as stoxumd's sign and submit commands do. */
    public static final String JSON_ROOT = "tx_json";
    /** Smallest serialized transaction stoxumd accepts (Protocol.h). */
    public static final int TX_MIN_BYTES = 32;
    /** Largest serialized transaction stoxumd accepts (Protocol.h). */
    public static final int TX_MAX_BYTES = 1024 * 1024;

    private BinaryCodec() {
    }

    // ------------------------------------------------------------------ JSON <-> bytes

    /** Parses JSON into an unbound object (no top-level template applied). */
    public static STObject fromJson(JsonNode json, NetworkProfile profile) {
        return STParsedJson.parse(JSON_ROOT, json, profile);
    }

    /** The canonical serialization of a JSON object (transaction, ledger entry, metadata, ...). */
    public static byte[] encode(JsonNode json, NetworkProfile profile) {
        return fromJson(json, profile).toBytes();
    }

    /** The JSON form of serialized bytes, read as a free object (no top-level template check). */
    public static ObjectNode decode(byte[] blob, NetworkProfile profile) {
        return readObject(blob).toJson(profile);
    }

    /** The signing serialization of a JSON transaction: without non-signing fields, without prefix. */
    public static byte[] encodeForSigning(JsonNode json, NetworkProfile profile) {
        return fromJson(json, profile).toSigningBytes();
    }

    /**
     * The bytes a multi-signer signs after {@code SMT\0}: the signing serialization followed by the
     * signer's 20-byte account ID.
     */
    public static byte[] encodeForMultiSigning(JsonNode json, AccountId signer, NetworkProfile profile) {
        Serializer s = new Serializer(512);
        fromJson(json, profile).writeTo(s, false);
        s.addAccount(signer);
        return s.toByteArray();
    }

    // ------------------------------------------------------------------ signing and IDs

    /** {@code STX\0 || signing serialization}: the message a single signature covers. */
    public static byte[] signingData(STObject tx) {
        Serializer s = new Serializer(512);
        s.add(HashPrefix.TX_SIGN);
        tx.writeTo(s, false);
        return s.toByteArray();
    }

    /** {@code SMT\0 || signing serialization || signer}: the message one multi-signature covers. */
    public static byte[] multiSigningData(STObject tx, AccountId signer) {
        Serializer s = new Serializer(512);
        s.add(HashPrefix.TX_MULTI_SIGN);
        tx.writeTo(s, false);
        s.addAccount(signer);
        return s.toByteArray();
    }

    /** The transaction ID of a serialized transaction: SHA512Half({@code TXN\0} || blob). */
    public static Hash256 transactionId(byte[] blob) {
        return Hash256.wrap(Sha512Half.of(HashPrefix.TRANSACTION_ID, blob));
    }

    /** The transaction ID of an object, from its canonical serialization. */
    public static Hash256 transactionId(STObject tx) {
        return tx.hash(HashPrefix.TRANSACTION_ID);
    }

    // ------------------------------------------------------------------ typed readers

    /** Reads a free object (no template check). */
    public static STObject readObject(byte[] blob) {
        return STParser.parse(blob, 0, blob.length, SField.GENERIC);
    }

    /** Reads a free object from part of an array (no template check). */
    public static STObject readObject(byte[] data, int offset, int length) {
        return STParser.parse(data, offset, length, SField.GENERIC);
    }

    /**
     * Reads a transaction as stoxumd's {@code STTx(SerialIter&)}: 32..1,048,576 bytes, a known
     * TransactionType, and its template satisfied. The result is bound to that template.
     */
    public static STObject readTransaction(byte[] blob) {
        if (blob.length < TX_MIN_BYTES || blob.length > TX_MAX_BYTES) {
            throw CodecException.invalid("Transaction length invalid: " + blob.length + " bytes");
        }
        STObject tx = STParser.parse(blob, 0, blob.length, SField.TRANSACTION);
        return bindTransaction(tx);
    }

    /**
     * Checks a parsed transaction as stoxumd's {@code STTx(STObject&&)} does (known TransactionType, its
     * template satisfied) and binds it to that template.
     */
    public static STObject bindTransaction(STObject tx) {
        int code = tx.getU16(SField.TRANSACTION_TYPE);
        TxType type = TxType.fromCode(code);
        if (type == null) {
            throw CodecException.invalid("Invalid transaction type " + code);
        }
        TemplateResult r = tx.applyTemplate(type.template());
        if (!r.ok()) {
            throw CodecException.invalid("transaction not valid: " + r.describe());
        }
        return tx;
    }

    /**
     * Reads a ledger entry as stoxumd's {@code STLedgerEntry(SerialIter&, key)}: a known LedgerEntryType
     * and its template satisfied. The result is bound to that template.
     */
    public static STObject readLedgerEntry(byte[] blob) {
        STObject sle = STParser.parse(blob, 0, blob.length, SField.LEDGER_ENTRY);
        int code = sle.getU16(SField.LEDGER_ENTRY_TYPE);
        LedgerEntryType type = LedgerEntryType.fromCode(code);
        if (type == null) {
            throw CodecException.invalid("invalid ledger entry type " + code);
        }
        TemplateResult r = sle.applyTemplate(type.template());
        if (!r.ok()) {
            throw CodecException.invalid("ledger entry not valid for type: " + r.describe());
        }
        return sle;
    }

    /**
     * Reads transaction metadata as stoxumd's {@code TxMeta}: a free object that must hold
     * TransactionResult, TransactionIndex and AffectedNodes.
     */
    public static STObject readMetadata(byte[] blob) {
        STObject meta = STParser.parse(blob, 0, blob.length, SField.METADATA);
        for (SField required : new SField[] {SField.TRANSACTION_RESULT, SField.TRANSACTION_INDEX,
                SField.AFFECTED_NODES}) {
            if (!meta.isPresent(required)) {
                throw CodecException.invalid("Field not found: metadata lacks " + required);
            }
        }
        return meta;
    }
}
