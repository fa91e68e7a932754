package org.stoxum.engine.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters told apart by one label (API requests by method). Label values often come from clients, so
 * the number of distinct values is capped: once {@link #MAX_VALUES} are known, new ones are counted
 * under {@value #OTHER}, and a client inventing names cannot grow the node's memory.
 */
public final class LabeledCounter extends MetricFamily {
    /** Distinct label values kept apart. */
    public static final int MAX_VALUES = 128;
    /** The label value counting everything beyond {@link #MAX_VALUES}. */
    public static final String OTHER = "other";

    private final String label;
    private final Map<String, LongAdder> values = new ConcurrentHashMap<>();

    LabeledCounter(String name, String help, String label) {
        super(name, help, "counter");
        this.label = label;
    }

    public void inc(String value) {
        LongAdder adder = values.get(value);
        if (adder == null) {
            String key = values.size() >= MAX_VALUES ? OTHER : value;
            adder = values.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    /** The count for one label value (0 when never seen). */
    public long get(String value) {
        LongAdder adder = values.get(value);
        return adder == null ? 0 : adder.sum();
    }

    @Override
    public void collect(SampleSink out) {
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(values).entrySet()) {
            out.sample("", new String[] {label, e.getKey()}, e.getValue().sum());
        }
    }
}
