package org.stoxum.storage.shamap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/**
 * Test helpers: keys that share long prefixes (so trees grow chains and deep splits), random edits
 * mirrored in a {@link TreeMap} model, and an independent from-scratch hash of a key set.
 */
final class RandomTrees {
    private final Random random;
    private final byte[][] bases;

    RandomTrees(long seed) {
        this.random = new Random(seed);
        this.bases = new byte[3][32];
        for (byte[] b : bases) {
            random.nextBytes(b);
        }
    }

    Random random() {
        return random;
    }

    /** A key that is fully random, or a base key with only its last 1, 2, 3 or 20 nibbles changed. */
    Hash256 key() {
        byte[] k = bases[random.nextInt(bases.length)].clone();
        int[] tails = {1, 2, 3, 20, 64};
        int tail = tails[random.nextInt(tails.length)];
        for (int n = 64 - tail; n < 64; n++) {
            int v = random.nextInt(16);
            k[n / 2] = (byte) ((n & 1) == 0 ? (k[n / 2] & 0x0F) | (v << 4) : (k[n / 2] & 0xF0) | v);
        }
        if (Hash256.wrap(k).isZero()) {
            k[31] = 1;
        }
        return Hash256.wrap(k);
    }

    byte[] data() {
        byte[] d = new byte[12 + random.nextInt(40)];
        random.nextBytes(d);
        return d;
    }

    /** Applies {@code count} random puts and deletes to both {@code map} and {@code model}. */
    void edit(SHAMap map, NavigableMap<Hash256, byte[]> model, int count) {
        for (int i = 0; i < count; i++) {
            int op = random.nextInt(10);
            if (op < 5 || model.isEmpty()) {
                Hash256 k = key();
                byte[] d = data();
                boolean added = map.put(k, d);
                if (added != (model.put(k, d) == null)) {
                    throw new AssertionError("put reported added=" + added + " for " + k);
                }
            } else if (op < 7) {
                Hash256 k = existing(model);
                byte[] d = data();
                map.put(k, d);
                model.put(k, d);
            } else if (op < 9) {
                Hash256 k = existing(model);
                if (!map.delete(k)) {
                    throw new AssertionError("delete missed present key " + k);
                }
                model.remove(k);
            } else {
                Hash256 k = key();
                if (map.delete(k) != (model.remove(k) != null)) {
                    throw new AssertionError("delete disagreed with the model on " + k);
                }
            }
            if (random.nextInt(20) == 0) {
                map.hash(); // cached hashes must be invalidated by later edits
            }
        }
    }

    /** A key of the model near a random key (cheap, and biased only slightly). */
    Hash256 existing(NavigableMap<Hash256, byte[]> model) {
        Hash256 k = model.ceilingKey(key());
        return k != null ? k : model.firstKey();
    }

    /** The root hash of a state tree holding {@code model}, computed from scratch by prefix grouping. */
    static Hash256 referenceHash(NavigableMap<Hash256, byte[]> model) {
        return Hash256.wrap(inner(new ArrayList<>(model.entrySet()), 0));
    }

    private static byte[] inner(List<Map.Entry<Hash256, byte[]>> entries, int depth) {
        if (entries.isEmpty()) {
            return new byte[32];
        }
        List<List<Map.Entry<Hash256, byte[]>>> groups = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            groups.add(new ArrayList<>());
        }
        for (Map.Entry<Hash256, byte[]> e : entries) {
            groups.get(e.getKey().nibble(depth)).add(e);
        }
        byte[][] childHashes = new byte[16][];
        for (int i = 0; i < 16; i++) {
            List<Map.Entry<Hash256, byte[]>> g = groups.get(i);
            childHashes[i] = g.isEmpty() ? new byte[32]
                    : g.size() == 1 ? leafHash(g.get(0).getKey(), g.get(0).getValue()) : inner(g, depth + 1);
        }
        Sha512Half h = Sha512Half.local().update(HashPrefix.INNER_NODE);
        for (byte[] c : childHashes) {
            h.update(c);
        }
        return h.finish();
    }

    private static byte[] leafHash(Hash256 key, byte[] data) {
        return Sha512Half.local().update(HashPrefix.LEAF_NODE).update(data).update(key.toBytes()).finish();
    }

    /** The model with hex values, so that maps compare by content. */
    static Map<Hash256, String> hex(Map<Hash256, byte[]> model) {
        Map<Hash256, String> out = new TreeMap<>();
        model.forEach((k, v) -> out.put(k, org.stoxum.codec.Hex.encode(v)));
        return out;
    }

    static SHAMap build(Map<Hash256, byte[]> entries, Random shuffle) {
        List<Map.Entry<Hash256, byte[]>> list = new ArrayList<>(entries.entrySet());
        java.util.Collections.shuffle(list, shuffle);
        SHAMap map = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        for (Map.Entry<Hash256, byte[]> e : list) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    static NavigableMap<Hash256, byte[]> contents(SHAMap map) {
        NavigableMap<Hash256, byte[]> out = new TreeMap<>();
        Hash256 previous = null;
        for (SHAMapItem item : map) {
            if (previous != null && previous.compareTo(item.key()) >= 0) {
                throw new AssertionError("iteration out of order at " + item.key());
            }
            previous = item.key();
            out.put(item.key(), item.data());
        }
        return out;
    }
}
