package org.stoxum.perf.jmh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * through the engine, hashed and handed to an LMDB node store. Each close builds on the previous ledger
 * ({@link ClosingChain}).
 *
 * <ul>
 * <li>{@link #close}: one close as the ledger master waits for it, through {@code LedgerBuilder.build} plus
 *     {@code queueLedger} (the ledger is readable from then on); the commit runs after the clock stops
 *     and is waited for before the next iteration, so every close starts with an empty queue.</li>
 * <li>{@link #apply}, {@link #rehash}, {@link #enqueue}: one step each, the others untimed around it.</li>
 * <li>{@link #persist}: enqueue and wait for the commit: what one ledger costs the store's writer.</li>
 * <li>{@link #sustained}: {@value #SUSTAINED_CLOSES} closes back to back and the wait for the last commit,
 *     per close: the throughput with persistence kept up (the writer groups ledgers when it falls behind,
 *     and its bounded queue pushes back on the closes).</li>
 * </ul>
 *
 * <p>Single-shot: the 1M-account ledger is built and stored once per fork (about a minute), then every
 * iteration is one close (sixteen for {@link #sustained}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms4g", "-Xmx4g"})
public class LedgerCloseBenchmarks {
    /** Closes per {@link #sustained} operation: twice the store's queue, so the queue fills and pushes back. */
    static final int SUSTAINED_CLOSES = 16;

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

        @TearDown(Level.Iteration)
        public void finish() {
            chain.flush();
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

    public static class EnqueueStep extends Chain {
        @Setup(Level.Iteration)
        public void prepare() {
            chain.prepare();
            chain.apply();
            chain.rehash();
        }

        @TearDown(Level.Iteration)
        public void finish() {
            chain.flush();
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

    public static class Sustained extends Chain {
        List<ClosingChain.Round> rounds;

        @Setup(Level.Iteration)
        public void prepare() {
            rounds = new ArrayList<>();
            for (int i = 0; i < SUSTAINED_CLOSES; i++) {
                rounds.add(chain.sign());
            }
        }
    }

    @Benchmark
    public Ledger close(Whole s) {
        return s.chain.closeAndEnqueue();
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
    public Ledger enqueue(EnqueueStep s) {
        return s.chain.enqueue();
    }

    @Benchmark
    public Ledger persist(PersistStep s) {
        return s.chain.persist();
    }

    @Benchmark
    @OperationsPerInvocation(SUSTAINED_CLOSES)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Ledger sustained(Sustained s) {
        for (ClosingChain.Round r : s.rounds) {
            s.chain.use(r);
            s.chain.closeAndEnqueue();
        }
        s.chain.flush();
        return s.chain.parent();
    }
}
