package org.stoxum.engine.ledger;

import java.util.Arrays;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;

/**
 * Field-generic operations on objects (compare, copy, default test) that metadata needs: it records
 * whichever fields changed, whatever their type.
 */
final class FieldValues {
    private FieldValues() {
    }

    /** True when {@code f} holds the same value in {@code a} and {@code b}; both must have it. */
    static boolean equal(STObject a, STObject b, SField f) {
        return switch (f.type()) {
            case UINT8 -> a.getU8(f) == b.getU8(f);
            case UINT16 -> a.getU16(f) == b.getU16(f);
            case UINT32 -> a.getU32(f) == b.getU32(f);
            case UINT64 -> a.getU64(f) == b.getU64(f);
            case HASH128 -> Arrays.equals(a.getH128(f), b.getH128(f));
            case HASH160 -> Arrays.equals(a.getH160(f), b.getH160(f));
            case HASH256 -> a.getH256(f).equals(b.getH256(f));
            case AMOUNT -> a.getAmount(f).equals(b.getAmount(f));
            case BLOB -> Arrays.equals(a.getBlob(f), b.getBlob(f));
            case ACCOUNT_ID -> a.isEmptyAccount(f) == b.isEmptyAccount(f) && a.getAccountId(f).equals(b.getAccountId(f));
            case PATHSET -> a.getPathSet(f).equals(b.getPathSet(f));
            case VECTOR256 -> a.getVector256(f).equals(b.getVector256(f));
            case OBJECT -> a.getObject(f).equals(b.getObject(f));
            case ARRAY -> a.getArray(f).equals(b.getArray(f));
            default -> throw new IllegalArgumentException("no value type: " + f);
        };
    }

    /** Copies {@code f}'s value from {@code from} into {@code to} (containers deeply). */
    static void copy(STObject from, STObject to, SField f) {
        switch (f.type()) {
            case UINT8 -> to.setU8(f, from.getU8(f));
            case UINT16 -> to.setU16(f, from.getU16(f));
            case UINT32 -> to.setU32(f, from.getU32(f));
            case UINT64 -> to.setU64(f, from.getU64(f));
            case HASH128 -> to.setH128(f, from.getH128(f));
            case HASH160 -> to.setH160(f, from.getH160(f));
            case HASH256 -> to.setH256(f, from.getH256(f));
            case AMOUNT -> to.setAmount(f, from.getAmount(f));
            case BLOB -> to.setBlob(f, from.getBlob(f));
            case ACCOUNT_ID -> to.setAccountId(f, from.getAccountId(f));
            case PATHSET -> to.setPathSet(f, from.getPathSet(f));
            case VECTOR256 -> to.setVector256(f, from.getVector256(f));
            case OBJECT -> to.setObject(f, from.getObject(f).copy());
            case ARRAY -> to.setArray(f, from.getArray(f).copy());
            default -> throw new IllegalArgumentException("no value type: " + f);
        }
    }

    /** True when {@code o}'s value of {@code f} is its type's default (rippled's {@code isDefault}). */
    static boolean isDefault(STObject o, SField f) {
        return switch (f.type()) {
            case UINT8 -> o.getU8(f) == 0;
            case UINT16 -> o.getU16(f) == 0;
            case UINT32 -> o.getU32(f) == 0;
            case UINT64 -> o.getU64(f) == 0;
            case HASH128 -> allZero(o.getH128(f));
            case HASH160 -> allZero(o.getH160(f));
            case HASH256 -> o.getH256(f).isZero();
            case AMOUNT -> o.getAmount(f).isNative() && o.getAmount(f).isZero();
            case BLOB -> o.getBlobLength(f) == 0;
            case ACCOUNT_ID -> o.isEmptyAccount(f);
            case PATHSET -> o.getPathSet(f).isEmpty();
            case VECTOR256 -> o.getVector256(f).isEmpty();
            case OBJECT -> o.getObject(f).fieldCount() == 0;
            case ARRAY -> o.getArray(f).isEmpty();
            default -> throw new IllegalArgumentException("no value type: " + f);
        };
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
