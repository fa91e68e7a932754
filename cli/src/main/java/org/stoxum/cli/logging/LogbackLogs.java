package org.stoxum.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.app.LogBackend;
import org.stoxum.engine.app.LogLevels.Severity;

/**
 * The server's log as stoxumd keeps it, on logback: lines on stderr and, with {@code [debug_logfile]},
 * appended to that file too. Thresholds set through {@code log_level} take effect at once (a partition is
 * the logger of that name), and {@code logrotate} closes and reopens the file so an outside rotation can
 * move it away.
 */
public final class LogbackLogs implements LogBackend {
    /** stoxumd's line: UTC time, partition, severity, message. */
    static final String PATTERN = "%d{yyyy-MMM-dd HH:mm:ss.SSS,UTC} %logger{0}:%level %msg%n";

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
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setTarget("System.err");
        start(context, console, "console");
        LogbackLogs logs = new LogbackLogs(context, console);
        logs.root().addAppender(console);
        logs.base(threshold);
        return logs;
    }

    /** The logback level that carries out a stoxumd severity (logback has no fatal: it is error). */
    public static Level level(Severity s) {
        return switch (s) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARN;
            case ERROR, FATAL -> Level.ERROR;
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
        context.getLogger(name).setLevel(level(s));
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
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
    }
}
