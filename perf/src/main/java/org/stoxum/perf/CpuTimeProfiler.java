package org.stoxum.perf;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per second of CPU time the benchmark's JVM used, beside JMH's operations per second of
 * wall time. On a machine shared with other work a benchmark thread spends part of an iteration
 * waiting for a core, which lowers its wall-clock throughput but not its CPU cost per operation, so
 * this figure stays comparable between two runs at different load. It counts the whole process
 * (garbage collection included, which is a real cost of allocating code; JIT threads are mostly idle
 * after warm-up), so it is the price per operation, not a speed-up from parallelism.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** Secondary result: operations per CPU-second of the whole process. */
    static final String OPS_PER_CPU_SECOND = "cpu.ops";
    /** Secondary result: cores the process used on average (CPU time / wall time). */
    static final String CORES = "cpu.cores";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "operations per CPU-second of the benchmark JVM, and cores used";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        long ops = result.getMetadata().getAllOps();
        if (cpuSeconds <= 0 || wallSeconds <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult(OPS_PER_CPU_SECOND, ops / cpuSeconds, "ops/cpu-s", AggregationPolicy.AVG),
                new ScalarResult(CORES, cpuSeconds / wallSeconds, "cores", AggregationPolicy.AVG));
    }
}
