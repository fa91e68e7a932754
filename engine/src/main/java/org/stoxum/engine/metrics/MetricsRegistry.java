package org.stoxum.engine.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * The node's metric families, in registration order. Asking again for a family already registered
 * with the same type returns the existing one, so a component restarted on the same registry (an RPC
 * server, a pipeline) keeps counting where it left off instead of failing; asking with another type is
 * a programming error.
 */
public final class MetricsRegistry {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final Map<String, Metric> families = new LinkedHashMap<>();

    public Counter counter(String name, String help) {
        return register(Counter.class, name, () -> new Counter(name, help));
    }

    public LabeledCounter labeledCounter(String name, String help, String label) {
        requireName(label);
        return register(LabeledCounter.class, name, () -> new LabeledCounter(name, help, label));
    }

    /**
     * A gauge read from {@code value} at each scrape. Registering a gauge again replaces its source
     * (the newest component owning the value answers).
     */
    public synchronized Gauge gauge(String name, String help, DoubleSupplier value) {
        requireName(name);
        Metric existing = families.get(name);
        if (existing != null && !(existing instanceof Gauge)) {
            throw new IllegalArgumentException(name + " is already registered as a " + existing.type());
        }
        Gauge gauge = new Gauge(name, help, value);
        families.put(name, gauge);
        return gauge;
    }

    /** @param bounds the buckets' upper bounds, increasing */
    public Histogram histogram(String name, String help, double... bounds) {
        return register(Histogram.class, name, () -> new Histogram(name, help, bounds));
    }

    /** Adds a family written elsewhere (labelled gauges read from the JVM, say). */
    public synchronized void register(Metric metric) {
        requireName(metric.name());
        Metric existing = families.get(metric.name());
        if (existing != null && existing.getClass() != metric.getClass()) {
            throw new IllegalArgumentException(metric.name() + " is already registered as a " + existing.type());
        }
        families.put(metric.name(), metric);
    }

    /** The families as they stand now. */
    public synchronized List<Metric> metrics() {
        return new ArrayList<>(families.values());
    }

    /** Every family in the Prometheus text format. */
    public String scrape() {
        return PrometheusText.write(metrics());
    }

    private synchronized <M extends Metric> M register(Class<M> type, String name,
            java.util.function.Supplier<M> make) {
        requireName(name);
        Metric existing = families.get(name);
        if (existing != null) {
            if (!type.isInstance(existing)) {
                throw new IllegalArgumentException(name + " is already registered as a " + existing.type());
            }
            return type.cast(existing);
        }
        M created = make.get();
        families.put(name, created);
        return created;
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid metric or label name");
        }
    }
}
