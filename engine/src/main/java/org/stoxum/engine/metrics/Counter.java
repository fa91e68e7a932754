package org.stoxum.engine.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A count that only goes up, cheap to bump from many threads. */
public final class Counter implements Metric {
    private static final String[] NO_LABELS = {};

    private final String name;
    private final String help;
    private final LongAdder value = new LongAdder();

    public Counter(String name, String help) {
        this.name = name;
        this.help = help;
    }

    public void inc() {
        value.increment();
    }

    public void add(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a counter cannot go down: " + n);
        }
        value.add(n);
    }

    public long get() {
        return value.sum();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    @Override
    public String type() {
        return "counter";
    }

    @Override
    public void collect(SampleSink out) {
        out.sample("", NO_LABELS, value.sum());
    }
}
