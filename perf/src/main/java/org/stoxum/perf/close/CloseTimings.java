package org.stoxum.perf.close;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * A quick look at one close chain's steps without JMH's forks: builds the ledger once, then runs
 * {@code rounds} closes (after {@code warmup} untimed ones) and prints each step's median and range.
 * {@code LedgerCloseBenchmarks} is the figure of record; this is for A/B work and profiling.
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
            double[][] wall = new double[4][rounds];
            double[][] cpu = new double[4][rounds];
            for (int r = -warmup; r < rounds; r++) {
                chain.prepare();
                long[] t = new long[4];
                long[] c = new long[4];
                t[0] = System.nanoTime();
                c[0] = cpuNanos();
                chain.apply();
                t[1] = System.nanoTime();
                c[1] = cpuNanos();
                chain.rehash();
                t[2] = System.nanoTime();
                c[2] = cpuNanos();
                chain.persist();
                t[3] = System.nanoTime();
                c[3] = cpuNanos();
                for (int i = 0; r >= 0 && i < 3; i++) {
                    wall[i][r] = (t[i + 1] - t[i]) / 1e6;
                    cpu[i][r] = (c[i + 1] - c[i]) / 1e6;
                }
                if (r >= 0) {
                    wall[3][r] = (t[3] - t[0]) / 1e6;
                    cpu[3][r] = (c[3] - c[0]) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%d closes of %,d payments over %,d accounts; ms per close, median [min..max]%n",
                    rounds, txs, accounts);
            String[] names = {"apply", "rehash", "persist", "close"};
            for (int i = 0; i < names.length; i++) {
                System.out.printf(Locale.ROOT, "%-8s wall %s   process CPU %s%n", names[i], summary(wall[i]),
                        summary(cpu[i]));
            }
        }
    }
}
