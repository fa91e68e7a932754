package org.stoxum.perf.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.nodestore.NodeStore;
import org.stoxum.storage.nodestore.NodeStoreSettings;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapInnerNode;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/**
 * The node store's write and read paths against raw lmdbjava on the same bytes.
 *
 * <p>Put: one operation stores one ledger whose {@value #LEAVES}-leaf state tree is entirely new (a pool
 * of {@value #POOL} such ledgers is built in setup; when it runs out the store is emptied and the pool
 * stored again, on both sides). The reference writes the same nodes (key = node hash, value = wire
 * bytes) into one LMDB database of one environment, one write transaction per ledger, with the same
 * environment flags (synchronous commits). Get: one operation reads one node by hash from a store
 * holding the whole pool, with no node cache (ours parses and hash-checks it); the reference is one
 * {@code Dbi.get} of the same key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StorageNodeStoreBenchmarks {
    static final int LEAVES = 256;
    static final int POOL = 128;
    private static final long MAP_SIZE = 1L << 32;

    private final List<SHAMap> states = new ArrayList<>();
    private final List<byte[][]> nodes = new ArrayList<>(); // per ledger: key, value, key, value, ...
    private final List<byte[]> allKeys = new ArrayList<>();
    private SHAMap emptyTxs;
    private Path dir;
    private NodeStore store;
    private Env<byte[]> env;
    private Dbi<byte[]> dbi;
    private Txn<byte[]> reader;
    private int next;
    private long seq;

    @Setup
    public void setup() throws IOException {
        Random r = new Random(5);
        emptyTxs = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA).snapshot();
        for (int l = 0; l < POOL; l++) {
            SHAMap m = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
            for (int i = 0; i < LEAVES; i++) {
                m.put(Hash256.wrap(bytes(r, 32)), bytes(r, 80 + r.nextInt(60)));
            }
            SHAMap snap = m.snapshot();
            snap.hash();
            states.add(snap);
            List<byte[]> kv = new ArrayList<>();
            collect(snap.root(), kv);
            nodes.add(kv.toArray(new byte[0][]));
            for (int i = 0; i < kv.size(); i += 2) {
                allKeys.add(kv.get(i));
            }
        }
        dir = Files.createTempDirectory("storage-bench");
    }

    private static void collect(SHAMapTreeNode n, List<byte[]> kv) {
        kv.add(n.hash().toBytes());
        kv.add(n.toWire());
        if (n instanceof SHAMapInnerNode inner) {
            for (int b = 0; b < SHAMapInnerNode.BRANCHES; b++) {
                if (!inner.isEmptyBranch(b)) {
                    collect(inner.child(b), kv);
                }
            }
        }
    }

    private static void unmark(SHAMapTreeNode n) {
        n.setStorageMark(0);
        if (n instanceof SHAMapInnerNode inner) {
            for (int b = 0; b < SHAMapInnerNode.BRANCHES; b++) {
                if (!inner.isEmptyBranch(b)) {
                    unmark(inner.child(b));
                }
            }
        }
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    @TearDown
    public void tearDown() throws IOException {
        closeAll();
        delete(dir);
    }

    private void closeAll() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
        if (env != null) {
            env.close();
            env = null;
        }
        delete(dir);
        Files.createDirectories(dir);
        next = 0;
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private void openOurs() throws IOException {
        closeAll();
        for (SHAMap state : states) {
            unmark(state.root()); // the marks say "already in generation 1", which the new store's nodes are not
        }
        store = NodeStore.open(new NodeStoreSettings(dir.resolve("db"), MAP_SIZE, 0, false, 0), NetworkProfile.STOXUM);
    }

    private void openRaw() throws IOException {
        closeAll();
        env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(MAP_SIZE).setMaxDbs(1).open(dir.toFile(), EnvFlags.MDB_NOTLS);
        dbi = env.openDbi("nodes", DbiFlags.MDB_CREATE);
    }

    private void storeOurs(int l) {
        SHAMap state = states.get(l);
        seq++;
        LedgerHeader h = new LedgerHeader(seq, 100_000_000_000L, Hash256.ZERO, emptyTxs.hash(), state.hash(),
                seq * 10, seq * 10 + 10, 10, 0);
        store.storeLedger(h, state, emptyTxs, List.of());
    }

    private void storeRaw(int l) {
        byte[][] kv = nodes.get(l);
        try (Txn<byte[]> txn = env.txnWrite()) {
            for (int i = 0; i < kv.length; i += 2) {
                dbi.put(txn, kv[i], kv[i + 1]);
            }
            txn.commit();
        }
    }

    @Benchmark
    public long putLedgerOurs() throws IOException {
        if (store == null || next == POOL) {
            openOurs();
        }
        storeOurs(next++);
        return seq;
    }

    @Benchmark
    public int putLedgerRawLmdb() throws IOException {
        if (env == null || next == POOL) {
            openRaw();
        }
        storeRaw(next++);
        return next;
    }

    @Benchmark
    public SHAMapTreeNode getNodeOurs() throws IOException {
        if (store == null) {
            openOurs();
            for (int l = 0; l < POOL; l++) {
                storeOurs(l);
            }
        }
        return store.fetchNode(Hash256.wrap(allKeys.get(next++ % allKeys.size())));
    }

    @Benchmark
    public byte[] getNodeRawLmdb() throws IOException {
        if (env == null) {
            openRaw();
            for (int l = 0; l < POOL; l++) {
                storeRaw(l);
            }
            reader = env.txnRead();
            reader.reset();
        }
        reader.renew();
        try {
            byte[] v = dbi.get(reader, allKeys.get(next++ % allKeys.size()));
            return v;
        } finally {
            reader.reset();
        }
    }
}
