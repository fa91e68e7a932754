package org.stoxum.perf.close;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A quick look at one close chain's steps without JMH's forks: builds the ledger once, then runs
 * {@code rounds} closes (after {@code warmup} untimed ones) and prints each step's median and range, then
 * the sustained rate. {@code LedgerCloseBenchmarks} is the figure of record; this is for A/B work and
 * profiling.
 *
 * <p>Latency: each round times apply, rehash and enqueue (the close as the ledger master sees it), then
 * waits for the store's commit of that one ledger and times it as {@code commit} (the writer's work; the
 * queue is empty when it starts, so it is one ledger's commit).
 *
 * <p>Sustained: {@code rounds} rounds are signed first, then closed back to back with nothing in between,
 * the writer committing in the background (in groups when it falls behind, pushing back when its queue is
 * full), and the clock stops when the last ledger is committed: closes per second with persistence kept up.
 *
 * <p>Usage: {@code CloseTimings [accounts] [txs] [rounds] [warmup]}. To see what a commit writes, run it
 * under {@code strace -f -e trace=pwrite64,pwritev,fdatasync} and sum the bytes between syncs: the
 * kernel's {@code write_bytes} counter over-counted LMDB's writes about fourfold here.
 */
public final class CloseTimings {
    private CloseTimings() {
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU time of the whole process (every thread, GC and JIT included). */
    private static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    private static String summary(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%7.1f [%.1f..%.1f]", s[s.length / 2], s[0], s[s.length - 1]);
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int txs = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long t0 = System.nanoTime();
        try (ClosingChain chain = new ClosingChain(accounts, txs, 8)) {
            System.out.printf(Locale.ROOT, "ledger of %,d accounts built and stored in %.1f s%n", accounts,
                    (System.nanoTime() - t0) / 1e9);
            String[] names = {"apply", "rehash", "enqueue", "close", "commit"};
            double[][] wall = new double[names.length][rounds];
            double[][] cpu = new double[names.length][rounds];
            for (int r = -warmup; r < rounds; r++) {
                chain.prepare();
                long[] t = new long[5];
                long[] c = new long[5];
                t[0] = System.nanoTime();
                c[0] = cpuNanos();
                chain.apply();
                t[1] = System.nanoTime();
                c[1] = cpuNanos();
                chain.rehash();
                t[2] = System.nanoTime();
                c[2] = cpuNanos();
                chain.enqueue();
                t[3] = System.nanoTime();
                c[3] = cpuNanos();
                chain.flush();
                t[4] = System.nanoTime();
                c[4] = cpuNanos();
                if (r < 0) {
                    continue;
                }
                for (int i = 0; i < 3; i++) {
                    wall[i][r] = (t[i + 1] - t[i]) / 1e6;
                    cpu[i][r] = (c[i + 1] - c[i]) / 1e6;
                }
                wall[3][r] = (t[3] - t[0]) / 1e6;
                cpu[3][r] = (c[3] - c[0]) / 1e6;
                wall[4][r] = (t[4] - t[3]) / 1e6;
                cpu[4][r] = (c[4] - c[3]) / 1e6;
            }
            System.out.printf(Locale.ROOT, "%d closes of %,d payments over %,d accounts; ms per close, median [min..max]%n",
                    rounds, txs, accounts);
            for (int i = 0; i < names.length; i++) {
                System.out.printf(Locale.ROOT, "%-8s wall %s   process CPU %s%n", names[i], summary(wall[i]),
                        summary(cpu[i]));
            }
            List<ClosingChain.Round> signed = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                signed.add(chain.sign());
            }
            long start = System.nanoTime();
            long startCpu = cpuNanos();
            for (ClosingChain.Round round : signed) {
                chain.use(round);
                chain.apply();
                chain.rehash();
                chain.enqueue();
            }
            chain.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (cpuNanos() - startCpu) / 1e6;
            System.out.printf(Locale.ROOT, "sustained: %d closes back to back, last one committed after %.2f s: "
                    + "%.2f closes/s, %.1f ms wall and %.1f ms process CPU per close%n", rounds, seconds,
                    rounds / seconds, seconds * 1e3 / rounds, cpuMs / rounds);
        }
    }
}
