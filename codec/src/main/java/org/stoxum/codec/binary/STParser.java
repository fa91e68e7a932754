package org.stoxum.codec.binary;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * Reads the binary format into {@link STObject}s, accepting and rejecting exactly what stoxumd's
 * STObject/STArray/STVar constructors do.
 *
 * <p>Every failure is a {@link CodecException} whose message names the field path and byte offset. The
 * rippled rules kept here, including its leniencies:
 * <ul>
 *   <li>field headers: a zero high nibble means the type follows and must be 16 or more; a zero low nibble
 *       means the field number follows and must be 16 or more;</li>
 *   <li>an unnamed field number (1..255) of a wire type is accepted as a dynamic field "type/nth"; types
 *       9..13 and above 19 are "Unknown field";</li>
 *   <li>nesting deeper than 10 levels is refused;</li>
 *   <li>an object reads until its E1 marker or the end of input: a nested object or array cut off exactly
 *       at the end of the input is accepted, and bytes after an E1 at top level are ignored;</li>
 *   <li>F1 inside an object and E1 inside an array are refused; arrays hold only object fields;</li>
 *   <li>SignerEntry and Signer objects must fit their templates wherever they appear;</li>
 *   <li>AccountID payloads are 0 (unset) or 20 bytes; a Vector256 payload whose length is not a multiple
 *       of 32 keeps only its whole hashes;</li>
 *   <li>path sets: no empty path, no type bits outside 0x31; zero accounts and issuers drop their bits.</li>
 * </ul>
 */
final class STParser {
    /** Deepest nesting stoxumd accepts (STVar.cpp, STObject.cpp). */
    static final int MAX_DEPTH = 10;

    private static final String WHERE = "binary object, ";

    private final SerialIter sit;
    /** Names of the containers being read, outermost first, for error messages. */
    private final List<String> path = new ArrayList<>();

    private STParser(SerialIter sit) {
        this.sit = sit;
    }

