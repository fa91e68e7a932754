package org.stoxum.engine.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A count that only goes up, cheap to bump from many threads. */
public final class Counter extends MetricFamily {
    private final LongAdder value = new LongAdder();

    public Counter(String name, String help) {
        super(name, help, "counter");
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
    public void collect(SampleSink out) {
        out.sample("", NO_LABELS, value.sum());
    }
}
