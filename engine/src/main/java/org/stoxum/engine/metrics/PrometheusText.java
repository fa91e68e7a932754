package org.stoxum.engine.metrics;

import java.util.List;

/**
 * The Prometheus text exposition format, version 0.0.4: per family a {@code # HELP} and a {@code # TYPE}
 * line, then one line per sample, {@code name{label="value",...} value}, ending in a newline.
 */
public final class PrometheusText {
    /** The Content-Type a scrape answer carries. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    /** The text for {@code metrics}, each read now. */
    public static String write(List<Metric> metrics) {
        StringBuilder out = new StringBuilder(4096);
        for (Metric m : metrics) {
            out.append("# HELP ").append(m.name()).append(' ').append(escapeHelp(m.help())).append('\n');
            out.append("# TYPE ").append(m.name()).append(' ').append(m.type()).append('\n');
            m.collect((suffix, labels, value) -> {
                out.append(m.name()).append(suffix);
                if (labels.length > 0) {
                    out.append('{');
                    for (int i = 0; i + 1 < labels.length; i += 2) {
                        if (i > 0) {
                            out.append(',');
                        }
                        out.append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1])).append('"');
                    }
                    out.append('}');
                }
                out.append(' ').append(number(value)).append('\n');
            });
        }
        return out.toString();
    }

    /** A sample value as the format spells it: integers without a fraction, {@code +Inf}, {@code NaN}. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** HELP text escapes backslash and line feed. */
    static String escapeHelp(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Label values also escape the double quote. */
    static String escapeLabel(String text) {
        return escapeHelp(text).replace("\"", "\\\"");
    }
}
