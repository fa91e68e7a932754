package org.stoxum.storage.nodestore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.TransactionWithMeta;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapException;
import org.stoxum.storage.shamap.SHAMapInnerNode;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.SHAMapLeafNode;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.SHAMapMissingNodeException;
import org.stoxum.storage.shamap.SHAMapNodeSource;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/**
 * The node's disk: every stored ledger's header, both of its trees node by node, its transactions by ID
 * and every account's transaction history, in one LMDB environment.
 *
 * <p><b>Atomicity.</b> {@link #storeLedger} writes a ledger's new tree nodes, its header, its
 * transaction rows and the "last ledger" pointer in one LMDB write transaction. LMDB commits by
 * switching a meta page after the data pages are on disk, so a process killed at any instant (even
 * {@code kill -9} in the middle of a write) reopens onto the last ledger whose transaction committed,
 * with all its nodes.
 *
 * <p><b>Identity.</b> A metadata table holds a magic string, the schema version and the network profile;
 * opening anything else (a stray file, another program's LMDB database, a different schema or network)
 * fails with a {@link NodeStoreException} saying which.
 *
 * <p><b>Reading.</b> Reads never block: LMDB readers see a snapshot and never wait for the writer. This
 * class is the {@link SHAMapNodeSource} of the trees it loads ({@link #stateMap}, {@link #transactionMap}):
 * nodes load on demand, hash-checked, through a bounded cache of parsed nodes.
 *
 * <p><b>Writing.</b> One writer at a time (a lock around each LMDB write transaction); ledger writes
 * and {@link OnlineDelete} steps interleave.
 */
public final class NodeStore implements SHAMapNodeSource, AutoCloseable {
    /** 2: the node index is keyed by the first 8 bytes of a hash (see {@link Generation}). */
    static final int SCHEMA_VERSION = 2;
    private static final byte[] MAGIC = "stoxumd-java node store".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_MAGIC = ascii("magic");
    private static final byte[] KEY_SCHEMA = ascii("schema");
    private static final byte[] KEY_NETWORK = ascii("network");
    private static final byte[] KEY_STATE = ascii("state");
    private static final byte[] KEY_LAST = ascii("last");
    private static final int MAX_DBS = 32;
    private static final int MAX_READERS = 512;

    private final NodeStoreSettings settings;
    private final Env<byte[]> env;
    private final Dbi<byte[]> meta;
    private final LedgerTables tables;
    private final Generation.Slots slots;
    private final NodeCache cache;
    /** Fair, so that online delete steps get their turn between ledger writes. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ConcurrentLinkedQueue<Txn<byte[]>> idleReaders = new ConcurrentLinkedQueue<>();
    private final OnlineDelete onlineDelete;

    // Changed only under writeLock, after the transaction that persists the change commits.
    private volatile StoreState state;
    private Generation writable;
    private Generation archive;
    private Generation target;
    private Generation dropping;
    /** Writable generation first: what readers search. */
    private volatile Generation[] readOrder;
    private volatile LedgerHeader last;

    private NodeStore(NodeStoreSettings settings, Env<byte[]> env, Dbi<byte[]> meta, boolean fresh,
                      NetworkProfile profile) {
        this.settings = settings;
        this.env = env;
        this.meta = meta;
        this.cache = new NodeCache(settings.cacheSize());
        try (Txn<byte[]> txn = env.txnWrite()) {
            checkIdentity(txn, profile, fresh);
            tables = new LedgerTables(env, txn);
            slots = Generation.openSlots(env, txn);
            byte[] s = meta.get(txn, KEY_STATE);
            if (s == null) {
                throw new NodeStoreException(settings.path() + ": node store has no state record; it is damaged");
            }
            state = StoreState.fromBytes(s);
            writable = slots.generation(txn, state.writableGen());
            archive = state.archiveGen() == 0 ? null : slots.generation(txn, state.archiveGen());
            target = state.targetGen() == 0 ? null : slots.generation(txn, state.targetGen());
            dropping = state.droppingGen() == 0 ? null : slots.generation(txn, state.droppingGen());
            byte[] lastSeq = meta.get(txn, KEY_LAST);
            last = lastSeq == null ? null : tables.header(txn, BigEndian.getU32(lastSeq, 0));
            if (lastSeq != null && last == null) {
                throw new NodeStoreException(settings.path() + ": the last stored ledger's header is missing; "
                        + "the node store is damaged");
            }
            txn.commit();
        }
        publishReadOrder();
        this.onlineDelete = new OnlineDelete(this, settings);
    }

