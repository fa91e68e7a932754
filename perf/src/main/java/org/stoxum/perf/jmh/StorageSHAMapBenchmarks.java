package org.stoxum.perf.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapInnerNode;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/**
 * A ledger close's tree work: {@code batch} existing leaves of a {@code leaves}-leaf state tree get new
 * values and the tree is rehashed. One operation is one batch. The reference is the hashing floor: only
 * the SHA512Half of every node the batch changes (the same preimages, computed once in setup), without
 * copying or walking the tree.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StorageSHAMapBenchmarks {
    @Param({"1000", "10000"})
    public int batch;
    /** 200k, not 1M: building a 1M-leaf tree in every fork's setup took too long on the shared 2-core machine. */
    @Param({"200000"})
    public int leaves;

    private SHAMap base;
    private Hash256[] keys;
    private byte[][] values;
    private List<byte[]> preimages;
    private final byte[] out = new byte[32];
    private final Sha512Half digest = new Sha512Half();

    @Setup
    public void setup() {
        Random r = new Random(11);
        SHAMap m = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        List<Hash256> all = new ArrayList<>(leaves);
        for (int i = 0; i < leaves; i++) {
            Hash256 k = Hash256.wrap(bytes(r, 32));
            m.put(k, bytes(r, 80 + r.nextInt(60)));
            all.add(k);
        }
        base = m.snapshot();
        base.hash();
        keys = new Hash256[batch];
        values = new byte[batch][];
        for (int i = 0; i < batch; i++) {
            keys[i] = all.get(r.nextInt(all.size()));
            values[i] = bytes(r, 80 + r.nextInt(60));
        }
        SHAMap changed = applyBatch();
        preimages = new ArrayList<>();
        changedNodes(changed.root(), base.root(), preimages);
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** Nodes of {@code now} whose hash differs from the node at the same place in {@code before}. */
    private static void changedNodes(SHAMapTreeNode now, SHAMapTreeNode before, List<byte[]> out) {
        if (before != null && before.hash().equals(now.hash())) {
            return;
        }
        out.add(now.toPrefixed());
        if (now instanceof SHAMapInnerNode inner) {
            SHAMapInnerNode old = before instanceof SHAMapInnerNode o ? o : null;
            for (int b = 0; b < SHAMapInnerNode.BRANCHES; b++) {
                if (!inner.isEmptyBranch(b)) {
                    changedNodes(inner.child(b), old == null || old.isEmptyBranch(b) ? null : old.child(b), out);
                }
            }
        }
    }

    private SHAMap applyBatch() {
        SHAMap m = base.mutableCopy();
        for (int i = 0; i < batch; i++) {
            m.put(keys[i], values[i]);
        }
        m.hash();
        return m;
    }

    @Benchmark
    public Hash256 applyBatchOurs() {
        return applyBatch().hash();
    }

    @Benchmark
    public byte[] applyBatchHashFloor() {
        for (byte[] p : preimages) {
            digest.update(p).finish(out, 0);
        }
        return out;
    }
}
