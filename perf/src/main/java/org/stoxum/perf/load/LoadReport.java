package org.stoxum.perf.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a load run observed: every submit's engine result (or RPC error) by code, and two latency
 * distributions in microseconds: submit to the open-ledger answer, and submit to the validated ledger
 * holding the transaction. Latencies of submissions made while the server warmed up (its JIT compiles the
 * hot paths in the first seconds) are counted but left out of the distributions when the run asks.
 */
public final class LoadReport {
    /** Up to an hour, three significant digits: a percentile is right to 0.1%. */
    private static final long MAX_MICROS = 3_600_000_000L;
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final Map<String, LongAdder> results = new ConcurrentHashMap<>();
    private final Histogram toResult = new ConcurrentHistogram(MAX_MICROS, 3);
    private final Histogram toValidated = new ConcurrentHistogram(MAX_MICROS, 3);
    private final LongAdder accepted = new LongAdder();
    private final LongAdder validated = new LongAdder();

    /**
     * Records a submit's answer: an engine result token, or the RPC {@code error} token (such as
     * {@code tooBusy}). tesSUCCESS and terQUEUED count as accepted, as rippled's submit says.
     */
    public void result(String code, long micros, boolean measured) {
        results.computeIfAbsent(code, k -> new LongAdder()).increment();
        if (code.equals("tesSUCCESS") || code.equals("terQUEUED")) {
            accepted.increment();
        }
        if (measured) {
            toResult.recordValue(clamp(micros));
        }
    }

    /** Records that a transaction was seen in a validated ledger {@code micros} after its submit. */
    public void validated(long micros, boolean measured) {
        validated.increment();
        if (measured) {
            toValidated.recordValue(clamp(micros));
        }
    }

    public long accepted() {
        return accepted.sum();
    }

    public long answered() {
        return results.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long validatedCount() {
        return validated.sum();
    }

    public long count(String code) {
        LongAdder a = results.get(code);
        return a == null ? 0 : a.sum();
    }

    /** Results by code, most frequent first in the report; here sorted by name. */
    public Map<String, Long> results() {
        Map<String, Long> out = new TreeMap<>();
        results.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * The report. {@code submitSeconds}: from the first submit to the last answer; {@code validatedSeconds}:
     * from the first submit to the last validation seen.
     */
    public String format(boolean markdown, String title, double submitSeconds, double validatedSeconds) {
        StringBuilder b = new StringBuilder();
        String h = markdown ? "## " : "";
        b.append(h).append(title).append("\n\n");
        line(b, markdown, "answered", String.format("%,d in %.2f s", answered(), submitSeconds));
        line(b, markdown, "accepted/s", String.format("%,.0f (%,d accepted)", perSecond(accepted(), submitSeconds),
                accepted()));
        line(b, markdown, "tesSUCCESS", String.format("%,d", count("tesSUCCESS")));
        line(b, markdown, "tooBusy", String.format("%,d", count("tooBusy")));
        StringBuilder others = new StringBuilder();
        results().forEach((code, n) -> {
            if (!code.equals("tesSUCCESS") && !code.equals("tooBusy")) {
                others.append(others.length() == 0 ? "" : ", ").append(code).append(' ').append(String.format("%,d", n));
            }
        });
        line(b, markdown, "other results", others.length() == 0 ? "none" : others.toString());
        line(b, markdown, "validated/s", String.format("%,.0f (%,d validated in %.2f s)",
                perSecond(validatedCount(), validatedSeconds), validatedCount(), validatedSeconds));
        b.append('\n');
        if (markdown) {
            b.append("| latency (ms) | p50 | p90 | p99 | p99.9 | max | count |\n");
            b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        } else {
            b.append(String.format("%-22s %9s %9s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p90", "p99", "p99.9",
                    "max", "count"));
        }
        row(b, markdown, "submit -> result", toResult);
        row(b, markdown, "submit -> validated", toValidated);
        return b.toString();
    }

    private static void line(StringBuilder b, boolean markdown, String name, String value) {
        if (markdown) {
            b.append("- **").append(name).append("**: ").append(value).append('\n');
        } else {
            b.append(String.format("%-15s %s%n", name, value));
        }
    }

    private static void row(StringBuilder b, boolean markdown, String name, Histogram hist) {
        String[] cells = new String[PERCENTILES.length + 2];
        for (int i = 0; i < PERCENTILES.length; i++) {
            cells[i] = millis(hist.getTotalCount() == 0 ? -1 : hist.getValueAtPercentile(PERCENTILES[i]));
        }
        cells[PERCENTILES.length] = millis(hist.getTotalCount() == 0 ? -1 : hist.getMaxValue());
        cells[PERCENTILES.length + 1] = String.format("%,d", hist.getTotalCount());
        if (markdown) {
            b.append("| ").append(name).append(" | ").append(String.join(" | ", cells)).append(" |\n");
        } else {
            b.append(String.format("%-22s", name));
            for (String c : cells) {
                b.append(String.format(" %9s", c));
            }
            b.append('\n');
        }
    }

    private static String millis(long micros) {
        return micros < 0 ? "-" : String.format("%.2f", micros / 1000.0);
    }

    private static double perSecond(long n, double seconds) {
        return seconds > 0 ? n / seconds : 0;
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(MAX_MICROS, micros));
    }
}
