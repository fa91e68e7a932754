package org.stoxum.cli.commandline;

/** The lowest log severity written, as {@code -q}/{@code -v} choose it (stoxumd's beast severities). */
public enum LogThreshold {
    TRACE,
    DEBUG,
    INFO,
    WARNING,
    ERROR,
    FATAL
}
