package org.stoxum.engine.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Observations counted into fixed buckets (cumulative on output, as Prometheus expects), with their sum
 * and count. Buckets are chosen up front, so an observation costs a short scan and two adds.
 */
public final class Histogram extends MetricFamily {
    private final double[] bounds;
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    public Histogram(String name, String help, double... bounds) {
        super(name, help, "histogram");
        if (bounds.length == 0) {
            throw new IllegalArgumentException(name + ": a histogram needs at least one bucket");
        }
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException(name + ": bucket bounds must increase");
            }
        }
        this.bounds = bounds.clone();
        this.counts = new LongAdder[bounds.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Records one observation (seconds, bytes: whatever the family measures). */
    public void observe(double value) {
        int i = Arrays.binarySearch(bounds, value);
        if (i < 0) {
            i = -i - 1;
        }
        if (i < counts.length) {
            counts[i].increment();
        }
        sum.add(value);
        count.increment();
    }

    /** Observations so far. */
    public long count() {
        return count.sum();
    }

    @Override
    public void collect(SampleSink out) {
        // Observations landing during the scrape may be in a bucket but not yet in the total: the
        // +Inf bucket and the count are never reported below the finite buckets.
        long total = count.sum();
        double totalSum = sum.sum();
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += counts[i].sum();
            out.sample("_bucket", new String[] {"le", PrometheusText.number(bounds[i])}, cumulative);
        }
        out.sample("_bucket", new String[] {"le", "+Inf"}, Math.max(total, cumulative));
        out.sample("_sum", new String[0], totalSum);
        out.sample("_count", new String[0], Math.max(total, cumulative));
    }
}
