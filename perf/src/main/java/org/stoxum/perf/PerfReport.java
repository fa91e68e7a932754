package org.stoxum.perf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.stoxum.codec.testing.SharedVectors;

/**
 * Runs every JMH pair (ours against a reference implementation) in interleaved rounds and writes a
 * markdown report. Each round measures ours then the reference back to back, and the ratios are taken
 * per round, so a machine that slows down mid-run affects both sides of a ratio alike. Besides wall-clock
 * throughput every side is also measured per CPU-second ({@link CpuTimeProfiler}), the steadier figure
 * when other work competes for the cores. With the GC profiler on (the default) the report also gives
 * the bytes each side allocates per operation.
 *
 * <p>Usage: {@code PerfReport [--rounds N] [--seconds S] [--out FILE] [--only REGEX] [--no-gc]}.
 */
public final class PerfReport {
    private static final String JMH_PACKAGE = "org.stoxum.perf.jmh.";
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";

    /**
     * One side of a comparison: a benchmark method, fully qualified, and the JMH parameters it runs
     * with. Every parameter the benchmark declares with several values must be fixed here, so that one
     * side is one measurement.
     */
    record Side(String method, Map<String, String> params) {
        String className() {
            return method.substring(0, method.lastIndexOf('.'));
        }

        String methodName() {
            return method.substring(method.lastIndexOf('.') + 1);
        }
    }

    /** One comparison: ours against the reference; the ratio is ours / reference (above 1: ours is faster). */
    record Pair(String title, Side ours, Side reference) {
    }

    /**
     * One measurement: wall-clock throughput and its unit, operations per CPU-second, cores used, and
     * bytes allocated per operation (NaN if not profiled).
     */
    record Measurement(double score, String unit, double opsPerCpuSecond, double cores, double bytesPerOp) {
    }

    private static final String SECP = "Secp256k1Benchmarks.";
    private static final String ED = "Ed25519Benchmarks.";
    private static final String CODEC = "CodecBenchmarks.";
    private static final String SHAMAP = "StorageSHAMapBenchmarks.";
    private static final String STORE = "StorageNodeStoreBenchmarks.";
    private static final String PAYMENT = "tx=sv-01-payment-native-secp256k1";
    private static final String ISSUED = "tx=sv-02-payment-issued-secp256k1";
    private static final String NATIVE = "backend=native";
    private static final String FALLBACK = "backend=fallback";

