package org.stoxum.engine.metrics;

/** What every metric family has besides its samples: its name, help line and exposition type. */
abstract class MetricFamily implements Metric {
    /** Labels of an unlabelled sample. */
    static final String[] NO_LABELS = {};

    private final String name;
    private final String help;
    private final String type;

    MetricFamily(String name, String help, String type) {
        this.name = name;
        this.help = help;
        this.type = type;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String help() {
        return help;
    }

    @Override
    public final String type() {
        return type;
    }
}
