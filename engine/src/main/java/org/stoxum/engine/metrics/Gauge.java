package org.stoxum.engine.metrics;

import java.util.function.DoubleSupplier;

/** A value read when scraped: a ledger index, a queue's free slots, the heap in use. */
public final class Gauge implements Metric {
    private static final String[] NO_LABELS = {};

    private final String name;
    private final String help;
    private final DoubleSupplier value;

    Gauge(String name, String help, DoubleSupplier value) {
        this.name = name;
        this.help = help;
        this.value = value;
    }

    public double get() {
        return value.getAsDouble();
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
        return "gauge";
    }

    @Override
    public void collect(SampleSink out) {
        out.sample("", NO_LABELS, value.getAsDouble());
    }
}
