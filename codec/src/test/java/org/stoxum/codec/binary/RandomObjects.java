package org.stoxum.codec.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * Random objects whose JSON form stoxumd can read back: every field type, nested objects and arrays (a
 * few levels deep), template-conforming SignerEntry/Signer elements. Values JSON cannot express (an unset
 * AccountID, an empty path set, dynamic fields, duplicates) are left out, since rippled cannot read them back
 * from JSON either.
 */
final class RandomObjects {
    private static final List<SField> LEAVES = new ArrayList<>();
    private static final List<SField> OBJECTS = List.of(SField.MEMO, SField.MAJORITY, SField.CREATED_NODE,
            SField.FINAL_FIELDS, SField.TEMPLATE_ENTRY);
    private static final List<SField> ELEMENTS = List.of(SField.MEMO, SField.MAJORITY, SField.MODIFIED_NODE,
            SField.DELETED_NODE);

    static {
        for (SField f : SField.knownFields()) {
            if (f.isSerialized() && f.type() != SerializedType.OBJECT && f.type() != SerializedType.ARRAY) {
                LEAVES.add(f);
            }
        }
        LEAVES.sort(null);
    }

    private final Random random;

    RandomObjects(long seed) {
        random = new Random(seed);
    }

    STObject object(SField name, int depth) {
        STObject o = new STObject(name);
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < fields; i++) {
            int pick = random.nextInt(10);
            if (pick == 0 && depth < 3) {
                SField f = OBJECTS.get(random.nextInt(OBJECTS.size()));
                o.setObject(f, object(f, depth + 1));
            } else if (pick == 1 && depth < 3) {
                addArray(o, depth);
            } else {
                SField f = LEAVES.get(random.nextInt(LEAVES.size()));
                setLeaf(o, f);
            }
        }
        return o;
    }

    private void addArray(STObject o, int depth) {
        int kind = random.nextInt(4);
        int n = 1 + random.nextInt(3);
        STArray a = new STArray();
        if (kind == 0) {
            for (int i = 0; i < n; i++) {
                a.add(new STObject(SField.SIGNER_ENTRY).setAccountId(SField.ACCOUNT, account())
                        .setU16(SField.SIGNER_WEIGHT, random.nextInt(65536)));
            }
            o.setArray(SField.SIGNER_ENTRIES, a);
        } else if (kind == 1) {
            for (int i = 0; i < n; i++) {
                a.add(new STObject(SField.SIGNER).setAccountId(SField.ACCOUNT, account())
                        .setBlob(SField.SIGNING_PUB_KEY, bytes(33)).setBlob(SField.TXN_SIGNATURE, bytes(70)));
            }
            o.setArray(SField.SIGNERS, a);
        } else {
            for (int i = 0; i < n; i++) {
                SField e = ELEMENTS.get(random.nextInt(ELEMENTS.size()));
                a.add(object(e, depth + 2));
            }
            o.setArray(kind == 2 ? SField.MEMOS : SField.AFFECTED_NODES, a);
        }
    }

    private void setLeaf(STObject o, SField f) {
        switch (f.type()) {
            case UINT8 -> o.setU8(f, random.nextInt(256));
            case UINT16 -> o.setU16(f, random.nextInt(65536));
            case UINT32 -> o.setU32(f, random.nextLong() >>> 32);
            case UINT64 -> o.setU64(f, random.nextLong());
            case HASH128 -> o.setH128(f, bytes(16));
            case HASH160 -> o.setH160(f, bytes(20));
            case HASH256 -> o.setH256(f, Hash256.wrap(bytes(32)));
            case BLOB -> o.setBlob(f, bytes(random.nextInt(20) == 0 ? 193 + random.nextInt(400) : random.nextInt(40)));
            case ACCOUNT_ID -> o.setAccountId(f, account());
            case AMOUNT -> o.setAmount(f, amount());
            case PATHSET -> o.setPathSet(f, pathSet());
            case VECTOR256 -> {
                List<Hash256> hashes = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    hashes.add(Hash256.wrap(bytes(32)));
                }
                o.setVector256(f, hashes);
            }
            default -> throw new IllegalStateException(f.toString());
        }
    }

    private STAmount amount() {
        if (random.nextBoolean()) {
            long drops = Math.floorMod(random.nextLong(), STAmount.MAX_NATIVE_DROPS + 1);
            return STAmount.ofDrops(random.nextInt(8) == 0 ? -drops : drops);
        }
        long mantissa = random.nextInt(10) == 0 ? 0
                : STAmount.MIN_MANTISSA + Math.floorMod(random.nextLong(), STAmount.MAX_MANTISSA - STAmount.MIN_MANTISSA);
        int exponent = STAmount.MIN_EXPONENT + random.nextInt(STAmount.MAX_EXPONENT - STAmount.MIN_EXPONENT + 1);
        return STAmount.issued(mantissa, exponent, random.nextBoolean(), currency(), account());
    }

    private Currency currency() {
        if (random.nextBoolean()) {
            byte[] iso = new byte[20];
            iso[12] = (byte) ('A' + random.nextInt(26));
            iso[13] = (byte) ('A' + random.nextInt(26));
            iso[14] = (byte) ('0' + random.nextInt(10));
            return Currency.of(iso);
        }
        byte[] raw = bytes(20);
        raw[0] = (byte) 0x80;
        return Currency.of(raw);
    }

    private STPathSet pathSet() {
        List<List<STPathElement>> paths = new ArrayList<>();
        for (int p = 1 + random.nextInt(3); p > 0; p--) {
            List<STPathElement> path = new ArrayList<>();
            for (int e = 1 + random.nextInt(4); e > 0; e--) {
                int bits = 1 + random.nextInt(7);
                path.add(STPathElement.of(
                        (bits & 1) != 0 ? account() : null,
                        (bits & 2) != 0 ? (random.nextInt(4) == 0 ? Currency.NATIVE : currency()) : null,
                        (bits & 4) != 0 ? account() : null));
            }
            paths.add(path);
        }
        return STPathSet.of(paths);
    }

    private AccountId account() {
        byte[] b = bytes(20);
        b[0] |= 1;
        return AccountId.of(b);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
