package org.stoxum.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.stoxum.engine.app.LogBackend;
import org.stoxum.engine.app.LogLevels;
import org.stoxum.engine.app.LogLevels.Severity;
import org.stoxum.engine.app.LogPartitions;

/**
 * The server's log as stoxumd keeps it, on logback: {@link LogLine}s on stderr and, with
 * {@code [debug_logfile]}, the same lines appended to that file. Thresholds set through {@code log_level}
 * take effect at once: a partition's threshold goes to the loggers {@link LogPartitions} lists for it and
 * to the logger named like it. {@code logrotate} closes and reopens the file so an outside rotation can
 * move it away.
 *
 * <p>slf4j has no fatal level, so a fatal threshold turns a logger off and a filter lets through the lines
 * marked {@link LogLevels#FATAL_MARKER}, which no threshold can stop.
 */
public final class LogbackLogs implements LogBackend {

    private final LoggerContext context;
    private final ConsoleAppender<ILoggingEvent> console;
    private FileAppender<ILoggingEvent> file;

    private LogbackLogs(LoggerContext context, ConsoleAppender<ILoggingEvent> console) {
        this.context = context;
        this.console = console;
    }

    /**
     * Replaces whatever logback configured on its own with the console on stderr at {@code threshold}.
     * Done before the first line is written, so every line has the same form.
     */
    public static LogbackLogs install(Severity threshold) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.addTurboFilter(new FatalPasses());
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setTarget("System.err");
        start(context, console, "console");
        LogbackLogs logs = new LogbackLogs(context, console);
        logs.root().addAppender(console);
        logs.base(threshold);
        return logs;
    }

    /** The logback level that carries out a stoxumd severity (fatal lines pass {@link FatalPasses}). */
    static Level level(Severity s) {
        return switch (s) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARN;
            case ERROR -> Level.ERROR;
            case FATAL -> Level.OFF;
        };
    }

    /** Also appends every line to {@code path} ({@code [debug_logfile]}); false when it cannot be opened. */
    public synchronized boolean logTo(Path path) {
        FileAppender<ILoggingEvent> f = new FileAppender<>();
        f.setFile(path.toString());
        f.setAppend(true);
        start(context, f, "debug_logfile");
        if (!f.isStarted()) {
            return false;
        }
        file = f;
        root().addAppender(f);
        return true;
    }

    /** Stops writing to stderr ({@code --silent} once the server runs); the file, if any, goes on. */
    public void silence() {
        root().detachAppender(console);
        console.stop();
    }

    @Override
    public void base(Severity s) {
        root().setLevel(level(s));
    }

    @Override
    public void partition(String name, Severity s) {
        Level l = level(s);
        context.getLogger(name).setLevel(l);
        LogPartitions.loggers(name).forEach(logger -> context.getLogger(logger).setLevel(l));
    }

    @Override
    public synchronized boolean reopen() {
        if (file == null) {
            return false;
        }
        file.stop();
        file.start();
        return file.isStarted();
    }

    private Logger root() {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static void start(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, String name) {
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
    }

    /** Accepts every fatal line whatever the thresholds; leaves the rest to them. */
    private static final class FatalPasses extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            return marker != null && marker.contains(LogLevels.FATAL_MARKER) ? FilterReply.ACCEPT
                    : FilterReply.NEUTRAL;
        }
    }
}
