package org.stoxum.engine.app;

import org.stoxum.engine.app.LogLevels.Severity;

/**
 * The logging backend behind {@link LogLevels}: what makes a threshold take effect and reopens the log
 * file. The engine logs through slf4j-api only and leaves the choice of backend to the launcher, which
 * implements this for the backend it installs.
 */
public interface LogBackend {
    /** A backend that changes nothing and has no log file (the engine on its own, and its tests). */
    LogBackend NONE = new LogBackend() {
        @Override
        public void base(Severity s) {
        }

        @Override
        public void partition(String name, Severity s) {
        }

        @Override
        public boolean reopen() {
            return false;
        }
    };

    /** Sets the threshold of every logger without one of its own. */
    void base(Severity s);

    /** Sets the threshold of one partition, the logger of that name and the loggers below it. */
    void partition(String name, Severity s);

    /** Closes and reopens the log file; false when there is none or it cannot be opened. */
    boolean reopen();
}