    /**
     * Reads a top-level object from {@code data[offset, offset+length)} (no header, no end marker needed).
     */
    static STObject parse(byte[] data, int offset, int length, SField name) {
        STParser p = new STParser(new SerialIter(data, offset, length));
        STObject o = new STObject(name);
        try {
            p.readFields(o, 0);
        } catch (CodecException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(WHERE)) {
                throw e;
            }
            // A truncation found by the cursor: add the field path it happened in.
            throw new CodecException(e.token(), p.where(p.sit.offset()) + ": " + e.getMessage(), e);
        }
        return o;
    }

    /** Reads fields until E1 or the end of input; returns true when E1 ended the object. */
    private boolean readFields(STObject obj, int depth) {
        while (!sit.empty()) {
            int headerAt = sit.offset();
            int header = readHeader();
            int type = header >>> 8;
            int nth = header & 0xFF;
            if (type == SerializedType.OBJECT.code() && nth == 1) {
                return true;
            }
            if (type == SerializedType.ARRAY.code() && nth == 1) {
                throw fail("array end marker (F1) inside an object", headerAt);
            }
            SField f = SField.forCode(type, nth);
            if (f == null) {
                throw fail("unknown field (type " + type + ", field " + nth + ")", headerAt);
            }
            path.add(f.name());
            Object value = readValue(f, depth + 1, headerAt);
            if (value instanceof STObject inner) {
                applyInnerTemplate(inner, headerAt);
            }
            path.remove(path.size() - 1);
            obj.append(f, value);
        }
        return false;
    }

    /** Reads a field header (rippled's {@code SerialIter::getFieldID}); returns {@code type << 8 | nth}. */
    private int readHeader() {
        int at = sit.offset();
        int b = sit.get8();
        int type = b >>> 4;
        int nth = b & 0x0F;
        if (type == 0) {
            type = sit.get8();
            if (type < 16) {
                throw fail("field header with uncommon type out of range (" + type + ")", at);
            }
        }
        if (nth == 0) {
            nth = sit.get8();
            if (nth < 16) {
                throw fail("field header with uncommon field number out of range (" + nth + ")", at);
            }
        }
        return (type << 8) | nth;
    }

    private Object readValue(SField f, int depth, int headerAt) {
        if (depth > MAX_DEPTH) {
            throw fail("maximum nesting depth (" + MAX_DEPTH + ") exceeded", headerAt);
        }
        return switch (f.type()) {
            case UINT8 -> sit.get8();
            case UINT16 -> sit.get16();
            case UINT32 -> sit.get32();
            case UINT64 -> sit.get64();
            case HASH128 -> sit.getRaw(16, "a Hash128");
            case HASH160 -> sit.getRaw(20, "a Hash160");
            case HASH256 -> Hash256.wrap(sit.getRaw(32, "a Hash256"));
            case AMOUNT -> readAmount();
            case BLOB -> sit.getVL("a Blob");
            case ACCOUNT_ID -> readAccount(headerAt);
            case VECTOR256 -> readVector256();
            case PATHSET -> readPathSet();
            case OBJECT -> {
                STObject inner = new STObject(f);
                readFields(inner, depth);
                yield inner;
            }
            case ARRAY -> readArray(depth);
            default -> throw fail("field of unserializable type " + f.type(), headerAt);
        };
    }

    private STAmount readAmount() {
        int first = sit.peek8();
        int length = STAmount.encodedLength(first);
        int at = sit.position();
        sit.skip(length, "an Amount");
        try {
            return STAmount.fromBytes(sit.array(), at);
        } catch (CodecException e) {
            throw new CodecException(e.token(), where(sit.offset() - length) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CodecException(CodecException.INVALID, where(sit.offset() - length)
                    + ": unreadable Amount (" + e + ")", e);
        }
    }

    private Object readAccount(int headerAt) {
        int length = sit.getVLLength();
        if (length == 0) {
            return STValues.EMPTY_ACCOUNT;
        }
        if (length != AccountId.LENGTH) {
            throw fail("an AccountID is 0 or 20 bytes, not " + length, headerAt);
        }
        return AccountId.of(sit.getRaw(AccountId.LENGTH, "an AccountID"));
    }

    private List<Hash256> readVector256() {
        byte[] data = sit.getVL("a Vector256");
        int count = data.length / Hash256.LENGTH;
        List<Hash256> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Hash256.of(data, i * Hash256.LENGTH));
        }
        return List.copyOf(out);
    }

    private STPathSet readPathSet() {
        List<List<STPathElement>> paths = new ArrayList<>();
        List<STPathElement> current = new ArrayList<>();
        while (true) {
            int at = sit.offset();
            int t = sit.get8();
            if (t == STPathElement.END || t == STPathElement.BOUNDARY) {
                if (current.isEmpty()) {
                    throw fail("empty path in path set", at);
                }
                paths.add(current);
                current = new ArrayList<>();
                if (t == STPathElement.END) {
                    return STPathSet.of(paths);
                }
            } else if ((t & ~STPathElement.TYPE_ALL) != 0) {
                throw fail("bad path element type 0x" + Integer.toHexString(t), at);
            } else {
                boolean hasCurrency = (t & STPathElement.TYPE_CURRENCY) != 0;
                AccountId account = (t & STPathElement.TYPE_ACCOUNT) != 0
                        ? AccountId.of(sit.getRaw(20, "a path account")) : AccountId.ZERO;
                Currency currency = hasCurrency ? Currency.of(sit.getRaw(20, "a path currency")) : Currency.NATIVE;
                AccountId issuer = (t & STPathElement.TYPE_ISSUER) != 0
                        ? AccountId.of(sit.getRaw(20, "a path issuer")) : AccountId.ZERO;
                current.add(STPathElement.fromParts(account, currency, issuer, hasCurrency));
            }
        }
    }

    private STArray readArray(int depth) {
        STArray array = new STArray();
        int index = 0;
        while (!sit.empty()) {
            int headerAt = sit.offset();
            int header = readHeader();
            int type = header >>> 8;
            int nth = header & 0xFF;
            if (type == SerializedType.ARRAY.code() && nth == 1) {
                break;
            }
            if (type == SerializedType.OBJECT.code() && nth == 1) {
                throw fail("object end marker (E1) inside an array", headerAt);
            }
            SField f = SField.forCode(type, nth);
            if (f == null) {
                throw fail("unknown field (type " + type + ", field " + nth + ")", headerAt);
            }
            if (f.type() != SerializedType.OBJECT) {
                throw fail("array holds a non-object field " + f.name(), headerAt);
            }
            path.add("[" + index + "]." + f.name());
            STObject element = (STObject) readValue(f, depth + 1, headerAt);
            applyInnerTemplate(element, headerAt);
            path.remove(path.size() - 1);
            array.add(element);
            index++;
        }
        return array;
    }

    private void applyInnerTemplate(STObject inner, int headerAt) {
        SOTemplate t = InnerObjectFormats.forField(inner.name());
        if (t != null) {
            TemplateResult r = inner.applyTemplate(t);
            if (!r.ok()) {
                throw fail("malformed inner object: " + r.describe(), headerAt);
            }
        }
    }

    private CodecException fail(String what, int offset) {
        return CodecException.invalid(where(offset) + ": " + what);
    }

    private String where(int offset) {
        String field = path.isEmpty() ? "top level" : String.join(".", path);
        return WHERE + field + ", offset " + offset;
    }
}
