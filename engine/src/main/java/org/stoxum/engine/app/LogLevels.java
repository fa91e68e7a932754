package org.stoxum.engine.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The log thresholds the {@code log_level} command reads and sets (rippled's {@code Logs}): a base
 * threshold and one per named partition. The names and spellings are stoxumd's.
 *
 * <p>Logging itself goes through SLF4J, whose simple binding fixes its level at start-up; the table is
 * kept so the command answers as stoxumd does.
 */
public final class LogLevels {
    /** A log severity, as stoxumd names it in answers. */
    public enum Severity {
        TRACE("Trace"), DEBUG("Debug"), INFO("Info"), WARNING("Warning"), ERROR("Error"), FATAL("Fatal");

        private final String display;

        Severity(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }

        /** Reads a severity as stoxumd does: any case, with its aliases ("warn", "errors", ...). */
        public static Optional<Severity> parse(String s) {
            String w = s.toLowerCase(Locale.ROOT);
            return Optional.ofNullable(switch (w) {
                case "trace" -> TRACE;
                case "debug" -> DEBUG;
                case "info", "information" -> INFO;
                case "warn", "warning", "warnings" -> WARNING;
                case "error", "errors" -> ERROR;
                case "fatal", "fatals" -> FATAL;
                default -> null;
            });
        }
    }

    private Severity base;
    private final Map<String, Severity> partitions = new TreeMap<>();

    public LogLevels(Severity base) {
        this.base = base;
    }

    public synchronized Severity base() {
        return base;
    }

    public synchronized void base(Severity s) {
        base = s;
    }

    /** Sets one partition's threshold ("base", in any case, is the base threshold). */
    public synchronized void partition(String name, Severity s) {
        if (name.equalsIgnoreCase("base")) {
            base = s;
        } else {
            partitions.put(name, s);
        }
    }

    /** Every partition named so far with its threshold, by name. */
    public synchronized Map<String, Severity> partitions() {
        return new TreeMap<>(partitions);
    }
}
