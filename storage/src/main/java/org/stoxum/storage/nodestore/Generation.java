package org.stoxum.storage.nodestore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.PutFlags;
import org.lmdbjava.SeekOp;
import org.lmdbjava.Txn;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMapException;
import org.stoxum.storage.shamap.SHAMapNodeSource;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/**
 * One generation of tree nodes: an append-only table {@code location -> wire bytes}, an index
 * {@code first 8 bytes of the hash -> location}, and an overflow index {@code hash -> location} for the
 * rare node whose first 8 bytes another node of the generation already claimed.
 *
 * <p>Why two tables instead of one keyed by hash: LMDB inserts in key order cost almost nothing (the
 * last page fills and is written once), while random 32-byte keys touch a random page each. Measured on
 * this machine with 350-byte nodes in 10,000-node synced transactions up to 3 million nodes: keyed by
 * hash 37k nodes/s and a 1.85 GB file; data appended with {@code MDB_APPEND} plus a hash index 56k
 * nodes/s and 1.36 GB; the appends alone 410k/s. The index still costs a random page per node, but its
 * entries are 40 bytes, so its pages stay cached far longer than hash-keyed 350-byte nodes would, and
 * the bulk of the bytes is written sequentially, in the order the next ledger's walk reads it back.
 *
 * <p>Why the index is keyed by 8 bytes rather than the whole hash: a ledger's new nodes land on random
 * index pages, and LMDB copies and writes every page a transaction touches, so the index's size in pages
 * sets what a close writes. Entries of 8 + 8 bytes instead of 32 + 8 (plus LMDB's 8-byte node header)
 * halve it. Since 8 bytes do not identify a node, every hit is checked against the node's hash; a
 * second node with the same 8 bytes (about one in 2^64 / n for a generation of n nodes) goes to the
 * overflow table under its whole hash.
 *
 * <p>Generations exist for online delete: rippled's rotation, done inside one LMDB environment (see
 * {@link OnlineDelete}). Every node of a ledger written while a generation is writable lands in that
 * generation, children before parents, so a node present in a generation has its whole subtree there.
 *
 * <p>Generations live in {@link #SLOTS} fixed pairs of tables, reused in turn: at most four exist at
 * once (writable, archive, and a rotation's target or the one being emptied). The tables are opened
 * once at start-up and never closed while the store runs, so a reader still holding an old list of
 * generations can never touch a closed LMDB handle; at worst it misses, or finds a node by hash in a
 * reused slot, which is still the right node.
 */
final class Generation {
    static final int SLOTS = 4;
    /** How many leading bytes of a node's hash key the index. */
    static final int INDEX_KEY = Long.BYTES;

    /** Shared flag arrays: lmdbjava's varargs would otherwise allocate one per put. */
    private static final PutFlags[] APPEND = {PutFlags.MDB_APPEND};
    private static final PutFlags[] NO_OVERWRITE = {PutFlags.MDB_NOOVERWRITE};

    final int id;
    private final Dbi<byte[]> nodes;
    private final Dbi<byte[]> index;
    private final Dbi<byte[]> overflow;
    private long nextLocation;

    private Generation(int id, Dbi<byte[]> nodes, Dbi<byte[]> index, Dbi<byte[]> overflow, long nextLocation) {
        this.id = id;
        this.nodes = nodes;
        this.index = index;
        this.overflow = overflow;
        this.nextLocation = nextLocation;
    }