    static final List<Pair> PAIRS = List.of(
            pair("SHA512Half of 184 bytes: JDK digest vs Bouncy Castle",
                    bench("HashBenchmarks.sha512HalfOurs"), bench("HashBenchmarks.sha512HalfBouncyCastle")),
            // ---- binary codec, against xrpl4j 4.0.3
            pair("Payment (STM), binary -> STObject -> binary: ours vs xrpl4j",
                    bench(CODEC + "binaryRoundTripOurs", PAYMENT), bench(CODEC + "binaryRoundTripXrpl4j", PAYMENT)),
            pair("Payment (IOU + paths), binary -> STObject -> binary: ours vs xrpl4j",
                    bench(CODEC + "binaryRoundTripOurs", ISSUED), bench(CODEC + "binaryRoundTripXrpl4j", ISSUED)),
            pair("Payment (STM), JSON tree -> binary: ours vs xrpl4j",
                    bench(CODEC + "encodeOurs", PAYMENT), bench(CODEC + "encodeXrpl4j", PAYMENT)),
            pair("Payment (IOU + paths), JSON tree -> binary: ours vs xrpl4j",
                    bench(CODEC + "encodeOurs", ISSUED), bench(CODEC + "encodeXrpl4j", ISSUED)),
            pair("Payment (STM), binary -> JSON tree: ours vs xrpl4j",
                    bench(CODEC + "decodeOurs", PAYMENT), bench(CODEC + "decodeXrpl4j", PAYMENT)),
            pair("Payment (IOU + paths), binary -> JSON tree: ours vs xrpl4j",
                    bench(CODEC + "decodeOurs", ISSUED), bench(CODEC + "decodeXrpl4j", ISSUED)),
            pair("Payment (STM), JSON text -> hex: ours vs XrplBinaryCodec.encode",
                    bench(CODEC + "encodeTextOurs", PAYMENT), bench(CODEC + "encodeTextXrpl4j", PAYMENT)),
            pair("Payment (STM), hex -> JSON text: ours vs XrplBinaryCodec.decode",
                    bench(CODEC + "decodeTextOurs", PAYMENT), bench(CODEC + "decodeTextXrpl4j", PAYMENT)),
            pair("Payment (STM), transaction ID: ours vs Bouncy Castle SHA-512",
                    bench(CODEC + "transactionIdOurs", PAYMENT), bench(CODEC + "transactionIdBouncyCastle", PAYMENT)),
            // ---- secp256k1
            pair("secp256k1 sign: ours (native) vs libsecp256k1 JNI direct",
                    bench(SECP + "signOurs", NATIVE), bench(SECP + "signNative", NATIVE)),
            pair("secp256k1 sign: ours (native) vs Bouncy Castle ECDSA",
                    bench(SECP + "signOurs", NATIVE), bench(SECP + "signBouncyCastle", NATIVE)),
            pair("secp256k1 sign: ours (fallback) vs Bouncy Castle ECDSA",
                    bench(SECP + "signOurs", FALLBACK), bench(SECP + "signBouncyCastle", FALLBACK)),
            pair("secp256k1 verify: ours (native) vs libsecp256k1 JNI direct",
                    bench(SECP + "verifyOurs", NATIVE), bench(SECP + "verifyNative", NATIVE)),
            pair("secp256k1 verify: ours (native) vs Bouncy Castle ECDSA",
                    bench(SECP + "verifyOurs", NATIVE), bench(SECP + "verifyBouncyCastle", NATIVE)),
            pair("secp256k1 verify: ours (fallback) vs Bouncy Castle ECDSA",
                    bench(SECP + "verifyOurs", FALLBACK), bench(SECP + "verifyBouncyCastle", FALLBACK)),
            pair("secp256k1 verify, key parse: ours raw bytes vs ours cached PublicKey",
                    bench(SECP + "verifyOursRawKey", NATIVE), bench(SECP + "verifyOurs", NATIVE)),
            pair("secp256k1 verify, 2 threads: ours (native) vs libsecp256k1 JNI direct",
                    bench(SECP + "verifyOursTwoThreads", NATIVE), bench(SECP + "verifyNativeTwoThreads", NATIVE)),
            // ---- ed25519
            pair("ed25519 sign: ours vs Bouncy Castle",
                    bench(ED + "signOurs"), bench(ED + "signBouncyCastle")),
            pair("ed25519 verify: ours (donna rules) vs Bouncy Castle (RFC 8032)",
                    bench(ED + "verifyOurs"), bench(ED + "verifyBouncyCastle")),
            pair("ed25519 verify, key parse: ours raw bytes vs ours cached PublicKey",
                    bench(ED + "verifyOursRawKey"), bench(ED + "verifyOurs")),
            pair("ed25519 verify, 2 threads: ours vs Bouncy Castle",
                    bench(ED + "verifyOursTwoThreads"), bench(ED + "verifyBouncyCastleTwoThreads")),
            // ---- storage: SHAMap batch rehash against the hashing floor, node store against raw lmdbjava
            pair("SHAMap: 1k modified leaves of 200k, apply + rehash: ours vs SHA512Half of the changed nodes only",
                    bench(SHAMAP + "applyBatchOurs", "batch=1000", "leaves=200000"),
                    bench(SHAMAP + "applyBatchHashFloor", "batch=1000", "leaves=200000")),
            pair("SHAMap: 10k modified leaves of 200k, apply + rehash: ours vs SHA512Half of the changed nodes only",
                    bench(SHAMAP + "applyBatchOurs", "batch=10000", "leaves=200000"),
                    bench(SHAMAP + "applyBatchHashFloor", "batch=10000", "leaves=200000")),
            pair("Storage put: storeLedger of a 256-leaf new state tree vs raw lmdbjava puts of the same nodes",
                    bench(STORE + "putLedgerOurs"), bench(STORE + "putLedgerRawLmdb")),
            pair("Storage get: fetchNode (uncached, parse + hash check) vs raw lmdbjava get",
                    bench(STORE + "getNodeOurs"), bench(STORE + "getNodeRawLmdb")));

    private PerfReport() {
    }

    private static Pair pair(String title, Side ours, Side reference) {
        return new Pair(title, ours, reference);
    }