    /**
     * Opens the store at {@code settings.path()}, creating it if the directory is absent or empty.
     *
     * @throws NodeStoreException if the path holds something that is not this network's node store
     */
    public static NodeStore open(NodeStoreSettings settings, NetworkProfile profile) {
        Path dir = settings.path();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new NodeStoreException("node_db path " + dir + " is a file; the LMDB node store needs a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NodeStoreException("cannot create node_db directory " + dir + ": " + e.getMessage(), e);
        }
        Env<byte[]> env;
        try {
            env = Env.create(SafeByteArrayProxy.INSTANCE).setMapSize(settings.mapSize()).setMaxDbs(MAX_DBS)
                    .setMaxReaders(MAX_READERS).open(dir.toFile(), EnvFlags.MDB_NOTLS);
        } catch (LmdbException e) {
            throw new NodeStoreException(dir + " does not hold a readable LMDB environment (" + e.getMessage()
                    + "); it is damaged or was written by something else", e);
        }
        try {
            env.readerCheck(); // frees reader slots left by a killed process
            List<byte[]> names = env.getDbiNames();
            boolean fresh = names.isEmpty() || (names.size() == 1 && Arrays.equals(names.get(0), ascii("meta")));
            if (names.stream().noneMatch(n -> Arrays.equals(n, ascii("meta"))) && !fresh) {
                throw foreign(dir);
            }
            Dbi<byte[]> meta = env.openDbi("meta", DbiFlags.MDB_CREATE);
            return new NodeStore(settings, env, meta, fresh, profile);
        } catch (RuntimeException e) {
            env.close();
            if (e instanceof NodeStoreException) {
                throw e;
            }
            throw new NodeStoreException(dir + ": cannot open the node store: " + e.getMessage(), e);
        }
    }

    private static NodeStoreException foreign(Path dir) {
        return new NodeStoreException(dir + " holds an LMDB database written by another program, not a "
                + "stoxumd node store; point node_db at an empty directory");
    }