    /** The table pairs of every slot, opened (created if needed) inside write transaction {@code txn}. */
    static Slots openSlots(Env<byte[]> env, Txn<byte[]> txn) {
        List<Dbi<byte[]>> nodes = new ArrayList<>();
        List<Dbi<byte[]>> index = new ArrayList<>();
        List<Dbi<byte[]>> overflow = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            nodes.add(open(env, txn, "nodes." + i));
            index.add(open(env, txn, "index." + i));
            overflow.add(open(env, txn, "overflow." + i));
        }
        return new Slots(List.copyOf(nodes), List.copyOf(index), List.copyOf(overflow));
    }

    private static Dbi<byte[]> open(Env<byte[]> env, Txn<byte[]> txn, String name) {
        return env.openDbi(txn, name.getBytes(StandardCharsets.US_ASCII), null, false, DbiFlags.MDB_CREATE);
    }

    record Slots(List<Dbi<byte[]>> nodes, List<Dbi<byte[]>> index, List<Dbi<byte[]>> overflow) {
        /** Nodes held in all slots, live or not yet emptied. */
        long nodeCount(Txn<byte[]> txn) {
            long n = 0;
            for (Dbi<byte[]> d : nodes) {
                n += d.stat(txn).entries;
            }
            return n;
        }

        /** Generation {@code id} in its slot, ready to append after what the slot already holds. */
        Generation generation(Txn<byte[]> txn, int id) {
            int slot = id % SLOTS;
            long next = 0;
            try (Cursor<byte[]> c = nodes.get(slot).openCursor(txn)) {
                if (c.seek(SeekOp.MDB_LAST)) {
                    next = BigEndian.getU64(c.key(), 0) + 1;
                }
            }
            return new Generation(id, nodes.get(slot), index.get(slot), overflow.get(slot), next);
        }
    }

    /** A node's key in the index: the first {@value #INDEX_KEY} bytes of its hash. */
    private static byte[] indexKey(Hash256 hash) {
        return BigEndian.u64(hash.longAt(0));
    }

    boolean contains(Txn<byte[]> txn, Hash256 hash) {
        byte[] location = index.get(txn, indexKey(hash));
        if (location == null) {
            return false;
        }
        return hashes(nodes.get(txn, location), hash) || overflow.get(txn, hash.toBytes()) != null;
    }

    /** Whether {@code wire} is a well-formed node with this hash. */
    private static boolean hashes(byte[] wire, Hash256 hash) {
        if (wire == null) {
            return false;
        }
        try {
            return SHAMapTreeNode.fromWire(wire, null).hash().equals(hash);
        } catch (SHAMapException e) {
            return false;
        }
    }

    /**
     * The node with this hash, parsed (its children to load from {@code source}, carrying this
     * generation's storage mark), or null if the generation lacks it.
     *
     * @throws SHAMapException if the bytes stored for it are damaged (or, with odds of about n / 2^64, the
     *     node is absent and another shares its first {@value #INDEX_KEY} bytes)
     */
    SHAMapTreeNode node(Txn<byte[]> txn, Hash256 hash, SHAMapNodeSource source) {
        byte[] location = index.get(txn, indexKey(hash));
        if (location == null) {
            return null;
        }
        SHAMapException damage;
        byte[] wire = nodes.get(txn, location);
        try {
            if (wire == null) {
                throw new SHAMapException("its index entry names no stored node");
            }
            SHAMapTreeNode node = SHAMapTreeNode.fromWire(wire, null, source, id);
            if (node.hash().equals(hash)) {
                return node;
            }
            damage = new SHAMapException("the node stored for it hashes to " + node.hash());
        } catch (SHAMapException e) {
            damage = e;
        }
        byte[] other = overflow.get(txn, hash.toBytes());
        byte[] otherWire = other == null ? null : nodes.get(txn, other);
        if (otherWire == null) {
            throw damage;
        }
        return SHAMapTreeNode.fromWire(otherWire, hash, source, id);
    }

    /** How many nodes the generation holds. */
    long count(Txn<byte[]> txn) {
        return nodes.stat(txn).entries;
    }

    /**
     * Appends a node's bytes and returns its location; the caller indexes it with {@link #index}. A
     * location skipped by an aborted transaction is never reused, which is harmless.
     */
    long append(Txn<byte[]> txn, byte[] wire) {
        long location = nextLocation++;
        nodes.put(txn, BigEndian.u64(location), wire, APPEND);
        return location;
    }

    /**
     * Indexes appended nodes. Callers pass a whole batch sorted by hash: LMDB then walks the index
     * pages in order instead of jumping between them, and a fresh index is built almost like an append.
     */
    void index(Txn<byte[]> txn, Hash256 hash, long location) {
        byte[] at = BigEndian.u64(location);
        if (!index.put(txn, indexKey(hash), at, NO_OVERWRITE) && !contains(txn, hash)) {
            overflow.put(txn, hash.toBytes(), at);
        }
    }

    /**
     * Deletes up to {@code limit} entries, oldest first, from both tables.
     *
     * @return how many were deleted; 0 once the generation is empty
     */
    int deleteSome(Txn<byte[]> txn, int limit) {
        int done = deleteFirst(txn, nodes, limit);
        done += deleteFirst(txn, index, limit - done);
        return done + deleteFirst(txn, overflow, limit - done);
    }

    private static int deleteFirst(Txn<byte[]> txn, Dbi<byte[]> dbi, int limit) {
        int done = 0;
        try (Cursor<byte[]> c = dbi.openCursor(txn)) {
            while (done < limit && c.seek(SeekOp.MDB_FIRST)) {
                c.delete();
                done++;
            }
        }
        return done;
    }
}
