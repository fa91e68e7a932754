package org.stoxum.engine.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The log thresholds the {@code log_level} command reads and sets (rippled's {@code Logs}): a base
 * threshold and one per partition. The names and spellings are stoxumd's: every partition of
 * {@link LogPartitions} is there from the start at the base threshold, as a running stoxumd lists them,
 * and a name in another case is the same partition. A name stoxumd lacks becomes a partition of its own.
 *
 * <p>The table answers the command as stoxumd does; a {@link LogBackend} attached by the launcher makes
 * each change take effect and reopens the log file for {@code logrotate}.
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

    /**
     * Marks a line as fatal, which slf4j cannot say: logged at error with this marker, it is written as
     * stoxumd's fatal and passes every threshold, while plain error lines stop at a fatal threshold.
     */
    public static final Marker FATAL_MARKER = MarkerFactory.getMarker("FATAL");

    private Severity base;
    /** Looked up in any case; keys keep the spelling they were first given. */
    private final TreeMap<String, Severity> partitions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private LogBackend backend = LogBackend.NONE;

    public LogLevels(Severity base) {
        this.base = base;
        LogPartitions.names().forEach(name -> partitions.put(name, base));
    }

    public synchronized Severity base() {
        return base;
    }

    /** Sets the base threshold; as in stoxumd, every partition named so far takes it too. */
    public synchronized void base(Severity s) {
        base = s;
        partitions.replaceAll((name, old) -> s);
        backend.base(s);
        partitions.keySet().forEach(name -> backend.partition(name, s));
    }

    /** Sets one partition's threshold ("base", in any case, is the base threshold). */
    public synchronized void partition(String name, Severity s) {
        if (name.equalsIgnoreCase("base")) {
            base(s);
        } else {
            partitions.put(name, s);
            String known = partitions.ceilingKey(name);
            backend.partition(known, s);
        }
    }

    /** Makes {@code b} carry out the thresholds, starting with the ones already set. */
    public synchronized void attach(LogBackend b) {
        backend = b;
        b.base(base);
        partitions.forEach(b::partition);
    }

    /** Closes and reopens the log file ({@code logrotate}); false when there is none to reopen. */
    public synchronized boolean rotate() {
        return backend.reopen();
    }

    /** Every partition with its threshold, in stoxumd's order (by name, capitals first). */
    public synchronized Map<String, Severity> partitions() {
        Map<String, Severity> byName = new TreeMap<>();
        byName.putAll(partitions);
        return byName;
    }
}
