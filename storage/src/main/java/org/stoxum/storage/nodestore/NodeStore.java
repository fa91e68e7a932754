package org.stoxum.storage.nodestore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * <p><b>Queue, then commit.</b> {@link #queueLedger} hands a closed ledger to a background writer
 * ({@link LedgerPersister}) and returns; from then on every read sees it, served from its in-memory trees
 * until it is committed. The writer commits ledgers in the order they were queued, several in one LMDB
 * write transaction when it has fallen behind. {@link #flush} and {@link #close} wait for the queue.
 *
 * <p><b>Atomicity.</b> Every commit holds whole ledgers: their new tree nodes, headers, transaction rows
 * and the "last ledger" pointer. LMDB commits by switching a meta page after the data pages are on disk,
 * so a process killed at any instant (even {@code kill -9} in the middle of a write) reopens onto the
 * last ledger whose transaction committed, with all its nodes. A failed commit stops the writer until a
 * retry succeeds, so the committed chain never has a gap.
 *
 * <p><b>Identity.</b> A metadata table holds a magic string, the schema version and the network profile;
 * opening anything else (a stray file, another program's LMDB database, a different schema or network)
 * fails with a {@link NodeStoreException} saying which.
 *
 * <p><b>Reading.</b> Reads never block: LMDB readers see a snapshot and never wait for the writer. This
 * class is the {@link SHAMapNodeSource} of the trees it loads ({@link #stateMap}, {@link #transactionMap}):
 * nodes load on demand, hash-checked, through a bounded cache of parsed nodes.
 *
 * <p><b>Writing.</b> One writer at a time (a lock around each LMDB write transaction); the ledger
 * writer's groups and {@link OnlineDelete} steps interleave.
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
    /**
     * The newest committed ledger; set after its commit and before the persister drops it from the queue,
     * so a reader that finds the queue without it finds it here.
     */
    private volatile LedgerHeader durableLast;
    private final LedgerPersister persister = new LedgerPersister(this::writeGroup);

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
            durableLast = lastSeq == null ? null : tables.header(txn, BigEndian.getU32(lastSeq, 0));
            if (lastSeq != null && durableLast == null) {
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
        NodeStore store = openStepped(settings, profile);
        store.persister.start("node-store-writer " + settings.path().getFileName());
        return store;
    }

    /**
     * Opens the store without its writer thread: queued ledgers are written by {@link #flush} (or a test
     * stepping {@link #persister()}), on the caller's thread.
     */
    static NodeStore openStepped(NodeStoreSettings settings, NetworkProfile profile) {
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
     * Stores a ledger and waits until a commit holds it: {@link #queueLedger} then {@link #flush}.
     *
     * @throws IllegalArgumentException if the trees or the entries do not match the header
     * @throws NodeStoreException       if the ledger (or one queued before it) cannot be written
     */
    public void storeLedger(LedgerHeader header, SHAMap state, SHAMap transactions, List<LedgerTransaction> txIndex) {
        queueLedger(header, state, transactions, txIndex);
        flush();
    }

    /**
     * Queues a ledger for the background writer and returns at once (blocking only while the queue is
     * full: {@value LedgerPersister#QUEUE_LEDGERS} ledgers or {@value LedgerPersister#QUEUE_TRANSACTIONS}
     * transactions). From then on every read of this store
     * sees it, served from the trees in memory until it is committed: {@link #lastLedger} names it, and a
     * ledger stored earlier under the same sequence is hidden. The writer commits queued ledgers in order,
     * several per LMDB transaction when it has fallen behind, each commit holding whole ledgers: the new
     * nodes of both trees, the header, the transaction rows and the "last ledger" pointer.
     *
     * @param state        the state tree, an immutable snapshot hashing to {@code header.accountHash()}
     * @param transactions the transaction tree, an immutable snapshot hashing to {@code header.txHash()}
     * @param txIndex      one entry per item of the transaction tree
     * @return completes with the header once a commit holds the ledger, or exceptionally with the write
     *         error; its dependents run on the writer's thread, so they must be short and never wait for
     *         this store
     * @throws IllegalArgumentException if the trees or the entries do not match the header
     * @throws NodeStoreException       if an earlier ledger's commit failed and failed again when retried
     *                                  now (this ledger is then not queued), or the store is closing
     */
    public CompletableFuture<LedgerHeader> queueLedger(LedgerHeader header, SHAMap state, SHAMap transactions,
                                                       List<LedgerTransaction> txIndex) {
        List<LedgerTransaction> entries = List.copyOf(txIndex);
        // Checked here, so that the caller hears of entries that do not match the tree, not the writer.
        PendingLedger.Rows rows = new PendingLedger.Rows(entries, leafHashes(transactions, entries));
        return queue(header, state, transactions, entries.size(), () -> rows);
    }

    /**
     * As {@link #queueLedger(LedgerHeader, SHAMap, SHAMap, List)}, with the entries made when first needed:
     * by the writer, or by a read of the ledger's transactions before its commit. Reading every
     * transaction's metadata to find the accounts it touched is most of what a close would otherwise spend
     * on queueing; this keeps it off the closing thread.
     *
     * @param txCount how many transactions the tree holds (the queue's bound counts them)
     * @param txIndex makes one entry per item of the transaction tree, from any thread, once
     * @throws IllegalArgumentException if the trees do not match the header
     */
    public CompletableFuture<LedgerHeader> queueLedger(LedgerHeader header, SHAMap state, SHAMap transactions,
                                                       int txCount, Supplier<List<LedgerTransaction>> txIndex) {
        return queue(header, state, transactions, txCount, () -> {
            List<LedgerTransaction> entries = List.copyOf(txIndex.get());
            return new PendingLedger.Rows(entries, leafHashes(transactions, entries));
        });
    }

    private CompletableFuture<LedgerHeader> queue(LedgerHeader header, SHAMap state, SHAMap transactions,
                                                  int txCount, Supplier<PendingLedger.Rows> rows) {
        checkTree(state, SHAMapLeafType.ACCOUNT_STATE, header.accountHash(), "state");
        checkTree(transactions, SHAMapLeafType.TRANSACTION_WITH_METADATA, header.txHash(), "transaction");
        Hash256 ledgerHash = header.hash();
        PendingLedger p = persister.queue(txCount, ticket -> new PendingLedger(ticket, header, ledgerHash,
                state, transactions, txCount, rows));
        return p.durable;
    }

    /** The hash of each entry's leaf, after checking that the entries describe the tree exactly. */
    private static List<Hash256> leafHashes(SHAMap transactions, List<LedgerTransaction> txIndex) {
        Map<Hash256, Hash256> leaves = new HashMap<>(txIndex.size() * 2);
        for (SHAMapItem item : transactions) {
            leaves.put(item.key(), ((SHAMapLeafNode) item).hash());
        }
        if (leaves.size() != txIndex.size()) {
            throw new IllegalArgumentException("the transaction tree holds " + leaves.size() + " transactions but "
                    + txIndex.size() + " were described");
        }
        List<Hash256> leafHashes = new ArrayList<>(txIndex.size());
        for (LedgerTransaction t : txIndex) {
            Hash256 leaf = leaves.get(t.id());
            if (leaf == null) {
                throw new IllegalArgumentException("transaction " + t.id()
                        + " is not in the ledger's transaction tree");
            }
            leafHashes.add(leaf);
        }
        return leafHashes;
    }

    /**
     * Waits until every ledger queued so far is committed (shutdown, tests, a restart's reload).
     *
     * @throws NodeStoreException if a commit failed and retrying it now failed again
     */
    public void flush() {
        persister.flush();
    }

    /**
     * Completes once the queued ledger with this hash is committed (at once if none such waits), or
     * exceptionally if its commit failed.
     */
    public CompletableFuture<LedgerHeader> durable(Hash256 ledgerHash) {
        for (PendingLedger p : persister.pending()) {
            if (p.hash.equals(ledgerHash)) {
                return p.durable;
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Registers who hears of a failed commit (a full disk), on the writer's thread, once per failure: the
     * ledgers stay queued and readable, and nothing later is committed until a retry succeeds.
     */
    public void onWriteFailure(Consumer<NodeStoreException> listener) {
        persister.onFailure(listener);
    }

    /** Ledgers queued and not yet committed (for monitoring and tests). */
    public int queuedLedgers() {
        return persister.pending().size();
    }

    /** Writes a group of queued ledgers, oldest first, in one transaction (the persister's step). */
    private void writeGroup(List<PendingLedger> group) {
        PendingLedger newest = group.get(group.size() - 1);
        write(txn -> {
            TreeWriter writer = new TreeWriter(txn, writable, Long.MAX_VALUE);
            for (PendingLedger p : group) {
                writer.write(p.state.root());
                writer.write(p.transactions.root());
            }
            writer.finish();
            for (PendingLedger p : group) {
                PendingLedger.Rows rows = p.rows();
                tables.put(txn, p.header, p.hash, rows.index(), rows.leafHashes());
            }
            meta.put(txn, KEY_LAST, BigEndian.u32(newest.seq()));
            return () -> {
                writer.commitMarks();
                durableLast = newest.header;
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
     *
     * <p>Taken from the queue readers search, never from a field set apart from it: a ledger becomes the
     * last only when reads can find it (a separate field set while queueing named, for a moment, a ledger
     * neither the queue nor the disk held yet).
     */
    public LedgerHeader lastLedger() {
        List<PendingLedger> pending = persister.pending();
        return pending.isEmpty() ? durableLast : pending.get(pending.size() - 1).header;
    }

    /**
     * The newest ledger a commit holds (what a killed process would reopen onto), or null. Online delete
     * works from it: a rotation may only seed from, and switch after, ledgers already on disk.
     */
    public LedgerHeader lastDurableLedger() {
        return durableLast;
    }

    // Every read below takes the queued ledgers first, then opens its LMDB snapshot: a ledger leaves the
    // queue only after its commit, so one that left it in between is in the snapshot.

    public LedgerHeader ledger(long seq) {
        List<PendingLedger> pending = persister.pending();
        PendingLedger p = newest(pending, seq);
        return p != null ? p.header : read(txn -> tables.header(txn, seq));
    }

    public LedgerHeader ledger(Hash256 ledgerHash) {
        List<PendingLedger> pending = persister.pending();
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (pending.get(i).hash.equals(ledgerHash)) {
                return pending.get(i).header;
            }
        }
        LedgerHeader stored = read(txn -> tables.header(txn, ledgerHash));
        return stored == null || replaced(pending, stored.seq()) ? null : stored;
    }

    /** The newest queued ledger of sequence {@code seq}, or null. */
    private static PendingLedger newest(List<PendingLedger> pending, long seq) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (pending.get(i).seq() == seq) {
                return pending.get(i);
            }
        }
        return null;
    }

    /** Whether a queued ledger replaces the rows stored under {@code seq}. */
    private static boolean replaced(List<PendingLedger> pending, long seq) {
        return newest(pending, seq) != null;
    }

    /** The oldest stored ledger's sequence, or -1 if none. */
    public long firstLedgerSeq() {
        List<PendingLedger> pending = persister.pending();
        long first = read(tables::firstSeq);
        for (PendingLedger p : pending) {
            if (first < 0 || p.seq() < first) {
                first = p.seq();
            }
        }
        return first;
    }

    /** The ledger's state tree, loading nodes as they are reached (a queued ledger's own tree). */
    public SHAMap stateMap(LedgerHeader header) {
        PendingLedger p = queued(header);
        return p != null ? p.state : SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, header.accountHash(), this);
    }

    /** The ledger's transaction tree, loading nodes as they are reached (a queued ledger's own tree). */
    public SHAMap transactionMap(LedgerHeader header) {
        PendingLedger p = queued(header);
        return p != null ? p.transactions
                : SHAMap.load(SHAMapLeafType.TRANSACTION_WITH_METADATA, header.txHash(), this);
    }

    private PendingLedger queued(LedgerHeader header) {
        Hash256 hash = header.hash();
        for (PendingLedger p : persister.pending()) {
            if (p.hash.equals(hash)) {
                return p;
            }
        }
        return null;
    }

    /** A stored transaction by ID, or null. */
    public StoredTransaction transaction(Hash256 id) {
        List<PendingLedger> pending = persister.pending();
        for (int i = pending.size() - 1; i >= 0; i--) {
            PendingLedger p = pending.get(i);
            LedgerTables.TxLocation where = p.transaction(id);
            if (where != null && newest(pending, p.seq()) == p) {
                return p.load(where);
            }
        }
        LedgerTables.TxLocation where = read(txn -> tables.transaction(txn, id));
        return where == null || replaced(pending, where.ledgerSeq()) ? null : load(where);
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
        List<PendingLedger> pending = persister.pending();
        NavigableMap<Long, LedgerTables.TxLocation> queuedEntries = new TreeMap<>(Long::compareUnsigned);
        for (int i = pending.size() - 1; i >= 0; i--) {
            PendingLedger p = pending.get(i);
            if (newest(pending, p.seq()) == p) {
                for (LedgerTables.TxLocation e : p.accountEntries(account)) {
                    queuedEntries.put(LedgerTables.position(e.ledgerSeq(), e.index()), e);
                }
            }
        }
        AccountTxMarker[] next = new AccountTxMarker[1];
        List<LedgerTables.TxLocation> rows = read(txn -> tables.accountPage(txn, account, minLedger, maxLedger,
                forward, marker, limit, next, queuedEntries, seq -> replaced(pending, seq)));
        List<StoredTransaction> out = new ArrayList<>(rows.size());
        for (LedgerTables.TxLocation row : rows) {
            PendingLedger p = newest(pending, row.ledgerSeq());
            out.add(p != null ? p.load(row) : load(row));
        }
        return new AccountTxPage(out, next[0]);
    }

    /**
     * An account's transactions by position, as the deprecated {@code account_tx} form reads them (rippled's
     * SQL {@code LIMIT offset, count}): the entries of ledgers {@code minLedger..maxLedger} in (ledger, index)
     * order, or the reverse when {@code descending}, without the first {@code offset} of them, at most
     * {@code limit}. Callers keep {@code offset} small (the API refuses more than 3000), since the skipped
     * entries are read too.
     *
     * @param limit the most entries to return; 0 gives none
     */
    public List<StoredTransaction> accountTransactions(AccountId account, long minLedger, long maxLedger,
                                                       boolean descending, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        if (limit == 0 || minLedger > maxLedger) {
            return List.of();
        }
        int wanted = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
        List<StoredTransaction> page = accountTransactions(account, minLedger, maxLedger, !descending, null, wanted)
                .transactions();
        return page.size() <= offset ? List.of() : List.copyOf(page.subList(offset, page.size()));
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
            List<PendingLedger> pending = persister.pending();
            template = readNode(hash);
            if (template == null) {
                SHAMapTreeNode queued = queuedNode(pending, hash);
                if (queued != null) {
                    return queued;
                }
                // A queued ledger committed after the read above no longer lists the nodes its commit
                // marked as stored; a new read sees that commit.
                template = readNode(hash);
                if (template == null) {
                    return null;
                }
            }
            cache.put(hash, template);
        }
        return template instanceof SHAMapInnerNode inner ? inner.freshCopy() : template;
    }

    /** A node of a queued ledger not yet committed, or null (not cached: the commit will make it readable). */
    private static SHAMapTreeNode queuedNode(List<PendingLedger> pending, Hash256 hash) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            SHAMapTreeNode node = pending.get(i).node(hash);
            if (node != null) {
                return node instanceof SHAMapInnerNode inner ? inner.freshCopy() : node;
            }
        }
        return null;
    }

    private SHAMapTreeNode readNode(Hash256 hash) {
        try {
            return read(txn -> {
                // The generations are taken after the snapshot: a commit into a generation follows the
                // publication of the order that holds it, so every commit this snapshot sees is searched.
                for (Generation g : readOrder) {
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

    /** The background writer (tests of a stepped store step it). */
    LedgerPersister persister() {
        return persister;
    }

    /**
     * Writes every queued ledger (a ledger that cannot be written is logged as lost), then closes the
     * environment. No read or write may be in progress or start afterwards.
     */
    @Override
    public void close() {
        persister.close();
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
