package org.stoxum.codec.binary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * A serialized object of the protocol: a transaction, a ledger entry, metadata, or an inner object such as
 * a Memo or Signer. Fields are kept in canonical order (by {@link SField#fieldCode()}), so serializing is
 * a single pass.
 *
 * <p>Mutable, with a deep {@link #copy()}: the engine edits ledger entries in sandboxes. Containers
 * returned by {@link #getObject}/{@link #getArray} are the live ones. Leaf values are immutable or copied
 * on the way in and out.
 *
 * <p>An object may be bound to a {@link SOTemplate} (after {@link #applyTemplate} succeeds, or when made by
 * {@link #fromTemplate}). A bound object behaves like rippled's templated STObject: setting a field outside
 * the template is a programming error, and reading an absent template field yields the type's default value.
 * Reading an absent field of an unbound object raises {@link CodecException} ("Field not found"), as
 * rippled throws.
 *
 * <p>Like rippled, an object read from the wire may hold the same field twice while it has no template;
 * only the first copy is serialized and the last one shown in JSON. Every template rejects duplicates.
 */
public final class STObject {
    /** Header byte closing an inner object: type STObject, field 1. */
    static final int OBJECT_END = 0xE1;
    /** Header byte closing an array: type STArray, field 1. */
    static final int ARRAY_END = 0xF1;

    private static final SField[] NO_FIELDS = new SField[0];
    private static final Object[] NO_VALUES = new Object[0];

    private SField name;
    private SField[] fields;
    private Object[] values;
    private int size;
    private SOTemplate template;

    /** An empty, unbound object named {@code name} (e.g. {@link SField#MEMO}, or {@link SField#GENERIC}). */
    public STObject(SField name) {
        this.name = name;
        this.fields = NO_FIELDS;
        this.values = NO_VALUES;
    }

    private STObject(STObject other) {
        this.name = other.name;
        this.size = other.size;
        this.template = other.template;
        this.fields = Arrays.copyOf(other.fields, other.size);
        this.values = new Object[other.size];
        for (int i = 0; i < size; i++) {
            values[i] = STValues.copy(fields[i].type(), other.values[i]);
        }
    }

    /**
     * A new object bound to {@code template} whose required fields hold their default values, as rippled
     * builds new transactions and ledger entries.
     */
    public static STObject fromTemplate(SOTemplate template, SField name) {
        STObject o = new STObject(name);
        for (SOTemplate.Element e : template.elements()) {
            if (e.style() == SOTemplate.Style.REQUIRED && e.field().isSerialized()) {
                o.put(e.field(), STValues.defaultValue(e.field()));
            }
        }
        o.template = template;
        return o;
    }

    /** A new ledger entry of {@code type}: required fields defaulted, LedgerEntryType set. */
    public static STObject newLedgerEntry(LedgerEntryType type) {
        STObject o = fromTemplate(type.template(), SField.LEDGER_ENTRY);
        o.setU16(SField.LEDGER_ENTRY_TYPE, type.code());
        return o;
    }

    /** A new transaction of {@code type}: required fields defaulted, TransactionType set. */
    public static STObject newTransaction(TxType type) {
        STObject o = fromTemplate(type.template(), SField.TRANSACTION);
        o.setU16(SField.TRANSACTION_TYPE, type.code());
        return o;
    }

    /** The field this object is stored under: its wrapper name in arrays, or a top-level name. */
    public SField name() {
        return name;
    }

    /** The template this object is bound to, or null. */
    public SOTemplate template() {
        return template;
    }

    /** A deep copy (nested objects and arrays copied too); the template binding is kept. */
    public STObject copy() {
        return new STObject(this);
    }

    // ------------------------------------------------------------------ structure

    /** Number of stored fields (duplicates counted). */
    public int fieldCount() {
        return size;
    }

    /** The field at position {@code index} in canonical order. */
    public SField fieldAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return fields[index];
    }

    Object valueAt(int index) {
        return values[index];
    }

    /** The present fields in canonical order, each once. */
    public List<SField> fields() {
        List<SField> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (i == 0 || fields[i] != fields[i - 1]) {
                out.add(fields[i]);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public boolean isPresent(SField field) {
        return indexOf(field) >= 0;
    }

    /** Removes the field (every copy of it); returns whether it was present. */
    public boolean remove(SField field) {
        int i = indexOf(field);
        if (i < 0) {
            return false;
        }
        int j = i;
        while (j < size && fields[j] == field) {
            j++;
        }
        System.arraycopy(fields, j, fields, i, size - j);
        System.arraycopy(values, j, values, i, size - j);
        for (int k = size - (j - i); k < size; k++) {
            fields[k] = null;
            values[k] = null;
        }
        size -= j - i;
        return true;
    }

    /**
     * Checks this object against {@code t} (rippled's {@code setType}) and binds it to {@code t} when it
     * fits. The object is not changed otherwise.
     */
    public TemplateResult applyTemplate(SOTemplate t) {
        TemplateResult r = t.check(this);
        if (r.ok()) {
            template = t;
        }
        return r;
    }

    /**
     * Like {@link #applyTemplate} but raises {@link CodecException} naming the problems when the object does
     * not fit.
     */
    public STObject requireTemplate(SOTemplate t) {
        TemplateResult r = applyTemplate(t);
        if (!r.ok()) {
            throw CodecException.invalid("object does not fit its template: " + r.describe());
        }
        return this;
    }

    /** Binary search for the first copy of {@code field}; -(insertion point)-1 when absent. */
    private int indexOf(SField field) {
        int code = field.fieldCode();
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = fields[mid].fieldCode();
            if (c < code) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo < size && fields[lo] == field ? lo : -(lo + 1);
    }

    /** Stores {@code value}, replacing the first copy of the field or inserting it in order. */
    private void put(SField field, Object value) {
        int i = indexOf(field);
        if (i >= 0) {
            values[i] = value;
        } else {
            insertAt(-(i + 1), field, value);
        }
    }

    /** Adds a value read from the wire or JSON, after any copy already present (duplicates kept). */
    void append(SField field, Object value) {
        int code = field.fieldCode();
        int at = size;
        while (at > 0 && fields[at - 1].fieldCode() > code) {
            at--;
        }
        insertAt(at, field, value);
    }

    private void insertAt(int at, SField field, Object value) {
        if (size == fields.length) {
            int cap = Math.max(8, size * 2);
            fields = Arrays.copyOf(fields, cap);
            values = Arrays.copyOf(values, cap);
        }
        System.arraycopy(fields, at, fields, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        fields[at] = field;
        values[at] = value;
        size++;
    }

    /** Checks that a value for {@code field} of {@code expected} type may be stored here. */
    private void checkSet(SField field, SerializedType expected) {
        if (field.type() != expected) {
            throw new IllegalArgumentException(field + " is " + field.type() + ", not " + expected);
        }
        if (!field.isSerialized()) {
            throw new IllegalArgumentException(field + " exists only in JSON and cannot be stored");
        }
        if (template != null && !template.contains(field)) {
            throw new IllegalArgumentException(field + " is not in the " + template.name() + " template");
        }
    }

    /**
     * The stored value, or the default value of a field its template allows, or a "Field not found"
     * {@link CodecException}.
     */
    private Object require(SField field, SerializedType expected) {
        if (field.type() != expected) {
            throw new IllegalArgumentException(field + " is " + field.type() + ", not " + expected);
        }
        int i = indexOf(field);
        if (i >= 0) {
            return values[i];
        }
        if (template != null && template.contains(field)) {
            return STValues.defaultValue(field);
        }
        throw CodecException.invalid("Field not found: " + field);
    }

    /** The stored value of any type (see {@link STValues} for the representations), or null when absent. */
    Object get(SField field) {
        int i = indexOf(field);
        return i >= 0 ? values[i] : null;
    }

    // ------------------------------------------------------------------ type-blind access (metadata building)

    /**
     * True when the field is present with its type's default value (0, zero hash, empty blob or list,
     * native zero, unset account); metadata leaves such fields out of NewFields, as rippled does.
     */
    public boolean isDefault(SField field) {
        Object v = get(field);
        return v != null && STValues.isDefault(field.type(), v);
    }

    /** True when both objects lack the field or hold equal values for it. */
    public boolean sameValue(SField field, STObject other) {
        Object a = get(field);
        Object b = other.get(field);
        return a == null ? b == null : b != null && STValues.equal(field.type(), a, b);
    }

    /** Makes this object's field equal to {@code source}'s (a deep copy), or absent when it is absent there. */
    public STObject copyFieldFrom(STObject source, SField field) {
        Object v = source.get(field);
        if (v == null) {
            remove(field);
            return this;
        }
        checkSet(field, field.type());
        Object copy = STValues.copy(field.type(), v);
        if (copy instanceof STObject o) {
            o.name = field;
        }
        put(field, copy);
        return this;
    }

    // ------------------------------------------------------------------ typed getters

    public int getU8(SField field) {
        return (Integer) require(field, SerializedType.UINT8);
    }

    public int getU16(SField field) {
        return (Integer) require(field, SerializedType.UINT16);
    }

    /** A UInt32 as an unsigned value in a long. */
    public long getU32(SField field) {
        return (Long) require(field, SerializedType.UINT32);
    }

    /** A UInt64 as its raw 64 bits (compare with {@link Long#compareUnsigned}). */
    public long getU64(SField field) {
        return (Long) require(field, SerializedType.UINT64);
    }

    /** A copy of a Hash128's 16 bytes. */
    public byte[] getH128(SField field) {
        return ((byte[]) require(field, SerializedType.HASH128)).clone();
    }

    /** A copy of a Hash160's 20 bytes (TakerPaysCurrency and friends). */
    public byte[] getH160(SField field) {
        return ((byte[]) require(field, SerializedType.HASH160)).clone();
    }

    public Hash256 getH256(SField field) {
        return (Hash256) require(field, SerializedType.HASH256);
    }

    /** A copy of a Blob's bytes. */
    public byte[] getBlob(SField field) {
        return ((byte[]) require(field, SerializedType.BLOB)).clone();
    }

    /** Length of a Blob without copying it. */
    public int getBlobLength(SField field) {
        return ((byte[]) require(field, SerializedType.BLOB)).length;
    }

    /** An account; {@link AccountId#ZERO} for a field present but never set (see {@link #isEmptyAccount}). */
    public AccountId getAccountId(SField field) {
        Object v = require(field, SerializedType.ACCOUNT_ID);
        return v == STValues.EMPTY_ACCOUNT ? AccountId.ZERO : (AccountId) v;
    }

    /**
     * True when an AccountID field is present with no value (serialized as {@code 81 00}); stoxumd's local
     * checks reject transactions holding one ("An account field is invalid.").
     */
    public boolean isEmptyAccount(SField field) {
        return get(field) == STValues.EMPTY_ACCOUNT;
    }

    public STAmount getAmount(SField field) {
        return (STAmount) require(field, SerializedType.AMOUNT);
    }

    public STPathSet getPathSet(SField field) {
        return (STPathSet) require(field, SerializedType.PATHSET);
    }

    /** A Vector256 (Indexes, Hashes, Amendments) as an unmodifiable list. */
    @SuppressWarnings("unchecked")
    public List<Hash256> getVector256(SField field) {
        return (List<Hash256>) require(field, SerializedType.VECTOR256);
    }

    /** The live nested object; a detached empty one when absent from a bound object. */
    public STObject getObject(SField field) {
        return (STObject) require(field, SerializedType.OBJECT);
    }

    /** The live array; a detached empty one when absent from a bound object. */
    public STArray getArray(SField field) {
        return (STArray) require(field, SerializedType.ARRAY);
    }

    /** The live nested object, created empty and stored when absent (rippled's {@code peekFieldObject}). */
    public STObject peekObject(SField field) {
        Object v = get(field);
        if (v != null) {
            return (STObject) v;
        }
        STObject o = new STObject(field);
        setObject(field, o);
        return o;
    }

    /** The live array, created empty and stored when absent (rippled's {@code peekFieldArray}). */
    public STArray peekArray(SField field) {
        Object v = get(field);
        if (v != null) {
            return (STArray) v;
        }
        STArray a = new STArray();
        setArray(field, a);
        return a;
    }

    /** The Flags field, 0 when absent. */
    public long getFlags() {
        Object v = get(SField.FLAGS);
        return v == null ? 0 : (Long) v;
    }

    /** True when every bit of {@code mask} is set in Flags. */
    public boolean isFlag(long mask) {
        return (getFlags() & mask) == mask;
    }

    // ------------------------------------------------------------------ typed setters

    public STObject setU8(SField field, int value) {
        checkSet(field, SerializedType.UINT8);
        checkRange(field, value, 0xFF);
        put(field, value);
        return this;
    }

    public STObject setU16(SField field, int value) {
        checkSet(field, SerializedType.UINT16);
        checkRange(field, value, 0xFFFF);
        put(field, value);
        return this;
    }

    /** Sets a UInt32 from an unsigned value 0..2^32-1. */
    public STObject setU32(SField field, long value) {
        checkSet(field, SerializedType.UINT32);
        checkRange(field, value, 0xFFFF_FFFFL);
        put(field, value);
        return this;
    }

    /** Sets a UInt64 from its raw 64 bits. */
    public STObject setU64(SField field, long value) {
        checkSet(field, SerializedType.UINT64);
        put(field, value);
        return this;
    }

    public STObject setH128(SField field, byte[] value) {
        checkSet(field, SerializedType.HASH128);
        checkLength(field, value, 16);
        put(field, value.clone());
        return this;
    }

    public STObject setH160(SField field, byte[] value) {
        checkSet(field, SerializedType.HASH160);
        checkLength(field, value, 20);
        put(field, value.clone());
        return this;
    }

    public STObject setH256(SField field, Hash256 value) {
        checkSet(field, SerializedType.HASH256);
        put(field, notNull(field, value));
        return this;
    }

    public STObject setBlob(SField field, byte[] value) {
        checkSet(field, SerializedType.BLOB);
        put(field, notNull(field, value).clone());
        return this;
    }

    public STObject setAccountId(SField field, AccountId value) {
        checkSet(field, SerializedType.ACCOUNT_ID);
        put(field, notNull(field, value));
        return this;
    }

    public STObject setAmount(SField field, STAmount value) {
        checkSet(field, SerializedType.AMOUNT);
        put(field, notNull(field, value));
        return this;
    }

    public STObject setPathSet(SField field, STPathSet value) {
        checkSet(field, SerializedType.PATHSET);
        put(field, notNull(field, value));
        return this;
    }

    public STObject setVector256(SField field, List<Hash256> value) {
        checkSet(field, SerializedType.VECTOR256);
        put(field, List.copyOf(value));
        return this;
    }

    /** Stores {@code value} (not copied) under {@code field}, renaming it to {@code field}. */
    public STObject setObject(SField field, STObject value) {
        checkSet(field, SerializedType.OBJECT);
        notNull(field, value).name = field;
        put(field, value);
        return this;
    }

    /** Stores {@code value} (not copied) under {@code field}. */
    public STObject setArray(SField field, STArray value) {
        checkSet(field, SerializedType.ARRAY);
        put(field, notNull(field, value));
        return this;
    }

    /** Sets bits of Flags, creating it when absent. */
    public STObject setFlag(long mask) {
        return setU32(SField.FLAGS, getFlags() | mask);
    }

    /** Clears bits of Flags if it is present. */
    public STObject clearFlag(long mask) {
        if (isPresent(SField.FLAGS)) {
            setU32(SField.FLAGS, getFlags() & ~mask);
        }
        return this;
    }

    private static void checkRange(SField field, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " takes 0.." + max + ", not " + value);
        }
    }

    private static void checkLength(SField field, byte[] value, int length) {
        if (value.length != length) {
            throw new IllegalArgumentException(field + " takes " + length + " bytes, not " + value.length);
        }
    }

    private static <T> T notNull(SField field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for " + field + " (use remove)");
        }
        return value;
    }

    // ------------------------------------------------------------------ serialization

    /**
     * The full serialization (what is hashed for IDs and stored). Written into the thread's scratch buffer,
     * as {@link #hash} is (writing fields never reaches for it), so only the result is allocated: a fresh
     * 512-byte buffer per call was about 8% of a loaded server's allocation.
     */
    public byte[] toBytes() {
        Serializer s = Serializer.scratch();
        writeFields(s, true);
        return s.toByteArray();
    }

    /** The serialization without non-signing fields (TxnSignature, Signature, MasterSignature, Signers). */
    public byte[] toSigningBytes() {
        Serializer s = Serializer.scratch();
        writeFields(s, false);
        return s.toByteArray();
    }

    /**
     * Appends this object's fields to {@code s} in canonical order, without an end marker.
     *
     * @param withNonSigning false to leave out the top-level non-signing fields; nested objects are always
     *                       written whole, as in rippled
     */
    public void writeTo(Serializer s, boolean withNonSigning) {
        writeFields(s, withNonSigning);
    }

    void writeFields(Serializer s, boolean withNonSigning) {
        SField previous = null;
        for (int i = 0; i < size; i++) {
            SField f = fields[i];
            if (f == previous) {
                continue;
            }
            previous = f;
            if (!withNonSigning && !f.isSigningField()) {
                continue;
            }
            s.addFieldHeader(f);
            STValues.write(f, values[i], s);
        }
    }

    /** SHA512Half(prefix || full serialization), e.g. a transaction ID with {@link HashPrefix#TRANSACTION_ID}. */
    public Hash256 hash(HashPrefix prefix) {
        Serializer s = Serializer.scratch();
        s.add(prefix);
        writeFields(s, true);
        return Hash256.wrap(Sha512Half.local().update(s.buffer(), 0, s.length()).finish());
    }

    /** SHA512Half(prefix || serialization without non-signing fields). */
    public Hash256 signingHash(HashPrefix prefix) {
        Serializer s = Serializer.scratch();
        s.add(prefix);
        writeFields(s, false);
        return Hash256.wrap(Sha512Half.local().update(s.buffer(), 0, s.length()).finish());
    }

    // ------------------------------------------------------------------ JSON

    /** The JSON form rippled prints ({@code getJson}), with addresses and currency in the profile's spelling. */
    public ObjectNode toJson(NetworkProfile profile) {
        return STJsonWriter.write(this, profile);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof STObject other) || other.name != name || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (fields[i] != other.fields[i] || !STValues.equal(fields[i].type(), values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = name.hashCode();
        for (int i = 0; i < size; i++) {
            h = 31 * h + fields[i].fieldCode();
            h = 31 * h + STValues.hash(fields[i].type(), values[i]);
        }
        return h;
    }

    /** The JSON text in the default profile's spelling. */
    @Override
    public String toString() {
        return toJson(NetworkProfile.DEFAULT).toString();
    }
}
