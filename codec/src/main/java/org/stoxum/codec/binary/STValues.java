package org.stoxum.codec.binary;

import java.util.Arrays;
import java.util.List;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * The per-type rules for the values an {@link STObject} stores: defaults, equality, copying, writing.
 *
 * <p>Stored representations: UInt8/UInt16 {@link Integer}; UInt32/UInt64 {@link Long} (UInt64 as raw
 * bits); Hash128/Hash160/Blob {@code byte[]} never handed out; Hash256 {@link Hash256}; Amount
 * {@link STAmount}; AccountID {@link AccountId} or {@link #EMPTY_ACCOUNT}; PathSet {@link STPathSet};
 * Vector256 an unmodifiable {@code List<Hash256>}; objects and arrays {@link STObject}/{@link STArray}.
 */
final class STValues {
    /**
     * The value of an AccountID field that exists but was never set: serialized as an empty VL, printed as
     * "" in JSON, and rejected by stoxumd's local transaction checks.
     */
    enum Empty {
        ACCOUNT
    }

    static final Empty EMPTY_ACCOUNT = Empty.ACCOUNT;

    private STValues() {
    }

    /** The value rippled gives a field created without a value ({@code defaultObject}). */
    static Object defaultValue(SField f) {
        return switch (f.type()) {
            case UINT8, UINT16 -> 0;
            case UINT32, UINT64 -> 0L;
            case HASH128 -> new byte[16];
            case HASH160 -> new byte[20];
            case HASH256 -> Hash256.ZERO;
            case AMOUNT -> STAmount.ofDrops(0);
            case BLOB -> new byte[0];
            case ACCOUNT_ID -> EMPTY_ACCOUNT;
            case OBJECT -> new STObject(f);
            case ARRAY -> new STArray();
            case PATHSET -> STPathSet.EMPTY;
            case VECTOR256 -> List.<Hash256>of();
            default -> throw new IllegalArgumentException("field " + f + " has no value type");
        };
    }

    /** True when {@code v} is the type's default value (rippled's {@code isDefault}). */
    static boolean isDefault(SerializedType type, Object v) {
        return switch (type) {
            case UINT8, UINT16 -> (Integer) v == 0;
            case UINT32, UINT64 -> (Long) v == 0L;
            case HASH128, HASH160 -> allZero((byte[]) v);
            case HASH256 -> ((Hash256) v).isZero();
            case AMOUNT -> ((STAmount) v).isNative() && ((STAmount) v).isZero();
            case BLOB -> ((byte[]) v).length == 0;
            case ACCOUNT_ID -> v == EMPTY_ACCOUNT;
            case OBJECT -> ((STObject) v).fieldCount() == 0;
            case ARRAY -> ((STArray) v).isEmpty();
            case PATHSET -> ((STPathSet) v).isEmpty();
            case VECTOR256 -> ((List<?>) v).isEmpty();
            default -> false;
        };
    }

    static boolean equal(SerializedType type, Object a, Object b) {
        return switch (type) {
            case HASH128, HASH160, BLOB -> Arrays.equals((byte[]) a, (byte[]) b);
            default -> a.equals(b);
        };
    }

    static int hash(SerializedType type, Object v) {
        return switch (type) {
            case HASH128, HASH160, BLOB -> Arrays.hashCode((byte[]) v);
            default -> v.hashCode();
        };
    }

    /** A copy independent of {@code v}: containers are copied deeply, immutable values shared. */
    static Object copy(SerializedType type, Object v) {
        return switch (type) {
            case OBJECT -> ((STObject) v).copy();
            case ARRAY -> ((STArray) v).copy();
            default -> v;
        };
    }

    /** Writes the value (without header); containers write their contents and end marker. */
    @SuppressWarnings("unchecked")
    static void write(SField f, Object v, Serializer s) {
        switch (f.type()) {
            case UINT8 -> s.add8((Integer) v);
            case UINT16 -> s.add16((Integer) v);
            case UINT32 -> s.add32((Long) v);
            case UINT64 -> s.add64((Long) v);
            case HASH128, HASH160 -> s.addRaw((byte[]) v);
            case HASH256 -> s.addHash256((Hash256) v);
            case AMOUNT -> s.addAmount((STAmount) v);
            case BLOB -> s.addVL((byte[]) v);
            case ACCOUNT_ID -> {
                if (v == EMPTY_ACCOUNT) {
                    s.addVLLength(0);
                } else {
                    s.addVLLength(AccountId.LENGTH).addAccount((AccountId) v);
                }
            }
            case VECTOR256 -> {
                List<Hash256> hashes = (List<Hash256>) v;
                s.addVLLength(hashes.size() * Hash256.LENGTH);
                for (Hash256 h : hashes) {
                    s.addHash256(h);
                }
            }
            case PATHSET -> ((STPathSet) v).writeTo(s);
            case OBJECT -> {
                ((STObject) v).writeFields(s, true);
                s.add8(STObject.OBJECT_END);
            }
            case ARRAY -> {
                ((STArray) v).writeTo(s);
                s.add8(STObject.ARRAY_END);
            }
            default -> throw new IllegalStateException("cannot serialize " + f);
        }
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
