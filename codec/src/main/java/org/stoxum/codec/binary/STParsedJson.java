package org.stoxum.codec.binary;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * Builds an {@link STObject} from JSON exactly as stoxumd's STParsedJSON does, with its error texts
 * ("Field 'tx_json.Fee' has invalid data." and so on, token {@code invalidParams}).
 *
 * <p>What it accepts, as rippled does:
 * <ul>
 *   <li>members in any order (checked in sorted name order, so the first error reported is rippled's);</li>
 *   <li>UInt8/16/32 as numbers or decimal strings (an optional '+'), TransactionType and LedgerEntryType by
 *       name, TransactionResult by token; UInt64 as up to 16 hex digits or a number;</li>
 *   <li>hashes as hex read leniently (rippled's {@code SetHex}: leading blanks and "0x" skipped, short
 *       values right-aligned, trailing junk ignored); blobs as hex of either case, odd length allowed;</li>
 *   <li>accounts as 40 hex digits or an address of the profile; amounts via {@link STAmount#fromJson};</li>
 *   <li>path steps as objects with optional account/currency/issuer (other members such as type and
 *       type_hex are ignored; empty strings count as absent);</li>
 *   <li>JSON-only fields (hash, index, Transaction, ...) are checked and then dropped.</li>
 * </ul>
 * Numbers are classified as rippled's JSON reader would hold them: integers in [-2^31, 2^31) are "int",
 * in [2^31, 2^32) "uint"; anything else (fractions, larger magnitudes) is a type rippled's reader never
 * produces and is reported as a bad type.
 */
public final class STParsedJson {
    /** Deepest JSON nesting STParsedJSON accepts. */
    static final int MAX_DEPTH = 64;

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFF_FFFFL);

    /** How rippled's Json::Value would hold a node. */
    private enum Kind { NULL, INT, UINT, REAL, STRING, BOOLEAN, ARRAY, OBJECT }

    private final NetworkProfile profile;

    private STParsedJson(NetworkProfile profile) {
        this.profile = profile;
    }

    /**
     * Parses {@code json} as a top-level object; {@code rootName} is how errors name it ("tx_json" in the
     * sign and submit commands).
     *
     * @throws CodecException with token {@code invalidParams} and rippled's message
     */
    public static STObject parse(String rootName, JsonNode json, NetworkProfile profile) {
        return new STParsedJson(profile).parseObject(rootName, json, SField.GENERIC, 0);
    }

    private STObject parseObject(String jsonName, JsonNode json, SField inName, int depth) {
        if (json == null || !json.isObject()) {
            throw notAnObject(jsonName, "");
        }
        if (depth > MAX_DEPTH) {
            throw error("Field '" + jsonName + "' exceeds nesting depth limit.");
        }
        STObject data = new STObject(inName);
        for (String fieldName : sortedNames(json)) {
            JsonNode value = json.get(fieldName);
            SField field = SField.forName(fieldName);
            if (field == null) {
                throw error("Field '" + name(jsonName, fieldName) + "' is unknown.");
            }
            switch (field.type()) {
                case OBJECT, TRANSACTION, LEDGER_ENTRY, VALIDATION -> {
                    if (!value.isObject()) {
                        throw notAnObject(jsonName, fieldName);
                    }
                    STObject inner = parseObject(jsonName + "." + fieldName, value, field, depth + 1);
                    keep(data, field, inner);
                }
                case ARRAY -> keep(data, field, parseArray(jsonName + "." + fieldName, value, depth + 1));
                default -> keep(data, field, parseLeaf(jsonName, fieldName, field, value));
            }
        }
        SOTemplate t = InnerObjectFormats.forField(inName);
        if (t != null && !data.applyTemplate(t).ok()) {
            throw error("Object '" + inName.name() + "' contents did not meet requirements for that type.");
        }
        return data;
    }

    /** Stores a parsed value unless its field exists only in JSON. */
    private static void keep(STObject data, SField field, Object value) {
        if (field.isSerialized()) {
            data.append(field, value);
        }
    }

    private STArray parseArray(String jsonName, JsonNode json, int depth) {
        if (!json.isArray()) {
            throw error("Field '" + jsonName + "' is not a JSON array.");
        }
        if (depth > MAX_DEPTH) {
            throw error("Field '" + jsonName + "' exceeds nesting depth limit.");
        }
        STArray tail = new STArray();
        for (int i = 0; i < json.size(); i++) {
            JsonNode element = json.get(i);
            if (!element.isObject() || element.size() != 1) {
                throw error("Field '" + jsonName + "[" + i + "]' must be an object with a single key/object value.");
            }
            String objectName = element.fieldNames().next();
            SField nameField = SField.forName(objectName);
            if (nameField == null) {
                throw error("Field '" + name(jsonName, objectName) + "' is unknown.");
            }
            String where = jsonName + ".[" + i + "]." + objectName;
            STObject inner;
            try {
                inner = parseObject(where, element.get(objectName), nameField, depth + 1);
            } catch (CodecException e) {
                throw new CodecException(e.token(), "Error at '" + where + "'. " + e.getMessage(), e);
            }
            if (nameField.type() != SerializedType.OBJECT) {
                throw error("Item '" + where + "' at index " + i
                        + " is not an object.  Arrays may only contain objects.");
            }
            tail.add(inner);
        }
        return tail;
    }

    private Object parseLeaf(String jsonName, String fieldName, SField field, JsonNode value) {
        Kind kind = kind(value);
        return switch (field.type()) {
            case UINT8 -> parseUInt8(jsonName, fieldName, field, value, kind);
            case UINT16 -> parseUInt16(jsonName, fieldName, field, value, kind);
            case UINT32 -> switch (kind) {
                case STRING -> {
                    long v = LegacyText.parseUnsigned(value.textValue(), 0xFFFF_FFFFL);
                    if (v < 0) {
                        throw invalidData(jsonName, fieldName);
                    }
                    yield v;
                }
                case INT -> {
                    if (value.intValue() < 0) {
                        throw invalidData(jsonName, fieldName);
                    }
                    yield (long) value.intValue();
                }
                case UINT -> value.longValue();
                default -> throw badType(jsonName, fieldName);
            };
            case UINT64 -> switch (kind) {
                case STRING -> {
                    Long v = LegacyText.uintFromHex(value.textValue());
                    if (v == null) {
                        throw invalidData(jsonName, fieldName);
                    }
                    yield v;
                }
                case INT -> {
                    if (value.intValue() < 0) {
                        throw invalidData(jsonName, fieldName);
                    }
                    yield (long) value.intValue();
                }
                case UINT -> value.longValue();
                default -> throw badType(jsonName, fieldName);
            };
            case HASH128, HASH160, HASH256 -> {
                if (kind != Kind.STRING) {
                    throw badType(jsonName, fieldName);
                }
                int size = field.type() == SerializedType.HASH128 ? 16 : field.type() == SerializedType.HASH160 ? 20 : 32;
                byte[] bytes = LegacyText.setHexLenient(value.textValue(), size);
                yield size == 32 ? Hash256.wrap(bytes) : bytes;
            }
            case BLOB -> {
                if (kind != Kind.STRING) {
                    throw badType(jsonName, fieldName);
                }
                byte[] b = LegacyText.strUnHex(value.textValue());
                if (b == null) {
                    throw invalidData(jsonName, fieldName);
                }
                yield b;
            }
            case AMOUNT -> {
                try {
                    yield STAmount.fromJson(value, profile);
                } catch (RuntimeException e) {
                    throw new CodecException(CodecException.INVALID,
                            "Field '" + name(jsonName, fieldName) + "' has invalid data.", e);
                }
            }
            case VECTOR256 -> {
                if (kind != Kind.ARRAY) {
                    throw error("Field '" + name(jsonName, fieldName) + "' must be a JSON array.");
                }
                List<Hash256> hashes = new ArrayList<>(value.size());
                for (JsonNode h : value) {
                    String text = asString(h);
                    if (text == null) {
                        throw invalidData(jsonName, fieldName);
                    }
                    hashes.add(Hash256.wrap(LegacyText.setHexLenient(text, 32)));
                }
                yield List.copyOf(hashes);
            }
            case PATHSET -> parsePathSet(jsonName, fieldName, value, kind);
            case ACCOUNT_ID -> {
                if (kind != Kind.STRING) {
                    throw badType(jsonName, fieldName);
                }
                AccountId a = parseHexOrBase58(value.textValue());
                if (a == null) {
                    throw invalidData(jsonName, fieldName);
                }
                yield a;
            }
            default -> throw badType(jsonName, fieldName);
        };
    }

    private static Object parseUInt8(String jsonName, String fieldName, SField field, JsonNode value, Kind kind) {
        switch (kind) {
            case STRING -> {
                String s = value.textValue();
                if (!s.isEmpty() && (s.charAt(0) < '0' || s.charAt(0) > '9')) {
                    if (field != SField.TRANSACTION_RESULT) {
                        throw badType(jsonName, fieldName);
                    }
                    TER ter = TER.fromToken(s);
                    if (ter == null || ter.code() < 0 || ter.code() > 0xFF) {
                        throw outOfRange(jsonName, fieldName);
                    }
                    return ter.code();
                }
                long v = LegacyText.parseUnsigned(s, 0xFF);
                if (v < 0) {
                    throw invalidData(jsonName, fieldName);
                }
                return (int) v;
            }
            case INT -> {
                int v = value.intValue();
                if (v < 0 || v > 0xFF) {
                    throw outOfRange(jsonName, fieldName);
                }
                return v;
            }
            case UINT -> throw outOfRange(jsonName, fieldName);
            default -> throw badType(jsonName, fieldName);
        }
    }

    private static Object parseUInt16(String jsonName, String fieldName, SField field, JsonNode value, Kind kind) {
        switch (kind) {
            case STRING -> {
                String s = value.textValue();
                if (!s.isEmpty() && (s.charAt(0) < '0' || s.charAt(0) > '9')) {
                    if (field == SField.TRANSACTION_TYPE) {
                        TxType t = TxType.fromName(s);
                        if (t == null) {
                            throw invalidData(jsonName, fieldName);
                        }
                        return t.code();
                    }
                    if (field == SField.LEDGER_ENTRY_TYPE) {
                        LedgerEntryType t = LedgerEntryType.fromName(s);
                        if (t == null) {
                            throw invalidData(jsonName, fieldName);
                        }
                        return t.code();
                    }
                    throw invalidData(jsonName, fieldName);
                }
                long v = LegacyText.parseUnsigned(s, 0xFFFF);
                if (v < 0) {
                    throw invalidData(jsonName, fieldName);
                }
                return (int) v;
            }
            case INT -> {
                int v = value.intValue();
                if (v < 0 || v > 0xFFFF) {
                    throw invalidData(jsonName, fieldName);
                }
                return v;
            }
            case UINT -> throw invalidData(jsonName, fieldName);
            default -> throw badType(jsonName, fieldName);
        }
    }

    private STPathSet parsePathSet(String jsonName, String fieldName, JsonNode value, Kind kind) {
        if (kind != Kind.ARRAY) {
            throw error("Field '" + name(jsonName, fieldName) + "' must be a JSON array.");
        }
        List<List<STPathElement>> paths = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode path = value.get(i);
            if (!path.isArray()) {
                throw error("Field '" + name(jsonName, fieldName + "[" + i + "]") + "' must be a JSON array.");
            }
            List<STPathElement> steps = new ArrayList<>(path.size());
            for (int j = 0; j < path.size(); j++) {
                String elementName = jsonName + "." + fieldName + "[" + i + "][" + j + "]";
                JsonNode step = path.get(j);
                if (!step.isObject()) {
                    throw notAnObject(elementName, "");
                }
                AccountId account = AccountId.ZERO;
                Currency currency = Currency.NATIVE;
                AccountId issuer = AccountId.ZERO;
                boolean hasCurrency = false;
                JsonNode a = step.get("account");
                if (truthy(a)) {
                    account = pathAccount(elementName, "account", a);
                }
                JsonNode c = step.get("currency");
                if (truthy(c)) {
                    if (!c.isTextual()) {
                        throw stringExpected(elementName, "currency");
                    }
                    hasCurrency = true;
                    currency = pathCurrency(elementName, c.textValue());
                }
                JsonNode is = step.get("issuer");
                if (truthy(is)) {
                    issuer = pathAccount(elementName, "issuer", is);
                }
                steps.add(STPathElement.fromParts(account, currency, issuer, hasCurrency));
            }
            paths.add(steps);
        }
        return STPathSet.of(paths);
    }

    private AccountId pathAccount(String elementName, String member, JsonNode v) {
        if (!v.isTextual()) {
            throw stringExpected(elementName, member);
        }
        byte[] hex = LegacyText.setHexExact(v.textValue(), AccountId.LENGTH);
        if (hex != null) {
            return AccountId.of(hex);
        }
        try {
            return AccountId.fromAddress(v.textValue(), profile);
        } catch (CodecException e) {
            throw invalidData(elementName, member);
        }
    }

    private Currency pathCurrency(String elementName, String text) {
        byte[] hex = LegacyText.setHexExact(text, Currency.LENGTH);
        if (hex != null) {
            return Currency.of(hex);
        }
        try {
            return Currency.fromJson(text, profile);
        } catch (RuntimeException e) {
            throw invalidData(elementName, "currency");
        }
    }

    /** rippled's {@code parseHexOrBase58<AccountID>}: 40 hex digits, else an address; null when neither. */
    private AccountId parseHexOrBase58(String s) {
        byte[] hex = LegacyText.setHexExact(s, AccountId.LENGTH);
        if (hex != null) {
            return AccountId.of(hex);
        }
        try {
            return AccountId.fromAddress(s, profile);
        } catch (CodecException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ rippled's Json::Value view

    private static Kind kind(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Kind.NULL;
        }
        if (n.isTextual()) {
            return Kind.STRING;
        }
        if (n.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (n.isArray()) {
            return Kind.ARRAY;
        }
        if (n.isObject()) {
            return Kind.OBJECT;
        }
        if (n.isIntegralNumber()) {
            BigInteger v = n.bigIntegerValue();
            if (v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0) {
                return Kind.INT;
            }
            if (v.signum() > 0 && v.compareTo(UINT_MAX) <= 0) {
                return Kind.UINT;
            }
        }
        return Kind.REAL;
    }

    /** {@code Json::Value::asString}, or null where it throws (uint, real, array, object). */
    private static String asString(JsonNode n) {
        return switch (kind(n)) {
            case NULL -> "";
            case STRING -> n.textValue();
            case BOOLEAN -> n.booleanValue() ? "true" : "false";
            case INT -> Integer.toString(n.intValue());
            default -> null;
        };
    }

    /** {@code Json::Value::operator bool}: not null, not "", not an empty array or object. */
    private static boolean truthy(JsonNode n) {
        return switch (kind(n)) {
            case NULL -> false;
            case STRING -> !n.textValue().isEmpty();
            case ARRAY, OBJECT -> n.size() > 0;
            default -> true;
        };
    }

    private static List<String> sortedNames(JsonNode json) {
        List<String> names = new ArrayList<>(json.size());
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        Collections.sort(names);
        return names;
    }

    // ------------------------------------------------------------------ rippled's error texts

    private static String name(String object, String field) {
        return field.isEmpty() ? object : object + "." + field;
    }

    private static CodecException error(String message) {
        return new CodecException(CodecException.INVALID, message);
    }

    private static CodecException notAnObject(String object, String field) {
        return error("Field '" + name(object, field) + "' is not a JSON object.");
    }

    private static CodecException outOfRange(String object, String field) {
        return error("Field '" + name(object, field) + "' is out of range.");
    }

    private static CodecException badType(String object, String field) {
        return error("Field '" + name(object, field) + "' has bad type.");
    }

    private static CodecException invalidData(String object, String field) {
        return error("Field '" + name(object, field) + "' has invalid data.");
    }

    private static CodecException stringExpected(String object, String field) {
        return error("Field '" + name(object, field) + "' must be a string.");
    }
}