    /** A benchmark of {@code org.stoxum.perf.jmh}, with parameters written {@code name=value}. */
    private static Side bench(String classAndMethod, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String kv : params) {
            int eq = kv.indexOf('=');
            p.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return new Side(JMH_PACKAGE + classAndMethod, Map.copyOf(p));
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int rounds = 3;
        int seconds = 2;
        boolean gc = true;
        Path out = Paths.get("perf-report.md");
        String only = ".*";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Paths.get(args[++i]);
                case "--only" -> only = args[++i];
                case "--no-gc" -> gc = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // Fails here, before any fork, when the vectors are missing; forks get the resolved folder.
        String shared = "-Dstoxum.shared=" + SharedVectors.shared();
        String startLoad = loadAverage();
        ZonedDateTime started = ZonedDateTime.now();
        StringBuilder rows = new StringBuilder();
        int total = 0;
        for (Pair p : PAIRS) {
            if (!p.title().matches(only) && !p.ours().method().matches(only)) {
                continue;
            }
            total++;
            rows.append(row(p, rounds, seconds, gc, shared));
        }
        StringBuilder md = new StringBuilder();
        md.append("# stoxumd-java performance report\n\n");
        md.append("- date: ").append(started).append('\n');
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB max heap, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append('\n');
        md.append("- load average (1 min): ").append(startLoad).append(" at start, ").append(loadAverage())
                .append(" at end\n");
        md.append("- rounds: ").append(rounds).append(" interleaved, 1 s warm-up + ").append(seconds)
                .append(" s measurement each, one fork per measurement\n");
        md.append("- ops/s: wall-clock throughput (all threads); ops/CPU-s: operations per CPU-second of the"
                + " benchmark JVM; cores: CPU-seconds per second the JVM got (below 1 for one thread: it waited for"
                + " a core)\n");
        md.append("- ratios = ours / reference (above 1: ours is faster), per round, median and range;"
                + " B/op = bytes allocated per operation (JMH gc.alloc.rate.norm)\n\n");
        md.append("| comparison | ours ops/s | ref ops/s | wall ratio | ours ops/CPU-s | ref ops/CPU-s"
                + " | CPU ratio | CPU ratio min..max | cores ours / ref | ours B/op | ref B/op |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        md.append(rows);
        Files.writeString(out, md.toString());
        System.err.println("wrote " + out.toAbsolutePath() + " (" + total + " comparisons)");
    }

    /** Measures one pair in interleaved rounds and formats its table row. */
    private static String row(Pair p, int rounds, int seconds, boolean gc, String shared) throws RunnerException {
        Measurement[] ours = new Measurement[rounds];
        Measurement[] ref = new Measurement[rounds];
        double[] wallRatio = new double[rounds];
        double[] cpuRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            System.err.printf(Locale.ROOT, "[%s] round %d/%d%n", p.title(), r + 1, rounds);
            ours[r] = measure(p.ours(), seconds, gc, shared);
            ref[r] = measure(p.reference(), seconds, gc, shared);
            wallRatio[r] = ours[r].score() / ref[r].score();
            cpuRatio[r] = ours[r].opsPerCpuSecond() / ref[r].opsPerCpuSecond();
        }
        return String.format(Locale.ROOT,
                "| %s | %,.0f | %,.0f | %.2f | %,.0f | %,.0f | **%.2f** | %.2f..%.2f | %.2f / %.2f | %s | %s |%n",
                p.title(), median(ours, Measurement::score), median(ref, Measurement::score), median(wallRatio),
                median(ours, Measurement::opsPerCpuSecond), median(ref, Measurement::opsPerCpuSecond),
                median(cpuRatio), Arrays.stream(cpuRatio).min().orElse(0), Arrays.stream(cpuRatio).max().orElse(0),
                median(ours, Measurement::cores), median(ref, Measurement::cores),
                bytes(median(ours, Measurement::bytesPerOp)), bytes(median(ref, Measurement::bytesPerOp)));
    }

    private static Measurement measure(Side side, int seconds, boolean gc, String sharedArg) throws RunnerException {
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include("^" + side.method().replace(".", "\\.") + "$")
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx2g", sharedArg)
                .shouldFailOnError(true);
        side.params().forEach(opts::param);
        opts.addProfiler(CpuTimeProfiler.class);
        if (gc) {
            opts.addProfiler(GCProfiler.class);
        }
        List<RunResult> results = new ArrayList<>(new Runner(opts.build()).run());
        if (results.size() != 1) {
            throw new IllegalStateException("benchmark " + side + " gave " + results.size()
                    + " results; fix every parameter with several values");
        }
        RunResult result = results.get(0);
        Result<?> primary = result.getPrimaryResult();
        return new Measurement(primary.getScore(), primary.getScoreUnit(),
                secondary(result, CpuTimeProfiler.OPS_PER_CPU_SECOND), secondary(result, CpuTimeProfiler.CORES),
                secondary(result, ALLOC_NORM));
    }

    /** A secondary result by the end of its label (JMH has prefixed some labels), or NaN when absent. */
    private static double secondary(RunResult result, String label) {
        return result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith(label)).mapToDouble(e -> e.getValue().getScore())
                .findFirst().orElse(Double.NaN);
    }

    /** Other work on the machine, which the CPU-time figures partly see through and wall-clock ones do not. */
    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String bytes(double b) {
        return Double.isNaN(b) ? "-" : String.format(Locale.ROOT, "%,.0f", b);
    }

    private static double median(Measurement[] ms, ToDoubleFunction<Measurement> f) {
        return median(Arrays.stream(ms).mapToDouble(f).toArray());
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
