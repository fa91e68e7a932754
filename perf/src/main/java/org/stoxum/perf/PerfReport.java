package org.stoxum.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every JMH pair (ours against the reference implementation) in interleaved rounds and writes a
 * markdown report. Each round measures ours then the reference back to back, and the ratio is taken per
 * round, so a machine that slows down mid-run affects both sides of a ratio alike.
 *
 * <p>Usage: {@code PerfReport [--rounds N] [--seconds S] [--out FILE] [--only REGEX]}.
 */
public final class PerfReport {
    /** One comparison: our benchmark method against a reference method, both fully qualified. */
    record Pair(String title, String ours, String reference, String unit) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("SHA512Half of 184 bytes: JDK digest vs Bouncy Castle",
                    "org.stoxum.perf.jmh.HashBenchmarks.sha512HalfOurs",
                    "org.stoxum.perf.jmh.HashBenchmarks.sha512HalfBouncyCastle", "ops/s"));

    private PerfReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int rounds = 3;
        int seconds = 2;
        Path out = Paths.get("perf-report.md");
        String only = ".*";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Paths.get(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# stoxumd-java performance report\n\n");
        md.append("- date: ").append(ZonedDateTime.now()).append('\n');
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB max heap, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append('\n');
        md.append("- rounds: ").append(rounds).append(" interleaved, ").append(seconds)
                .append(" s measurement each\n\n");
        md.append("| comparison | ours (median) | reference (median) | ratio median | ratio min..max |\n");
        md.append("|---|---|---|---|---|\n");
        int total = 0;
        for (Pair p : PAIRS) {
            if (!p.title().matches(only) && !p.ours().matches(only)) {
                continue;
            }
            total++;
            double[] ours = new double[rounds];
            double[] ref = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                System.err.printf(Locale.ROOT, "[%s] round %d/%d%n", p.title(), r + 1, rounds);
                ours[r] = measure(p.ours(), seconds);
                ref[r] = measure(p.reference(), seconds);
                ratio[r] = ours[r] / ref[r];
            }
            md.append(String.format(Locale.ROOT, "| %s | %,.0f %s | %,.0f %s | %.2f | %.2f..%.2f |%n",
                    p.title(), median(ours), p.unit(), median(ref), p.unit(), median(ratio),
                    Arrays.stream(ratio).min().orElse(0), Arrays.stream(ratio).max().orElse(0)));
        }
        Files.writeString(out, md.toString());
        System.err.println("wrote " + out.toAbsolutePath() + " (" + total + " comparisons)");
    }

    private static double measure(String method, int seconds) throws RunnerException {
        Options opts = new OptionsBuilder()
                .include("^" + method.replace(".", "\\.") + "$")
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx2g")
                .shouldFailOnError(true)
                .build();
        List<RunResult> results = new ArrayList<>(new Runner(opts).run());
        if (results.isEmpty()) {
            throw new IllegalStateException("benchmark " + method + " did not run");
        }
        return results.get(0).getPrimaryResult().getScore();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
