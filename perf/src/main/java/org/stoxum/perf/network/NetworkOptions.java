package org.stoxum.perf.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The network benchmark's command line: where the built distribution is, how many validators to start and
 * how, and (after {@code --}) the load generator's own options, which get the target node's URLs and
 * {@code --no-close} from here.
 *
 * @param dist the unpacked distribution ({@code cli/target/stoxumd-<version>}, holding {@code bin/stoxumd})
 * @param validators how many validators to start, all trusting each other, fully meshed
 * @param readySeconds how long the validators get to report a validated ledger: an idle network closes its
 *     first ledgers only every 60 s (twice the genesis close-time resolution), so about two minutes pass
 *     before the first validation
 * @param minTxnInLedger written as {@code [transaction_queue] minimum_txn_in_ledger}: the stock 5 lets
 *     about 5 base-fee transactions into each ledger and queues or refuses the rest (fee escalation, as in
 *     stoxumd), so the default, {@link #DEFAULT_MIN_TXN_IN_LEDGER}, keeps escalation out of the way
 * @param nodeJavaOpts extra JVM options for each node ({@code STOXUMD_JAVA_OPTS})
 * @param logs where the nodes' logs are copied before the temporary folder goes, or null to drop them
 * @param loadArgs the load generator's options, as given
 */
public record NetworkOptions(Path dist, int validators, int readySeconds, long minTxnInLedger,
                             String nodeJavaOpts, Path logs, List<String> loadArgs) {
    static final String USAGE = """
            Usage: perf/network [--validators N] [--ready-seconds S] [--min-txn-in-ledger K]
                                [--node-java-opts "OPTS"] [--logs DIR] [--dist DIR]
                                [-- load generator options, e.g. --accounts 1000 --payments 20000]""";

    /** Far above what a ledger holds at stock timers here, so base-fee payments never escalate. */
    public static final long DEFAULT_MIN_TXN_IN_LEDGER = 100_000;

    /** Load generator options this tool sets itself. */
    private static final Set<String> OWNED = Set.of("--url", "--http", "--no-close", "--close-every",
            "--close-interval-ms");

    /** Parses the arguments; throws {@link IllegalArgumentException} naming the offending option. */
    public static NetworkOptions parse(String... args) {
        Path dist = null;
        int validators = 3;
        int readySeconds = 300;
        long minTxn = DEFAULT_MIN_TXN_IN_LEDGER;
        String javaOpts = "";
        Path logs = null;
        List<String> load = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("--")) {
                load.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            }
            if (opt.equals("--help") || opt.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(opt + " needs a value (or is unknown)\n" + USAGE);
            }
            String v = args[++i];
            switch (opt) {
                case "--dist" -> dist = Path.of(v);
                case "--validators" -> validators = (int) bounded(opt, v, 1, 9);
                case "--ready-seconds" -> readySeconds = (int) bounded(opt, v, 10, 3600);
                case "--min-txn-in-ledger" -> minTxn = bounded(opt, v, 1, 4_294_967_295L);
                case "--node-java-opts" -> javaOpts = v;
                case "--logs" -> logs = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + opt + "\n" + USAGE);
            }
        }
        if (dist == null) {
            throw new IllegalArgumentException("--dist is required (perf/network passes the built distribution)");
        }
        for (String a : load) {
            if (OWNED.contains(a)) {
                throw new IllegalArgumentException(a + " is set by perf/network itself (the nodes' ports, "
                        + "closed by consensus)");
            }
        }
        return new NetworkOptions(dist, validators, readySeconds, minTxn, javaOpts, logs, List.copyOf(load));
    }

    /** The load generator's arguments against a node with these ports. */
    public String[] loadArgs(int wsPort, int rpcPort) {
        List<String> out = new ArrayList<>(List.of("--url", "ws://127.0.0.1:" + wsPort,
                "--http", "http://127.0.0.1:" + rpcPort, "--no-close"));
        out.addAll(loadArgs);
        return out.toArray(String[]::new);
    }

    private static long bounded(String opt, String v, long min, long max) {
        long n;
        try {
            n = Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " takes a whole number, not " + v);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(opt + " must be between " + min + " and " + max + ", not " + v);
        }
        return n;
    }
}
