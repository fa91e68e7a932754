package org.stoxum.perf.close;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import javax.management.ObjectName;
import org.stoxum.engine.ledger.Ledger;

/**
 * Heap per account of state (issue #8): builds a ledger of N AccountRoots ({@link AccountsLedger}, fully
 * hashed), forces full collections and divides the growth of the used heap by N. Everything the ledger
 * keeps reachable counts: tree nodes, keys, entry bytes, cached hashes.
 *
 * <p>Usage: {@code HeapPerAccount [accounts] [--histogram]} (default 1,000,000); run with a heap large
 * enough to hold it. {@code --histogram} adds the heap's biggest classes (what the bytes are).
 */
public final class HeapPerAccount {
    private HeapPerAccount() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Load the classes a build touches, then take the baseline.
        AccountsLedger.build(1_000, 0, 1).ledger().stateMap().hash();
        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        Ledger ledger = AccountsLedger.build(accounts, 0, 2).ledger();
        long built = System.nanoTime() - start;
        long after = usedAfterGc(memory);
        double perAccount = (after - before) / (double) accounts;
        System.out.printf(Locale.ROOT, "accounts %,d  built in %.1f s  heap used before %,d B, after %,d B%n",
                accounts, built / 1e9, before, after);
        System.out.printf(Locale.ROOT, "heap per account: %.1f B (state root %s)%n", perAccount,
                ledger.stateMap().hash());
        if (args.length > 1 && args[1].equals("--histogram")) {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            histogram.lines().limit(18).forEach(System.out::println);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
