package org.stoxum.engine.metrics;

/** One metric family of a {@link MetricsRegistry}: a name, its help text, a type and its samples. */
public interface Metric {

    /** The family name, {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    String name();

    /** One line saying what is measured. */
    String help();

    /** The exposition type: {@code counter}, {@code gauge} or {@code histogram}. */
    String type();

    /** Writes the family's samples, read now. */
    void collect(SampleSink out);

    /** Receives samples as a family writes them. */
    interface SampleSink {
        /**
         * One sample.
         *
         * @param suffix appended to the family name ({@code ""}, {@code "_bucket"}, {@code "_sum"}...)
         * @param labels alternating label names and values; empty for none
         */
        void sample(String suffix, String[] labels, double value);
    }
}
