package org.stoxum.perf.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.perf.close.ClosingChain;

/**
 * Ledger close over a large state (issue #8's "ledger close of 1,000 / 10,000 transactions over 1M
 * accounts"): {@code txs} payments between random accounts of an {@code accounts}-account ledger, applied
 * through the engine, hashed and stored in an LMDB node store. One operation is one close; each builds on
 * the previous ledger ({@link ClosingChain}). {@link #close} times all of it through
 * {@code LedgerBuilder.build} plus {@code storeLedger}; {@link #apply}, {@link #rehash} and
 * {@link #persist} time one step each, the other steps running untimed around it.
 *
 * <p>Single-shot: the 1M-account ledger is built and stored once per fork (about a minute), then every
 * iteration is one close.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms4g", "-Xmx4g"})
public class LedgerCloseBenchmarks {
    /** The chain, rebuilt per fork. */
    @State(Scope.Benchmark)
    public abstract static class Chain {
        @Param({"1000", "10000"})
        public int txs;
        @Param({"1000000"})
        public int accounts;

        ClosingChain chain;

        @Setup(Level.Trial)
        public void build() throws IOException {
            chain = new ClosingChain(accounts, txs, 8);
        }

        @TearDown(Level.Trial)
        public void dispose() throws IOException {
            chain.close();
        }
    }

    public static class Whole extends Chain {
        @Setup(Level.Iteration)
        public void prepare() {
            chain.prepare();
        }
    }

    public static class ApplyStep extends Chain {
        @Setup(Level.Iteration)
        public void prepare() {
            chain.prepare();
        }

        @TearDown(Level.Iteration)
        public void finish() {
            chain.rehash();
            chain.persist();
        }
    }

    public static class RehashStep extends Chain {
        @Setup(Level.Iteration)
        public void prepare() {
            chain.prepare();
            chain.apply();
        }

        @TearDown(Level.Iteration)
        public void finish() {
            chain.persist();
        }
    }

    public static class PersistStep extends Chain {
        @Setup(Level.Iteration)
        public void prepare() {
            chain.prepare();
            chain.apply();
            chain.rehash();
        }
    }

    @Benchmark
    public Ledger close(Whole s) {
        return s.chain.closeAndPersist();
    }

    @Benchmark
    public OpenView apply(ApplyStep s) {
        return s.chain.apply();
    }

    @Benchmark
    public Ledger rehash(RehashStep s) {
        return s.chain.rehash();
    }

    @Benchmark
    public Ledger persist(PersistStep s) {
        return s.chain.persist();
    }
}
