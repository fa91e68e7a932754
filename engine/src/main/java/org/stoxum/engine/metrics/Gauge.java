package org.stoxum.engine.metrics;

import java.util.function.DoubleSupplier;

/** A value read when scraped: a ledger index, a queue's free slots, the heap in use. */
public final class Gauge extends MetricFamily {
    private final DoubleSupplier value;

    Gauge(String name, String help, DoubleSupplier value) {
        super(name, help, "gauge");
        this.value = value;
    }

    public double get() {
        return value.getAsDouble();
    }

    @Override
    public void collect(SampleSink out) {
        out.sample("", NO_LABELS, value.getAsDouble());
    }
}
