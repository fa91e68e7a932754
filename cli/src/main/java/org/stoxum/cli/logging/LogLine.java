package org.stoxum.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.app.LogPartitions;

/**
 * One log line as stoxumd writes it: {@code 2018-Jan-01 00:00:00 LedgerMaster:NFO message}, the time in
 * UTC to the second, the partition, rippled's three-letter severity, then the message. Like stoxumd, a line
 * is cut at 12 KiB and the first quoted value after each secret-bearing key is masked with asterisks, so a
 * logged request does not leak a seed. A stack trace, which stoxumd never has, follows on its own lines.
 */
public final class LogLine extends LayoutBase<ILoggingEvent> {
    /** stoxumd's limit on a line, in characters, "..." included. */
    static final int MAXIMUM_CHARACTERS = 12 * 1024;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MMM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The keys whose values stoxumd masks. */
    private static final List<String> SECRETS = List.of("\"seed\"", "\"seed_hex\"", "\"secret\"",
            "\"master_key\"", "\"master_seed\"", "\"master_seed_hex\"", "\"passphrase\"");

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ');
        line.append(LogPartitions.partitionOf(event.getLoggerName()).orElseGet(() -> simpleName(event)));
        line.append(':').append(severity(event)).append(' ').append(event.getFormattedMessage());
        if (line.length() > MAXIMUM_CHARACTERS) {
            line.setLength(MAXIMUM_CHARACTERS - 3);
            line.append("...");
        }
        SECRETS.forEach(key -> mask(line, key));
        line.append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    /** rippled's severity tag; fatal is an error line carrying {@link LogLevels#FATAL_MARKER}. */
    static String severity(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return isFatal(event) ? "FTL" : "ERR";
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return "WRN";
        }
        if (level.isGreaterOrEqual(Level.INFO)) {
            return "NFO";
        }
        return level.isGreaterOrEqual(Level.DEBUG) ? "DBG" : "TRC";
    }

    private static boolean isFatal(ILoggingEvent event) {
        return event.getMarkerList() != null && event.getMarkerList().stream()
                .anyMatch(m -> m.contains(LogLevels.FATAL_MARKER));
    }

    /** A logger outside the partitions shows its last name, as a partition would read. */
    private static String simpleName(ILoggingEvent event) {
        String name = event.getLoggerName();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    /** Masks the quoted value after the first {@code key}, up to its closing quote or the line's end. */
    private static void mask(StringBuilder line, String key) {
        int at = line.indexOf(key);
        if (at < 0) {
            return;
        }
        int first = line.indexOf("\"", at + key.length());
        if (first < 0) {
            return;
        }
        first++;
        int last = line.indexOf("\"", first);
        if (last < 0) {
            last = line.length();
        }
        for (int i = first; i < last; i++) {
            line.setCharAt(i, '*');
        }
    }
}