    private void checkIdentity(Txn<byte[]> txn, NetworkProfile profile, boolean fresh) {
        byte[] magic = meta.get(txn, KEY_MAGIC);
        if (magic == null && (!fresh || meta.stat(txn).entries > 0)) {
            throw foreign(settings.path());
        }
        if (magic == null) {
            meta.put(txn, KEY_MAGIC, MAGIC);
            meta.put(txn, KEY_SCHEMA, BigEndian.u32(SCHEMA_VERSION));
            meta.put(txn, KEY_NETWORK, ascii(profile.configName()));
            meta.put(txn, KEY_STATE, StoreState.initial().toBytes());
            return;
        }
        Path dir = settings.path();
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NodeStoreException(dir + " holds an LMDB database that is not a stoxumd node store");
        }
        byte[] schema = meta.get(txn, KEY_SCHEMA);
        long version = schema == null || schema.length != 4 ? -1 : BigEndian.getU32(schema, 0);
        if (version != SCHEMA_VERSION) {
            throw new NodeStoreException(dir + " is a node store of schema version " + version
                    + "; this server reads version " + SCHEMA_VERSION);
        }
        byte[] network = meta.get(txn, KEY_NETWORK);
        String name = network == null ? "?" : new String(network, StandardCharsets.US_ASCII);
        if (!name.equals(profile.configName())) {
            throw new NodeStoreException(dir + " holds ledgers of network profile '" + name
                    + "' but this server runs '" + profile.configName() + "'");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    public Path path() {
        return settings.path();
    }

    /** The worker that reclaims old ledgers; run its {@link OnlineDelete#doWork()} from a background thread. */
    public OnlineDelete onlineDelete() {
        return onlineDelete;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Stores a ledger in one transaction: the nodes of both trees not yet stored, the header, the
     * transaction rows, and the "last ledger" pointer, which now names this ledger whatever its sequence.
     * A ledger stored earlier under the same sequence is replaced (its rows; nodes it shared stay).
     * Hashes the trees first if needed, outside the write lock.
     *
     * @param state        the state tree, an immutable snapshot hashing to {@code header.accountHash()}
     * @param transactions the transaction tree, an immutable snapshot hashing to {@code header.txHash()}
     * @param txIndex      one entry per item of the transaction tree
     * @throws IllegalArgumentException if the trees or the entries do not match the header
     */
    public void storeLedger(LedgerHeader header, SHAMap state, SHAMap transactions, List<LedgerTransaction> txIndex) {
        checkTree(state, SHAMapLeafType.ACCOUNT_STATE, header.accountHash(), "state");
        checkTree(transactions, SHAMapLeafType.TRANSACTION_WITH_METADATA, header.txHash(), "transaction");
        List<Hash256> leafHashes = new ArrayList<>(txIndex.size());
        for (LedgerTransaction t : txIndex) {
            SHAMapItem item = transactions.get(t.id());
            if (item == null) {
                throw new IllegalArgumentException("transaction " + t.id() + " is not in the ledger's transaction tree");
            }
            leafHashes.add(((SHAMapLeafNode) item).hash());
        }
        int items = 0;
        for (SHAMapItem ignored : transactions) {
            items++;
        }
        if (items != txIndex.size()) {
            throw new IllegalArgumentException("the transaction tree holds " + items + " transactions but "
                    + txIndex.size() + " were described");
        }
        Hash256 ledgerHash = header.hash();
        write(txn -> {
            TreeWriter writer = new TreeWriter(txn, writable, Long.MAX_VALUE);
            writer.write(state.root());
            writer.write(transactions.root());
            writer.finish();
            tables.put(txn, header, ledgerHash, txIndex, leafHashes);
            meta.put(txn, KEY_LAST, BigEndian.u32(header.seq()));
            return () -> {
                writer.commitMarks();
                last = header;
            };
        });
    }

    private static void checkTree(SHAMap map, SHAMapLeafType type, Hash256 expected, String what) {
        if (map.isMutable()) {
            throw new IllegalArgumentException("store an immutable snapshot of the " + what + " tree");
        }
        if (map.leafType() != type) {
            throw new IllegalArgumentException("the " + what + " tree holds " + map.leafType() + " leaves");
        }
        if (!map.hash().equals(expected)) {
            throw new IllegalArgumentException("the " + what + " tree hashes to " + map.hash()
                    + " but the header says " + expected);
        }
    }

    /**
     * Runs {@code work} in one LMDB write transaction under the write lock; the action it returns runs
     * after the commit, still under the lock.
     */
    void write(Function<Txn<byte[]>, Runnable> work) {
        writeLock.lock();
        try {
            Runnable after;
            try (Txn<byte[]> txn = env.txnWrite()) {
                after = work.apply(txn);
                txn.commit();
            } catch (Env.MapFullException e) {
                throw new NodeStoreException(settings.path() + ": the node store is full; raise its map size (now "
                        + settings.mapSize() + " bytes)", e);
            } catch (LmdbException e) {
                throw new NodeStoreException(settings.path() + ": LMDB write failed: " + e.getMessage(), e);
            }
            after.run();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * With advisory delete, allows online delete to reclaim ledgers up to {@code seq} (rippled's
     * {@code can_delete}; 0 forbids it again). Persisted.
     */
    public void setCanDelete(long seq) {
        write(txn -> {
            StoreState next = state.withCanDelete(seq);
            meta.put(txn, KEY_STATE, next.toBytes());
            return () -> state = next;
        });
    }

    /** The newest ledger online delete may reclaim: the stored value with advisory delete, else unlimited. */
    public long canDelete() {
        return settings.advisoryDelete() ? state.canDelete() : Long.MAX_VALUE;
    }

    /** True when online delete waits for an operator's {@link #setCanDelete} ({@code advisory_delete}). */
    public boolean advisoryDelete() {
        return settings.advisoryDelete();
    }

    /**
     * The ledger the last rotation started from (rippled's {@code getLastRotated}), or 0 before the
     * first rotation; {@code can_delete now} allows deleting up to it.
     */
    public long lastRotated() {
        return state.lastRotated();
    }

    /** Tells online delete which ledger is the newest validated one. */
    public void onValidated(long seq) {
        onlineDelete.onValidated(seq);
    }

    // ------------------------------------------------------------------ reading

    /**
     * The ledger stored most recently (what {@code --load} resumes), or null for an empty store. Not the
     * highest sequence: a new chain started over a used store (a fresh genesis) leaves the old chain's
     * longer tail in the tables, and the node must resume the chain it was running.
     */
    public LedgerHeader lastLedger() {
        return last;
    }

    public LedgerHeader ledger(long seq) {
        return read(txn -> tables.header(txn, seq));
    }

    public LedgerHeader ledger(Hash256 ledgerHash) {
        return read(txn -> tables.header(txn, ledgerHash));
    }

    /** The oldest stored ledger's sequence, or -1 if none. */
    public long firstLedgerSeq() {
        return read(tables::firstSeq);
    }

    /** The ledger's state tree, loading nodes as they are reached. */
    public SHAMap stateMap(LedgerHeader header) {
        return SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, header.accountHash(), this);
    }

    /** The ledger's transaction tree, loading nodes as they are reached. */
    public SHAMap transactionMap(LedgerHeader header) {
        return SHAMap.load(SHAMapLeafType.TRANSACTION_WITH_METADATA, header.txHash(), this);
    }

    /** A stored transaction by ID, or null. */
    public StoredTransaction transaction(Hash256 id) {
        LedgerTables.TxLocation where = read(txn -> tables.transaction(txn, id));
        return where == null ? null : load(where);
    }

    /**
     * One page of an account's transactions, ordered by (ledger, index), with rippled's paging rules
     * ({@code account_tx}): without a marker, ledgers {@code minLedger..maxLedger}; with a marker, the
     * page starts exactly at the marker's entry (empty if that entry no longer exists).
     *
     * @param limit the most entries to return (positive)
     */
    public AccountTxPage accountTransactions(AccountId account, long minLedger, long maxLedger, boolean forward,
                                             AccountTxMarker marker, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        AccountTxMarker[] next = new AccountTxMarker[1];
        List<LedgerTables.TxLocation> rows = read(txn ->
                tables.accountPage(txn, account, minLedger, maxLedger, forward, marker, limit, next));
        List<StoredTransaction> out = new ArrayList<>(rows.size());
        for (LedgerTables.TxLocation row : rows) {
            out.add(load(row));
        }
        return new AccountTxPage(out, next[0]);
    }

    private StoredTransaction load(LedgerTables.TxLocation where) {
        SHAMapTreeNode leaf = fetchNode(where.leafHash());
        if (!(leaf instanceof SHAMapLeafNode l)) {
            throw new SHAMapMissingNodeException(where.leafHash());
        }
        return new StoredTransaction(where.id(), where.ledgerSeq(), where.index(),
                TransactionWithMeta.fromLeafData(l.data()));
    }

    /**
     * The stored node with this hash (checked against it), or null. Inner nodes come back as fresh
     * objects that belong to no tree; leaves may be shared.
     *
     * @throws SHAMapException if the stored bytes are damaged
     */
    @Override
    public SHAMapTreeNode fetchNode(Hash256 hash) {
        SHAMapTreeNode template = cache.get(hash);
        if (template == null) {
            template = readNode(hash);
            if (template == null) {
                return null;
            }
            cache.put(hash, template);
        }
        return template instanceof SHAMapInnerNode inner ? inner.freshCopy() : template;
    }

    private SHAMapTreeNode readNode(Hash256 hash) {
        Generation[] gens = readOrder;
        try {
            return read(txn -> {
                for (Generation g : gens) {
                    SHAMapTreeNode node = g.node(txn, hash, this);
                    if (node != null) {
                        return node;
                    }
                }
                return null;
            });
        } catch (SHAMapException e) {
            throw new SHAMapException(settings.path() + ": stored node " + hash + " is damaged: " + e.getMessage());
        }
    }

    /** Runs {@code work} in a read transaction from the pool (LMDB readers are cheap to renew). */
    <T> T read(Function<Txn<byte[]>, T> work) {
        Txn<byte[]> txn = idleReaders.poll();
        if (txn == null) {
            txn = env.txnRead();
        } else {
            txn.renew();
        }
        try {
            return work.apply(txn);
        } catch (LmdbException e) {
            throw new NodeStoreException(settings.path() + ": LMDB read failed: " + e.getMessage(), e);
        } finally {
            txn.reset();
            idleReaders.offer(txn);
        }
    }

    /** Tree nodes on disk in every generation (for monitoring and tests). */
    public long nodeCount() {
        return read(slots::nodeCount);
    }

    // ------------------------------------------------------------------ for OnlineDelete

    StoreState state() {
        return state;
    }

    LedgerTables tables() {
        return tables;
    }

    Generation writable() {
        return writable;
    }

    Generation target() {
        return target;
    }

    Generation dropping() {
        return dropping;
    }

    /** Persists {@code next} in {@code txn}; call {@link #adopt} after the commit. */
    void saveState(Txn<byte[]> txn, StoreState next) {
        meta.put(txn, KEY_STATE, next.toBytes());
    }

    /** Opens the generation a rotation will fill (inside the rotation's first transaction). */
    Generation openGeneration(Txn<byte[]> txn, int id) {
        return slots.generation(txn, id);
    }

    /** Makes {@code next} (already committed) the in-memory state, re-deriving the generations. */
    void adopt(StoreState next, Generation newTarget) {
        Generation[] byId = {writable, archive, target, dropping, newTarget};
        writable = find(byId, next.writableGen());
        archive = find(byId, next.archiveGen());
        target = find(byId, next.targetGen());
        dropping = find(byId, next.droppingGen());
        state = next;
        publishReadOrder();
    }

    private static Generation find(Generation[] gens, int id) {
        if (id == 0) {
            return null;
        }
        for (Generation g : gens) {
            if (g != null && g.id == id) {
                return g;
            }
        }
        throw new IllegalStateException("no open generation " + id);
    }

    private void publishReadOrder() {
        readOrder = archive == null ? new Generation[] {writable} : new Generation[] {writable, archive};
    }

    /** Closes the environment. No read or write may be in progress or start afterwards. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            for (Txn<byte[]> txn; (txn = idleReaders.poll()) != null; ) {
                txn.renew(); // lmdbjava aborts (frees) only a live transaction
                txn.close();
            }
            env.close();
        } finally {
            writeLock.unlock();
        }
    }
}
